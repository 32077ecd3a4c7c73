"""The clock of what happens on an organization's calendar (digests, reminders, overdue, expiry): tests replace `now`
to put a moment at a chosen local time without waiting for it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from portico.actors import Actor


def now() -> datetime:
    return datetime.now(UTC)


def zone(name: str | None) -> ZoneInfo:
    """The zone of that IANA name; UTC for a name this machine does not know (an organization's stale setting must
    not stop its emails)."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def today_in(timezone: str | None, at: datetime | None = None) -> date:
    """The date in that zone now (or `at`): an organization's calendar day is what "today", "overdue" and "expired"
    mean for its people (late in the UTC evening, Copenhagen is already on the next day; early in the UTC morning,
    Los Angeles is still on the previous one)."""
    return (at or now()).astimezone(zone(timezone)).date()


def today_for(actor: Actor) -> date:
    """Today in the caller's organization (UTC for a caller without one)."""
    return today_in(actor.organization.timezone if actor.organization else None)


def next_digest_at(after: datetime, tz: ZoneInfo, minute: int) -> datetime:
    """The first moment after `after` at which the local clock in `tz` shows `minute` (minutes after midnight),
    in UTC. On a day when that local time does not exist (a DST gap) zoneinfo moves it forward by the gap."""
    local = after.astimezone(tz)
    wanted = time(minute // 60, minute % 60)
    for offset in range(3):
        day: date = local.date() + timedelta(days=offset)
        candidate = datetime.combine(day, wanted, tzinfo=tz).astimezone(UTC)
        if candidate > after:
            return candidate
    raise AssertionError("unreachable: a local time recurs within two days")
