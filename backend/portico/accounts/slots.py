"""Counted slots: at most N of something held at once per key (an API key's live subscriptions), across processes.

A slot is taken when a subscription starts and given back when it ends. A process that dies cannot give its slots
back, so every slot expires LEASE after it was last renewed; the holder renews its slots while they live. With
Redis (REDIS_URL) every server process shares the counts (a sorted set per key: member = slot, score = expiry, taken
atomically by a Lua script); without it they are counted in this process, which is then the only one.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable
from typing import Protocol

from redis.asyncio import Redis

LEASE_SECONDS = 60.0


class Slots(Protocol):
    async def acquire(self, key: str, limit: int) -> str | None:
        """A new slot's id, or None when `limit` slots of `key` are already held."""
        ...

    async def renew(self, key: str, slot_ids: Iterable[str]) -> None:
        """Keep these slots for another lease."""
        ...

    async def release(self, key: str, slot_id: str) -> None: ...


class MemorySlots:
    def __init__(self, lease: float = LEASE_SECONDS) -> None:
        self.lease = lease
        self._held: dict[str, dict[str, float]] = {}

    async def acquire(self, key: str, limit: int) -> str | None:
        now = time.monotonic()
        held = {s: expiry for s, expiry in self._held.get(key, {}).items() if expiry > now}
        if len(held) >= limit:
            self._held[key] = held
            return None
        slot = uuid.uuid4().hex
        held[slot] = now + self.lease
        self._held[key] = held
        return slot

    async def renew(self, key: str, slot_ids: Iterable[str]) -> None:
        held = self._held.get(key, {})
        for slot in slot_ids:
            if slot in held:
                held[slot] = time.monotonic() + self.lease

    async def release(self, key: str, slot_id: str) -> None:
        held = self._held.get(key)
        if held is not None:
            held.pop(slot_id, None)
            if not held:
                del self._held[key]


# KEYS[1] the key's set; ARGV: now, limit, expiry of the new slot, its id, seconds to keep the set.
_ACQUIRE = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[5])
return 1
"""


class RedisSlots:
    """Shared by every process, so a key's subscriptions are capped in total, not per process."""

    def __init__(self, url: str, lease: float = LEASE_SECONDS) -> None:
        self.lease = lease
        self._redis = Redis.from_url(url)
        self._acquire = self._redis.register_script(_ACQUIRE)

    @staticmethod
    def _name(key: str) -> str:
        return f"portico:slots:{key}"

    async def acquire(self, key: str, limit: int) -> str | None:
        slot = uuid.uuid4().hex
        now = time.time()
        taken = await self._acquire(
            keys=[self._name(key)], args=[now, limit, now + self.lease, slot, int(self.lease * 2) + 1]
        )
        return slot if int(taken) == 1 else None

    async def renew(self, key: str, slot_ids: Iterable[str]) -> None:
        expiry = time.time() + self.lease
        mapping = {slot: expiry for slot in slot_ids}
        if mapping:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.zadd(self._name(key), mapping, xx=True)  # only slots still held: a released one stays gone
                pipe.expire(self._name(key), int(self.lease * 2) + 1)
                await pipe.execute()

    async def release(self, key: str, slot_id: str) -> None:
        await self._redis.zrem(self._name(key), slot_id)

    async def close(self) -> None:
        await self._redis.aclose()
