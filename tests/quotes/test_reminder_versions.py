"""A new version of a sent quote restarts its "not opened" and "not answered" reminders, through the services that
add versions and record openings (the same path as GraphQL), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from portico.activity.models import ActivityKind
from portico.mail.models import OutboxEmail
from portico.quotes import services
from portico.quotes.events import record_event
from portico.quotes.models import Quote
from portico.quotes.reminder_models import QuoteReminder, ReminderOutcome
from portico.quotes.reminder_plan import ReminderKind
from portico.quotes.reminders import send_due_reminders
from portico.settings import Settings, load_settings
from tests.quotes.world import build_quote_world, contact_actor, member_actor, pdf_upload

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"DATABASE_URL": "sqlite://:memory:", "DATA_DIR": str(tmp_path), "SECRET_KEY": "k" * 40,
                          "PUBLIC_URL": "http://testserver"})


async def _reminders(quote_id: int) -> list[tuple[ReminderKind, int, ReminderOutcome]]:
    rows = await QuoteReminder.filter(quote_id=quote_id).order_by("id")
    return [(r.kind, r.cycle, r.outcome) for r in rows]


async def test_a_new_version_restarts_unopened_and_unanswered_but_not_before_expiry(settings: Settings) -> None:
    w = await build_quote_world()
    rep = member_actor(w.rep, w.org)
    contact = contact_actor(w.contact, w.org, w.customer)
    today = datetime.now(UTC).date()
    made = await services.create_quote(
        rep, settings, customer_id=w.customer.id, upload_id=await pdf_upload(w.rep), number="Q-1", title="Racking",
        visibility="ONE_CONTACT", contact_id=w.contact.id, expires_on=today + timedelta(days=20),
        remind_unopened_days=2, remind_unaccepted_days=3, remind_before_expiry_days=25, publish=True,
    )
    quote_id = made.quote.id
    # The quote went out ten days ago (the version below is added now, by the services' own clock).
    now = datetime.now(UTC)
    await Quote.filter(id=quote_id).update(sent_at=now - timedelta(days=10))
    assert await send_due_reminders(settings, now=now - timedelta(days=8)) == 1  # not opened
    await record_event(contact, made.quote, ActivityKind.QUOTE_OPENED, now=now - timedelta(days=7))
    # Not answered (due 3 days after the opening) and before expiry fall due together: one email.
    assert await send_due_reminders(settings, now=now - timedelta(days=1)) == 1
    assert await _reminders(quote_id) == [
        (ReminderKind.UNOPENED, 1, ReminderOutcome.SENT),
        (ReminderKind.BEFORE_EXPIRY, 0, ReminderOutcome.SENT),
        (ReminderKind.UNACCEPTED, 1, ReminderOutcome.FOLDED),
    ]

    await services.add_quote_version(rep, settings, quote_id=quote_id, upload_id=await pdf_upload(w.rep, b"%PDF v2"))
    quote = await Quote.get(id=quote_id)
    assert quote.version_number == 2 and quote.version_opened_at is None and quote.version_sent_at is not None
    assert quote.opened_at == now - timedelta(days=7)  # the quote's own first opening stays
    changed_at = quote.version_sent_at
    assert await send_due_reminders(settings, now=changed_at + timedelta(days=2, seconds=-1)) == 0
    assert await send_due_reminders(settings, now=changed_at + timedelta(days=2)) == 1  # version 2 not opened
    await record_event(contact, quote, ActivityKind.QUOTE_OPENED, now=changed_at + timedelta(days=3))
    assert (await Quote.get(id=quote_id)).version_opened_at == changed_at + timedelta(days=3)
    assert await send_due_reminders(settings, now=changed_at + timedelta(days=6, seconds=-1)) == 0
    assert await send_due_reminders(settings, now=changed_at + timedelta(days=6)) == 1  # version 2 not answered
    assert await send_due_reminders(settings, now=changed_at + timedelta(days=10)) == 0  # once per version
    assert (await _reminders(quote_id))[3:] == [
        (ReminderKind.UNOPENED, 2, ReminderOutcome.SENT),
        (ReminderKind.UNACCEPTED, 2, ReminderOutcome.SENT),
    ]
    assert await QuoteReminder.filter(quote_id=quote_id, version_number=2).count() == 2
    reminders = await OutboxEmail.filter(kind="quote_reminder").values_list("to_address", flat=True)
    assert reminders == ["mette@fjord.example"] * 4  # never another contact (ONE_CONTACT)


async def test_a_version_added_to_a_draft_starts_nothing_new(settings: Settings) -> None:
    w = await build_quote_world()
    rep = member_actor(w.rep, w.org)
    made = await services.create_quote(
        rep, settings, customer_id=w.customer.id, upload_id=await pdf_upload(w.rep), number="Q-2", title="Racking",
        visibility="ALL_CONTACTS", remind_unopened_days=1,
    )
    await services.add_quote_version(rep, settings, quote_id=made.quote.id,
                                     upload_id=await pdf_upload(w.rep, b"%PDF v2"))
    await services.publish_quote(rep, settings, quote_id=made.quote.id)
    quote = await Quote.get(id=made.quote.id)
    assert (quote.version_number, quote.version_sent_at) == (2, None)  # the customer got version 2 first
    assert await send_due_reminders(settings, now=quote.sent_at + timedelta(days=1)) == 2  # Mette and Nina
    assert await _reminders(quote.id) == [(ReminderKind.UNOPENED, 2, ReminderOutcome.SENT)]
    assert date.today() <= quote.sent_at.date() + timedelta(days=1)
