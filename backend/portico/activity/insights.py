"""Insight figures over activity events: counts by kind, unique viewers, last activity, views per day.

Computed for many hubs, shares or documents at once (one grouped query for the counts, one for views per day,
whatever the number of items), always over the events the asking actor may see.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tortoise.expressions import Q
from tortoise.functions import Count, Max

from portico import policy
from portico.activity.models import ActivityKind
from portico.actors import Actor

SCOPES = ("hub", "share", "document", "customer")
DAYS = 30


@dataclass
class Figures:
    counts: dict[str, int] = field(default_factory=dict)
    unique_viewers: int = 0
    last_activity_at: datetime | None = None


async def figures(actor: Actor, scope: str, ids: list[int]) -> dict[int, Figures]:
    """Counts by kind, unique viewers and last activity of each of `ids`: one grouped query (a conditional count per
    kind), over the events the actor may see."""
    assert scope in SCOPES
    column = f"{scope}_id"
    per_kind = {f"n_{kind.value.lower()}": Count("id", _filter=Q(kind=kind)) for kind in ActivityKind}
    rows = await (
        policy.events_visible_to(actor)
        .filter(**{f"{column}__in": ids})
        .annotate(**per_kind, u=Count("contact_id", distinct=True), last=Max("occurred_at"))
        .group_by(column)
        .values(column, *per_kind, "u", "last")
    )
    result: dict[int, Figures] = {}
    for row in rows:
        counts = {kind.value: int(row[f"n_{kind.value.lower()}"]) for kind in ActivityKind}
        result[row[column]] = Figures(
            counts={k: n for k, n in counts.items() if n}, unique_viewers=row["u"], last_activity_at=row["last"]
        )
    return {i: result.get(i, Figures()) for i in ids}


async def views_per_day(actor: Actor, scope: str, ids: list[int]) -> dict[int, list[tuple[date, int]]]:
    """The last 30 days, oldest first, including days without views (charts need the zeros).

    Days are the organization's calendar days (its time zone), like the dates of its share folders.
    """
    assert scope in SCOPES
    column = f"{scope}_id"
    zone = ZoneInfo(actor.organization.timezone if actor.organization else "UTC")
    today = datetime.now(zone).date()
    first_day = today - timedelta(days=DAYS - 1)
    since = datetime.combine(first_day, datetime.min.time(), tzinfo=zone)
    rows = await (
        policy.events_visible_to(actor)
        .filter(**{f"{column}__in": ids}, kind=ActivityKind.DOCUMENT_VIEWED, occurred_at__gte=since)
        .values_list(column, "occurred_at")
    )
    per: dict[int, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for key, when in rows:
        per[key][when.astimezone(zone).date()] += 1
    days = [first_day + timedelta(days=i) for i in range(DAYS)]
    return {i: [(d, per[i].get(d, 0)) for d in days] for i in ids}
