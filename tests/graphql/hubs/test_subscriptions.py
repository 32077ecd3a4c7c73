"""The live activity feed over real WebSockets (graphql-transport-ws, `websockets` client, real uvicorn).

In one process (MemoryBroker) with the app served by uvicorn in a background task, and across two `portico serve`
processes that share the database and Redis: an event is delivered only to subscribers who could query it.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis

from portico.activity.services import activity_channel
from tests.conftest import REDIS_URL
from tests.graphql.hubs.wsclient import (
    ORIGIN,
    Subscriber,
    cookie_header,
    portico_processes,
    rejected,
    serve_in_process,
)
from tests.hubs.helpers import PRINT, World, person, share, share_to_contact

SECRET = "subscriptions-test-secret-key-0123456789abcdef"


async def _wait_for_subscribers(app: Any, organization_id: int, n: int, timeout: float = 10) -> None:
    feed = app.state.services.live_feed
    deadline = time.monotonic() + timeout
    while feed.subscribers(activity_channel(organization_id)) < n:
        assert time.monotonic() < deadline, "the subscriptions did not register"
        await asyncio.sleep(0.02)


async def _org_pk(name: str) -> int:
    from portico.accounts.models import Organization

    return (await Organization.get(name=name)).id


async def test_live_feed_goes_only_to_who_may_see_it(world: World, app: Any, client_factory: Any) -> None:
    a, b = world.acme.member, world.acme.member2
    x = await share_to_contact(world, client_factory)  # A's share to Mette
    by_b = await share(b.client, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                       [world.publications["Trailmaster 300 sheet"]])
    b_doc = by_b["share"]["documents"][0]["id"]
    acme, globex = await _org_pk("Acme Sales"), await _org_pk("Globex Partners")

    async with serve_in_process(app) as url, \
            Subscriber.open(url, cookie=cookie_header(a.client)) as sub_a, \
            Subscriber.open(url, cookie=cookie_header(b.client)) as sub_b, \
            Subscriber.open(url, cookie=cookie_header(world.acme.manager.client)) as sub_manager, \
            Subscriber.open(url, cookie=cookie_header(world.globex.admin.client)) as sub_other_org, \
            Subscriber.open(url, cookie=cookie_header(x.contact)) as sub_contact:
        await _wait_for_subscribers(app, acme, 4)
        await _wait_for_subscribers(app, globex, 1)

        # Mette views A's price list.
        a_doc = x.documents["Price list 2027"]
        assert (await x.contact.http.get(a_doc["viewUrl"])).status_code == 200
        event = await sub_a.event_for(a_doc["id"], "DOCUMENT_VIEWED")
        assert event["actorName"] == "Mette Larsen"
        assert event["share"]["id"] == x.share_id
        assert event["customer"]["id"] == world.customer_x
        assert (await sub_manager.event_for(a_doc["id"], "DOCUMENT_VIEWED"))["id"] == event["id"]
        assert (await sub_contact.event_for(a_doc["id"], "DOCUMENT_VIEWED"))["id"] == event["id"]  # her own
        await sub_b.nothing_within(0.7)

        # Mette prints B's sheet: B hears of it, A does not.
        assert (await x.contact(PRINT, {"id": b_doc}))["recordDocumentPrint"]["ok"] is True
        event_b = await sub_b.event_for(b_doc, "DOCUMENT_PRINTED")
        assert event_b["share"]["id"] == by_b["share"]["id"]
        assert (await sub_manager.event_for(b_doc, "DOCUMENT_PRINTED"))["id"] == event_b["id"]
        await sub_a.nothing_within(0.7)
        await sub_other_org.nothing_within(0.1)  # nothing crossed organizations during all of the above


async def test_websocket_auth_by_api_key_and_rejection(world: World, app: Any, client_factory: Any) -> None:
    x = await share_to_contact(world, client_factory)
    admin = world.acme.admin.client
    made = await admin(
        """mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret errors { code } } }""",
        {"input": {"name": "feed", "scopes": ["SHARES_WRITE", "ACTIVITY_READ", "DOCUMENTS_READ"],
                   "actsAsMemberId": world.acme.member.member_id}},
    )
    secret = made["createApiKey"]["secret"]
    acme = await _org_pk("Acme Sales")
    async with serve_in_process(app) as url:
        # No cookie, no key: connection_init is refused; a wrong key too.
        assert await rejected(url)
        assert await rejected(url, payload={"authorization": "Bearer portico_nope_nope"})
        assert await rejected(url, payload={"authorization": "Basic abc"})
        async with Subscriber.open(url, payload={"authorization": f"Bearer {secret}"}) as partner:
            await _wait_for_subscribers(app, acme, 1)
            doc = x.documents["notes.txt"]
            assert (await x.contact.http.get(doc["downloadUrl"])).status_code == 200
            event = await partner.event_for(doc["id"], "DOCUMENT_DOWNLOADED")
            assert event["document"]["name"] == "notes.txt"


async def test_subscription_filter_by_customer(world: World, app: Any, client_factory: Any) -> None:
    x = await share_to_contact(world, client_factory)
    y = await share_to_contact(world, client_factory, customer_id=world.customer_y, email="sara@svea.example",
                               first="Sara")
    acme = await _org_pk("Acme Sales")
    query = (f'subscription {{ activity(customerId: "{world.customer_y}") '
             "{ resync event { id kind document { id } } } }")
    async with serve_in_process(app) as url, \
            Subscriber.open(url, cookie=cookie_header(world.acme.admin.client), query=query) as only_y:
        await _wait_for_subscribers(app, acme, 1)
        assert (await x.contact.http.get(x.documents["notes.txt"]["viewUrl"])).status_code == 200
        assert (await y.contact.http.get(y.documents["notes.txt"]["viewUrl"])).status_code == 200
        event = await only_y.next_event()
        assert event["document"]["id"] == y.documents["notes.txt"]["id"]


async def test_cross_site_websocket_with_the_session_cookie_is_refused(world: World, app: Any) -> None:
    """A page on another site cannot open the feed with the visitor's cookie (cross-site WebSocket hijacking)."""
    from websockets.asyncio.client import connect
    from websockets.exceptions import InvalidStatus

    async with serve_in_process(app) as url:
        with pytest.raises(InvalidStatus) as refused:
            async with connect(url, subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                               additional_headers={"Cookie": cookie_header(world.acme.member.client)},
                               origin="https://evil.example"):  # type: ignore[arg-type]
                pass
        assert refused.value.response.status_code == 403
        # The same cookie from the site's own origin is accepted.
        async with Subscriber.open(url, cookie=cookie_header(world.acme.member.client)):
            pass


# --- across two server processes, over Redis ---------------------------------------------------------------------


@pytest.fixture
def app_env(app_env: dict[str, str]) -> dict[str, str]:
    app_env["SECRET_KEY"] = SECRET  # shared with the subprocesses, so links made here work there
    return app_env


async def _wait_numsub(channel: str, n: int, timeout: float = 15) -> None:
    client = Redis.from_url(REDIS_URL)
    try:
        deadline = time.monotonic() + timeout
        while True:
            [(_, subscribers)] = await client.pubsub_numsub(channel)
            if subscribers >= n:
                return
            assert time.monotonic() < deadline, f"{channel} has {subscribers} subscribers, wanted {n}"
            await asyncio.sleep(0.05)
    finally:
        await client.aclose()


async def test_events_cross_server_processes_over_redis(
    world: World, app: Any, app_env: dict[str, str], client_factory: Any, tmp_path: Path
) -> None:
    a, b = world.acme.member, world.acme.member2
    x = await share_to_contact(world, client_factory)
    by_b = await share(b.client, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                       [world.publications["Trailmaster 300 sheet"]])
    b_doc = by_b["share"]["documents"][0]["id"]
    channel = activity_channel(await _org_pk("Acme Sales"))
    env = {
        "DATABASE_URL": app_env["DATABASE_URL"],
        "DATA_DIR": app_env["DATA_DIR"],
        "PUBLIC_URL": ORIGIN,
        "SECRET_KEY": SECRET,
        "REDIS_URL": REDIS_URL,
        "RUN_JOBS_IN_PROCESS": "false",
        "LOG_LEVEL": "WARNING",
    }
    with portico_processes(env, 2, tmp_path) as (port_1, port_2):
        url_1 = f"ws://127.0.0.1:{port_1}/graphql"
        async with Subscriber.open(url_1, cookie=cookie_header(a.client)) as sub_a, \
                Subscriber.open(url_1, cookie=cookie_header(b.client)) as sub_b:
            await _wait_numsub(channel, 1)
            # The contact acts on the other server: views A's document, prints B's.
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port_2}", cookies=dict(x.contact.http.cookies),
                                         headers={"origin": ORIGIN}) as contact_2:
                a_doc = x.documents["Price list 2027"]
                viewed = await contact_2.get(a_doc["viewUrl"])
                assert viewed.status_code == 200 and viewed.content.startswith(b"%PDF")
                event = await sub_a.event_for(a_doc["id"], "DOCUMENT_VIEWED", timeout=15)
                assert event["share"]["id"] == x.share_id
                await sub_b.nothing_within(0.7)
                printed = await contact_2.post("/graphql", json={"query": PRINT, "variables": {"id": b_doc}})
                assert printed.json()["data"]["recordDocumentPrint"]["ok"] is True, printed.text
                assert (await sub_b.event_for(b_doc, "DOCUMENT_PRINTED", timeout=15))["share"]["id"] == \
                    by_b["share"]["id"]
                await sub_a.nothing_within(0.7)


async def test_a_deactivated_member_stops_receiving(world: World, app: Any, client_factory: Any) -> None:
    """Visibility is re-decided per event on fresh rows: once A is deactivated, A's feed ends instead of going on."""
    x = await share_to_contact(world, client_factory)
    acme = await _org_pk("Acme Sales")
    async with serve_in_process(app) as url, \
            Subscriber.open(url, cookie=cookie_header(world.acme.member.client)) as sub_a:
        await _wait_for_subscribers(app, acme, 1)
        deactivated = await world.acme.admin.client(
            "mutation($input: DeactivateMemberInput!) { deactivateMember(input: $input) { errors { code } } }",
            {"input": {"memberId": world.acme.member.member_id}},
        )
        assert deactivated["deactivateMember"]["errors"] == []

        assert (await x.contact.http.get(x.documents["notes.txt"]["viewUrl"])).status_code == 200

        message = await Subscriber._next_message(sub_a.ws, 10)
        assert message["type"] == "complete", message


async def test_signing_out_ends_the_feed(world: World, app: Any, client_factory: Any) -> None:
    x = await share_to_contact(world, client_factory)
    acme = await _org_pk("Acme Sales")
    rep = world.acme.member.client
    async with serve_in_process(app) as url, Subscriber.open(url, cookie=cookie_header(rep)) as sub_a:
        await _wait_for_subscribers(app, acme, 1)
        assert (await rep("mutation { logOut { ok } }"))["logOut"]["ok"] is True

        assert (await x.contact.http.get(x.documents["notes.txt"]["viewUrl"])).status_code == 200

        message = await Subscriber._next_message(sub_a.ws, 10)
        assert message["type"] == "complete", message
