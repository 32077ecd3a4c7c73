"""Limits on live subscriptions (issue 7, point 9): at most MAX_SUBSCRIPTIONS_PER_CONNECTION per WebSocket; for an
API key, the per-key rate limit counts its connections and subscriptions like requests, and at most
MAX_SUBSCRIPTIONS_PER_API_KEY of its subscriptions live at once over all its connections (and all processes, with
Redis: the slot tests at the end). A refused subscription gets an `error` with a code; the connection stays open."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import redis
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from portico.accounts.slots import MemorySlots, RedisSlots
from tests.conftest import REDIS_URL, REQUIRE_SERVICES, GraphQLClient
from tests.graphql.helpers import ORG_READER, create_api_key
from tests.graphql.hubs.wsclient import cookie_header, origin_of, serve_in_process
from tests.hubs.helpers import World

FEED = "subscription { activity { resync } }"
LEASE = 2.0  # seconds, for the slot tests (long enough that a busy machine's delays do not decide them)


@pytest.fixture
def app_env(app_env: dict[str, str]) -> dict[str, str]:
    app_env["MAX_SUBSCRIPTIONS_PER_CONNECTION"] = "3"
    app_env["MAX_SUBSCRIPTIONS_PER_API_KEY"] = "4"
    return app_env


class Socket:
    """One graphql-transport-ws connection, driven message by message."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.next_id = 0

    @classmethod
    @contextlib.asynccontextmanager
    async def open(cls, url: str, *, cookie: str | None = None, key: str | None = None) -> AsyncIterator[Socket]:
        headers = {"Cookie": cookie} if cookie else {}
        async with connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers,  # type: ignore[list-item]
                           origin=origin_of(url), open_timeout=10) as ws:  # type: ignore[arg-type]
            payload = {"authorization": f"Bearer {key}"} if key else {}
            await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
            socket = cls(ws)
            ack = await socket.receive()
            assert ack["type"] == "connection_ack", ack
            yield socket

    async def receive(self, timeout: float = 10) -> dict[str, Any]:
        while True:
            message: dict[str, Any] = json.loads(await asyncio.wait_for(self.ws.recv(), timeout))
            if message["type"] == "ping":
                await self.ws.send(json.dumps({"type": "pong"}))
            elif message["type"] != "pong":
                return message

    async def subscribe(self) -> str:
        self.next_id += 1
        operation = str(self.next_id)
        await self.ws.send(json.dumps({"id": operation, "type": "subscribe", "payload": {"query": FEED}}))
        return operation

    async def complete(self, operation: str) -> None:
        await self.ws.send(json.dumps({"id": operation, "type": "complete"}))

    async def refusal(self, operation: str, timeout: float = 5) -> str | None:
        """The error code this operation was refused with, or None if nothing came (it is live)."""
        try:
            message = await self.receive(timeout)
        except TimeoutError:
            return None
        assert message["type"] == "error" and message["id"] == operation, message
        extensions = message["payload"][0].get("extensions") or {}
        return str(extensions.get("code") or message["payload"][0]["message"])


async def _key(world: World, scopes: list[str] = ORG_READER) -> str:
    return (await create_api_key(world.acme.admin.client, scopes, name=f"feed {uuid.uuid4().hex[:6]}"))[1]


async def test_a_connection_holds_at_most_its_cap(world: World, app: Any) -> None:
    async with serve_in_process(app) as url, Socket.open(url, cookie=cookie_header(world.acme.admin.client)) as ws:
        live = [await ws.subscribe() for _ in range(3)]
        refused = await ws.subscribe()
        assert await ws.refusal(refused) == "Subscription limit reached"
        # ending one makes room for another, on the same connection
        await ws.complete(live[0])
        again = await ws.subscribe()
        assert await ws.refusal(again, timeout=1) is None


async def test_an_api_key_holds_at_most_its_cap_over_all_its_connections(world: World, app: Any) -> None:
    secret = await _key(world)
    other = await _key(world)
    async with serve_in_process(app) as url:
        async with Socket.open(url, key=secret) as first, Socket.open(url, key=secret) as second:
            for _ in range(2):
                await first.subscribe()
            for _ in range(2):
                await second.subscribe()
            refused = await second.subscribe()
            assert await second.refusal(refused) == "TOO_MANY_SUBSCRIPTIONS"
            # another key of the same organization has its own allowance
            async with Socket.open(url, key=other) as third:
                assert await third.refusal(await third.subscribe(), timeout=1) is None
            # the first connection closes: its two slots are given back
            await first.ws.close()
            deadline = time.monotonic() + 10
            while True:
                operation = await second.subscribe()
                code = await second.refusal(operation, timeout=0.5)
                if code is None:
                    break
                assert code == "TOO_MANY_SUBSCRIPTIONS" and time.monotonic() < deadline, code
                await asyncio.sleep(0.1)


async def test_the_per_key_rate_limit_counts_connections_and_subscriptions(
    world: World, app: Any, client_factory: Any
) -> None:
    secret = await _key(world)
    app.state.services.api_rate_limiter.per_minute = 3
    if time.time() % 60 > 45:  # the limiter counts per clock minute: do not straddle two
        await asyncio.sleep(61 - time.time() % 60)
    async with serve_in_process(app) as url, Socket.open(url, key=secret) as ws:  # 1: the connection
        assert await ws.refusal(await ws.subscribe(), timeout=0.5) is None  # 2
        assert await ws.refusal(await ws.subscribe(), timeout=0.5) is None  # 3
        assert await ws.refusal(await ws.subscribe()) == "RATE_LIMITED"  # 4: over
        # the connection itself is still up, and a new one is refused with the reason
        with pytest.raises(ConnectionClosed) as closed:
            async with Socket.open(url, key=secret):
                pass
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403
    # HTTP requests of the same key share the count
    key_client = GraphQLClient(app, {"Authorization": f"Bearer {secret}"})
    response = await key_client.http.post("/graphql", json={"query": "{ me { kind } }"})
    assert response.status_code == 429
    await key_client.close()


# --- slots, in one process and across processes (Redis) ------------------------------------------------------


@pytest.fixture(params=["memory", "redis"])
async def slot_stores(request: pytest.FixtureRequest) -> AsyncIterator[tuple[Any, Any]]:
    """Two stores standing for two server processes: the same one in memory, two Redis clients otherwise."""
    if request.param == "memory":
        store = MemorySlots(lease=LEASE)
        yield store, store
        return
    probe = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        probe.ping()
    except (redis.RedisError, OSError) as exc:
        if REQUIRE_SERVICES:
            pytest.fail(f"Redis is not reachable: {exc}")
        pytest.skip(f"Redis is not reachable: {exc}")
    finally:
        probe.close()
    one, two = RedisSlots(REDIS_URL, lease=LEASE), RedisSlots(REDIS_URL, lease=LEASE)
    yield one, two
    await one.close()
    await two.close()


async def test_slots_are_capped_across_processes_and_expire_unless_renewed(slot_stores: tuple[Any, Any]) -> None:
    one, two = slot_stores
    key = f"test:{uuid.uuid4().hex}"
    a = await one.acquire(key, 3)
    b = await two.acquire(key, 3)
    c = await one.acquire(key, 3)
    assert a and b and c and len({a, b, c}) == 3
    assert await two.acquire(key, 3) is None  # three held, by either process

    await two.release(key, b)
    d = await two.acquire(key, 3)
    assert d is not None
    assert await one.acquire(key, 3) is None

    # a process that dies cannot release: its slots expire after the lease unless renewed
    await asyncio.sleep(LEASE / 2)
    await one.renew(key, [a])
    await asyncio.sleep(LEASE * 0.6)  # c and d are past their lease; a, renewed, has 0.4 of a lease left
    assert await two.acquire(key, 3) is not None  # c and d expired, a was renewed
    assert await two.acquire(key, 3) is not None
    assert await two.acquire(key, 3) is None
