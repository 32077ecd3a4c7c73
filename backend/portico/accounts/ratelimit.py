"""Requests per minute per API key: a fixed window counted in Redis when configured, else in this process."""

from __future__ import annotations

import time
from typing import Protocol

from redis.asyncio import Redis


class RateLimiter(Protocol):
    async def allow(self, key: str) -> bool: ...


class MemoryRateLimiter:
    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._windows: dict[str, tuple[int, int]] = {}

    async def allow(self, key: str) -> bool:
        window = int(time.time() // 60)
        start, count = self._windows.get(key, (window, 0))
        if start != window:
            start, count = window, 0
        count += 1
        self._windows[key] = (start, count)
        if len(self._windows) > 10_000:  # forget old windows instead of growing without bound
            self._windows = {k: v for k, v in self._windows.items() if v[0] == window}
        return count <= self.per_minute


class RedisRateLimiter:
    """Shared by every process, so N workers do not multiply the limit by N."""

    def __init__(self, url: str, per_minute: int) -> None:
        self.per_minute = per_minute
        self._redis = Redis.from_url(url)

    async def allow(self, key: str) -> bool:
        name = f"portico:ratelimit:{key}:{int(time.time() // 60)}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, 120)
            count, _ = await pipe.execute()
        return int(count) <= self.per_minute

    async def close(self) -> None:
        await self._redis.aclose()
