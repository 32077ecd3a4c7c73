"""The Actions tab (issue 11, point 4): the tasks reminder steps create for account managers; listed (mine, or
for ADMIN and MANAGER everyone's), completed with a note, reassigned. Visibility is `policy.actions_visible_to`
and `policy.actions_changeable_by`; an action the caller may not see or change is not found.
"""

from __future__ import annotations

from datetime import datetime

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from portico import policy
from portico.actors import Actor
from portico.errors import DomainError, NotFound
from portico.notifications import clock
from portico.receivables.workflow_models import Action, ActionStatus
from portico.validation import Checker

MAX_NOTE_LENGTH = 2000


def search_actions(
    actor: Actor, *, status: ActionStatus | None = None, mine: bool = False, assignee_id: int | None = None,
    customer_id: int | None = None,
) -> QuerySet[Action]:
    """Visible actions, filtered; `mine` is the caller's own (for ADMIN and MANAGER, whose default is everyone's)."""
    qs = policy.actions_visible_to(actor)
    if mine:
        qs = qs.filter(assignee_id=actor.member.id if actor.member else 0)
    if assignee_id is not None:
        qs = qs.filter(assignee_id=assignee_id)
    if status is not None:
        qs = qs.filter(status=status)
    if customer_id is not None:
        qs = qs.filter(customer_id=customer_id)
    return qs


async def _changeable(actor: Actor, action_id: int) -> Action:
    found = await policy.actions_changeable_by(actor).filter(id=action_id).select_for_update().first()
    if found is None:
        raise NotFound("Action", "actionId")
    return found


async def complete_action(actor: Actor, action_id: int, note: str = "", *, now: datetime | None = None) -> Action:
    """Mark the action done by the caller, with what came of it (a call's outcome, say)."""
    check = Checker()
    note = check.text(note, "note", "Note", max_length=MAX_NOTE_LENGTH, required=False)
    check.raise_if_any()
    async with in_transaction():
        action = await _changeable(actor, action_id)
        if action.status is ActionStatus.DONE:
            raise DomainError("ALREADY_DONE", "This action is already done.", "actionId")
        assert actor.member is not None
        action.status, action.done_at, action.done_by_id, action.note = (
            ActionStatus.DONE, now or clock.now(), actor.member.id, note)
        await action.save(update_fields=["status", "done_at", "done_by_id", "note"])
    return action


async def reassign_action(actor: Actor, action_id: int, member_id: int) -> Action:
    """Hand a to-do action to another account manager of the organization (`policy.action_assignees`)."""
    async with in_transaction():
        action = await _changeable(actor, action_id)
        if action.status is ActionStatus.DONE:
            raise DomainError("ALREADY_DONE", "A done action cannot be reassigned.", "actionId")
        if not await policy.action_assignees(action.organization_id).filter(id=member_id).exists():
            raise DomainError("NOT_AN_ACCOUNT_MANAGER", "Actions go to active account managers of the organization.",
                              "memberId")
        action.assignee_id = member_id
        await action.save(update_fields=["assignee_id"])
    return action
