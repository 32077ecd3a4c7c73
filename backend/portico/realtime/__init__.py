"""Live events: the Broker interface, its in-process and Redis implementations, and the factory the app uses."""

from __future__ import annotations

from portico.settings import Settings

from .base import Broker, Subscription, is_resync
from .errors import BrokerError, BrokerUnavailable, SubscriberTooSlow
from .memory import MemoryBroker
from .redis import RedisBroker

__all__ = [
    "Broker",
    "BrokerError",
    "BrokerUnavailable",
    "MemoryBroker",
    "RedisBroker",
    "SubscriberTooSlow",
    "Subscription",
    "broker_from_settings",
    "is_resync",
]


def broker_from_settings(settings: Settings) -> Broker:
    """The in-process broker when REDIS_URL is unset (one process), else Redis pub/sub (several processes)."""
    if settings.redis_url is None:
        return MemoryBroker()
    return RedisBroker(settings.redis_url)
