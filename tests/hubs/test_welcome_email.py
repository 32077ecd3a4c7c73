"""Issue 9, point 2: the welcome email (seed 001), sent and re-sent per contact, and each contact's status.

The email carries the contact's personal hub link; a re-send replaces it (the previous welcome email's link stops
working, share links do not); re-sends are throttled; only what the sender may see can be sent to; the status goes
NEVER_INVITED → INVITED (date) → SIGNED_IN (date).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from portico.customers.models import Contact
from portico.hubs.models import HubLink
from portico.mail.models import OutboxEmail
from portico.mail.sender import SmtpSender, deliver_due
from tests.graphql.helpers import allow_contacts_without_email, codes, gid, pk_of
from tests.hubs.helpers import (
    ADD_CONTACT,
    REDEEM,
    World,
    hub_link_in,
    latest_link,
    outbox_for,
    person,
    share,
    sign_in_contact,
    token_of,
)
from tests.mail.smtp_testserver import RecordingHandler, SmtpServer, start_server

SEND = """mutation($id: ID!, $lang: String) { sendWelcomeEmail(input: {contactId: $id, language: $lang}) {
  contact { id invitationStatus invitedAt lastSignedInAt } errors { code field message } } }"""
STATUS = """query($id: ID!) { customer(id: $id) { contacts { id email invitationStatus invitedAt lastSignedInAt
  welcomeUnavailableReason } } }"""
UPDATE_CUSTOMER = """mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) {
  errors { code field message } } }"""
UPDATE_CONTACT = """mutation($input: UpdateContactInput!) { updateContact(input: $input) { errors { code } } }"""
WELCOME = "contact_welcome"
ANNA = "anna@fjord.example"


async def _contact(world: World, first: str = "Anna", email: str | None = ANNA) -> str:
    data = await world.acme.member.client(ADD_CONTACT, {"input": {
        "customerId": world.customer_x, "firstName": first, "lastName": "Holm", "email": email}})
    assert data["addContact"]["errors"] == [], data
    return str(data["addContact"]["contact"]["id"])


async def _hub_access_on(world: World) -> None:
    data = await world.acme.member.client(UPDATE_CUSTOMER, {"input": {"customerId": world.customer_x,
                                                                      "hubAccess": True}})
    assert data["updateCustomer"]["errors"] == []


async def _send(client: Any, contact_id: str, language: str | None = None) -> dict[str, Any]:
    return (await client(SEND, {"id": contact_id, "lang": language}))["sendWelcomeEmail"]  # type: ignore[no-any-return]


async def _status(world: World) -> dict[str, dict[str, Any]]:
    data = await world.acme.member.client(STATUS, {"id": world.customer_x})
    return {c["id"]: c for c in data["customer"]["contacts"]}


async def _age_welcome(contact_id: str, by: timedelta) -> None:
    """Move the last welcome into the past, as if the throttle's window had gone by."""
    contact = await Contact.get(id=pk_of(contact_id))
    assert contact.welcome_sent_at is not None
    await Contact.filter(id=contact.id).update(welcome_sent_at=contact.welcome_sent_at - by)


async def test_status_goes_from_never_invited_to_invited_to_signed_in(world: World, client_factory: Any) -> None:
    anna = await _contact(world)
    await _hub_access_on(world)
    assert (await _status(world))[anna]["invitationStatus"] == "NEVER_INVITED"
    assert (await _status(world))[anna]["invitedAt"] is None

    # when
    before = datetime.now(UTC)
    sent = await _send(world.acme.member.client, anna)

    # then the email is queued, with its link named as a secret, and the contact is INVITED (with the date)
    assert sent["errors"] == [] and sent["contact"]["invitationStatus"] == "INVITED"
    assert datetime.fromisoformat(sent["contact"]["invitedAt"]) >= before - timedelta(seconds=1)
    [email] = await outbox_for(ANNA, WELCOME)
    assert email.subject == "Welcome to your customer hub at Acme Sales"
    assert "Anna" in email.text and ANNA in email.text
    token = token_of(await latest_link(ANNA, WELCOME))
    assert email.secrets == [token] and email.reply_to == world.acme.member.email

    # when Anna opens it, she is signed in, and her status says so
    browser = client_factory()
    opened = (await browser(REDEEM, {"t": token}))["redeemHubLink"]
    assert opened["errors"] == [] and opened["viewer"]["contact"]["email"] == ANNA
    status = (await _status(world))[anna]
    assert status["invitationStatus"] == "SIGNED_IN" and status["lastSignedInAt"] is not None


async def test_a_share_email_invites_too(world: World) -> None:
    await share(world.acme.member.client, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                [world.publications["Price list 2027"]])
    [mette] = (await _status(world)).values()
    assert mette["invitationStatus"] == "INVITED" and mette["invitedAt"] is not None


async def test_a_re_send_replaces_the_previous_welcome_link_only(world: World, client_factory: Any) -> None:
    anna = await _contact(world)
    await share(world.acme.member.client, world.customer_x, [{"contactId": anna}],
                [world.publications["Price list 2027"]])
    share_token = token_of(await latest_link(ANNA))
    assert (await _send(world.acme.member.client, anna))["errors"] == []
    first = token_of(await latest_link(ANNA, WELCOME))

    # when sent again (after the throttle's minute)
    await _age_welcome(anna, timedelta(minutes=2))
    assert (await _send(world.acme.member.client, anna))["errors"] == []
    second = token_of(await latest_link(ANNA, WELCOME))

    # then the first welcome link is dead, the new one and the share's link work
    assert first != second
    assert await HubLink.filter(contact_id=pk_of(anna), welcome=True).count() == 1
    dead = (await client_factory()(REDEEM, {"t": first}))["redeemHubLink"]
    assert codes(dead["errors"]) == {("INVALID_TOKEN", "token")}
    for token in (second, share_token):
        opened = (await client_factory()(REDEEM, {"t": token}))["redeemHubLink"]
        assert opened["errors"] == [], token


async def test_re_sends_are_throttled(world: World) -> None:
    anna = await _contact(world)
    await _hub_access_on(world)
    assert (await _send(world.acme.member.client, anna))["errors"] == []

    # at once again: refused, nothing queued
    again = await _send(world.acme.admin.client, anna)
    assert codes(again["errors"]) == {("TOO_MANY_WELCOMES", "contactId")}
    assert "seconds" in again["errors"][0]["message"]
    assert len(await outbox_for(ANNA, WELCOME)) == 1

    # at most five a day, however spaced
    for _ in range(4):
        await _age_welcome(anna, timedelta(minutes=5))
        assert (await _send(world.acme.member.client, anna))["errors"] == []
    await _age_welcome(anna, timedelta(minutes=5))
    sixth = await _send(world.acme.member.client, anna)
    assert codes(sixth["errors"]) == {("TOO_MANY_WELCOMES", "contactId")}
    assert len(await outbox_for(ANNA, WELCOME)) == 5


async def test_no_welcome_without_email_or_hub_access(world: World) -> None:
    await allow_contacts_without_email(world.acme.admin.client)
    anna = await _contact(world)
    nobody = await _contact(world, "Ole", None)

    # the customer's hub access is off
    off = await _send(world.acme.member.client, anna)
    assert codes(off["errors"]) == {("HUB_ACCESS_OFF", "contactId")}
    await _hub_access_on(world)
    # a contact without email (the UI shows why beside the action)
    missing = await _send(world.acme.member.client, nobody)
    assert codes(missing["errors"]) == {("NO_EMAIL", "contactId")}
    reasons = {cid: c["welcomeUnavailableReason"] for cid, c in (await _status(world)).items()}
    assert reasons[anna] is None and "no email address" in reasons[nobody]
    # the contact's own hub access is off
    await world.acme.member.client(UPDATE_CONTACT, {"input": {"contactId": anna, "hubAccess": False}})
    cut = await _send(world.acme.member.client, anna)
    assert codes(cut["errors"]) == {("CONTACT_HUB_ACCESS_OFF", "contactId")}
    assert await OutboxEmail.filter(kind=WELCOME).count() == 0


async def test_only_contacts_the_sender_may_see(world: World, client_factory: Any) -> None:
    anna = await _contact(world)
    await _hub_access_on(world)
    missing = await _send(world.globex.admin.client, gid("Contact", 987654321))
    # another organization's admin: not found, exactly like a contact that does not exist
    foreign = await _send(world.globex.admin.client, anna)
    assert codes(foreign["errors"]) == {("NOT_FOUND", "contactId")}
    assert foreign["errors"] == missing["errors"]
    # a contact cannot send welcome emails (to themselves or anyone)
    await _send(world.acme.member.client, anna)
    browser = client_factory()
    await sign_in_contact(browser, ANNA, WELCOME)
    await _age_welcome(anna, timedelta(minutes=2))
    denied = await _send(browser, anna)
    assert codes(denied["errors"]) == {("NOT_ALLOWED", None)}
    assert await OutboxEmail.filter(kind=WELCOME).count() == 1


# --- delivery and templates -----------------------------------------------------------------------------------

SAVE_TEMPLATE = """mutation($input: WelcomeTemplateInput!) { saveWelcomeTemplate(input: $input) {
  welcomeTemplate { language subject body customized } errors { code field message } } }"""
RESET_TEMPLATE = """mutation($l: String!) { resetWelcomeTemplate(input: {language: $l}) {
  welcomeTemplate { language customized } errors { code field } } }"""
TEMPLATES = "{ welcomeTemplates { language subject customized } }"
PREVIEW_TEMPLATE = """query($input: WelcomeTemplateInput!) { previewWelcomeTemplate(input: $input) {
  email { subject text } errors { code field } } }"""
DANISH = {"language": "da", "subject": "Velkommen, {first_name}, til {organization}",
          "body": "Hej fra {sender_name}.\n\nHer finder du alle dokumenter."}


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    controller, server = start_server(RecordingHandler())
    try:
        yield server
    finally:
        controller.stop()


async def test_the_welcome_arrives_over_smtp_with_a_working_link_and_no_stored_token(
    world: World, smtp: SmtpServer, client_factory: Any
) -> None:
    anna = await _contact(world)
    await _hub_access_on(world)
    assert (await _send(world.acme.member.client, anna))["errors"] == []

    assert await deliver_due(SmtpSender(smtp.url, "Portico <no-reply@portico.example>", timeout=5)) == 1

    [received] = smtp.handler.received
    text = received.message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    link = hub_link_in(text)
    [stored] = await outbox_for(ANNA, WELCOME)
    assert stored.secrets == [] and token_of(link) not in stored.text + stored.html
    opened = (await client_factory()(REDEEM, {"t": token_of(link)}))["redeemHubLink"]
    assert opened["viewer"]["contact"]["email"] == ANNA


async def test_administrators_write_the_welcome_email_per_language(world: World) -> None:
    admin = world.acme.admin.client
    listed = (await admin(TEMPLATES))["welcomeTemplates"]
    assert [(t["language"], t["customized"]) for t in listed] == [("en", False), ("da", False), ("sv", False)]

    # members may neither list nor write them
    for client in (world.acme.member.client, world.acme.manager.client):
        denied = await client(SAVE_TEMPLATE, {"input": DANISH})
        assert codes(denied["saveWelcomeTemplate"]["errors"]) == {("NOT_ALLOWED", None)}
    # unknown placeholders and languages without built-in texts are refused
    bad = await admin(SAVE_TEMPLATE, {"input": {**DANISH, "body": "Hej {name}"}})
    assert codes(bad["saveWelcomeTemplate"]["errors"]) == {("UNKNOWN_PLACEHOLDER", "body")}
    bad = await admin(SAVE_TEMPLATE, {"input": {**DANISH, "language": "de"}})
    assert codes(bad["saveWelcomeTemplate"]["errors"]) == {("UNSUPPORTED_LANGUAGE", "language")}
    preview = (await admin(PREVIEW_TEMPLATE, {"input": DANISH}))["previewWelcomeTemplate"]
    assert preview["errors"] == [] and preview["email"]["subject"] == "Velkommen, Emma, til Acme Sales"

    # when
    saved = await admin(SAVE_TEMPLATE, {"input": DANISH})
    assert saved["saveWelcomeTemplate"]["welcomeTemplate"]["customized"] is True
    anna = await _contact(world)
    await _hub_access_on(world)
    assert (await _send(world.acme.member.client, anna, "da"))["errors"] == []

    # then the Danish email is the organization's, the rest of it in Danish
    [email] = await outbox_for(ANNA, WELCOME)
    assert email.subject == "Velkommen, Anna, til Acme Sales"
    assert "Hej fra Rita Rep." in email.text
    assert "Her finder du alle dokumenter." in email.text and "Gå til din kundehub" in email.text
    # another organization still gets the built-in text
    assert [t["customized"] for t in (await world.globex.admin.client(TEMPLATES))["welcomeTemplates"]] == [
        False, False, False]

    reset = await admin(RESET_TEMPLATE, {"l": "da"})
    assert reset["resetWelcomeTemplate"] == {"welcomeTemplate": {"language": "da", "customized": False},
                                             "errors": []}
