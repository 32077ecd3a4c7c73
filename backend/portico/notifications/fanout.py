"""Turning what happened into notifications for the people allowed to know.

Activity events arrive through `on_activity`, called by `activity.services.publish` once the event's transaction
has committed. Who is told is decided by `policy.members_who_see_event`, for all candidates in one query. Shares
reach their recipients through `for_share`, inside the share's own transaction (the share email belongs to it).
Each person's choice (immediately, digest, never) sets when their notification is due; `delivery` emails it.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts.models import Organization
from portico.activity.models import ActivityEvent, ActivityEventAudience
from portico.customers.models import Contact, Customer
from portico.notifications import clock
from portico.notifications.kinds import KINDS, Delivery, NotificationKind, kind_for_activity
from portico.notifications.models import Notification, NotificationSettings
from portico.notifications.preferences import delivery_of, settings_for

log = logging.getLogger(__name__)


async def on_activity(event: ActivityEvent) -> list[Notification]:
    """Notify the members who see a customer's activity event and want to hear of its kind. Events by staff
    themselves (a member's own upload, say) notify nobody: only what customers do is news (and, for kinds that say
    so, what happens without a contact: a quote accepted through its public link, or expired)."""
    kind = kind_for_activity(event.kind)
    if kind is None or (event.contact_id is None and not KINDS[kind].without_contact):
        return []
    candidates = {event.sender_id} if event.sender_id is not None else set()
    candidates.update(
        int(m) for m in await ActivityEventAudience.filter(event_id=event.id).values_list("member_id", flat=True)  # type: ignore[call-overload]
    )
    if KINDS[kind].account_managers:
        managers = await Customer.filter(id=event.customer_id).values_list("account_managers__id", flat=True)
        candidates.update(int(m) for m in managers if m is not None)  # type: ignore[call-overload]
    recipients = await policy.members_who_see_event(event, candidates)
    return await queue(kind, event.organization_id, event.customer_id, member_ids=recipients, event_id=event.id)


async def for_share(
    share_id: int, organization_id: int, customer_id: int, recipients: Sequence[Contact]
) -> list[Contact]:
    """The recipients of a share to email now (the share email as always); those who chose the digest get it there,
    those who chose NEVER get no email (the documents wait in their hub). Call inside the share's transaction."""
    kind = NotificationKind.DOCUMENTS_SHARED_WITH_ME
    _, rows = await settings_for(contact_ids=[c.id for c in recipients])
    now_ = [c for c in recipients if delivery_of(rows.get(c.id), kind) is Delivery.IMMEDIATELY]
    later = [c.id for c in recipients if delivery_of(rows.get(c.id), kind) is Delivery.DAILY_DIGEST]
    await queue(kind, organization_id, customer_id, contact_ids=later, share_id=share_id)
    return now_


async def queue(
    kind: NotificationKind,
    organization_id: int,
    customer_id: int,
    *,
    member_ids: Sequence[int] = (),
    contact_ids: Sequence[int] = (),
    event_id: int | None = None,
    share_id: int | None = None,
    now: datetime | None = None,
) -> list[Notification]:
    """Write one notification per person who does not say NEVER, due now or at their next digest; move their
    `next_due_at` earlier where needed. A constant number of queries per call, not per person."""
    if not member_ids and not contact_ids:
        return []
    now = now or clock.now()
    async with in_transaction():
        people = [("member_id", m) for m in member_ids] + [("contact_id", c) for c in contact_ids]
        await NotificationSettings.bulk_create(
            [NotificationSettings(organization_id=organization_id, **{column: pk}) for column, pk in people],
            ignore_conflicts=True,
        )
        # Locked: while the delivery job holds one of these people (it is sending their earlier notifications and will
        # set `next_due_at` from what it sees, not from ours), wait for it, then plan from what it committed.
        by_member, by_contact = await settings_for(member_ids=member_ids, contact_ids=contact_ids, lock=True)
        organization_zone = await Organization.filter(id=organization_id).first().values_list("timezone", flat=True)
        notifications: list[Notification] = []
        moves: dict[datetime, list[int]] = defaultdict(list)
        for column, pk in people:
            row = (by_member if column == "member_id" else by_contact)[pk]
            delivery = delivery_of(row, kind)
            if delivery is Delivery.NEVER:
                continue
            due = now
            if delivery is Delivery.DAILY_DIGEST:
                zone = clock.zone(row.timezone or str(organization_zone or "UTC"))
                due = clock.next_digest_at(now, zone, row.digest_minute)
            notifications.append(
                Notification(
                    organization_id=organization_id, kind=kind, delivery=delivery, customer_id=customer_id,
                    event_id=event_id, share_id=share_id, due_at=due, **{column: pk},
                )
            )
            moves[due].append(row.id)
        if notifications:
            await Notification.bulk_create(notifications)
        for due, ids in moves.items():
            # Compared again in SQL (cheap, and right even where the database cannot lock rows).
            await NotificationSettings.filter(id__in=ids).filter(
                Q(next_due_at__isnull=True) | Q(next_due_at__gt=due)
            ).update(next_due_at=due)
    return notifications
