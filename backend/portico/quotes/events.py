"""What happens to a quote: one function writes the step's ActivityEvent and the status it leads to, together.

The quote's status is derived from its events: `record_event` is the only writer of `Quote.status` and of the
step timestamps (sent_at, opened_at, ...), and it writes them in the caller's transaction with the event, the
quote row locked, so two steps at once (an acceptance and an expiry) cannot both pass the transition check.
After the commit the caller hands the events to `publish_events` (live feed, then notifications).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from portico.activity import services as activity
from portico.activity.models import ActivityEvent, ActivityEventAudience, ActivityKind
from portico.actors import Actor
from portico.customers.models import Customer
from portico.errors import DomainError
from portico.hubs.models import Hub
from portico.quotes.models import Quote, QuoteStatus
from portico.realtime.base import Broker

_OPEN = frozenset({QuoteStatus.SENT, QuoteStatus.OPENED, QuoteStatus.DOWNLOADED})

# kind -> (the statuses it may happen in (None: any), the status it leads to (None: unchanged), the timestamp).
_STEPS: dict[ActivityKind, tuple[frozenset[QuoteStatus] | None, QuoteStatus | None, str | None]] = {
    ActivityKind.QUOTE_PUBLISHED: (frozenset({QuoteStatus.DRAFT}), QuoteStatus.SENT, "sent_at"),
    ActivityKind.QUOTE_OPENED: (None, None, "opened_at"),
    ActivityKind.QUOTE_DOWNLOADED: (None, None, "downloaded_at"),
    ActivityKind.QUOTE_VERSION_ADDED: (None, None, None),
    ActivityKind.QUOTE_ACCEPTED: (_OPEN, QuoteStatus.ACCEPTED, "accepted_at"),
    ActivityKind.QUOTE_DECLINED: (_OPEN, QuoteStatus.DECLINED, "declined_at"),
    ActivityKind.QUOTE_EXPIRED: (_OPEN, QuoteStatus.EXPIRED, "expired_at"),
    ActivityKind.QUOTE_ARCHIVED: (frozenset(QuoteStatus) - {QuoteStatus.ARCHIVED}, QuoteStatus.ARCHIVED, "archived_at"),
}
# Opening and downloading move the status forward only while the customer has not answered yet.
_VIEWS: dict[ActivityKind, tuple[frozenset[QuoteStatus], QuoteStatus]] = {
    ActivityKind.QUOTE_OPENED: (frozenset({QuoteStatus.SENT}), QuoteStatus.OPENED),
    ActivityKind.QUOTE_DOWNLOADED: (frozenset({QuoteStatus.SENT, QuoteStatus.OPENED}), QuoteStatus.DOWNLOADED),
}


def _refusal(kind: ActivityKind, status: QuoteStatus) -> DomainError:
    if status is QuoteStatus.DRAFT:
        return DomainError("QUOTE_NOT_SENT", "This quote has not been sent yet.", "quoteId")
    if kind is ActivityKind.QUOTE_PUBLISHED:
        return DomainError("ALREADY_SENT", "This quote has already been sent.", "quoteId")
    label = status.value.lower()
    return DomainError("QUOTE_CLOSED", f"This quote is {label}: it can no longer be answered or changed.", "quoteId")


async def record_event(
    actor: Actor | None,
    quote: Quote,
    kind: ActivityKind,
    *,
    detail: str = "",
    changes: Mapping[str, Any] | None = None,
    now: datetime | None = None,
) -> ActivityEvent:
    """Record one step of a quote and the status it leads to. Call inside a transaction (nothing half-written).

    `actor`: who did it (a contact opening it, a member publishing it, a public-link visitor accepting it), or None
    for the clock (expiry). `changes`: more fields of the quote written with the step (a decline's reason).
    Raises DomainError (QUOTE_NOT_SENT, ALREADY_SENT, QUOTE_CLOSED) when the quote's current status does not allow
    the step; `quote` is refreshed from the locked row, whatever the caller loaded.
    """
    allowed, leads_to, stamp = _STEPS[kind]
    now = now or datetime.now(UTC)
    locked = await Quote.filter(id=quote.id).select_for_update().get()
    if allowed is not None and locked.status not in allowed:
        raise _refusal(kind, locked.status)
    if kind in _VIEWS:
        moving_from, moved_to = _VIEWS[kind]
        if locked.status is QuoteStatus.DRAFT:
            raise _refusal(kind, locked.status)
        leads_to = moved_to if locked.status in moving_from else None
    update: dict[str, Any] = dict(changes or {})
    if leads_to is not None:
        update["status"] = leads_to
    if stamp is not None and getattr(locked, stamp) is None:
        update[stamp] = now
    if kind is ActivityKind.QUOTE_DOWNLOADED and locked.opened_at is None:
        update["opened_at"] = now  # a download is an opening too (reminders "unopened" stop)
    if kind is ActivityKind.QUOTE_VERSION_ADDED and locked.status is not QuoteStatus.DRAFT:
        # The customer now has a version they have not opened: its "not opened" and "not answered" reminders
        # start again from now (reminder_plan), whether or not the change was emailed.
        update["version_sent_at"], update["version_opened_at"] = now, None
    elif kind in _VIEWS and locked.version_sent_at is not None and locked.version_opened_at is None:
        update["version_opened_at"] = now
    if update:
        update["updated_at"] = now
        await Quote.filter(id=locked.id).update(**update)
        for field, value in update.items():
            setattr(locked, field, value)
    for field in ("status", "sent_at", "opened_at", "downloaded_at", "accepted_at", "declined_at", "expired_at",
                  "archived_at", "decline_reason", "updated_at", "removed_at", "version_sent_at",
                  "version_opened_at"):
        setattr(quote, field, getattr(locked, field))
    return await _write_event(actor, locked, kind, detail or f"{locked.number} {locked.title}", now)


async def _write_event(actor: Actor | None, quote: Quote, kind: ActivityKind, detail: str,
                       now: datetime) -> ActivityEvent:
    contact = actor.contact if actor else None
    member = actor.member if actor else None
    hub_id = await Hub.filter(customer_id=quote.customer_id).first().values_list("id", flat=True)
    event = await ActivityEvent.create(
        organization_id=quote.organization_id,
        customer_id=quote.customer_id,
        hub_id=hub_id,
        kind=kind,
        occurred_at=now,
        contact_id=contact.id if contact else None,
        quote_id=quote.id,
        sender_id=quote.sender_id,
        actor_name=_actor_name(actor, contact, member),
        detail=detail[:300],
        ip=(actor.ip if actor else "")[:64],
        user_agent=(actor.user_agent if actor else "")[:300],
    )
    audience = sorted(set(await account_manager_ids(quote.customer_id)) - {quote.sender_id})
    if audience:
        await ActivityEventAudience.bulk_create([ActivityEventAudience(event=event, member_id=m) for m in audience])
    return event


def _actor_name(actor: Actor | None, contact: Any, member: Any) -> str:
    if contact is not None:
        return str(contact.full_name)
    if member is not None:
        return str(member.full_name)
    visitor_name = getattr(actor, "visitor_name", "") if actor else ""
    return str(visitor_name or "")


async def account_manager_ids(customer_id: int) -> list[int]:
    """The customer's active account managers: they see its quotes (policy) and so the quotes' events."""
    ids = await Customer.filter(id=customer_id, account_managers__is_active=True).values_list(
        "account_managers__id", flat=True
    )
    return sorted({int(i) for i in ids if i is not None})  # type: ignore[call-overload]


async def publish_events(broker: Broker, events: Iterable[ActivityEvent | None]) -> None:
    """After the commit: the live `activity` feed and the notifications of each event (failures are logged)."""
    for event in events:
        if event is not None:
            await activity.publish(broker, event)
