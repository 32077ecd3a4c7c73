"""The process-wide services: settings, storage, broker, rate limiter. Created once in the app lifespan."""

from __future__ import annotations

from dataclasses import dataclass, field

from portico.accounts.providers import ProviderRegistry, built_in_providers
from portico.accounts.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from portico.accounts.slots import MemorySlots, RedisSlots, Slots
from portico.activity.feed import LiveFeed
from portico.realtime import broker_from_settings
from portico.realtime.base import Broker
from portico.settings import Settings
from portico.storage import storage_from_settings
from portico.storage.base import Storage

API_KEY_REQUESTS_PER_MINUTE = 600


@dataclass
class Services:
    settings: Settings
    storage: Storage
    broker: Broker
    api_rate_limiter: RateLimiter
    subscription_slots: Slots  # API keys' live subscriptions, counted across processes with Redis
    auth_providers: ProviderRegistry  # every way of signing in (portico.accounts.providers)
    live_feed: LiveFeed = field(default_factory=LiveFeed)  # one reader per organization channel for all feeds

    @classmethod
    def from_settings(cls, settings: Settings) -> Services:
        limiter: RateLimiter = (
            RedisRateLimiter(settings.redis_url, API_KEY_REQUESTS_PER_MINUTE)
            if settings.redis_url
            else MemoryRateLimiter(API_KEY_REQUESTS_PER_MINUTE)
        )
        return cls(
            settings=settings,
            storage=storage_from_settings(settings),
            broker=broker_from_settings(settings),
            api_rate_limiter=limiter,
            subscription_slots=RedisSlots(settings.redis_url) if settings.redis_url else MemorySlots(),
            auth_providers=built_in_providers(settings),
        )

    async def start(self) -> None:
        await self.storage.start()
        await self.broker.start()

    async def close(self) -> None:
        await self.broker.close()
        await self.storage.close()
        if isinstance(self.api_rate_limiter, RedisRateLimiter):
            await self.api_rate_limiter.close()
        if isinstance(self.subscription_slots, RedisSlots):
            await self.subscription_slots.close()
