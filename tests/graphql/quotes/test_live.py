"""Quote events on the live `activity` feed (real WebSockets): the sender hears a contact open the quote, live, also
when subscribed to that one quote; a rep who cannot see the quote, and a feed of another quote, hear nothing."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from portico.activity.services import activity_channel
from tests.conftest import GraphQLClient, Org
from tests.graphql.hubs.wsclient import Subscriber, cookie_header, serve_in_process
from tests.graphql.quotes.helpers import MY_QUOTES, create_quote, quote_customer
from tests.hubs.helpers import sign_in_contact

FEED = """subscription($quoteId: ID) { activity(quoteId: $quoteId) { resync event { id kind actorName
  quote { id status } } } }"""


def _feed(quote_id: str | None) -> str:
    # The test client subscribes with a query string only: inline the variable.
    return FEED.replace("($quoteId: ID)", "").replace("$quoteId", f'"{quote_id}"' if quote_id else "null")


async def _wait(app: Any, organization_id: int, n: int) -> None:
    deadline = time.monotonic() + 10
    while app.state.services.live_feed.subscribers(activity_channel(organization_id)) < n:
        assert time.monotonic() < deadline, "the subscriptions did not register"
        await asyncio.sleep(0.02)


async def test_the_sender_sees_the_quote_opened_live(two_orgs: tuple[Org, Org], app: Any,
                                                      client_factory: Any) -> None:
    from portico.accounts.models import Organization

    acme, _ = two_orgs
    rep = acme.member.client
    customer, _ = await quote_customer(rep, "Fjord", [("Mette", "mette@fjord.example")])
    first = (await create_quote(rep, customer, "Q-1", publish=True))["quote"]
    second = (await create_quote(rep, customer, "Q-2", publish=True))["quote"]
    mette: GraphQLClient = client_factory()
    await sign_in_contact(mette, "mette@fjord.example", kind="quote_published")
    [q2, q1] = (await mette(MY_QUOTES))["myQuotes"]
    org = (await Organization.get(name="Acme Sales")).id

    async with serve_in_process(app) as url, \
            Subscriber.open(url, cookie=cookie_header(rep), query=_feed(first["id"])) as sender, \
            Subscriber.open(url, cookie=cookie_header(acme.manager.client), query=_feed(second["id"])) as other_quote, \
            Subscriber.open(url, cookie=cookie_header(acme.member2.client), query=_feed(None)) as bob:
        await _wait(app, org, 3)
        assert (await mette.http.get(q1["currentVersion"]["viewUrl"])).status_code == 200
        event = await sender.next_event()
        assert (event["kind"], event["actorName"]) == ("QUOTE_OPENED", "Mette Kunde")
        assert event["quote"] == {"id": first["id"], "status": "OPENED"}
        await other_quote.nothing_within(0.7)  # the manager follows Q-2 only
        await bob.nothing_within(0.3)  # neither sent it nor manages the customer
        assert (await mette.http.get(q2["currentVersion"]["downloadUrl"])).status_code == 200
        downloaded = await other_quote.next_event()
        assert (downloaded["kind"], downloaded["quote"]["status"]) == ("QUOTE_DOWNLOADED", "DOWNLOADED")
        await sender.nothing_within(0.5)
