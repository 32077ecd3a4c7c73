"""Issue 7, point 1: the hub link in a share email works every time while the contact has hub access.

Signed in, it opens the hub; its first use signs in on that device; afterwards a device that is not signed in gets
VERIFY, and the contact shows it is them with their password or a 6-digit code emailed to their own address.
Contacts have their own "forgot password". Links from before personal links (one-time HUB_LINK tokens) are adopted.
"""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from portico.accounts import onetime
from portico.accounts.models import OneTimeToken, Session, TokenPurpose
from portico.customers.models import Contact
from portico.hubs.models import HubLink, HubSignInCode
from tests.conftest import Clock
from tests.hubs.helpers import (
    CONTACT_PASSWORD,
    HUB_LOG_IN,
    SET_PASSWORD,
    World,
    latest_link,
    my_documents,
    outbox_for,
    person,
    share,
    token_of,
)

OPEN = """mutation($t: String!) { redeemHubLink(input: {token: $t}) {
  state needsPassword firstName organizationName hasPassword viewer { kind contact { email } }
  errors { code field message } } }"""
LINK_LOG_IN = """mutation($t: String!, $p: String!) { hubLinkLogIn(input: {token: $t, password: $p}) {
  viewer { kind contact { email } } errors { code field message } } }"""
REQUEST_CODE = """mutation($t: String!) { requestHubSignInCode(input: {token: $t}) {
  sentTo errors { code field message } } }"""
CODE_SIGN_IN = """mutation($t: String!, $c: String!) { signInWithHubCode(input: {token: $t, code: $c}) {
  viewer { kind contact { email } } errors { code field message } } }"""
FORGOT = """mutation($e: String!) { requestHubPasswordReset(input: {email: $e}) { ok errors { code field } } }"""
RESET = """mutation($t: String!, $p: String!) { resetHubPassword(input: {token: $t, password: $p}) {
  viewer { kind contact { email } } errors { code field message } } }"""
UPDATE_CUSTOMER = """mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { errors { code } } }"""
UPDATE_CONTACT = """mutation($input: UpdateContactInput!) { updateContact(input: $input) { errors { code } } }"""
METTE = "mette@fjord.example"


async def _shared_link(world: World) -> str:
    await share(world.acme.member.client, world.customer_x, [person("Mette", "Larsen", METTE)],
                [world.publications["Price list 2027"]])
    return token_of(await latest_link(METTE))


async def _open(client: Any, token: str) -> dict[str, Any]:
    return (await client(OPEN, {"t": token}))["redeemHubLink"]  # type: ignore[no-any-return]


async def _signed_in_as(client: Any) -> str | None:
    data = await client.raw("{ me { contact { email } } }")
    me = (data.get("data") or {}).get("me")
    return me["contact"]["email"] if me and me.get("contact") else None


async def _code_from_email() -> str:
    emails = await outbox_for(METTE, kind="hub_sign_in_code")
    assert emails, "no sign-in code was emailed"
    found = re.search(r"^\s+(\d{6})$", emails[-1].text, re.M)
    assert found, emails[-1].text
    return found.group(1)


async def test_the_link_signs_in_once_then_asks_on_every_new_device(world: World, client_factory: Any) -> None:
    token = await _shared_link(world)
    phone, laptop = client_factory(), client_factory()
    # A rep opening the customer's link first neither becomes the customer nor uses up the first sign-in.
    assert (await _open(world.acme.member.client, token))["state"] == "VERIFY"
    assert await _signed_in_as(world.acme.member.client) is None
    assert (await world.acme.member.client("{ me { member { email } } }"))["me"]["member"]["email"] == \
        world.acme.member.email

    first = await _open(phone, token)
    assert (first["state"], first["needsPassword"], first["errors"]) == ("SIGNED_IN", True, [])
    assert first["viewer"]["contact"]["email"] == METTE
    assert list(await my_documents(phone)) == ["Price list 2027"]
    # The same device again: still the hub, no second session.
    sessions = await Session.filter(contact__email=METTE).count()
    assert (await _open(phone, token))["state"] == "SIGNED_IN"
    assert await Session.filter(contact__email=METTE).count() == sessions

    # Another device: not a dead end, and not signed in either; it knows whom to greet and what to offer.
    other = await _open(laptop, token)
    assert other["errors"] == [] and other["viewer"] is None
    assert (other["state"], other["firstName"], other["organizationName"], other["hasPassword"]) == (
        "VERIFY", "Mette", "Acme Sales", False)
    assert await _signed_in_as(laptop) is None
    # Staff signed in on the device are not the contact either.
    assert (await _open(world.acme.member.client, token))["state"] == "VERIFY"

    # Months later the link still works (it lasts as long as the contact's access).
    await HubLink.all().update(created_at=datetime.now(UTC) - timedelta(days=400))
    assert (await _open(laptop, token))["state"] == "VERIFY"


async def test_verify_with_the_password(world: World, client_factory: Any) -> None:
    token = await _shared_link(world)
    phone, laptop = client_factory(), client_factory()
    await _open(phone, token)
    assert (await phone(SET_PASSWORD, {"p": CONTACT_PASSWORD}))["setContactPassword"]["errors"] == []

    assert (await _open(laptop, token))["hasPassword"] is True
    wrong = await laptop(LINK_LOG_IN, {"t": token, "p": "not the password"})
    assert [(e["code"], e["field"]) for e in wrong["hubLinkLogIn"]["errors"]] == [("INVALID_CREDENTIALS", "password")]
    assert await _signed_in_as(laptop) is None
    right = await laptop(LINK_LOG_IN, {"t": token, "p": CONTACT_PASSWORD})
    assert right["hubLinkLogIn"]["errors"] == []
    assert await _signed_in_as(laptop) == METTE
    assert (await _open(laptop, token))["state"] == "SIGNED_IN"
    # Another contact's password does not open Mette's link.
    await share(world.acme.member.client, world.customer_x, [person("Erik", "Lund", "erik@fjord.example")],
                [world.publications["Installation guide"]])
    erik = client_factory()
    await _open(erik, token_of(await latest_link("erik@fjord.example")))
    await erik(SET_PASSWORD, {"p": "eriks own password 1"})
    tablet = client_factory()
    refused = await tablet(LINK_LOG_IN, {"t": token, "p": "eriks own password 1"})
    assert refused["hubLinkLogIn"]["errors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_verify_with_an_emailed_code(world: World, client_factory: Any) -> None:
    token = await _shared_link(world)
    await _open(client_factory(), token)  # the first use, elsewhere
    laptop = client_factory()

    sent = await laptop(REQUEST_CODE, {"t": token})
    assert sent["requestHubSignInCode"] == {"sentTo": "m•••e@fjord.example", "errors": []}
    [email] = await outbox_for(METTE, kind="hub_sign_in_code")
    assert email.to_address == METTE  # the contact's own address, nobody else's
    code = await _code_from_email()
    assert code in email.subject and "10 minutes" in email.text
    assert "/hub/welcome?token=" in email.text  # or a fresh personal link, on the device that reads the email
    assert await HubSignInCode.filter(code_hash__contains=code).count() == 0  # only a keyed hash is stored

    malformed = await laptop(CODE_SIGN_IN, {"t": token, "c": "12ab"})
    assert malformed["signInWithHubCode"]["errors"][0]["code"] == "INVALID_CODE"
    wrong = "000000" if code != "000000" else "111111"
    bad = await laptop(CODE_SIGN_IN, {"t": token, "c": wrong})
    assert [(e["code"], e["field"]) for e in bad["signInWithHubCode"]["errors"]] == [("INVALID_CODE", "code")]
    assert (await HubSignInCode.get()).failed_attempts == 1  # counted, though the mutation failed
    good = await laptop(CODE_SIGN_IN, {"t": token, "c": f" {code[:3]} {code[3:]} "})
    assert good["signInWithHubCode"]["errors"] == []
    assert await _signed_in_as(laptop) == METTE
    # A code works once.
    again = await client_factory()(CODE_SIGN_IN, {"t": token, "c": code})
    assert again["signInWithHubCode"]["errors"][0]["code"] == "INVALID_CODE"


async def test_codes_expire_allow_few_tries_and_are_throttled(world: World, client_factory: Any) -> None:
    token = await _shared_link(world)
    await _open(client_factory(), token)
    laptop = client_factory()
    assert (await laptop(REQUEST_CODE, {"t": token}))["requestHubSignInCode"]["errors"] == []
    # Asked again at once: refused, nothing sent.
    soon = await laptop(REQUEST_CODE, {"t": token})
    assert soon["requestHubSignInCode"]["errors"][0]["code"] == "TOO_MANY_CODES"
    assert len(await outbox_for(METTE, kind="hub_sign_in_code")) == 1

    # Expired after 10 minutes.
    code = await _code_from_email()
    await HubSignInCode.all().update(expires_at=datetime.now(UTC) - timedelta(seconds=1),
                                     created_at=datetime.now(UTC) - timedelta(minutes=11))
    late = await laptop(CODE_SIGN_IN, {"t": token, "c": code})
    assert late["signInWithHubCode"]["errors"][0]["code"] == "INVALID_CODE"

    # Five wrong tries end a code, even the right one after them.
    assert (await laptop(REQUEST_CODE, {"t": token}))["requestHubSignInCode"]["errors"] == []
    code = await _code_from_email()
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        await laptop(CODE_SIGN_IN, {"t": token, "c": wrong})
    burnt = await laptop(CODE_SIGN_IN, {"t": token, "c": code})
    assert burnt["signInWithHubCode"]["errors"][0]["code"] == "INVALID_CODE"
    assert await _signed_in_as(laptop) is None

    # At most five codes an hour per contact.
    for _ in range(3):
        await HubSignInCode.all().update(created_at=datetime.now(UTC) - timedelta(minutes=5))
        assert (await laptop(REQUEST_CODE, {"t": token}))["requestHubSignInCode"]["errors"] == []
    await HubSignInCode.all().update(created_at=datetime.now(UTC) - timedelta(minutes=5))
    many = await laptop(REQUEST_CODE, {"t": token})
    assert many["requestHubSignInCode"]["errors"][0]["code"] == "TOO_MANY_CODES"
    assert len(await outbox_for(METTE, kind="hub_sign_in_code")) == 5


@pytest.mark.parametrize("switch", ["customer", "contact"])
async def test_no_access_no_link(world: World, client_factory: Any, switch: str) -> None:
    token = await _shared_link(world)
    await _open(client_factory(), token)
    contact = await Contact.get(email=METTE)
    if switch == "customer":
        data = await world.acme.admin.client(UPDATE_CUSTOMER, {"input": {"customerId": world.customer_x,
                                                                           "hubAccess": False}})
        assert data["updateCustomer"]["errors"] == []
    else:
        gid = base64.b64encode(f"Contact:{contact.id}".encode()).decode()
        data = await world.acme.admin.client(UPDATE_CONTACT, {"input": {"contactId": gid, "hubAccess": False}})
        assert data["updateContact"]["errors"] == []
    laptop = client_factory()
    for query, variables, field in (
        (OPEN, {"t": token}, "redeemHubLink"),
        (REQUEST_CODE, {"t": token}, "requestHubSignInCode"),
        (LINK_LOG_IN, {"t": token, "p": CONTACT_PASSWORD}, "hubLinkLogIn"),
        (CODE_SIGN_IN, {"t": token, "c": "123456"}, "signInWithHubCode"),
    ):
        result = (await laptop(query, variables))[field]
        assert [(e["code"], e["field"]) for e in result["errors"]] == [("INVALID_TOKEN", "token")], field
    assert await outbox_for(METTE, kind="hub_sign_in_code") == []
    assert await _signed_in_as(laptop) is None


async def test_unknown_tokens_are_refused_alike(client_factory: Any, two_orgs: Any) -> None:
    browser = client_factory()
    # A lone surrogate cannot even be encoded by the client: send the JSON escapes as they would arrive.
    lone = "\\ud800" * 20
    raw = f'{{"query": {json.dumps(OPEN)}, "variables": {{"t": "{lone}"}}}}'
    response = await browser.http.post("/graphql", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 200
    assert [e["code"] for e in response.json()["data"]["redeemHubLink"]["errors"]] == ["INVALID_TOKEN"]
    for token in ("not-a-token", "", "x" * 5000, "a\u0000" * 20, "ä" * 40):
        assert [e["code"] for e in (await _open(browser, token))["errors"]] == ["INVALID_TOKEN"]
        assert (await browser(REQUEST_CODE, {"t": token}))["requestHubSignInCode"]["errors"][0]["code"] == \
            "INVALID_TOKEN"


async def test_old_one_time_links_are_adopted(world: World, client_factory: Any) -> None:
    await _shared_link(world)
    contact = await Contact.get(email=METTE)
    used, _ = await onetime.issue(TokenPurpose.HUB_LINK, organization_id=contact.organization_id,
                                  contact_id=contact.id, lifetime=timedelta(days=30))
    await onetime.redeem(used, TokenPurpose.HUB_LINK)  # opened once, before this release
    await OneTimeToken.filter(purpose=TokenPurpose.HUB_LINK).update(expires_at=datetime.now(UTC) - timedelta(days=1))
    fresh, _ = await onetime.issue(TokenPurpose.HUB_LINK, organization_id=contact.organization_id,
                                   contact_id=contact.id, lifetime=timedelta(days=30))

    # Used and expired: it used to say "This link no longer works"; now it asks who is there.
    opened = await _open(client_factory(), used)
    assert (opened["state"], opened["errors"]) == ("VERIFY", [])
    # Never used: signs in, once.
    browser = client_factory()
    assert (await _open(browser, fresh))["state"] == "SIGNED_IN"
    assert await _signed_in_as(browser) == METTE
    assert (await _open(client_factory(), fresh))["state"] == "VERIFY"
    assert await HubLink.filter(contact_id=contact.id).count() == 3  # the shared link and the two adopted


async def test_forgot_password_emails_the_contact_a_reset_link(world: World, client_factory: Any) -> None:
    token = await _shared_link(world)
    phone = client_factory()
    await _open(phone, token)
    await phone(SET_PASSWORD, {"p": CONTACT_PASSWORD})
    browser = client_factory()

    # Unknown addresses, staff addresses and malformed input answer alike and send nothing.
    for address in ("nobody@fjord.example", world.acme.member.email, "   "):
        assert (await browser(FORGOT, {"e": address}))["requestHubPasswordReset"] == {"ok": True, "errors": []}
    assert await outbox_for(world.acme.member.email, kind="hub_password_reset") == []
    assert await outbox_for(world.acme.member.email, kind="password_reset") == []

    assert (await browser(FORGOT, {"e": " Mette@Fjord.example "}))["requestHubPasswordReset"]["ok"] is True
    [email] = await outbox_for(METTE, kind="hub_password_reset")
    assert "Acme Sales" in email.text
    link = re.search(r"(http://testserver/hub/reset-password\?token=[\w-]+)", email.text)
    assert link, email.text
    reset_token = token_of(link.group(1))

    weak = await browser(RESET, {"t": reset_token, "p": "short"})
    assert weak["resetHubPassword"]["errors"][0]["code"] == "WEAK_PASSWORD"
    done = await browser(RESET, {"t": reset_token, "p": "a brand new password"})
    assert done["resetHubPassword"]["errors"] == []
    assert done["resetHubPassword"]["viewer"]["contact"]["email"] == METTE
    assert await _signed_in_as(browser) == METTE
    assert await _signed_in_as(phone) is None  # every other browser is signed out
    # The new password works for the hub sign-in and the link; the old one and the reset link do not.
    later = client_factory()
    assert (await later(HUB_LOG_IN, {"e": METTE, "p": CONTACT_PASSWORD}))["hubLogIn"]["errors"][0]["code"] == \
        "INVALID_CREDENTIALS"
    assert (await later(LINK_LOG_IN, {"t": token, "p": "a brand new password"}))["hubLinkLogIn"]["errors"] == []
    again = await client_factory()(RESET, {"t": reset_token, "p": "another new password"})
    assert again["resetHubPassword"]["errors"][0]["code"] == "INVALID_TOKEN"
    # A staff reset link is not a contact reset link, and the other way round.
    assert (await client_factory()(
        """mutation($t: String!, $p: String!) { resetPassword(input: {token: $t, password: $p}) {
        errors { code } } }""", {"t": reset_token, "p": "another new password"}))["resetPassword"]["errors"][0][
        "code"] == "INVALID_TOKEN"


async def test_forgot_password_is_throttled_and_needs_hub_access(
    world: World, client_factory: Any, clock: Clock
) -> None:
    await _shared_link(world)
    browser = client_factory()
    for _ in range(5):
        assert (await browser(FORGOT, {"e": METTE}))["requestHubPasswordReset"] == {"ok": True, "errors": []}
    assert len(await outbox_for(METTE, kind="hub_password_reset")) == 3  # three an hour per address, quietly
    clock.advance(minutes=61)
    await browser(FORGOT, {"e": METTE})
    assert len(await outbox_for(METTE, kind="hub_password_reset")) == 4
    # Switched off: nothing is sent, and an earlier reset link stops working.
    [*_, last] = await outbox_for(METTE, kind="hub_password_reset")
    found = re.search(r"(http://testserver/hub/reset-password\?token=[\w-]+)", last.text)
    assert found
    await world.acme.admin.client(UPDATE_CUSTOMER, {"input": {"customerId": world.customer_x, "hubAccess": False}})
    clock.advance(minutes=61)
    await browser(FORGOT, {"e": METTE})
    assert len(await outbox_for(METTE, kind="hub_password_reset")) == 4
    refused = await browser(RESET, {"t": token_of(found.group(1)), "p": "a brand new password"})
    assert refused["resetHubPassword"]["errors"][0]["code"] == "INVALID_TOKEN"
