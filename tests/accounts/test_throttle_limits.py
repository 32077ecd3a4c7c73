"""Throttle limits other than sign-in's: a public quote link doubles its locks, then refuses for an hour."""

from __future__ import annotations

import pytest

from portico.accounts import throttle
from portico.accounts.models import ThrottleBucket
from portico.errors import DomainError
from tests.conftest import Clock

LINK = throttle.QUOTE_LINK


async def _fail(clock: Clock, *, ip: str = "10.0.0.1") -> None:
    await throttle.reserve("quote-link", "link-1", ip, LINK)


async def test_a_link_doubles_its_lock_then_refuses_for_an_hour(db: str, clock: Clock) -> None:
    # the free failures pass at once
    for _ in range(LINK.account_free - 1):
        await _fail(clock)
    # from the last free one on, each failure locks twice as long as the one before: 2, 4, 8, ... seconds
    locks = []
    for _ in range(LINK.account_free, LINK.refuse_after):
        await _fail(clock)
        with pytest.raises(DomainError) as refused:
            await _fail(clock)
        assert refused.value.problems[0].code == "TOO_MANY_ATTEMPTS"
        bucket = await ThrottleBucket.get(key="quote-link:account:link-1")
        assert bucket.locked_until is not None
        locks.append(round((bucket.locked_until - clock.now()).total_seconds()))
        clock.advance(seconds=locks[-1] + 1)
    assert locks == [2 ** n for n in range(1, len(locks) + 1)]
    # the refuse_after-th failure refuses for an hour, from any address
    await _fail(clock)
    clock.advance(minutes=59)
    with pytest.raises(DomainError):
        await _fail(clock, ip="10.9.9.9")
    clock.advance(minutes=2)
    await _fail(clock, ip="10.9.9.9")  # let through again (and counted)


async def test_sign_in_limits_are_unchanged(db: str, clock: Clock) -> None:
    # twenty failures, each right after the previous lock ended: sign-in locks grow to 15 minutes, never an hour
    for _ in range(20):
        await throttle.reserve("member", "a@example.com", "10.0.0.2")
        bucket = await ThrottleBucket.get(key="member:account:a@example.com")
        if bucket.locked_until is not None:
            assert bucket.locked_until - clock.now() <= throttle.MAX_LOCK
            clock.advance(seconds=(bucket.locked_until - clock.now()).total_seconds() + 1)
    assert bucket.failures == 20
