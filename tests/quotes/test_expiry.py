"""The quote validity sweep (quotes.expiry): expiry, removal from the portal, archiving; clock passed by the test."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

import pytest

from portico import policy
from portico.activity.models import ActivityEvent, ActivityKind
from portico.actors import contact_actor, member_actor
from portico.notifications.kinds import NotificationKind
from portico.notifications.models import Notification
from portico.quotes.expiry import ValiditySweep, archive_settled, expire_due, remove_due, sweep_quote_validity
from portico.quotes.models import Quote, QuoteStatus
from tests.quotes.reminder_world import RemindWorld, build_remind_world, make_quote

# Dec 1 is the last day: in Copenhagen (UTC+1) the quote stops at 23:00 UTC that day.
LAST_DAY = date(2026, 12, 1)
ENDS = datetime(2026, 12, 1, 23, 0, tzinfo=UTC)


@pytest.fixture
async def world(db: str) -> RemindWorld:
    return await build_remind_world()


async def test_an_open_quote_expires_after_its_last_day_and_the_sender_is_told(world: RemindWorld) -> None:
    quote = await make_quote(world, "Q-1", expires_on=LAST_DAY, status=QuoteStatus.OPENED, opened_at=ENDS)
    draft = await make_quote(world, "Q-2", expires_on=LAST_DAY, status=QuoteStatus.DRAFT, sent_at=None)
    accepted = await make_quote(world, "Q-3", expires_on=LAST_DAY, status=QuoteStatus.ACCEPTED, accepted_at=ENDS)
    assert await expire_due(now=ENDS - timedelta(seconds=1)) == 0
    assert await expire_due(now=ENDS) == 1
    assert await expire_due(now=ENDS + timedelta(hours=1)) == 0  # once
    await quote.refresh_from_db()
    assert (quote.status, quote.expired_at) == (QuoteStatus.EXPIRED, ENDS)
    for untouched in (draft, accepted):
        assert (await Quote.get(id=untouched.id)).status == untouched.status
    [event] = await ActivityEvent.filter(quote_id=quote.id)
    assert (event.kind, event.sender_id, event.customer_id, event.contact_id) == (
        ActivityKind.QUOTE_EXPIRED, world.sender.id, world.customer.id, None)
    [told] = await Notification.filter(event_id=event.id)
    assert (told.member_id, told.kind) == (world.sender.id, NotificationKind.QUOTE_ACTIVITY)
    # The notifications job emails it at once (QUOTE_ACTIVITY defaults to IMMEDIATELY).
    from portico.mail.models import OutboxEmail
    from portico.notifications.delivery import deliver_due
    from tests.quotes.reminder_world import SETTINGS

    assert await deliver_due(SETTINGS) == 1  # due when queued (the fan-out uses the real clock)
    [email] = await OutboxEmail.filter(to_address="rep@acme.example")
    assert f"The quote Q-1 {quote.title} expired" in email.text


async def test_expiry_follows_the_organizations_zone(world: RemindWorld) -> None:
    world.org.timezone = "America/New_York"  # UTC-5: Dec 1 ends at 05:00 UTC on Dec 2
    await world.org.save()
    await make_quote(world, "Q-1", expires_on=LAST_DAY)
    assert await expire_due(now=datetime(2026, 12, 2, 4, 59, tzinfo=UTC)) == 0
    assert await expire_due(now=datetime(2026, 12, 2, 5, 0, tzinfo=UTC)) == 1


async def test_removed_from_the_portal_n_days_after_expiry_staff_still_see_it(world: RemindWorld) -> None:
    quote = await make_quote(world, "Q-1", expires_on=LAST_DAY, remove_after_days=7)
    kept = await make_quote(world, "Q-2", expires_on=LAST_DAY)  # no removal period: stays in the portal
    assert await sweep_quote_validity(now=ENDS) == ValiditySweep(expired=2, removed=0, archived=0)
    contact = await contact_actor(world.contact.id)
    staff = await member_actor(world.sender.id)
    assert contact is not None and staff is not None

    async def seen_by(actor: object) -> set[int]:
        return set(await policy.quotes_visible_to(actor).values_list("id", flat=True))  # type: ignore[arg-type]

    assert await seen_by(contact) == {quote.id, kept.id}  # expired, still shown (with its expired state)
    assert await remove_due(now=ENDS + timedelta(days=7, seconds=-1)) == 0
    assert await remove_due(now=ENDS + timedelta(days=7)) == 1
    assert await remove_due(now=ENDS + timedelta(days=8)) == 0
    assert (await Quote.get(id=quote.id)).removed_at == ENDS + timedelta(days=7)
    assert await seen_by(contact) == {kept.id}
    assert await seen_by(staff) == {quote.id, kept.id}
    assert await ActivityEvent.filter(quote_id=quote.id).count() == 1  # history kept: the expiry event


async def test_settled_quotes_are_archived_after_the_organizations_period(world: RemindWorld) -> None:
    settled = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    accepted = await make_quote(world, "Q-1", status=QuoteStatus.ACCEPTED, accepted_at=settled)
    declined = await make_quote(world, "Q-2", status=QuoteStatus.DECLINED, declined_at=settled + timedelta(days=1))
    still_open = await make_quote(world, "Q-3", status=QuoteStatus.OPENED, opened_at=settled)
    assert await archive_settled(now=settled + timedelta(days=365)) == 0  # the organization set no period
    world.org.archive_quotes_after_days = 30
    await world.org.save()
    assert await archive_settled(now=settled + timedelta(days=30, seconds=-1)) == 0
    assert await archive_settled(now=settled + timedelta(days=30)) == 1
    assert await archive_settled(now=settled + timedelta(days=31)) == 1
    assert await archive_settled(now=settled + timedelta(days=400)) == 0
    statuses = {q.number: (q.status, q.archived_at) for q in await Quote.all()}
    assert statuses == {
        "Q-1": (QuoteStatus.ARCHIVED, settled + timedelta(days=30)),
        "Q-2": (QuoteStatus.ARCHIVED, settled + timedelta(days=31)),
        "Q-3": (QuoteStatus.OPENED, None),
    }
    assert await ActivityEvent.filter(kind=ActivityKind.QUOTE_ARCHIVED).count() == 2
    assert (await Quote.get(id=accepted.id)).accepted_at == settled  # the answer itself is kept
    assert (await Quote.get(id=declined.id)).declined_at is not None and still_open.archived_at is None


async def test_two_workers_expire_each_quote_once(db: str, world: RemindWorld) -> None:
    for i in range(20):
        await make_quote(world, f"Q-{i:02d}", expires_on=LAST_DAY)
    totals = await asyncio.gather(expire_due(now=ENDS, batch=3), expire_due(now=ENDS, batch=3))
    assert sum(totals) == 20
    if db.startswith("postgres"):
        assert all(totals), totals
    assert await ActivityEvent.filter(kind=ActivityKind.QUOTE_EXPIRED).count() == 20
    assert await Quote.filter(status=QuoteStatus.EXPIRED).count() == 20
