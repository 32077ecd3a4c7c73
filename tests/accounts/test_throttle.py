"""Sign-in throttling under load (issue 7, point 13): attempts are counted before any hash is checked.

Parallel guesses run as parallel requests through the whole app, on SQLite and PostgreSQL; the throttle's clock
is moved by the `clock` fixture instead of sleeping.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from portico.accounts import throttle
from portico.accounts.models import Member, ThrottleBucket
from portico.accounts.passwords import hash_password
from portico.customers.models import Contact, Customer, CustomerKind
from portico.mail.models import OutboxEmail
from tests.accounts.conftest import Solo
from tests.conftest import PASSWORD, Clock, GraphQLClient, Verifications
from tests.graphql.helpers import LOG_IN, link_token

HUB_LOG_IN = """mutation($e: String!, $p: String!) { hubLogIn(input: {email: $e, password: $p}) {
  viewer { kind } errors { code field message } } }"""
REQUEST_RESET = "mutation($email: String!) { requestPasswordReset(input: {email: $email}) { ok } }"
RESET = """mutation($token: String!, $password: String!) { resetPassword(input: {token: $token, password: $password}) {
  viewer { kind } errors { code } } }"""
WRONG = "wrong password!!"


async def _log_in(client: GraphQLClient, email: str, password: str) -> list[str]:
    data = await client(LOG_IN, {"input": {"email": email, "password": password}})
    return [e["code"] for e in data["logIn"]["errors"]]


async def test_thirty_parallel_wrong_passwords_check_at_most_five_hashes(
    solo: Solo,
    client_factory: Callable[..., GraphQLClient],
    count_verifications: Verifications,
    clock: Clock,
) -> None:
    # The clock stands still: on a loaded machine the 30 requests can take longer than the fifth failure's
    # 2-second lock, and an attempt after the lock ends is rightly let through (a sixth hash, not a race).
    # given 30 browsers guessing at once
    browsers = [client_factory() for _ in range(30)]

    # when
    answers = await asyncio.gather(*(_log_in(b, solo.email, WRONG) for b in browsers))

    # then only the five free attempts were checked, the rest refused before hashing; nothing failed unexpectedly
    assert count_verifications.count == 5
    assert sorted(code for codes in answers for code in codes) == ["INVALID_CREDENTIALS"] * 5 + [
        "TOO_MANY_ATTEMPTS"
    ] * 25
    bucket = await ThrottleBucket.get(key=f"member:account:{solo.email}")
    assert bucket.failures == 5 and bucket.locked_until is not None
    # the address counted only the attempts that were let through
    assert (await ThrottleBucket.get(key="member:address:127.0.0.1")).failures == 5


async def test_thirty_parallel_wrong_passwords_for_a_contact_check_at_most_five_hashes(
    solo: Solo,
    client_factory: Callable[..., GraphQLClient],
    count_verifications: Verifications,
    clock: Clock,
) -> None:
    # The clock stands still: on a loaded machine the 30 requests can take longer than the fifth failure's
    # 2-second lock, and an attempt after the lock ends is rightly let through (a sixth hash, not a race).
    # given a contact with a password
    admin = await Member.get(email=solo.email)
    customer = await Customer.create(organization_id=admin.organization_id, kind=CustomerKind.COMPANY,
                                     name="Fjord", name_key="fjord", hub_access=True)
    await Contact.create(customer=customer, organization_id=admin.organization_id, first_name="Mette",
                         last_name="Larsen", email="mette@fjord.example", password_hash=await hash_password(PASSWORD))
    browsers = [client_factory() for _ in range(30)]

    # when
    answers = await asyncio.gather(*(b(HUB_LOG_IN, {"e": "mette@fjord.example", "p": WRONG}) for b in browsers))

    # then
    assert count_verifications.count == 5
    codes = sorted(a["hubLogIn"]["errors"][0]["code"] for a in answers)
    assert codes == ["INVALID_CREDENTIALS"] * 5 + ["TOO_MANY_ATTEMPTS"] * 25


async def test_two_first_attempts_at_once_are_both_counted(db: str) -> None:
    # when two attempts for an account nobody tried yet arrive together (on PostgreSQL they used to collide on
    # the new row's key)
    await asyncio.gather(*(throttle.reserve("member", "new@example.com", ip) for ip in ("10.0.0.1", "10.0.0.2")))

    # then both counted, each address once
    assert (await ThrottleBucket.get(key="member:account:new@example.com")).failures == 2
    assert await ThrottleBucket.filter(key__startswith="member:address:", failures=1).count() == 2


async def test_locks_grow_then_counts_decay_after_a_quiet_window(
    solo: Solo, client_factory: Callable[..., GraphQLClient], clock: Clock
) -> None:
    browser = client_factory()
    # given five failures: the fifth locks for 2 seconds, even the right password is refused
    for _ in range(5):
        assert await _log_in(browser, solo.email, WRONG) == ["INVALID_CREDENTIALS"]
    assert await _log_in(browser, solo.email, PASSWORD) == ["TOO_MANY_ATTEMPTS"]

    # when the lock has passed, one more failure locks for 4 seconds
    clock.advance(seconds=2)
    assert await _log_in(browser, solo.email, WRONG) == ["INVALID_CREDENTIALS"]
    clock.advance(seconds=3)
    assert await _log_in(browser, solo.email, PASSWORD) == ["TOO_MANY_ATTEMPTS"]
    clock.advance(seconds=1)

    # then after 15 quiet minutes the count starts again: four failures do not lock
    clock.advance(minutes=15)
    for _ in range(4):
        assert await _log_in(browser, solo.email, WRONG) == ["INVALID_CREDENTIALS"]
    assert (await ThrottleBucket.get(key=f"member:account:{solo.email}")).failures == 4
    assert await _log_in(browser, solo.email, PASSWORD) == []

    # and a success clears the account's count
    assert not await ThrottleBucket.filter(key=f"member:account:{solo.email}").exists()


async def test_the_quiet_window_starts_when_the_lock_ends(
    solo: Solo, client_factory: Callable[..., GraphQLClient], clock: Clock
) -> None:
    # given an account locked for 15 minutes (the cap) by a long run of failures
    browser = client_factory()
    await ThrottleBucket.create(key=f"member:account:{solo.email}", failures=40, last_attempt_at=clock.now(),
                                locked_until=clock.now() + throttle.MAX_LOCK)

    # when the lock ends, the count is still there: the next failure locks again at once
    clock.advance(minutes=15, seconds=1)
    assert await _log_in(browser, solo.email, WRONG) == ["INVALID_CREDENTIALS"]
    assert await _log_in(browser, solo.email, PASSWORD) == ["TOO_MANY_ATTEMPTS"]

    # then only 15 quiet minutes after the (new) lock ends is it forgotten
    clock.advance(minutes=30, seconds=2)
    assert await _log_in(browser, solo.email, PASSWORD) == []


async def test_successful_sign_ins_do_not_use_up_the_address(
    solo: Solo, client_factory: Callable[..., GraphQLClient]
) -> None:
    # when more people than the address allows failures sign in from one office address
    for _ in range(throttle.ADDRESS_FREE_FAILURES + 5):
        assert await _log_in(client_factory(), solo.email, PASSWORD) == []

    # then the address has nothing counted
    assert (await ThrottleBucket.get(key="member:address:127.0.0.1")).failures == 0


async def test_a_password_reset_lifts_the_account_lock(
    solo: Solo, client_factory: Callable[..., GraphQLClient], clock: Clock
) -> None:
    # given a locked account
    browser = client_factory()
    for _ in range(5):
        await _log_in(browser, solo.email, WRONG)
    clock.advance(seconds=3)
    for _ in range(3):
        await _log_in(browser, solo.email, WRONG)
        clock.advance(seconds=1)
    assert await _log_in(browser, solo.email, PASSWORD) == ["TOO_MANY_ATTEMPTS"]

    # when the owner resets the password from the emailed link
    await browser(REQUEST_RESET, {"email": solo.email})
    token = link_token((await OutboxEmail.get(kind="password_reset")).text, "/reset-password")
    reset: dict[str, Any] = await client_factory()(RESET, {"token": token, "password": "a brand new passphrase"})
    assert reset["resetPassword"]["errors"] == []

    # then the new password works at once, from anywhere
    assert await _log_in(client_factory(), solo.email, "a brand new passphrase") == []
