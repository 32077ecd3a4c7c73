"""broker_from_settings: the in-process broker by default, Redis when REDIS_URL is set."""

from __future__ import annotations

from portico.realtime import MemoryBroker, RedisBroker, broker_from_settings
from portico.settings import Settings


def test_without_redis_url_events_stay_in_process() -> None:
    assert isinstance(broker_from_settings(Settings(redis_url=None)), MemoryBroker)


def test_with_redis_url_events_go_through_redis() -> None:
    broker = broker_from_settings(Settings(redis_url="redis://redis:6379/0"))
    assert isinstance(broker, RedisBroker)
    assert broker.url == "redis://redis:6379/0"
