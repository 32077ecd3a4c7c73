"""The periodic job that emails due notifications: immediate ones within a tick, digests at the person's time.

A run claims people, not notifications: `NotificationSettings` rows whose `next_due_at` has passed, with
`SELECT ... FOR UPDATE SKIP LOCKED` (PostgreSQL; SQLite runs one write transaction at a time). Within the same
transaction it composes their emails, queues them in the outbox and marks the notifications SENT, so a person is
handled by one worker and committed once: two workers never send the same notification, and a crash sends none
(the rows stay PENDING for the next run). Visibility is checked again at sending time with `policy`: whatever the
person may no longer see (hub access off, a share's customer reassigned) is dropped, not emailed.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts.models import Organization
from portico.actors import Actor, contact_actor, member_actor
from portico.mail.outbox import enqueue_rendered
from portico.notifications import clock
from portico.notifications.emails import compose
from portico.notifications.kinds import Delivery, NotificationKind
from portico.notifications.models import Notification, NotificationSettings, NotificationStatus
from portico.notifications.preferences import delivery_of
from portico.settings import Settings

log = logging.getLogger(__name__)


async def deliver_due(settings: Settings, *, now: datetime | None = None, batch: int = 50) -> int:
    """Email everyone whose notifications are due; returns how many emails were queued."""
    now = now or clock.now()
    queued = 0
    async with in_transaction():
        rows = (
            await NotificationSettings.filter(next_due_at__lte=now)
            .order_by("next_due_at", "id")
            .limit(batch)
            .select_for_update(skip_locked=True)
        )
        for row in rows:
            queued += await _deliver_to(settings, row, now)
    return queued


async def _deliver_to(settings: Settings, row: NotificationSettings, now: datetime) -> int:
    actor = await (member_actor(row.member_id) if row.member_id is not None else contact_actor(row.contact_id or 0))
    person = actor.member if actor and actor.member else actor.contact if actor else None
    due = await Notification.filter(**_owner(row), status=NotificationStatus.PENDING, due_at__lte=now).order_by("id")
    keep = await _still_visible(actor, due) if actor is not None and person is not None and person.email else set()
    keep = {n.id for n in due if n.id in keep and delivery_of(row, n.kind) is not Delivery.NEVER}
    dropped = [n.id for n in due if n.id not in keep]
    if dropped:
        await Notification.filter(id__in=dropped).update(status=NotificationStatus.DROPPED)
    queued = 0
    if keep and actor is not None and person is not None:
        organization = actor.organization or await Organization.get(id=row.organization_id)
        zone = clock.zone(row.timezone or organization.timezone)
        by_kind: dict[NotificationKind, list[Notification]] = defaultdict(list)
        for notification in due:
            if notification.id in keep:
                by_kind[notification.kind].append(notification)
        for kind, notifications in by_kind.items():
            composed = await compose(settings, actor, person, organization, kind, notifications, zone)
            email = await enqueue_rendered(
                composed.email, to=composed.to, kind=f"notification_{kind.value.lower()}"[:40],
                organization_id=row.organization_id, headers=composed.headers, secrets=composed.secrets,
            )
            await Notification.filter(id__in=[n.id for n in notifications]).update(
                status=NotificationStatus.SENT, sent_at=now, email_id=email.id
            )
            queued += 1
    following = await Notification.filter(**_owner(row), status=NotificationStatus.PENDING).order_by(
        "due_at"
    ).first().values_list("due_at", flat=True)
    await NotificationSettings.filter(id=row.id).update(next_due_at=following)
    return queued


def _owner(row: NotificationSettings) -> dict[str, int | None]:
    return {"member_id": row.member_id} if row.member_id is not None else {"contact_id": row.contact_id}


async def _still_visible(actor: Actor, due: list[Notification]) -> set[int]:
    """The notifications whose event (staff) or share (contacts) the person may still see: one query each."""
    event_ids = [n.event_id for n in due if n.event_id is not None]
    share_ids = [n.share_id for n in due if n.share_id is not None]
    events = set(await policy.events_visible_to(actor).filter(id__in=event_ids).values_list("id", flat=True)) if (
        event_ids) else set()
    shares = set(await policy.shares_visible_to(actor).filter(id__in=share_ids).values_list("id", flat=True)) if (
        share_ids) else set()
    return {n.id for n in due if (n.event_id in events) or (n.share_id in shares)}


HISTORY_DAYS = 90


async def forget_old(*, now: datetime | None = None, days: int = HISTORY_DAYS) -> int:
    """Delete sent and dropped notifications older than `days` (the outbox keeps what was emailed); returns how many.
    Pending ones stay whatever their age: they are still to be sent."""
    cutoff = (now or clock.now()) - timedelta(days=days)
    return await Notification.filter(
        status__in=[NotificationStatus.SENT, NotificationStatus.DROPPED], created_at__lt=cutoff
    ).delete()
