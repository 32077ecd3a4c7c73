"""Sign-up, log in/out, throttling and session expiry, through GraphQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from portico.accounts.models import Member, Organization, Session, ThrottleBucket
from portico.accounts.sessions import SESSION_COOKIE
from tests.accounts.conftest import Solo
from tests.conftest import PASSWORD, GraphQLClient
from tests.graphql.helpers import LOG_IN, ME, SIGN_UP, codes

LOG_OUT = "mutation { logOut { ok errors { code } } }"


def _sign_up_input(**overrides: str) -> dict[str, Any]:
    return {"input": {"organizationName": "Acme", "firstName": "Ada", "lastName": "Admin",
                      "email": "ada@acme.example", "password": PASSWORD, **overrides}}


def _set_cookie(response: Any) -> str:
    cookies = [v for k, v in response.headers.multi_items() if k == "set-cookie" and v.startswith(SESSION_COOKIE)]
    assert len(cookies) == 1, response.headers
    return cookies[0]


async def test_sign_up_creates_organization_and_signed_in_admin(client_factory: Callable[..., GraphQLClient]) -> None:
    # given
    client = client_factory()

    # when
    response = await client.http.post("/graphql", json={"query": SIGN_UP, "variables": _sign_up_input(
        email="  Ada@ACME.example ")})

    # then
    body = response.json()
    assert body["data"]["signUp"]["errors"] == []
    viewer = body["data"]["signUp"]["viewer"]
    assert viewer["kind"] == "MEMBER"
    assert viewer["member"]["role"] == "ADMIN"
    assert viewer["member"]["email"] == "ada@acme.example"
    assert viewer["member"]["isAccountManager"] is True
    assert viewer["organization"]["name"] == "Acme"
    cookie = _set_cookie(response)
    attributes = [a.strip().lower() for a in cookie.split(";")]
    assert "httponly" in attributes and "samesite=lax" in attributes and "path=/" in attributes
    token = cookie.split(";")[0].split("=", 1)[1]
    assert token and token not in response.text  # the session token travels only in the cookie
    assert await Session.filter(token_hash=token).count() == 0  # only its hash is stored
    me = await client(ME)
    assert me["me"]["member"]["id"] == viewer["member"]["id"]
    assert me["me"]["organization"]["id"] == viewer["organization"]["id"]
    assert await Organization.all().count() == 1
    member = await Member.get(email="ada@acme.example")
    assert member.role == "ADMIN" and member.password_hash != PASSWORD


async def test_sign_up_rejects_bad_input_and_writes_nothing(client_factory: Callable[..., GraphQLClient]) -> None:
    # given
    first = client_factory()
    assert (await first(SIGN_UP, _sign_up_input()))["signUp"]["errors"] == []
    client = client_factory()

    # when every field is wrong at once
    data = await client(SIGN_UP, _sign_up_input(organizationName="x" * 201, firstName="f" * 101, lastName="  ",
                                               email="not-an-email", password="short"))

    # then every problem is reported, each on its field, and nothing was written
    assert data["signUp"]["viewer"] is None
    assert codes(data["signUp"]["errors"]) == {
        ("TOO_LONG", "organizationName"), ("TOO_LONG", "firstName"), ("REQUIRED", "lastName"),
        ("INVALID_EMAIL", "email"), ("WEAK_PASSWORD", "password"),
    }
    assert sorted(await Organization.all().values_list("name", flat=True)) == ["Acme"]
    assert (await client(ME))["me"] is None
    assert SESSION_COOKIE not in client.http.cookies


async def test_sign_up_does_not_reveal_an_email_known_in_another_organization(
    client_factory: Callable[..., GraphQLClient],
) -> None:
    """Issue 7, point 10: "email taken" told anyone whether an address was staff somewhere. An email is unique within
    an organization only, so signing up with a known one answers exactly like a new one: a new organization."""
    # given Ada is the admin of Acme
    ada = client_factory()
    first = await ada(SIGN_UP, _sign_up_input())
    assert first["signUp"]["errors"] == []

    # when someone signs up with her address (in another case), and someone else with a fresh one
    known = await client_factory()(SIGN_UP, _sign_up_input(organizationName="Other", email="ADA@acme.example",
                                                          password="another good passphrase"))
    fresh = await client_factory()(SIGN_UP, _sign_up_input(organizationName="Third", email="new@third.example"))

    # then both answers have the same shape: a new organization and its admin, signed in
    for data, org in ((known, "Other"), (fresh, "Third")):
        assert data["signUp"]["errors"] == []
        assert data["signUp"]["viewer"]["organization"]["name"] == org
        assert data["signUp"]["viewer"]["member"]["role"] == "ADMIN"
    assert await Member.filter(email="ada@acme.example").count() == 2

    # and each password signs in to its own account
    for password, org in ((PASSWORD, "Acme"), ("another good passphrase", "Other")):
        browser = client_factory()
        logged = await browser(LOG_IN, {"input": {"email": "ada@acme.example", "password": password}})
        assert logged["logIn"]["errors"] == []
        assert (await browser(ME))["me"]["organization"]["name"] == org


async def test_log_in_and_log_out(solo: Solo, client_factory: Callable[..., GraphQLClient]) -> None:
    # given
    browser = client_factory()

    # when
    response = await browser.http.post("/graphql", json={"query": LOG_IN, "variables": {
        "input": {"email": "SAM@solo.example", "password": PASSWORD}}})

    # then
    assert response.json()["data"]["logIn"]["errors"] == []
    cookie = _set_cookie(response)
    attributes = [a.strip().lower() for a in cookie.split(";")]
    assert "httponly" in attributes and "samesite=lax" in attributes
    token = browser.http.cookies[SESSION_COOKIE]
    assert (await browser(ME))["me"]["member"]["id"] == solo.member_id

    # when
    data = await browser(LOG_OUT)

    # then the browser is signed out, and the old cookie value is dead server-side
    assert data["logOut"] == {"ok": True, "errors": []}
    assert (await browser(ME))["me"] is None
    replay = client_factory(headers={"Cookie": f"{SESSION_COOKIE}={token}"})
    assert (await replay(ME))["me"] is None
    assert (await replay.raw("{ customers { totalCount } }"))["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    # the first session (from sign-up) is untouched
    assert (await solo.client(ME))["me"]["member"]["id"] == solo.member_id


async def test_wrong_password_and_unknown_account_answer_alike(solo: Solo,
                                                               client_factory: Callable[..., GraphQLClient]) -> None:
    # given
    browser = client_factory()

    # when
    wrong = await browser(LOG_IN, {"input": {"email": solo.email, "password": "wrong password!!"}})
    unknown = await browser(LOG_IN, {"input": {"email": "nobody@solo.example", "password": PASSWORD}})

    # then
    assert wrong["logIn"]["viewer"] is None
    assert [(e["code"], e["field"]) for e in wrong["logIn"]["errors"]] == [("INVALID_CREDENTIALS", None)]
    assert wrong["logIn"]["errors"] == unknown["logIn"]["errors"]
    assert (await browser(ME))["me"] is None


async def test_failed_log_ins_lock_the_account_with_growing_delays(
    solo: Solo, client_factory: Callable[..., GraphQLClient]
) -> None:
    # given five failures
    browser = client_factory()
    for _ in range(5):
        data = await browser(LOG_IN, {"input": {"email": solo.email, "password": "wrong password!!"}})
        assert data["logIn"]["errors"][0]["code"] == "INVALID_CREDENTIALS"

    # when the sixth attempt has the right password
    data = await browser(LOG_IN, {"input": {"email": solo.email, "password": PASSWORD}})

    # then it is refused anyway
    assert [e["code"] for e in data["logIn"]["errors"]] == ["TOO_MANY_ATTEMPTS"]
    assert (await browser(ME))["me"] is None
    bucket = await ThrottleBucket.get(key=f"member:account:{solo.email}")
    assert bucket.locked_until is not None
    first_lock = bucket.locked_until - datetime.now(UTC)
    assert timedelta(0) < first_lock <= timedelta(seconds=2)

    # when the lock has passed and the next attempt fails again
    await ThrottleBucket.filter(key=bucket.key).update(locked_until=datetime.now(UTC) - timedelta(seconds=1))
    data = await browser(LOG_IN, {"input": {"email": solo.email, "password": "wrong password!!"}})

    # then it was tried (INVALID_CREDENTIALS) and the lock is now longer
    assert data["logIn"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    bucket = await ThrottleBucket.get(key=bucket.key)
    assert bucket.locked_until is not None
    second_lock = bucket.locked_until - datetime.now(UTC)
    assert second_lock > first_lock + timedelta(seconds=1)
    data = await browser(LOG_IN, {"input": {"email": solo.email, "password": PASSWORD}})
    assert data["logIn"]["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"

    # when the lock has passed and the right password is given
    await ThrottleBucket.filter(key=bucket.key).update(locked_until=datetime.now(UTC) - timedelta(seconds=1))
    data = await browser(LOG_IN, {"input": {"email": solo.email, "password": PASSWORD}})

    # then the member is in and the account's counter is cleared
    assert data["logIn"]["errors"] == []
    assert (await browser(ME))["me"]["member"]["id"] == solo.member_id
    assert not await ThrottleBucket.filter(key=bucket.key).exists()


async def test_expired_session_no_longer_signs_in(solo: Solo) -> None:
    # given
    assert (await solo.client(ME))["me"] is not None

    # when
    await Session.all().update(expires_at=datetime.now(UTC) - timedelta(seconds=1))

    # then
    assert (await solo.client(ME))["me"] is None
    assert await Session.all().count() == 0
