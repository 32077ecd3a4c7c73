"""Password reset by emailed one-time link."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
from starlette.applications import Starlette

from portico.accounts.models import OneTimeToken
from portico.accounts.throttle import RESETS_PER_ACCOUNT, RESETS_PER_ADDRESS
from portico.accounts.tokens import token_hash
from portico.mail.models import OutboxEmail
from tests.accounts.conftest import Solo
from tests.conftest import PASSWORD, TEST_ORIGIN, Clock, GraphQLClient
from tests.graphql.helpers import LOG_IN, ME, link_token

REQUEST_RESET = """mutation($email: String!) { requestPasswordReset(input: {email: $email}) {
  ok errors { code field message } } }"""
RESET = """mutation($token: String!, $password: String!) { resetPassword(input: {token: $token, password: $password}) {
  viewer { kind member { id } } errors { code field message } } }"""
NEW_PASSWORD = "a brand new passphrase"


async def test_unknown_email_answers_ok_and_sends_nothing(solo: Solo,
                                                          client_factory: Callable[..., GraphQLClient]) -> None:
    # given
    anonymous = client_factory()

    # when
    data = await anonymous(REQUEST_RESET, {"email": "nobody@solo.example"})

    # then
    assert data["requestPasswordReset"] == {"ok": True, "errors": []}
    assert await OutboxEmail.all().count() == 0
    assert await OneTimeToken.all().count() == 0


async def test_reset_link_works_once_and_ends_other_sessions(solo: Solo,
                                                             client_factory: Callable[..., GraphQLClient]) -> None:
    # given a second browser signed in as the same member
    other_browser = client_factory()
    logged_in = await other_browser(LOG_IN, {"input": {"email": solo.email, "password": PASSWORD}})
    assert logged_in["logIn"]["errors"] == []
    anonymous = client_factory()

    # when
    data = await anonymous(REQUEST_RESET, {"email": " SAM@Solo.example "})

    # then one email with a link is queued, and only the token's hash is stored
    assert data["requestPasswordReset"] == {"ok": True, "errors": []}
    emails = await OutboxEmail.all()
    assert len(emails) == 1 and emails[0].to_address == solo.email and emails[0].kind == "password_reset"
    token = link_token(emails[0].text, "/reset-password")
    assert token in emails[0].html
    row = await OneTimeToken.get(purpose="PASSWORD_RESET")
    assert row.token_hash == token_hash(token) and token not in row.token_hash

    # when a too-short password is given first, the token is not spent
    weak = await anonymous(RESET, {"token": token, "password": "short"})
    assert [(e["code"], e["field"]) for e in weak["resetPassword"]["errors"]] == [("WEAK_PASSWORD", "password")]

    # when
    data = await anonymous(RESET, {"token": token, "password": NEW_PASSWORD})

    # then the resetting browser is signed in, every other session ended, and only the new password works
    assert data["resetPassword"]["errors"] == []
    assert data["resetPassword"]["viewer"]["member"]["id"] == solo.member_id
    assert (await anonymous(ME))["me"]["member"]["id"] == solo.member_id
    assert (await other_browser(ME))["me"] is None
    assert (await solo.client(ME))["me"] is None
    fresh = client_factory()
    old = await fresh(LOG_IN, {"input": {"email": solo.email, "password": PASSWORD}})
    assert old["logIn"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    new = await fresh(LOG_IN, {"input": {"email": solo.email, "password": NEW_PASSWORD}})
    assert new["logIn"]["errors"] == []

    # when the same link is used again
    again = await client_factory()(RESET, {"token": token, "password": "yet another passphrase"})

    # then
    assert again["resetPassword"]["viewer"] is None
    assert [(e["code"], e["field"]) for e in again["resetPassword"]["errors"]] == [("INVALID_TOKEN", "token")]
    still = await client_factory()(LOG_IN, {"input": {"email": solo.email, "password": NEW_PASSWORD}})
    assert still["logIn"]["errors"] == []


async def test_expired_or_unknown_reset_token_is_invalid(solo: Solo,
                                                         client_factory: Callable[..., GraphQLClient]) -> None:
    # given an expired link
    anonymous = client_factory()
    await anonymous(REQUEST_RESET, {"email": solo.email})
    token = link_token((await OutboxEmail.get()).text, "/reset-password")
    await OneTimeToken.all().update(expires_at=datetime.now(UTC) - timedelta(seconds=1))

    # when
    expired = await anonymous(RESET, {"token": token, "password": NEW_PASSWORD})
    made_up = await anonymous(RESET, {"token": "x" * 43, "password": NEW_PASSWORD})

    # then
    for data in (expired, made_up):
        assert data["resetPassword"]["viewer"] is None
        assert [(e["code"], e["field"]) for e in data["resetPassword"]["errors"]] == [("INVALID_TOKEN", "token")]
    assert (await solo.client(ME))["me"] is not None  # nothing happened to the account
    old = await client_factory()(LOG_IN, {"input": {"email": solo.email, "password": PASSWORD}})
    assert old["logIn"]["errors"] == []


# --- throttling (issue 7, point 10) ---------------------------------------------------------------------------


def _from_address(app: Starlette, ip: str) -> GraphQLClient:
    """A browser at another client address (the app sees the ASGI client's host)."""
    client = GraphQLClient(app)
    client.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(ip, 40000)),
                                    base_url=TEST_ORIGIN, headers={"origin": TEST_ORIGIN})
    return client


async def test_reset_emails_are_limited_per_account_whatever_the_address(
    solo: Solo, app: Starlette, clock: Clock
) -> None:
    # given four requests for one account, each from another address
    browsers = [_from_address(app, f"10.0.0.{i}") for i in range(1, 6)]

    # when
    answers = [await b(REQUEST_RESET, {"email": solo.email}) for b in browsers[:4]]

    # then all answer the same, but only three emails went out
    assert all(a["requestPasswordReset"] == {"ok": True, "errors": []} for a in answers)
    assert await OutboxEmail.filter(kind="password_reset").count() == RESETS_PER_ACCOUNT == 3

    # and after an hour without one the account may ask again
    clock.advance(hours=1, seconds=1)
    assert (await browsers[4](REQUEST_RESET, {"email": solo.email}))["requestPasswordReset"]["ok"]
    assert await OutboxEmail.filter(kind="password_reset").count() == 4
    for b in browsers:
        await b.close()


async def test_reset_requests_are_limited_per_client_address(solo: Solo, app: Starlette, clock: Clock) -> None:
    # given one address asking for many accounts (existing or not: it is counted the same)
    prober = _from_address(app, "10.9.9.9")
    for i in range(RESETS_PER_ADDRESS):
        data = await prober(REQUEST_RESET, {"email": f"someone{i}@solo.example"})
        assert data["requestPasswordReset"]["errors"] == []

    # when it asks once more, even for an existing account
    data = await prober(REQUEST_RESET, {"email": solo.email})

    # then it is refused, and no email goes out
    assert [e["code"] for e in data["requestPasswordReset"]["errors"]] == ["TOO_MANY_ATTEMPTS"]
    assert await OutboxEmail.filter(kind="password_reset").count() == 0
    # another address is not affected
    other = _from_address(app, "10.8.8.8")
    assert (await other(REQUEST_RESET, {"email": solo.email}))["requestPasswordReset"]["errors"] == []
    assert await OutboxEmail.filter(kind="password_reset").count() == 1
    # and the address may ask again an hour later
    clock.advance(hours=1, seconds=1)
    assert (await prober(REQUEST_RESET, {"email": solo.email}))["requestPasswordReset"]["errors"] == []
    await prober.close()
    await other.close()
