"""RedisBroker on a real Redis: one connection per process, several processes, reconnects and what they cost."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any
from urllib.parse import urlparse

import pytest
from redis.asyncio import Redis

from portico.realtime import BrokerUnavailable, RedisBroker, is_resync
from tests.conftest import free_port

from .conftest import FAST, eventually, receive
from .proxy import TcpProxy

LOGGER = "portico.realtime.redis"


async def numsub(admin: Redis, channel: str) -> int:
    """How many connections (server processes) Redis counts as subscribed to `channel`."""
    [(_, count)] = await admin.pubsub_numsub(channel)
    return int(count)


async def pubsub_connections(admin: Redis, broker: RedisBroker) -> list[dict[str, Any]]:
    return [client for client in await admin.client_list(_type="pubsub") if client["name"] == broker.client_name]


async def receive_until_data(events: Any, publish: Any, timeout: float = 10.0) -> list[dict[str, Any]]:
    """Publish again and again until a data message (not a resync) arrives; return everything received."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    received: list[dict[str, Any]] = []
    seq = 0
    while not received or is_resync(received[-1]):
        assert loop.time() < deadline, f"delivery did not resume within {timeout} s; got {received}"
        await publish({"seq": seq})
        seq += 1
        try:
            while True:
                received.append(await receive(events, timeout=0.1))
                if not is_resync(received[-1]):
                    break
        except TimeoutError:
            pass
    return received


async def test_one_connection_per_process_and_the_last_subscriber_unsubscribes(
    make_redis_broker: Any, redis_admin: Redis, prefix: str
) -> None:
    broker = await make_redis_broker()
    channel, other = f"{prefix}:org:1:activity", f"{prefix}:org:2:activity"

    async with broker.subscribe(channel):
        async with broker.subscribe(channel), broker.subscribe(other):
            assert await numsub(redis_admin, channel) == 1  # two local subscribers, one Redis subscription
            assert await numsub(redis_admin, other) == 1
            assert len(await pubsub_connections(redis_admin, broker)) == 1  # both channels on one connection

        async def other_released() -> bool:
            return await numsub(redis_admin, other) == 0

        await eventually(other_released)
        assert await numsub(redis_admin, channel) == 1  # the first subscriber is still there

    async def channel_released() -> bool:
        return await numsub(redis_admin, channel) == 0

    await eventually(channel_released)


async def test_a_message_published_in_one_process_reaches_subscribers_in_the_others(
    make_redis_broker: Any, prefix: str
) -> None:
    first, second = await make_redis_broker(), await make_redis_broker()
    channel = f"{prefix}:org:4:activity"

    async with first.subscribe(channel) as on_first, second.subscribe(channel) as on_second:
        await second.publish(channel, {"event_id": 1, "organization_id": 4, "customer_id": 9})

        assert await receive(on_first) == {"event_id": 1, "organization_id": 4, "customer_id": 9}
        assert await receive(on_second) == {"event_id": 1, "organization_id": 4, "customer_id": 9}


async def test_a_killed_connection_is_reopened_resubscribed_and_subscribers_told_to_resync(
    make_redis_broker: Any, redis_admin: Redis, prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER)
    listener, publisher = await make_redis_broker(), await make_redis_broker()
    one, two = f"{prefix}:org:1:activity", f"{prefix}:org:2:activity"

    async with listener.subscribe(one) as on_one, listener.subscribe(two) as on_two:
        [before] = await pubsub_connections(redis_admin, listener)
        # TYPE pubsub as asked, narrowed by ID to this broker's connection: other test runs may share this Redis.
        assert await redis_admin.client_kill_filter(_type="pubsub", _id=before["id"]) == 1

        received = await receive_until_data(on_one, lambda message: publisher.publish(one, message))
        # Nothing can arrive on the dead connection, so the first thing after the kill is the resync.
        assert is_resync(received[0])
        assert [message for message in received if not is_resync(message)] == received[-1:]

        received = await receive_until_data(on_two, lambda message: publisher.publish(two, message))
        assert is_resync(received[0])  # every channel with local subscribers was resubscribed

        assert listener.reconnects == 1
        [after] = await pubsub_connections(redis_admin, listener)
        assert after["id"] != before["id"]
        assert await numsub(redis_admin, one) == 1
        assert await numsub(redis_admin, two) == 1
        assert await listener.ping() is True
    assert any("connection lost" in record.getMessage() for record in caplog.records)
    assert any("reconnected" in record.getMessage() for record in caplog.records)


async def test_an_outage_is_retried_with_capped_growing_backoff_then_recovers(
    redis_url: str, make_redis_broker: Any, prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER)
    target = urlparse(redis_url)
    proxy = TcpProxy(target.hostname or "127.0.0.1", target.port or 6379)
    await proxy.start()
    publisher = await make_redis_broker()
    behind_proxy = await make_redis_broker(url=f"redis://127.0.0.1:{proxy.port}{target.path}", backoff_cap=0.4)
    channel = f"{prefix}:org:1:activity"
    try:
        async with behind_proxy.subscribe(channel) as events:
            await proxy.stop()  # connections cut, new ones refused: Redis looks down

            async def down() -> bool:
                return not await behind_proxy.ping()

            await eventually(down)
            with pytest.raises(BrokerUnavailable):
                await behind_proxy.publish(channel, {"event_id": 0})
            await publisher.publish(channel, {"event_id": 1})  # sent while it is cut off: lost for it
            await asyncio.sleep(1.5)

            delays = [
                float(match.group(1))
                for record in caplog.records
                if (match := re.search(r"reconnecting in ([\d.]+) s", record.getMessage()))
            ]
            assert len(delays) >= 3, delays
            assert delays[0] <= 0.1  # 2 x base at most for the first retry...
            assert max(delays[2:]) >= 0.2  # ...then growing...
            assert max(delays) <= 0.4  # ...up to the cap

            await proxy.start()
            received = await receive_until_data(events, lambda message: publisher.publish(channel, message))
            assert is_resync(received[0])
            assert {"event_id": 1} not in received
            assert behind_proxy.reconnects == 1
    finally:
        await proxy.stop()


async def test_a_silent_connection_is_detected_by_ping_and_replaced(
    redis_url: str, make_redis_broker: Any, prefix: str
) -> None:
    target = urlparse(redis_url)
    proxy = TcpProxy(target.hostname or "127.0.0.1", target.port or 6379)
    await proxy.start()
    publisher = await make_redis_broker()
    behind_proxy = await make_redis_broker(url=f"redis://127.0.0.1:{proxy.port}{target.path}", ping_interval=0.2)
    channel = f"{prefix}:org:1:activity"
    try:
        async with behind_proxy.subscribe(channel) as events:
            proxy.freeze()  # open connections stay open but carry nothing, like a half-open TCP connection

            async def replaced() -> bool:
                return behind_proxy.reconnects == 1

            await eventually(replaced)
            received = await receive_until_data(events, lambda message: publisher.publish(channel, message))
            assert is_resync(received[0])
    finally:
        await proxy.stop()


async def test_foreign_messages_that_are_not_json_objects_are_skipped(
    make_redis_broker: Any, redis_admin: Redis, prefix: str
) -> None:
    broker = await make_redis_broker()
    channel = f"{prefix}:org:1:activity"
    async with broker.subscribe(channel) as events:
        await redis_admin.publish(channel, b"not json")
        await redis_admin.publish(channel, b"[1, 2]")
        await broker.publish(channel, {"event_id": 1})

        assert await receive(events) == {"event_id": 1}  # and the reader survived


async def test_an_unreachable_redis_is_reported_but_not_fatal() -> None:
    broker = RedisBroker(f"redis://127.0.0.1:{free_port()}/0", subscribe_timeout=0.3, **FAST)
    await broker.start()  # returns after subscribe_timeout: the app still starts
    try:
        assert await broker.ping() is False
        with pytest.raises(BrokerUnavailable):
            await broker.publish("x", {"event_id": 1})
        async with broker.subscribe("x"):  # gives up waiting for the SUBSCRIBE, stays registered
            assert broker.local_subscribers("x") == 1

        entering = asyncio.create_task(broker.subscribe("y", max_queue=1).__aenter__())
        await asyncio.sleep(0.1)
        entering.cancel()
        with pytest.raises(asyncio.CancelledError):
            await entering
        assert broker.local_subscribers("y") == 0  # cancelled while entering: not left registered
    finally:
        await broker.close()


def test_backoff_doubles_up_to_the_cap_with_jitter() -> None:
    broker = RedisBroker("redis://127.0.0.1:6379/0", backoff_base=0.1, backoff_cap=10.0)
    for attempt in range(12):
        ceiling = min(10.0, 0.1 * 2**attempt)
        for _ in range(50):
            assert ceiling / 2 <= broker._backoff(attempt) <= ceiling
