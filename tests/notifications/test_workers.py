"""The digest job run by two workers at once: every due notification is emailed exactly once (PostgreSQL claims
people with FOR UPDATE SKIP LOCKED; SQLite serializes write transactions)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from portico.accounts.models import Member, Organization, Role
from portico.activity.models import ActivityEvent, ActivityKind
from portico.customers.models import Contact, Customer, CustomerKind
from portico.mail.models import OutboxEmail
from portico.notifications import fanout
from portico.notifications.delivery import deliver_due
from portico.notifications.models import Notification, NotificationStatus
from portico.settings import load_settings
from tests.conftest import Clock

SETTINGS = load_settings({"PUBLIC_URL": "http://testserver", "SECRET_KEY": "k" * 40})
PEOPLE = 40


async def test_two_workers_never_send_a_digest_twice(db: str, notification_clock: Clock) -> None:
    organization = await Organization.create(name="Acme", storage_quota_bytes=10**9, timezone="Europe/Copenhagen")
    customer = await Customer.create(organization=organization, kind=CustomerKind.COMPANY, name="Fjord",
                                     name_key="fjord")
    members = [
        await Member.create(organization=organization, email=f"rep{i}@acme.example", first_name=f"Rep{i}",
                            last_name="X", password_hash="-", role=Role.MEMBER)
        for i in range(PEOPLE)
    ]
    contact = await Contact.create(customer=customer, organization=organization, first_name="Mette",
                                   last_name="Larsen", email="mette@fjord.example")
    # Each rep: two events on their shares, so two digest notifications (HUB_ACTIVITY_ON_MY_SHARES defaults to the
    # digest), due at 08:00 in Copenhagen; the clock says 2026-12-03 12:00 UTC.
    for member in members * 2:
        event = await ActivityEvent.create(organization=organization, customer=customer, contact=contact,
                                           kind=ActivityKind.DOCUMENT_VIEWED, sender_id=member.id,
                                           actor_name="Mette Larsen", detail="Price list")
        await fanout.on_activity(event)
    due = datetime(2026, 12, 4, 7, 0, tzinfo=UTC)  # 08:00 in Copenhagen (CET, UTC+1)
    assert {n.due_at for n in await Notification.all()} == {due}

    async def worker() -> int:
        total = 0
        while sent := await deliver_due(SETTINGS, now=due + timedelta(seconds=1), batch=3):
            total += sent
            await asyncio.sleep(0)
        return total

    totals = await asyncio.gather(worker(), worker())
    assert sum(totals) == PEOPLE
    if db.startswith("postgres"):
        assert all(totals), totals  # both really worked, side by side
    emails = await OutboxEmail.all()
    assert sorted(e.to_address for e in emails) == sorted(m.email for m in members)  # one each, nobody twice
    assert await Notification.filter(status=NotificationStatus.SENT).count() == 2 * PEOPLE
    assert await Notification.filter(email_id__isnull=True).count() == 0
    assert {e.subject for e in emails} == {"Your daily summary: 2 events on your shares"}


async def test_a_notification_queued_while_the_job_sends_that_person_is_not_left_behind(
    db: str, notification_clock: Clock
) -> None:
    """The job, holding a person's row, sets next_due_at from what it sees; a notification written meanwhile (not
    yet committed, so unseen) must still be due afterwards."""
    from tortoise.transactions import in_transaction

    from portico.notifications.kinds import NotificationKind
    from portico.notifications.models import NotificationSettings

    organization = await Organization.create(name="Acme", storage_quota_bytes=10**9)
    customer = await Customer.create(organization=organization, kind=CustomerKind.COMPANY, name="Fjord",
                                     name_key="fjord")
    rep = await Member.create(organization=organization, email="rep@acme.example", first_name="Rep",
                              last_name="X", password_hash="-", role=Role.MEMBER)
    row = await NotificationSettings.create(organization=organization, member=rep,
                                            next_due_at=notification_clock.current - timedelta(minutes=5))
    claimed = asyncio.Event()

    async def job_like() -> None:
        async with in_transaction():
            await NotificationSettings.filter(id=row.id).select_for_update()
            claimed.set()
            await asyncio.sleep(0.5)  # composing; the fan-out below runs meanwhile
            await NotificationSettings.filter(id=row.id).update(next_due_at=None)  # "nothing else pending"

    async def fan_out() -> None:
        await claimed.wait()
        await fanout.queue(NotificationKind.CUSTOMER_UPLOADS, organization.id, customer.id, member_ids=[rep.id])

    await asyncio.gather(job_like(), fan_out())
    await row.refresh_from_db()
    assert row.next_due_at == notification_clock.current  # due now: the job's next run sends it


async def test_old_history_is_forgotten_pending_never(db: str, notification_clock: Clock) -> None:
    from portico.notifications.delivery import forget_old
    from portico.notifications.kinds import Delivery, NotificationKind

    organization = await Organization.create(name="Acme", storage_quota_bytes=10**9)
    customer = await Customer.create(organization=organization, kind=CustomerKind.COMPANY, name="Fjord",
                                     name_key="fjord")
    rep = await Member.create(organization=organization, email="rep@acme.example", first_name="Rep",
                              last_name="X", password_hash="-", role=Role.MEMBER)
    now = notification_clock.current
    for status in NotificationStatus:
        for age in (100, 10):
            made = await Notification.create(
                organization=organization, member=rep, kind=NotificationKind.CUSTOMER_UPLOADS,
                delivery=Delivery.IMMEDIATELY, customer=customer, due_at=now, status=status,
            )
            await Notification.filter(id=made.id).update(created_at=now - timedelta(days=age))
    assert await forget_old(now=now) == 2
    left = {(n.status, (now - n.created_at).days) for n in await Notification.all()}
    assert left == {(NotificationStatus.PENDING, 100), (NotificationStatus.PENDING, 10),
                    (NotificationStatus.SENT, 10), (NotificationStatus.DROPPED, 10)}
