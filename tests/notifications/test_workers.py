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
