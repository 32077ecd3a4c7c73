"""A live feed through a real Redis outage (issue 7, point 17): events published while the broker was unreachable
are gone (pub/sub is at-most-once), so the feed tells the client `resync: true` to refetch, within 5 s of Redis
coming back however long it was away, and goes on delivering events after it."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlparse

import pytest

from portico.realtime import RedisBroker
from tests.conftest import REDIS_URL, Org
from tests.graphql.hubs.test_subscriptions import _org_pk, _wait_for_subscribers
from tests.graphql.hubs.wsclient import Subscriber, cookie_header, serve_in_process
from tests.hubs.helpers import ACTIVITY, World, build_world, share_to_contact
from tests.realtime.proxy import TcpProxy

OUTAGE_SECONDS = 8  # long enough for the reconnect backoff to reach its cap


@pytest.fixture
async def redis_proxy() -> AsyncIterator[TcpProxy]:
    """Redis as the app sees it, through a proxy the test can cut (a real outage: connections drop, new ones are
    refused), unlike CLIENT KILL, which Redis answers at once."""
    target = urlparse(REDIS_URL)
    proxy = TcpProxy(target.hostname or "127.0.0.1", target.port or 6379)
    await proxy.start()
    try:
        yield proxy
    finally:
        await proxy.stop()


@pytest.fixture
def app_env(app_env: dict[str, str], redis_proxy: TcpProxy) -> dict[str, str]:
    app_env["REDIS_URL"] = f"redis://127.0.0.1:{redis_proxy.port}{urlparse(REDIS_URL).path}"
    return app_env


@pytest.fixture
async def world(two_orgs: tuple[Org, Org]) -> World:
    return await build_world(*two_orgs)


async def test_a_broker_outage_ends_in_a_resync_within_5_seconds(
    world: World, app: Any, client_factory: Any, redis_proxy: TcpProxy, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="portico.realtime.redis")
    broker = app.state.services.broker
    assert isinstance(broker, RedisBroker)
    x = await share_to_contact(world, client_factory)
    rep = world.acme.member.client
    doc = x.documents["notes.txt"]
    acme = await _org_pk("Acme Sales")
    async with serve_in_process(app) as url, Subscriber.open(url, cookie=cookie_header(rep)) as feed:
        await _wait_for_subscribers(app, acme, 1)
        assert (await x.contact.http.get(doc["viewUrl"])).status_code == 200
        before = await feed.next_feed_message()
        assert before["resync"] is False and before["event"]["kind"] == "DOCUMENT_VIEWED"

        # when: Redis is unreachable for a while; an event happens meanwhile (recorded, but its publish fails)
        await redis_proxy.stop()
        assert (await x.contact.http.get(doc["downloadUrl"])).status_code == 200
        await feed.nothing_within(OUTAGE_SECONDS)
        await redis_proxy.start()
        back = time.monotonic()

        # then: the client is told to refetch, promptly, and the refetch has the event the feed missed
        message = await feed.next_feed_message(timeout=10)
        assert message == {"resync": True, "event": None}
        assert time.monotonic() - back < 5, f"resync after {time.monotonic() - back:.1f} s"
        assert broker.reconnects == 1
        # the retries grew up to the cap and never waited longer (a 10 s cap once left feeds dark for 10 s)
        delays = [float(m.group(1)) for r in caplog.records
                  if (m := re.search(r"reconnecting in ([\d.]+) s", r.getMessage()))]
        assert len(delays) >= 6 and max(delays) > 1.0 and max(delays) <= 2.0, delays
        listed = await rep(ACTIVITY, {"first": 10})
        assert [e["node"]["kind"] for e in listed["activity"]["edges"]][:2] == ["DOCUMENT_DOWNLOADED",
                                                                                 "DOCUMENT_VIEWED"]

        # and the feed goes on
        assert (await x.contact.http.get(doc["viewUrl"])).status_code == 200
        after = await feed.next_event(timeout=10)
        assert after["kind"] == "DOCUMENT_VIEWED" and after["document"]["id"] == doc["id"]


async def test_a_feed_that_fell_behind_is_resubscribed_and_told_to_resync(
    world: World, app: Any, client_factory: Any
) -> None:
    """A subscriber whose queue overflowed was dropped by the broker: the feed subscribes again and says resync."""
    broker = app.state.services.broker
    x = await share_to_contact(world, client_factory)
    acme = await _org_pk("Acme Sales")
    async with serve_in_process(app) as url, \
            Subscriber.open(url, cookie=cookie_header(world.acme.member.client)) as feed:
        await _wait_for_subscribers(app, acme, 1)
        channel = next(iter(broker._channels))
        [subscription] = broker._channels[channel]
        subscription._too_slow = True  # as if 256 messages had piled up unread
        subscription._wakeup.set()

        message = await feed.next_feed_message(timeout=10)
        assert message == {"resync": True, "event": None}
        await _wait_for_subscribers(app, acme, 1)
        doc = x.documents["notes.txt"]
        assert (await x.contact.http.get(doc["viewUrl"])).status_code == 200
        assert (await feed.next_event(timeout=10))["document"]["id"] == doc["id"]


def test_the_reconnect_backoff_is_capped_at_2_seconds() -> None:
    broker = RedisBroker(REDIS_URL)
    assert max(broker._backoff(attempt) for attempt in range(40) for _ in range(20)) <= 2.0


