"""Quote reminders with two workers at once, and what reaches a real SMTP server."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from tortoise.exceptions import IntegrityError

from portico.mail.models import OutboxEmail
from portico.mail.sender import SmtpSender, deliver_due
from portico.quotes.models import Quote, QuoteVisibility
from portico.quotes.reminder_models import QuoteReminder, ReminderOutcome
from portico.quotes.reminder_plan import ReminderKind
from portico.quotes.reminders import send_due_reminders
from tests.mail.smtp_testserver import RecordingHandler, start_server
from tests.quotes.reminder_world import SENT, SETTINGS, RemindWorld, build_remind_world, make_quote

QUOTES = 30


@pytest.fixture
async def world(db: str) -> RemindWorld:
    return await build_remind_world()


async def test_two_workers_never_send_a_reminder_twice(db: str, world: RemindWorld) -> None:
    for i in range(QUOTES):
        await make_quote(world, f"Q-{i:02d}", remind_unopened_days=2)  # to Mette and Jonas each
    now = SENT + timedelta(days=2)

    async def worker() -> int:
        return await send_due_reminders(SETTINGS, now=now, batch=4)

    totals = await asyncio.gather(worker(), worker())
    assert sum(totals) == 2 * QUOTES
    if db.startswith("postgres"):
        assert all(totals), totals  # both really worked, side by side (SQLite serializes write transactions)
    emails = await OutboxEmail.filter(kind="quote_reminder").values_list("to_address", "subject")
    assert len(emails) == len(set(emails)) == 2 * QUOTES  # nobody got the same reminder twice
    assert await QuoteReminder.filter(outcome=ReminderOutcome.SENT, recipients=2).count() == QUOTES
    assert await send_due_reminders(SETTINGS, now=now + timedelta(days=1)) == 0

    # A second version of every quote starts a new cycle: again exactly one reminder each, two workers or not.
    changed_at = now + timedelta(days=1)
    await Quote.all().update(version_number=2, version_sent_at=changed_at)
    totals = await asyncio.gather(*(send_due_reminders(SETTINGS, now=changed_at + timedelta(days=2), batch=4)
                                    for _ in range(2)))
    assert sum(totals) == 2 * QUOTES
    if db.startswith("postgres"):
        assert all(totals), totals
    assert await OutboxEmail.filter(kind="quote_reminder").count() == 4 * QUOTES
    cycles = await QuoteReminder.filter(outcome=ReminderOutcome.SENT).values_list("cycle", flat=True)
    assert sorted(cycles) == [1] * QUOTES + [2] * QUOTES


async def test_the_record_is_unique_per_quote_cycle_and_kind(world: RemindWorld) -> None:
    """The database's guard behind the lock: a second record of the same reminder cannot be written."""
    quote = await make_quote(world, "Q-1")
    fields = {"organization_id": world.org.id, "quote_id": quote.id, "outcome": ReminderOutcome.SENT, "sent_at": SENT}
    await QuoteReminder.create(kind=ReminderKind.UNOPENED, cycle=1, **fields)
    await QuoteReminder.create(kind=ReminderKind.BEFORE_EXPIRY, cycle=0, **fields)
    await QuoteReminder.create(kind=ReminderKind.UNOPENED, cycle=2, **fields)  # the next version's
    with pytest.raises(IntegrityError):
        await QuoteReminder.create(kind=ReminderKind.UNOPENED, cycle=1, **fields)


async def test_the_reminder_reaches_the_smtp_server_with_its_hub_link(world: RemindWorld) -> None:
    await make_quote(world, "Q-1", visibility=QuoteVisibility.ONE_CONTACT, contact=world.contact,
                     remind_unopened_days=1, language="sv")
    assert await send_due_reminders(SETTINGS, now=SENT + timedelta(days=1)) == 1
    controller, server = start_server(RecordingHandler())
    try:
        sender = SmtpSender(server.url, "Portico <no-reply@portico.example>")
        while await deliver_due(sender):
            pass
    finally:
        controller.stop()
    [received] = server.handler.received
    assert received.rcpt_tos == ["mette@fjord.example"]
    message = received.message
    assert message["Subject"] == "Påminnelse: offert Q-1 från Acme väntar på dig"
    assert message["Reply-To"] == "rep@acme.example"
    assert message["List-Unsubscribe"].startswith("<http://testserver/unsubscribe/")
    text = message.get_body(("plain",)).get_content()
    assert "Hej Mette," in text and "12\u00a0500,00 DKK" in text and "http://testserver/hub/welcome?token=" in text
    stored = await OutboxEmail.get(kind="quote_reminder")
    assert "token=redacted" in stored.text  # the personal link is cut out of the stored copy once delivered
