"""The periodic sweep of quotes' validity: expiry, removal from the portal, archiving. Nothing is ever deleted.

- Expiry: an open quote (sent, opened or downloaded) whose last day (`expires_on`, in the organization's zone)
  has passed becomes EXPIRED, with a QUOTE_EXPIRED event (`quotes.events.record_event`, the one writer of a
  quote's status); its sender is notified (QUOTE_ACTIVITY, through the event's notifications).
- Removal: `remove_after_days` after it expired, `removed_at` is set: contacts no longer see it (policy), staff do.
- Archiving: when the organization sets `archive_quotes_after_days`, a quote accepted, declined or expired that
  long ago becomes ARCHIVED, with a QUOTE_ARCHIVED event (record_event too).

Each step runs per quote in its own transaction, the quote claimed with `SELECT ... FOR UPDATE SKIP LOCKED` and its
state read again under the lock, so two workers never expire or archive a quote twice (and an acceptance that
committed first wins: the quote is no longer open when the sweep looks again). Candidates are found with indexed
filters in keyset batches; the calendar itself is `reminder_plan`'s.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from portico.accounts.models import Organization
from portico.activity import services as activity
from portico.activity.models import ActivityEvent, ActivityKind
from portico.notifications import clock
from portico.quotes.events import publish_events, record_event
from portico.quotes.models import Quote, QuoteStatus
from portico.quotes.reminder_plan import OPEN_STATUSES, archive_due, expires_now, removal_due
from portico.realtime.base import Broker

log = logging.getLogger(__name__)

SETTLED = (QuoteStatus.ACCEPTED, QuoteStatus.DECLINED, QuoteStatus.EXPIRED)


@dataclass(frozen=True)
class ValiditySweep:
    expired: int
    removed: int
    archived: int


async def sweep_quote_validity(
    broker: Broker | None = None, *, now: datetime | None = None, batch: int = 200
) -> ValiditySweep:
    """One run of the three steps, in this order (a quote expired now may be removed or archived in the same run
    when its periods are zero)."""
    now = now or clock.now()
    expired = await expire_due(broker, now=now, batch=batch)
    removed = await remove_due(now=now, batch=batch)
    archived = await archive_settled(broker, now=now, batch=batch)
    return ValiditySweep(expired, removed, archived)


async def expire_due(broker: Broker | None = None, *, now: datetime | None = None, batch: int = 200) -> int:
    now = now or clock.now()
    # A local date is at most the UTC date + 1 (UTC+14), so a quote past its last day anywhere has
    # expires_on <= today's UTC date: an indexed prefilter; the zone decides exactly.
    candidates = Quote.filter(status__in=sorted(OPEN_STATUSES), expires_on__lte=now.date())
    count = 0
    async for quote, zone_name in _batches(candidates, batch):
        if expires_now(quote.status, quote.expires_on, clock.zone(zone_name), now):
            count += await _settle(quote.id, ActivityKind.QUOTE_EXPIRED, now, broker)
    return count


async def remove_due(*, now: datetime | None = None, batch: int = 200) -> int:
    now = now or clock.now()
    candidates = Quote.filter(expired_at__isnull=False, removed_at__isnull=True, remove_after_days__isnull=False)
    count = 0
    async for quote, _ in _batches(candidates, batch):
        if removal_due(quote.expired_at, quote.remove_after_days, now):
            # A conditional UPDATE: whichever worker gets here second changes nothing.
            count += await Quote.filter(id=quote.id, removed_at__isnull=True).update(removed_at=now)
    return count


async def archive_settled(broker: Broker | None = None, *, now: datetime | None = None, batch: int = 200) -> int:
    now = now or clock.now()
    count = 0
    for organization_id, days in await Organization.filter(archive_quotes_after_days__isnull=False).values_list(
        "id", "archive_quotes_after_days"
    ):
        cutoff = now - timedelta(days=int(days))  # type: ignore[call-overload]
        candidates = Quote.filter(organization_id=organization_id, status__in=list(SETTLED)).filter(
            Q(accepted_at__lte=cutoff) | Q(declined_at__lte=cutoff) | Q(expired_at__lte=cutoff)
        )
        async for quote, _ in _batches(candidates, batch):
            if archive_due(_settled_at(quote), int(days), now):  # type: ignore[call-overload]
                count += await _settle(quote.id, ActivityKind.QUOTE_ARCHIVED, now, broker)
    return count


def _settled_at(quote: Quote) -> datetime | None:
    """When the quote was answered or ran out: the time its archiving period counts from."""
    return {
        QuoteStatus.ACCEPTED: quote.accepted_at, QuoteStatus.DECLINED: quote.declined_at,
        QuoteStatus.EXPIRED: quote.expired_at,
    }.get(quote.status)


async def _batches(query, batch: int):  # type: ignore[no-untyped-def]
    """(quote, its organization's time zone) over `query` in id order, `batch` rows and two queries at a time."""
    after = 0
    while True:
        quotes = list(await query.filter(id__gt=after).order_by("id").limit(batch))
        if not quotes:
            return
        after = quotes[-1].id
        zones = dict(await Organization.filter(id__in={q.organization_id for q in quotes}).values_list(
            "id", "timezone"))
        for quote in quotes:
            yield quote, str(zones.get(quote.organization_id) or "UTC")


async def _settle(quote_id: int, kind: ActivityKind, now: datetime, broker: Broker | None) -> int:
    """Expire or archive one quote under its lock; 1 if this call did it, 0 if it was no longer due (answered
    meanwhile, or another worker holds or did it)."""
    async with in_transaction() as connection:
        quote = await Quote.filter(id=quote_id).using_db(connection).select_for_update(skip_locked=True).first()
        if quote is None:
            return 0
        organization = await Organization.filter(id=quote.organization_id).using_db(connection).get()
        zone = clock.zone(organization.timezone)
        if kind is ActivityKind.QUOTE_EXPIRED and not expires_now(quote.status, quote.expires_on, zone, now):
            return 0
        if kind is ActivityKind.QUOTE_ARCHIVED and not (
            quote.status in SETTLED and archive_due(_settled_at(quote), organization.archive_quotes_after_days, now)
        ):
            return 0
        # The clock did it: no actor. record_event locks the row again (same transaction) and checks the transition.
        event = await record_event(None, quote, kind, now=now)
    await _announce(event, broker)
    return 1


async def _announce(event: ActivityEvent, broker: Broker | None) -> None:
    """After the commit: the live feed and the notifications (the sender is told of an expiry, QUOTE_ACTIVITY).
    Without a broker (a test, a one-off run) the notifications still go out."""
    if broker is not None:
        await publish_events(broker, [event])
    else:
        await activity.notify(event)
