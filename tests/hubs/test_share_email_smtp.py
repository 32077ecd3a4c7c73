"""A share's emails delivered through a real SMTP server (aiosmtpd in this process)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from portico.mail.models import OutboxEmail, OutboxStatus
from portico.mail.sender import SmtpSender, deliver_due
from tests.hubs.helpers import REDEEM, World, hub_link_in, person, share, token_of
from tests.mail.smtp_testserver import RecordingHandler, SmtpServer, start_server


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    controller, server = start_server(RecordingHandler())
    try:
        yield server
    finally:
        controller.stop()


async def test_share_emails_arrive_as_multipart_with_the_hub_link(
    world: World, smtp: SmtpServer, client_factory: Any
) -> None:
    await share(world.acme.member.client, world.customer_x,
                [person("Mette", "Larsen", "mette@fjord.example"), person("Erik", "Lund", "erik@fjord.example")],
                [world.publications["Price list 2027"]], message="Hi, the price list as promised.")
    sender = SmtpSender(smtp.url, "Portico <no-reply@portico.example>", timeout=5)
    assert await deliver_due(sender) == 2
    assert await OutboxEmail.filter(status=OutboxStatus.SENT).count() == 2
    received = {r.rcpt_tos[0]: r for r in smtp.handler.received}
    assert set(received) == {"mette@fjord.example", "erik@fjord.example"}
    mette = received["mette@fjord.example"].message
    assert mette.is_multipart()
    types = {part.get_content_type() for part in mette.walk()}
    assert {"text/plain", "text/html"} <= types
    text = mette.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    html = mette.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]
    link = hub_link_in(text)
    assert link in html.replace("&amp;", "&")
    assert "Price list 2027" in text and "the price list as promised" in text
    assert "Acme Sales" in str(mette["From"])  # the organization's name as display name
    assert mette["Reply-To"] == world.acme.member.email  # a reply reaches the rep who shared, not no-reply
    assert mette["Subject"]
    # The delivered link works (once).
    browser = client_factory()
    signed = await browser(REDEEM, {"t": token_of(link)})
    assert signed["redeemHubLink"]["viewer"]["contact"]["email"] == "mette@fjord.example"
    # Nothing is delivered twice.
    assert await deliver_due(sender) == 0
    assert len(smtp.handler.received) == 2
