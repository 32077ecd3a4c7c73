"""One-click unsubscribe (RFC 8058): POST without sign-in changes only that person's one setting; GET only asks;
forged, altered or foreign tokens change nothing. The headers reach the SMTP message."""

from __future__ import annotations

import base64
from typing import Any

import httpx

from portico.accounts.models import Member
from portico.mail.sender import SmtpSender, deliver_due
from portico.notifications.delivery import deliver_due as deliver_notifications
from portico.notifications.kinds import NotificationKind
from portico.notifications.unsubscribe import token_for
from tests.conftest import Clock
from tests.hubs.helpers import World, pk, share_to_contact
from tests.mail.smtp_testserver import RecordingHandler, start_server
from tests.notifications.helpers import MY_SETTINGS, choose, deliveries, notification_emails, print_document


def _browser(app: Any) -> httpx.AsyncClient:
    """No cookies, no Origin: a mail provider's one-click POST, or a link scanner."""
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


async def _settings_of(client: Any) -> dict[str, str]:
    return deliveries((await client(MY_SETTINGS))["myNotificationSettings"])


async def test_one_click_post_changes_only_that_setting(app: Any, world: World, client_factory: Any,
                                                        notification_clock: Clock) -> None:
    rita, bob = world.acme.member, world.acme.member2
    for rep in (rita, bob):
        await choose(rep.client, HUB_ACTIVITY_ON_MY_SHARES="IMMEDIATELY", CUSTOMER_UPLOADS="IMMEDIATELY")
    shared = await share_to_contact(world, client_factory)
    await print_document(shared.contact, shared.documents["Price list 2027"]["id"])
    await deliver_notifications(app.state.settings)
    [email] = await notification_emails(rita.email)
    url = email.headers["List-Unsubscribe"].strip("<>")
    assert url in email.text and url in email.html  # the footer links to the same confirmation page

    async with _browser(app) as browser:
        page = await browser.get(url)
        assert page.status_code == 200 and '<form method="post">' in page.text
        assert "me…@acmesales.example" in page.text and rita.email not in page.text
        assert (await _settings_of(rita.client))["HUB_ACTIVITY_ON_MY_SHARES"] == "IMMEDIATELY"  # GET changes nothing

        done = await browser.post(url, content=b"List-Unsubscribe=One-Click",
                                  headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert done.status_code == 200 and "no longer" in done.text
    assert await _settings_of(rita.client) == {"CUSTOMER_UPLOADS": "IMMEDIATELY", "HUB_ACTIVITY_ON_MY_SHARES": "NEVER",
                                               "QUOTE_ACTIVITY": "IMMEDIATELY"}
    assert await _settings_of(bob.client) == {"CUSTOMER_UPLOADS": "IMMEDIATELY",
                                              "HUB_ACTIVITY_ON_MY_SHARES": "IMMEDIATELY",
                                              "QUOTE_ACTIVITY": "IMMEDIATELY"}
    # The contact's own one-click link (on the share email) is about her one kind only.
    from portico.mail.models import OutboxEmail

    [share_email] = await OutboxEmail.filter(kind="hub_share")
    async with _browser(app) as browser:
        assert (await browser.post(share_email.headers["List-Unsubscribe"].strip("<>"))).status_code == 200
    assert await _settings_of(shared.contact) == {"DOCUMENTS_SHARED_WITH_ME": "NEVER"}
    assert await _settings_of(rita.client) == {"CUSTOMER_UPLOADS": "IMMEDIATELY", "HUB_ACTIVITY_ON_MY_SHARES": "NEVER",
                                               "QUOTE_ACTIVITY": "IMMEDIATELY"}


async def test_forged_and_altered_tokens_are_refused(app: Any, world: World) -> None:
    rita = await Member.get(id=pk(world.acme.member.member_id))
    genuine = token_for(app.state.settings.secret_key, rita, NotificationKind.HUB_ACTIVITY_ON_MY_SHARES)
    body, signature = genuine.split(".")
    other_member = base64.urlsafe_b64encode(f"m.{rita.id + 1}.HUB_ACTIVITY_ON_MY_SHARES".encode()).rstrip(b"=")
    other_kind = base64.urlsafe_b64encode(f"m.{rita.id}.CUSTOMER_UPLOADS".encode()).rstrip(b"=")
    bad = [
        token_for("another-secret-" * 3, rita, NotificationKind.HUB_ACTIVITY_ON_MY_SHARES),  # forged elsewhere
        f"{other_member.decode()}.{signature}",  # someone else, same signature
        f"{other_kind.decode()}.{signature}",  # another kind, same signature
        f"{body}.{signature[:-2]}",  # truncated
        "garbage", "a.b", "é.é", "x" * 500,
    ]
    async with _browser(app) as browser:
        for token in bad:
            for method in ("GET", "POST"):
                response = await browser.request(method, f"/unsubscribe/{token}")
                assert response.status_code == 404, (token, method)
                assert "not valid" in response.text
    assert await _settings_of(world.acme.member.client) == {"CUSTOMER_UPLOADS": "IMMEDIATELY",
                                                            "HUB_ACTIVITY_ON_MY_SHARES": "DAILY_DIGEST",
                                                            "QUOTE_ACTIVITY": "IMMEDIATELY"}


async def test_the_unsubscribe_headers_reach_the_smtp_message(app: Any, world: World, client_factory: Any,
                                                              notification_clock: Clock) -> None:
    await choose(world.acme.member.client, HUB_ACTIVITY_ON_MY_SHARES="IMMEDIATELY")
    shared = await share_to_contact(world, client_factory)
    await print_document(shared.contact, shared.documents["Price list 2027"]["id"])
    await deliver_notifications(app.state.settings)
    controller, server = start_server(RecordingHandler())
    try:
        sender = SmtpSender(server.url, "Portico <no-reply@portico.example>")
        while await deliver_due(sender):
            pass
    finally:
        controller.stop()
    by_recipient = {r.rcpt_tos[0]: r.message for r in server.handler.received}
    notification = by_recipient[world.acme.member.email]
    share_email = by_recipient["mette@fjord.example"]
    for message in (notification, share_email):
        assert message["List-Unsubscribe"].startswith("<http://testserver/unsubscribe/")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Mette Larsen printed Price list 2027" in notification.get_body(("plain",)).get_content()


async def test_the_page_speaks_the_persons_language(app: Any, world: World) -> None:
    from portico.mail.models import OutboxEmail
    from tests.hubs.helpers import person, share

    await share(world.acme.member.client, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                [world.publications["Price list 2027"]], language="da")
    [email] = await OutboxEmail.filter(kind="hub_share")
    url = email.headers["List-Unsubscribe"].strip("<>")
    async with _browser(app) as browser:
        page = await browser.get(url)
        assert '<html lang="da">' in page.text and "dokumenter, der deles med dig" in page.text
        done = await browser.post(url)
        assert "Afmeldt" in done.text
