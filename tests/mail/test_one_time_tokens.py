"""One-time tokens are not kept readable (issue 7, point 8): every email carrying one names it as a secret, and the
stored copy loses it once the email is delivered over SMTP, or, in the embedded default, once the dev mailbox has
shown it. The link itself still works for whoever received it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from portico.accounts.onetime import token_in
from portico.mail.models import OutboxEmail, OutboxStatus
from portico.mail.outbox import REDACTED, enqueue
from portico.mail.sender import SmtpSender, deliver_due
from tests.conftest import GraphQLClient, Org
from tests.hubs.helpers import (
    COLLEAGUE,
    create_customer,
    latest_link,
    my_documents,
    person,
    share,
    sign_in_contact,
    upload_ok,
)

from .smtp_testserver import SmtpServer

MAIL_FROM = "Portico <no-reply@portico.example>"
TOKEN = re.compile(r"[?&]token=([A-Za-z0-9_\-]+)")
MAILBOX = "{ devMailbox(first: 100) { to subject html text } }"
INVITE = """mutation($input: InviteMemberInput!) { inviteMember(input: $input) { errors { code } } }"""
RESET = "mutation($e: String!) { requestPasswordReset(input: {email: $e}) { ok errors { code } } }"
SIGN_IN_CODE = "mutation($t: String!) { requestHubSignInCode(input: {token: $t}) { errors { code } } }"
WELCOME = "mutation($id: ID!) { sendWelcomeEmail(input: {contactId: $id}) { errors { code } } }"
HUB_RESET = "mutation($e: String!) { requestHubPasswordReset(input: {email: $e}) { ok } }"
ACCEPT = """mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) {
  viewer { member { email } } errors { code } } }"""


def tokens_in(*texts: str) -> set[str]:
    return {t for text in texts for t in TOKEN.findall(text)}


def delivered(server: SmtpServer) -> str:
    """Every part of every received message, decoded (quoted-printable wraps long lines)."""
    return " ".join(part.get_content() for r in server.handler.received for part in r.message.iter_parts())


@pytest.fixture
def app_env(app_env: dict[str, str], request: pytest.FixtureRequest) -> dict[str, str]:
    """The embedded default (no SMTP_URL), or with `indirect` param "smtp" a real SMTP server configured."""
    if getattr(request, "param", None) == "smtp":
        server: SmtpServer = request.getfixturevalue("smtp_server")
        app_env["SMTP_URL"] = server.url
    return app_env


async def _every_email_with_a_token(acme: Org, make_client: Callable[..., GraphQLClient]) -> None:
    """Invitation, password reset, hub share, welcome, share-with-a-colleague, hub sign-in code and a contact's
    password reset: the emails that carry one-time links (or codes)."""
    invited = await acme.admin.client(INVITE, {"input": {"email": "newbie@acme.example", "role": "MEMBER"}})
    assert invited["inviteMember"]["errors"] == []
    assert (await acme.member.client(RESET, {"e": acme.member.email}))["requestPasswordReset"]["ok"]
    customer = await create_customer(acme.admin.client, "Fjord Logistics", [acme.member.member_id])
    upload = await upload_ok(acme.member.client, b"Meeting notes\n" * 20, "notes.txt")
    shared = await share(acme.member.client, customer, [person("Mette", "Larsen", "mette@fjord.example")], [], [upload])
    mette = shared["share"]["recipients"][0]["id"]
    welcomed = await acme.member.client(WELCOME, {"id": mette})
    assert welcomed["sendWelcomeEmail"]["errors"] == []
    contact = make_client()
    await sign_in_contact(contact, "mette@fjord.example")
    document = next(iter((await my_documents(contact)).values()))
    asked = await contact(COLLEAGUE, {"input": {"documentId": document["id"], "firstName": "Ole", "lastName": "Berg",
                                                 "email": "ole@fjord.example"}})
    assert asked["shareWithColleague"]["errors"] == []
    # The hub link on a second device: a sign-in code (and a fresh link) by email; and the contact's own reset.
    link_token = token_in(await latest_link("mette@fjord.example"))
    sent = await make_client()(SIGN_IN_CODE, {"t": link_token})
    assert sent["requestHubSignInCode"]["errors"] == []
    reset = await make_client()(HUB_RESET, {"e": "mette@fjord.example"})
    assert reset["requestHubPasswordReset"]["ok"] is True


# --- the outbox and the SMTP sender ------------------------------------------------------------------------------


def test_token_in_reads_the_token_of_a_link() -> None:
    assert token_in("https://portico.example/reset-password?token=abc_-1") == "abc_-1"
    assert token_in("https://portico.example/x?lang=sv&token=t0k") == "t0k"
    with pytest.raises(ValueError):
        token_in("https://portico.example/hub")


async def test_a_secret_the_email_does_not_contain_is_refused(db: str) -> None:
    with pytest.raises(ValueError):
        await enqueue(to="a@kunde.example", subject="s", html="<p>h</p>", text="t", kind="test", secrets=["nope"])
    assert await OutboxEmail.all().count() == 0


async def test_delivery_redacts_the_stored_copy_but_sends_the_token(db: str, smtp_server: SmtpServer) -> None:
    link = "https://portico.example/reset-password?token=s3cr3t-T0KEN"
    queued = await enqueue(to="a@kunde.example", subject="Reset", html=f'<a href="{link}">Reset</a>',
                           text=f"Reset: {link}", kind="password_reset", secrets=[token_in(link)])
    assert queued.secrets == ["s3cr3t-T0KEN"]

    assert await deliver_due(SmtpSender(smtp_server.url, MAIL_FROM, timeout=5)) == 1

    assert "s3cr3t-T0KEN" in delivered(smtp_server)
    stored = await OutboxEmail.get(id=queued.id)
    assert stored.status is OutboxStatus.SENT and stored.secrets == []
    assert "s3cr3t-T0KEN" not in stored.html + stored.text + stored.subject
    assert f"reset-password?token={REDACTED}" in stored.text


async def test_an_email_that_will_never_be_sent_is_redacted_too(db: str, smtp_server: SmtpServer) -> None:
    smtp_server.handler.refuse["gone@kunde.example"] = "550 5.1.1 No such user"
    queued = await enqueue(to="gone@kunde.example", subject="Invite", html="<p>?token=xyz789</p>",
                           text="?token=xyz789", kind="member_invitation", secrets=["xyz789"])

    assert await deliver_due(SmtpSender(smtp_server.url, MAIL_FROM, timeout=5)) == 0

    stored = await OutboxEmail.get(id=queued.id)
    assert stored.status is OutboxStatus.FAILED and stored.secrets == []
    assert "xyz789" not in stored.html + stored.text


# --- through the app ------------------------------------------------------------------------------------------


async def test_every_email_with_a_one_time_token_names_it_as_a_secret(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, _ = two_orgs
    await _every_email_with_a_token(acme, client_factory)

    rows = await OutboxEmail.all().order_by("id")
    kinds = {row.kind for row in rows}
    assert {"member_invitation", "password_reset", "hub_share", "contact_welcome", "colleague_invitation",
            "hub_sign_in_code", "hub_password_reset"} <= kinds
    for row in rows:
        carried = tokens_in(row.subject, row.html, row.text)
        assert carried, f"{row.kind} carries no token?"
        assert carried <= set(row.secrets), f"{row.kind} does not name its token as a secret"


async def test_the_dev_mailbox_shows_a_token_once_then_the_stored_copy_is_redacted(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, _ = two_orgs
    await _every_email_with_a_token(acme, client_factory)

    first = (await acme.admin.client(MAILBOX))["devMailbox"]
    shown = tokens_in(*(m["text"] for m in first))
    assert len(shown) >= 4

    stored = await OutboxEmail.all()
    assert all(row.secrets == [] for row in stored)
    assert not shown & tokens_in(*(row.html + row.text + row.subject for row in stored))
    again = (await acme.admin.client(MAILBOX))["devMailbox"]
    assert tokens_in(*(m["html"] + m["text"] for m in again)) == {REDACTED}

    # Whoever received the link can still use it: only the stored copy lost it.
    invitation: dict[str, Any] = next(m for m in first if m["to"] == "newbie@acme.example")
    accepted = await client_factory()(ACCEPT, {"input": {"token": TOKEN.findall(invitation["text"])[0],
                                                         "firstName": "Nina", "lastName": "New",
                                                         "password": "correct horse battery"}})
    assert accepted["acceptInvitation"]["errors"] == []


@pytest.mark.parametrize("app_env", ["smtp"], indirect=True)
async def test_with_smtp_the_mailbox_leaves_the_token_for_delivery(
    app_env: dict[str, str], two_orgs: tuple[Org, Org], smtp_server: SmtpServer
) -> None:
    """Redacting on read would send a dead link: with SMTP_URL the sender redacts, after delivery."""
    acme, _ = two_orgs
    await acme.admin.client(INVITE, {"input": {"email": "newbie@acme.example", "role": "MEMBER"}})
    [shown] = (await acme.admin.client(MAILBOX))["devMailbox"]
    [token] = tokens_in(shown["text"])
    [row] = await OutboxEmail.all()
    assert row.secrets == [token] and token in row.text

    assert await deliver_due(SmtpSender(smtp_server.url, MAIL_FROM, timeout=5)) == 1

    assert token in delivered(smtp_server)
    row = await OutboxEmail.get(id=row.id)
    assert row.secrets == [] and token not in row.text + row.html
