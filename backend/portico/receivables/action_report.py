"""Actions to do vs done per account manager over a period (issue 11, point 5), counted by the database.

The period is of due dates (inclusive): for the actions due in it, how many are done and how many still to do,
per assignee (None: unassigned). Visibility is `policy.actions_visible_to`: a MEMBER counts their own actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tortoise.functions import Count

from portico import policy
from portico.actors import Actor
from portico.errors import DomainError
from portico.receivables.workflow_models import ActionStatus

MAX_PERIOD_DAYS = 3 * 366


@dataclass(frozen=True)
class ActionCounts:
    member_id: int | None
    todo: int
    done: int


async def action_report(actor: Actor, *, start: date, end: date) -> list[ActionCounts]:
    if end < start:
        raise DomainError("INVALID_PERIOD", "The period ends before it starts.", "to")
    if (end - start).days > MAX_PERIOD_DAYS:
        raise DomainError("INVALID_PERIOD", "The period is at most three years.", "to")
    rows = await (
        policy.actions_visible_to(actor).filter(due_on__gte=start, due_on__lte=end)
        .annotate(n=Count("id")).group_by("assignee_id", "status").values("assignee_id", "status", "n")
    )
    counts: dict[int | None, dict[str, int]] = {}
    for row in rows:
        counts.setdefault(row["assignee_id"], {})[str(row["status"])] = int(row["n"])
    return [
        ActionCounts(member_id, c.get(ActionStatus.TODO.value, 0), c.get(ActionStatus.DONE.value, 0))
        for member_id, c in sorted(counts.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
    ]
