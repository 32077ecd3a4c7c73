"""Fixtures for the broker tests: the same behaviour tests run on MemoryBroker and on RedisBroker (real Redis).

Redis is read from TEST_REDIS_URL or REDIS_URL (default redis://127.0.0.1:6379/0). When it is unreachable the Redis
cases are skipped, except when PORTICO_REQUIRE_SERVICES=1 (CI): then they fail.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import redis
from redis.asyncio import Redis

from portico.realtime import Broker, MemoryBroker, RedisBroker, Subscription

REDIS_URL = os.environ.get("TEST_REDIS_URL") or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
REQUIRE_SERVICES = os.environ.get("PORTICO_REQUIRE_SERVICES") == "1"

# Fast reconnects, so the reconnect tests take a fraction of a second.
FAST = {"backoff_base": 0.05, "backoff_cap": 0.5}


@pytest.fixture(scope="session")
def redis_url() -> str:
    """REDIS_URL after checking Redis answers; skip (or fail when services are required) otherwise."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    except (redis.RedisError, OSError) as exc:
        message = f"Redis is not reachable at {REDIS_URL}: {exc}"
        if REQUIRE_SERVICES:
            pytest.fail(message + " (PORTICO_REQUIRE_SERVICES=1: the service is mandatory here)")
        pytest.skip(message)
    finally:
        client.close()
    return REDIS_URL


@pytest.fixture
async def redis_admin(redis_url: str) -> AsyncIterator[Redis]:
    """A separate plain client, to look at (PUBSUB NUMSUB) and break (CLIENT KILL) the broker's connections."""
    client = Redis.from_url(redis_url)
    yield client
    await client.aclose()


@pytest.fixture
def prefix() -> str:
    """A unique channel prefix per test, so parallel runs sharing one Redis never see each other's messages."""
    return f"test:{uuid.uuid4().hex}"


@pytest.fixture(params=["memory", "redis"])
async def broker(request: pytest.FixtureRequest) -> AsyncIterator[Broker]:
    """A started broker: the test runs once in memory and once over real Redis."""
    instance: Broker
    if request.param == "memory":
        instance = MemoryBroker()
    else:
        instance = RedisBroker(request.getfixturevalue("redis_url"), **FAST)
    await instance.start()
    yield instance
    await instance.close()


@pytest.fixture
async def make_redis_broker(redis_url: str) -> AsyncIterator[Any]:
    """Factory for started RedisBrokers (each one stands for a server process); all are closed after the test."""
    created: list[RedisBroker] = []

    async def make(url: str | None = None, **options: Any) -> RedisBroker:
        instance = RedisBroker(url or redis_url, **{**FAST, **options})
        await instance.start()
        created.append(instance)
        return instance

    yield make
    for instance in created:
        await instance.close()


async def receive(subscription: Subscription, timeout: float = 5.0) -> dict[str, Any]:
    """The next message, or fail after `timeout` seconds."""
    return await asyncio.wait_for(anext(subscription), timeout)


async def eventually(check: Any, timeout: float = 5.0) -> None:
    """Wait until the coroutine function `check` returns true (Redis applies some things asynchronously)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)
