"""The reminder and validity calendar (quotes.reminder_plan), without a database."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from portico.quotes.reminder_plan import (
    QuoteDates,
    ReminderKind,
    already_sent,
    archive_due,
    cycle_of,
    due_reminders,
    expires_now,
    expiry_moment,
    reminder_due_at,
    removal_due,
)

CPH = ZoneInfo("Europe/Copenhagen")
SENT = datetime(2026, 12, 1, 10, 30, tzinfo=UTC)
QUOTE = QuoteDates(
    status="SENT", sent_at=SENT, opened_at=None, expires_on=date(2026, 12, 20),
    remind_unopened_days=3, remind_unaccepted_days=5, remind_before_expiry_days=2,
)


def test_expiry_is_the_local_midnight_after_the_last_day() -> None:
    assert expiry_moment(date(2026, 12, 20), CPH) == datetime(2026, 12, 20, 23, 0, tzinfo=UTC)  # CET
    assert expiry_moment(date(2026, 7, 1), CPH) == datetime(2026, 7, 1, 22, 0, tzinfo=UTC)  # CEST
    assert expiry_moment(date(2026, 12, 20), ZoneInfo("UTC")) == datetime(2026, 12, 21, 0, 0, tzinfo=UTC)


def test_unopened_reminder_is_due_n_days_after_sending_and_only_while_unopened() -> None:
    assert reminder_due_at(QUOTE, ReminderKind.UNOPENED, CPH) == SENT + timedelta(days=3)
    assert due_reminders(QUOTE, CPH, SENT + timedelta(days=3) - timedelta(seconds=1)) == []
    assert due_reminders(QUOTE, CPH, SENT + timedelta(days=3)) == [ReminderKind.UNOPENED]
    opened = replace(QUOTE, status="OPENED", opened_at=SENT + timedelta(days=1))
    assert reminder_due_at(opened, ReminderKind.UNOPENED, CPH) is None
    assert due_reminders(opened, CPH, SENT + timedelta(days=3)) == []
    off = replace(QUOTE, remind_unopened_days=None)
    assert due_reminders(off, CPH, SENT + timedelta(days=10)) == []


def test_unaccepted_reminder_counts_from_the_first_opening() -> None:
    opened_at = SENT + timedelta(days=1)
    for status in ("OPENED", "DOWNLOADED"):
        opened = replace(QUOTE, status=status, opened_at=opened_at)
        assert reminder_due_at(opened, ReminderKind.UNACCEPTED, CPH) == opened_at + timedelta(days=5)
        assert due_reminders(opened, CPH, opened_at + timedelta(days=5)) == [ReminderKind.UNACCEPTED]
        assert due_reminders(opened, CPH, opened_at + timedelta(days=4, hours=23)) == []
    assert reminder_due_at(QUOTE, ReminderKind.UNACCEPTED, CPH) is None  # never opened


def test_before_expiry_reminder_is_sent_in_the_local_morning_n_days_before_the_last_day() -> None:
    at = reminder_due_at(QUOTE, ReminderKind.BEFORE_EXPIRY, CPH)
    assert at == datetime(2026, 12, 18, 8, 0, tzinfo=UTC)  # 09:00 in Copenhagen, two days before the 20th
    quiet = replace(QUOTE, remind_unopened_days=None)
    assert due_reminders(quiet, CPH, at - timedelta(minutes=1)) == []
    assert due_reminders(quiet, CPH, at) == [ReminderKind.BEFORE_EXPIRY]
    last_day = replace(quiet, remind_before_expiry_days=0)
    assert reminder_due_at(last_day, ReminderKind.BEFORE_EXPIRY, CPH) == datetime(2026, 12, 20, 8, 0, tzinfo=UTC)
    assert reminder_due_at(replace(quiet, expires_on=None), ReminderKind.BEFORE_EXPIRY, CPH) is None


def test_several_due_at_once_come_most_pressing_first_and_recorded_ones_are_not_due_again() -> None:
    late = datetime(2026, 12, 19, 12, 0, tzinfo=UTC)  # a worker that was down for days
    assert due_reminders(QUOTE, CPH, late) == [ReminderKind.BEFORE_EXPIRY, ReminderKind.UNOPENED]
    assert due_reminders(QUOTE, CPH, late, already={ReminderKind.BEFORE_EXPIRY}) == [ReminderKind.UNOPENED]
    assert due_reminders(QUOTE, CPH, late, already=set(ReminderKind)) == []


@pytest.mark.parametrize("status", ["DRAFT", "ACCEPTED", "DECLINED", "EXPIRED", "ARCHIVED"])
def test_no_reminder_outside_the_open_statuses(status: str) -> None:
    closed = replace(QUOTE, status=status, opened_at=SENT + timedelta(hours=1))
    late = datetime(2026, 12, 19, 12, 0, tzinfo=UTC)
    assert due_reminders(closed, CPH, late) == []
    assert all(reminder_due_at(closed, kind, CPH) is None for kind in ReminderKind)


def test_no_reminder_after_the_expiry_moment_even_when_the_sweep_is_late() -> None:
    after = expiry_moment(date(2026, 12, 20), CPH)
    assert due_reminders(QUOTE, CPH, after - timedelta(seconds=1)) != []
    assert due_reminders(QUOTE, CPH, after) == []


def test_only_sent_quotes_expire_after_their_last_day() -> None:
    last = date(2026, 12, 20)
    moment = expiry_moment(last, CPH)
    for status in ("SENT", "OPENED", "DOWNLOADED"):
        assert not expires_now(status, last, CPH, moment - timedelta(seconds=1))
        assert expires_now(status, last, CPH, moment)
    for status in ("DRAFT", "ACCEPTED", "DECLINED", "EXPIRED", "ARCHIVED"):
        assert not expires_now(status, last, CPH, moment + timedelta(days=1))
    assert not expires_now("SENT", None, CPH, moment)


def test_removal_and_archiving_wait_their_periods_and_are_off_without_one() -> None:
    expired_at = datetime(2026, 12, 20, 23, 0, tzinfo=UTC)
    assert not removal_due(expired_at, 30, expired_at + timedelta(days=29, hours=23))
    assert removal_due(expired_at, 30, expired_at + timedelta(days=30))
    assert removal_due(expired_at, 0, expired_at)
    assert not removal_due(expired_at, None, expired_at + timedelta(days=999))
    assert not removal_due(None, 30, expired_at + timedelta(days=999))
    assert not archive_due(expired_at, 90, expired_at + timedelta(days=89))
    assert archive_due(expired_at, 90, expired_at + timedelta(days=90))
    assert not archive_due(expired_at, None, expired_at + timedelta(days=999))


def test_reminder_emails_name_the_quote_and_differ_per_kind() -> None:
    from portico.mail.templates import render

    base = {"organization": "Nordlys", "link": "https://portico.example/hub/welcome?token=t", "title": "Roof",
            "number": "Q-7"}
    subjects = {kind: render("quote_reminder", "en", kind=kind.value, expires_on="2026-12-20", **base).subject
                for kind in ReminderKind}
    assert subjects == {
        ReminderKind.UNOPENED: "Reminder: quote Q-7 from Nordlys is waiting for you",
        ReminderKind.UNACCEPTED: "Quote Q-7 from Nordlys: still interested?",
        ReminderKind.BEFORE_EXPIRY: "Quote Q-7 from Nordlys expires on 2026-12-20",
    }
    bare = render("quote_reminder", "da", kind="UNOPENED", **base)
    assert "Beløb" not in bare.text and "Gyldigt" not in bare.text and "Svar" not in bare.text  # optional parts
    full = render("quote_reminder", "sv", kind="BEFORE_EXPIRY", expires_on="2026-12-20", amount="100.00 SEK",
                  sender_name="Rasmus", first_name="Ada", unsubscribe_link="https://portico.example/u/x", **base)
    assert "Giltig till och med 2026-12-20" in full.text and "Belopp: 100.00 SEK" in full.text
    assert "Hej Ada," in full.text and "https://portico.example/u/x" in full.html


def test_a_new_version_restarts_the_unopened_and_unanswered_reminders_from_its_own_dates() -> None:
    # Version 1 was opened on day 1; version 2 reached the customer on day 6 and is not opened yet.
    changed = replace(QUOTE, status="OPENED", opened_at=SENT + timedelta(days=1),
                      version_sent_at=SENT + timedelta(days=6), version_opened_at=None)
    assert reminder_due_at(changed, ReminderKind.UNOPENED, CPH) == SENT + timedelta(days=9)
    assert reminder_due_at(changed, ReminderKind.UNACCEPTED, CPH) is None  # nobody opened version 2 yet
    opened = replace(changed, version_opened_at=SENT + timedelta(days=7))
    assert reminder_due_at(opened, ReminderKind.UNOPENED, CPH) is None
    assert reminder_due_at(opened, ReminderKind.UNACCEPTED, CPH) == SENT + timedelta(days=12)
    # Before expiry does not depend on the version.
    assert reminder_due_at(changed, ReminderKind.BEFORE_EXPIRY, CPH) == reminder_due_at(
        QUOTE, ReminderKind.BEFORE_EXPIRY, CPH)


def test_what_was_sent_counts_for_the_version_it_was_sent_for_except_before_expiry() -> None:
    assert [cycle_of(kind, 3) for kind in ReminderKind] == [3, 3, 0]
    recorded = [("UNOPENED", 1), ("UNACCEPTED", 1), ("BEFORE_EXPIRY", 0)]
    assert already_sent(recorded, 1) == set(ReminderKind)
    assert already_sent(recorded, 2) == {ReminderKind.BEFORE_EXPIRY}
    assert already_sent([*recorded, ("UNOPENED", 2)], 2) == {ReminderKind.BEFORE_EXPIRY, ReminderKind.UNOPENED}
