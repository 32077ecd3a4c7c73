"""Behaviour every broker shares; each test runs on MemoryBroker and on RedisBroker (see the `broker` fixture)."""

from __future__ import annotations

import asyncio

import pytest

from portico.realtime import Broker, BrokerError, SubscriberTooSlow

from .conftest import receive


async def test_a_subscriber_receives_what_is_published(broker: Broker, prefix: str) -> None:
    channel = f"{prefix}:org:4:activity"
    async with broker.subscribe(channel) as events:
        await broker.publish(channel, {"event_id": 123, "organization_id": 4, "customer_id": 9})

        assert await receive(events) == {"event_id": 123, "organization_id": 4, "customer_id": 9}


async def test_every_subscriber_of_a_channel_receives_every_message_in_order(broker: Broker, prefix: str) -> None:
    channel = f"{prefix}:org:1:activity"
    async with broker.subscribe(channel) as a, broker.subscribe(channel) as b, broker.subscribe(channel) as c:
        assert broker.local_subscribers(channel) == 3
        for event_id in range(20):
            await broker.publish(channel, {"event_id": event_id})

        for events in (a, b, c):
            assert [(await receive(events))["event_id"] for _ in range(20)] == list(range(20))


async def test_subscribers_only_receive_their_own_channel(broker: Broker, prefix: str) -> None:
    one, two = f"{prefix}:org:1:activity", f"{prefix}:org:2:activity"
    async with broker.subscribe(one) as first, broker.subscribe(two) as second:
        await broker.publish(two, {"event_id": 2})
        await broker.publish(one, {"event_id": 1})
        await broker.publish(two, {"event_id": 3})

        # Messages keep their order, so had `first` been sent event 2 it would come before event 1.
        assert await receive(first) == {"event_id": 1}
        assert await receive(second) == {"event_id": 2}
        assert await receive(second) == {"event_id": 3}
        with pytest.raises(TimeoutError):
            await receive(first, timeout=0.2)


async def test_leaving_the_context_unsubscribes(broker: Broker, prefix: str) -> None:
    channel = f"{prefix}:org:1:activity"
    async with broker.subscribe(channel):
        pass
    assert broker.local_subscribers(channel) == 0

    await broker.publish(channel, {"event_id": 1})  # nobody listens: not an error
    async with broker.subscribe(channel) as events:
        await broker.publish(channel, {"event_id": 2})
        assert await receive(events) == {"event_id": 2}  # the earlier message was not kept for it


async def test_a_subscriber_that_stops_reading_is_dropped_and_others_get_everything(
    broker: Broker, prefix: str
) -> None:
    channel = f"{prefix}:org:1:activity"
    total = 200
    received: list[int] = []

    async with broker.subscribe(channel, max_queue=5) as slow, broker.subscribe(channel, max_queue=50) as fast:

        async def read_fast() -> None:
            async for message in fast:
                received.append(message["event_id"])
                if len(received) == total:
                    return

        reader = asyncio.create_task(read_fast())
        for event_id in range(total):
            await broker.publish(channel, {"event_id": event_id})
            if event_id % 25 == 0:
                await asyncio.sleep(0)  # let the fast reader keep up with the memory broker, which never yields
        await asyncio.wait_for(reader, 10)

        assert received == list(range(total))
        assert broker.local_subscribers(channel) == 1  # only the fast one is still delivered to
        with pytest.raises(SubscriberTooSlow):
            await receive(slow)  # even with 5 messages queued: what it holds has a gap after it


async def test_publish_does_not_wait_for_a_full_subscriber(broker: Broker, prefix: str) -> None:
    channel = f"{prefix}:org:1:activity"
    async with broker.subscribe(channel, max_queue=1):
        loop = asyncio.get_running_loop()
        started = loop.time()
        for event_id in range(50):
            await asyncio.wait_for(broker.publish(channel, {"event_id": event_id}), 1.0)
        assert loop.time() - started < 5.0


async def test_closing_the_broker_ends_iteration(broker: Broker, prefix: str) -> None:
    channel = f"{prefix}:org:1:activity"
    received: list[dict[str, int]] = []
    async with broker.subscribe(channel) as events:
        await broker.publish(channel, {"event_id": 1})

        async def drain() -> None:
            async for message in events:
                received.append(message)

        task = asyncio.create_task(drain())
        await asyncio.sleep(0.2)
        await broker.close()
        await asyncio.wait_for(task, 5)  # ends normally, after what was already queued
    assert received == [{"event_id": 1}]
    assert await broker.ping() is False
    with pytest.raises(BrokerError):
        async with broker.subscribe(channel):
            pass
    with pytest.raises(BrokerError):
        await broker.publish(channel, {"event_id": 2})


async def test_ping_reports_ready(broker: Broker) -> None:
    assert await broker.ping() is True


async def test_messages_must_be_json_objects(broker: Broker, prefix: str) -> None:
    with pytest.raises(TypeError):
        await broker.publish(f"{prefix}:x", {"when": object()})
    with pytest.raises(TypeError):
        await broker.publish(f"{prefix}:x", ["not", "a", "dict"])  # type: ignore[arg-type]


async def test_subscribers_get_their_own_copy_of_what_was_published(broker: Broker, prefix: str) -> None:
    channel = f"{prefix}:org:1:activity"
    message = {"event_id": 1}
    async with broker.subscribe(channel) as events:
        await broker.publish(channel, message)
        message["event_id"] = 2  # the publisher reusing its dict must not change what was sent
        assert await receive(events) == {"event_id": 1}


def test_max_queue_must_be_positive(prefix: str) -> None:
    from portico.realtime import MemoryBroker

    with pytest.raises(ValueError):
        MemoryBroker().subscribe(prefix, max_queue=0)
