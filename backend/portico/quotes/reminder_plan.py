"""When each quote reminder and each validity step falls due: pure functions of a quote's dates and the clock.

The sweeps (`quotes.reminders`, `quotes.expiry`) find candidates in the database and ask these functions what is
due, so the calendar rules live in one place and are tested without a database.

Calendar rules, all in the organization's time zone:
- A quote's `expires_on` is the last day it can be accepted: it expires at the following local midnight.
- UNOPENED: `remind_unopened_days` after the current version reached the customer, while nobody has opened it.
- UNACCEPTED: `remind_unaccepted_days` after the current version was first opened, while it is not answered.
- A new version restarts those two (`cycle_of`: one of each per version): the customer is asked about what they
  now have. Its dates are `version_sent_at` / `version_opened_at`; before any new version, `sent_at` / `opened_at`.
- BEFORE_EXPIRY: at REMINDER_HOUR local time, `remind_before_expiry_days` days before `expires_on` (0: on that
  last day), a morning hour rather than midnight so that the email arrives when people read email.
- BEFORE_EXPIRY: once per quote, whatever its versions (the quote expires once).
- No reminder once the quote is closed (accepted, declined, expired, archived) or past its expiry moment, even if
  the sweep that would have sent it ran late.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

REMINDER_HOUR = 9

# The statuses in which the customer still has to answer: the only ones reminders are sent in. Strings (the
# values of quotes.models.QuoteStatus) so that this module stays free of the ORM.
OPEN_STATUSES = frozenset({"SENT", "OPENED", "DOWNLOADED"})
OPENED_STATUSES = frozenset({"OPENED", "DOWNLOADED"})


class ReminderKind(StrEnum):
    UNOPENED = "UNOPENED"
    UNACCEPTED = "UNACCEPTED"
    BEFORE_EXPIRY = "BEFORE_EXPIRY"


# The reminders a new version starts again: they are about the version the customer has, not the quote as a whole.
PER_VERSION = frozenset({ReminderKind.UNOPENED, ReminderKind.UNACCEPTED})


def cycle_of(kind: ReminderKind, version_number: int) -> int:
    """The cycle a reminder of `kind` belongs to while the quote is at `version_number`: the version for the
    reminders a new version restarts, 0 (the quote's one cycle) for the others. QuoteReminder is UNIQUE (quote,
    cycle, kind): one reminder of each kind per cycle."""
    return version_number if kind in PER_VERSION else 0


def already_sent(recorded: Iterable[tuple[str, int]], version_number: int) -> set[ReminderKind]:
    """Of a quote's recorded reminders, as (kind, cycle), those that count for the quote at `version_number`."""
    return {
        ReminderKind(kind) for kind, cycle in recorded if cycle == cycle_of(ReminderKind(kind), version_number)
    }


# When several reminders fall due at once (a worker was down, or the settings put them on the same day), one email
# is sent: the most pressing one. The others are recorded as folded into it, never sent later.
PRIORITY = (ReminderKind.BEFORE_EXPIRY, ReminderKind.UNACCEPTED, ReminderKind.UNOPENED)


@dataclass(frozen=True)
class QuoteDates:
    """What the plan needs of a quote (a `quotes.models.Quote` has all these attributes)."""

    status: str
    sent_at: datetime | None
    opened_at: datetime | None
    expires_on: date | None
    remind_unopened_days: int | None
    remind_unaccepted_days: int | None
    remind_before_expiry_days: int | None
    version_sent_at: datetime | None = None
    version_opened_at: datetime | None = None


def version_dates(quote: QuoteDates) -> tuple[datetime | None, datetime | None]:
    """When the customer got the version they have now, and when they first opened it (see the module doc)."""
    if quote.version_sent_at is None:
        return quote.sent_at, quote.opened_at
    return quote.version_sent_at, quote.version_opened_at


def expiry_moment(expires_on: date, zone: ZoneInfo) -> datetime:
    """The instant a quote valid through `expires_on` (local date) stops being acceptable: the next local midnight."""
    return datetime.combine(expires_on + timedelta(days=1), time(0), tzinfo=zone).astimezone(ZoneInfo("UTC"))


def is_past_expiry(expires_on: date | None, zone: ZoneInfo, now: datetime) -> bool:
    return expires_on is not None and now >= expiry_moment(expires_on, zone)


def reminder_due_at(quote: QuoteDates, kind: ReminderKind, zone: ZoneInfo) -> datetime | None:
    """When `kind` falls due for this quote as it stands; None when it does not apply (off, or not in a state
    where it makes sense)."""
    if str(quote.status) not in OPEN_STATUSES:
        return None
    sent_at, opened_at = version_dates(quote)
    if kind is ReminderKind.UNOPENED:
        if quote.remind_unopened_days is None or sent_at is None or opened_at is not None:
            return None
        return sent_at + timedelta(days=quote.remind_unopened_days)
    if kind is ReminderKind.UNACCEPTED:
        if quote.remind_unaccepted_days is None or opened_at is None or str(quote.status) not in OPENED_STATUSES:
            return None
        return opened_at + timedelta(days=quote.remind_unaccepted_days)
    if quote.remind_before_expiry_days is None or quote.expires_on is None:
        return None
    day = quote.expires_on - timedelta(days=quote.remind_before_expiry_days)
    return datetime.combine(day, time(REMINDER_HOUR), tzinfo=zone).astimezone(ZoneInfo("UTC"))


def due_reminders(
    quote: QuoteDates, zone: ZoneInfo, now: datetime, already: Collection[ReminderKind] = ()
) -> list[ReminderKind]:
    """The reminders to record now, most pressing first (the first is the one to email): due, not yet recorded,
    and the quote still open and not past its expiry."""
    if str(quote.status) not in OPEN_STATUSES or is_past_expiry(quote.expires_on, zone, now):
        return []
    due = []
    for kind in PRIORITY:
        at = reminder_due_at(quote, kind, zone)
        if kind not in already and at is not None and at <= now:
            due.append(kind)
    return due


def expires_now(status: str, expires_on: date | None, zone: ZoneInfo, now: datetime) -> bool:
    """An open quote (sent, not answered) whose last day has passed. A draft never expires: it was never offered."""
    return str(status) in OPEN_STATUSES and is_past_expiry(expires_on, zone, now)


def removal_due(expired_at: datetime | None, remove_after_days: int | None, now: datetime) -> bool:
    """Contacts stop seeing an expired quote `remove_after_days` after it expired (None: it stays in the portal)."""
    return expired_at is not None and remove_after_days is not None and now >= expired_at + timedelta(
        days=remove_after_days
    )


def archive_due(settled_at: datetime | None, archive_after_days: int | None, now: datetime) -> bool:
    """A settled quote (accepted, declined or expired at `settled_at`) is archived `archive_after_days` later, when
    the organization set that period (None: never automatically)."""
    return settled_at is not None and archive_after_days is not None and now >= settled_at + timedelta(
        days=archive_after_days
    )
