"""The live feed's WebSockets as `portico serve` runs them (`portico.cli.uvicorn_options`): no permessage-deflate
(uvicorn would keep a zlib compressor and decompressor per connection, ~50 KiB of server memory for each open tab:
bench/idle_subscribers.py), and no client message larger than a GraphQL POST body may be (GRAPHQL_MAX_BODY_BYTES)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from portico.accounts.models import Organization
from portico.activity.services import activity_channel
from portico.cli import uvicorn_options
from portico.settings import load_settings
from tests.graphql.hubs.wsclient import Subscriber, cookie_header, origin_of, serve_in_process
from tests.hubs.helpers import World, share_to_contact

MAX_BODY = 16 * 1024


@pytest.fixture
def app_env(app_env: dict[str, str]) -> dict[str, str]:
    app_env["GRAPHQL_MAX_BODY_BYTES"] = str(MAX_BODY)
    return app_env


async def test_a_browser_asking_for_compression_gets_none_and_its_feed_works(
    world: World, app: Any, app_env: dict[str, str], client_factory: Any
) -> None:
    x = await share_to_contact(world, client_factory)
    manager = world.acme.manager.client
    async with serve_in_process(app, **uvicorn_options(load_settings(app_env))) as url, \
            Subscriber.open(url, cookie=cookie_header(manager)) as feed:
        # The client offered permessage-deflate (websockets does by default, as browsers do); the server declined.
        assert "permessage-deflate" in feed.ws.request.headers["Sec-WebSocket-Extensions"]
        assert "Sec-WebSocket-Extensions" not in feed.ws.response.headers
        channel = activity_channel((await Organization.get(name="Acme Sales")).id)
        while app.state.services.broker.local_subscribers(channel) < 1:
            await asyncio.sleep(0.02)
        document = x.documents["Price list 2027"]
        assert (await x.contact.http.get(document["viewUrl"])).status_code == 200
        event = await feed.event_for(document["id"], "DOCUMENT_VIEWED")
        assert event["actorName"] == "Mette Larsen"


async def test_a_client_message_is_held_to_the_graphql_body_limit(
    world: World, app: Any, app_env: dict[str, str]
) -> None:
    options = uvicorn_options(load_settings(app_env))
    assert options["ws_max_size"] == MAX_BODY
    cookie = cookie_header(world.acme.manager.client)
    async with serve_in_process(app, **options) as url:
        async with connect(url, subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                           additional_headers={"Cookie": cookie}, origin=origin_of(url)) as ws:  # type: ignore[arg-type]
            # Just under the limit: a subscribe padded with spaces is taken (an answer comes, the socket stays).
            await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
            assert json.loads(await ws.recv())["type"] == "connection_ack"
            query = "subscription { activity { resync } }"
            message = json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}})
            await ws.send(message + " " * (MAX_BODY - len(message)))
            await ws.send(json.dumps({"type": "ping"}))
            assert json.loads(await ws.recv())["type"] == "pong"
            # One byte over: the server closes the connection (1009, message too big) without reading it.
            await ws.send(message + " " * (MAX_BODY + 1 - len(message)))
            with pytest.raises(ConnectionClosed) as closed:
                while True:
                    await ws.recv()
            assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
