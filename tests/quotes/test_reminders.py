"""The quote reminder sweep (quotes.reminders), driven by the clock the tests pass, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from portico.mail.models import OutboxEmail
from portico.notifications.kinds import Delivery, NotificationKind
from portico.notifications.models import NotificationSettings
from portico.quotes.models import QuoteStatus, QuoteVisibility
from portico.quotes.reminder_models import QuoteReminder, ReminderOutcome
from portico.quotes.reminder_plan import ReminderKind
from portico.quotes.reminders import send_due_reminders
from tests.quotes.reminder_world import SENT, SETTINGS, RemindWorld, build_remind_world, make_quote


@pytest.fixture
async def world(db: str) -> RemindWorld:
    return await build_remind_world()


async def _emails() -> list[OutboxEmail]:
    return list(await OutboxEmail.filter(kind="quote_reminder").order_by("to_address"))


async def test_an_unopened_quote_is_reminded_once_n_days_after_sending(world: RemindWorld) -> None:
    quote = await make_quote(world, "Q-1", visibility=QuoteVisibility.ONE_CONTACT, contact=world.contact,
                             remind_unopened_days=3)
    assert await send_due_reminders(SETTINGS, now=SENT + timedelta(days=3, seconds=-1)) == 0
    assert await _emails() == []

    assert await send_due_reminders(SETTINGS, now=SENT + timedelta(days=3)) == 1
    assert await send_due_reminders(SETTINGS, now=SENT + timedelta(days=4)) == 0  # once, whatever comes later
    [email] = await _emails()
    assert email.to_address == "mette@fjord.example"
    assert email.subject == "Reminder: quote Q-1 from Acme is waiting for you"
    assert "Hello Mette," in email.text and "12,500.00 DKK" in email.text
    assert email.reply_to == "rep@acme.example"
    assert email.headers["List-Unsubscribe"].startswith("<http://testserver/unsubscribe/")
    assert email.secrets and "/hub/welcome?token=" in email.text  # the personal hub link, redacted once sent
    [row] = await QuoteReminder.filter(quote_id=quote.id)
    assert (row.kind, row.outcome, row.recipients, row.version_number) == (
        ReminderKind.UNOPENED, ReminderOutcome.SENT, 1, 1)


async def test_all_contacts_means_those_who_see_it_and_want_quote_emails(world: RemindWorld) -> None:
    await make_quote(world, "Q-2", remind_unopened_days=2)
    await NotificationSettings.create(organization=world.org, contact=world.colleague,
                                      choices={NotificationKind.QUOTES_FOR_ME.value: Delivery.NEVER.value})
    await make_quote(world, "Q-3", remind_unopened_days=2)  # the same customer: the colleague is out of both
    assert await send_due_reminders(SETTINGS, now=SENT + timedelta(days=2)) == 2
    # Not the colleague (NEVER), not the contact without hub access, no other customer's or organization's.
    assert [e.to_address for e in await _emails()] == ["mette@fjord.example"] * 2


async def test_a_digest_choice_does_not_hold_a_reminder_back(world: RemindWorld) -> None:
    await NotificationSettings.create(organization=world.org, contact=world.contact,
                                      choices={NotificationKind.QUOTES_FOR_ME.value: Delivery.DAILY_DIGEST.value})
    await make_quote(world, "Q-4", visibility=QuoteVisibility.ONE_CONTACT, contact=world.contact,
                     remind_unopened_days=1)
    assert await send_due_reminders(SETTINGS, now=SENT + timedelta(days=1)) == 1


@pytest.mark.parametrize("status", [QuoteStatus.ACCEPTED, QuoteStatus.DECLINED, QuoteStatus.EXPIRED,
                                    QuoteStatus.ARCHIVED, QuoteStatus.DRAFT])
async def test_never_after_acceptance_decline_expiry_or_archiving(world: RemindWorld, status: QuoteStatus) -> None:
    await make_quote(world, "Q-5", status=status, opened_at=SENT + timedelta(hours=1), remind_unopened_days=1,
                     remind_unaccepted_days=1, remind_before_expiry_days=1, expires_on=date(2026, 12, 20))
    assert await send_due_reminders(SETTINGS, now=datetime(2026, 12, 19, 12, 0, tzinfo=UTC)) == 0
    assert await _emails() == [] and await QuoteReminder.all().count() == 0


async def test_accepted_between_two_sweeps_stops_the_next_reminder(world: RemindWorld) -> None:
    quote = await make_quote(world, "Q-6", remind_unopened_days=1, remind_before_expiry_days=2,
                             expires_on=date(2026, 12, 20))
    assert await send_due_reminders(SETTINGS, now=SENT + timedelta(days=1)) == 2  # Mette and Jonas
    quote.status, quote.accepted_at = QuoteStatus.ACCEPTED, SENT + timedelta(days=2)
    await quote.save()
    assert await send_due_reminders(SETTINGS, now=datetime(2026, 12, 18, 9, 0, tzinfo=UTC)) == 0
    assert [r.kind for r in await QuoteReminder.filter(quote_id=quote.id)] == [ReminderKind.UNOPENED]


async def test_opened_but_unanswered_then_before_expiry(world: RemindWorld) -> None:
    quote = await make_quote(world, "Q-7", visibility=QuoteVisibility.ONE_CONTACT, contact=world.contact,
                             status=QuoteStatus.OPENED, opened_at=SENT + timedelta(days=1), remind_unopened_days=1,
                             remind_unaccepted_days=4, remind_before_expiry_days=3, expires_on=date(2026, 12, 20))
    assert await send_due_reminders(SETTINGS, now=SENT + timedelta(days=4)) == 0  # opened: no UNOPENED one
    assert await send_due_reminders(SETTINGS, now=SENT + timedelta(days=5)) == 1
    # 09:00 in Copenhagen three days before the last day (the 20th) is 08:00 UTC on the 17th.
    assert await send_due_reminders(SETTINGS, now=datetime(2026, 12, 17, 7, 59, tzinfo=UTC)) == 0
    assert await send_due_reminders(SETTINGS, now=datetime(2026, 12, 17, 8, 0, tzinfo=UTC)) == 1
    subjects = [e.subject for e in await OutboxEmail.filter(kind="quote_reminder").order_by("id")]
    assert subjects == ["Quote Q-7 from Acme: still interested?", "Quote Q-7 from Acme expires on 2026-12-20"]
    kinds = {r.kind: r.outcome for r in await QuoteReminder.filter(quote_id=quote.id)}
    assert kinds == {ReminderKind.UNACCEPTED: ReminderOutcome.SENT, ReminderKind.BEFORE_EXPIRY: ReminderOutcome.SENT}


async def test_reminders_due_together_make_one_email(world: RemindWorld) -> None:
    quote = await make_quote(world, "Q-8", visibility=QuoteVisibility.ONE_CONTACT, contact=world.contact,
                             remind_unopened_days=1, remind_before_expiry_days=2, expires_on=date(2026, 12, 20),
                             language="da")
    # The worker was down until the 19th: both are due; the more pressing one goes, the other is folded into it.
    assert await send_due_reminders(SETTINGS, now=datetime(2026, 12, 19, 12, 0, tzinfo=UTC)) == 1
    [email] = await _emails()
    assert email.subject == "Tilbud Q-8 fra Acme udløber 20.12.2026"
    kinds = {r.kind: r.outcome for r in await QuoteReminder.filter(quote_id=quote.id)}
    assert kinds == {ReminderKind.BEFORE_EXPIRY: ReminderOutcome.SENT, ReminderKind.UNOPENED: ReminderOutcome.FOLDED}


async def test_no_reminder_once_past_the_expiry_moment(world: RemindWorld) -> None:
    await make_quote(world, "Q-9", remind_unopened_days=1, expires_on=date(2026, 12, 1))
    # Expired at local midnight after Dec 1 (23:00 UTC); the expiry sweep has not run yet, the status still SENT.
    assert await send_due_reminders(SETTINGS, now=datetime(2026, 12, 1, 23, 0, tzinfo=UTC)) == 0
    assert await QuoteReminder.all().count() == 0


async def test_recipients_go_through_policy(world: RemindWorld) -> None:
    """Module off, removed from the portal, public link: the reminder falls due but nobody is emailed."""
    public = await make_quote(world, "Q-10", visibility=QuoteVisibility.PUBLIC_LINK, remind_unopened_days=1)
    removed = await make_quote(world, "Q-11", remind_unopened_days=1, removed_at=SENT)
    one_other = await make_quote(world, "Q-12", visibility=QuoteVisibility.ONE_CONTACT,
                                 contact=world.no_hub, remind_unopened_days=1)
    assert await send_due_reminders(SETTINGS, now=SENT + timedelta(days=1)) == 0
    outcomes = {r.quote_id: (r.outcome, r.recipients) for r in await QuoteReminder.all()}
    assert outcomes == {q.id: (ReminderOutcome.NO_RECIPIENTS, 0) for q in (public, removed, one_other)}
    world.customer.modules = ["DOCUMENTS"]  # the QUOTES module switched off
    await world.customer.save()
    await make_quote(world, "Q-13", remind_unopened_days=1)
    assert await send_due_reminders(SETTINGS, now=SENT + timedelta(days=1)) == 0
    assert await _emails() == []


async def test_a_sweep_with_nothing_due_costs_the_same_few_queries_for_many_quotes(world: RemindWorld) -> None:
    from tests.sqlcount import count_sql

    async def statements() -> int:
        with count_sql() as counter:
            assert await send_due_reminders(SETTINGS, now=SENT + timedelta(hours=1), batch=500) == 0
        return len(counter.statements)

    for i in range(3):
        await make_quote(world, f"A-{i}", remind_unopened_days=3, remind_before_expiry_days=1,
                         expires_on=date(2026, 12, 20))
    few = await statements()
    for i in range(60):
        await make_quote(world, f"B-{i}", remind_unopened_days=3, remind_before_expiry_days=1,
                         expires_on=date(2026, 12, 20))
    assert await statements() == few <= 4  # quotes, their reminders, their zones; then the empty next batch
