"""The Broker interface, and the per-process fan-out to local subscribers that every broker shares.

A broker carries small JSON messages on named channels (`org:4:activity`). Each subscriber owns a bounded queue;
publishing (or receiving from Redis) only ever does `put_nowait`, so one stalled subscriber can never delay the others:
when its queue is full it is dropped and its iteration raises SubscriberTooSlow.

Messages are JSON objects. One decoded dict is shared by every local subscriber of a channel, so treat it as
read-only. Brokers may also send the control message RESYNC (`{"type": "resync"}`, see `is_resync`): events may have
been lost, refetch. Published messages must therefore not carry `"type": "resync"` themselves.
"""

from __future__ import annotations

import asyncio
import json
import logging
from abc import ABC, abstractmethod
from types import TracebackType
from typing import Any, Self

from .errors import BrokerError, SubscriberTooSlow

logger = logging.getLogger(__name__)

RESYNC_TYPE = "resync"


def resync_message() -> dict[str, Any]:
    """A fresh copy of the control message sent when events may have been lost."""
    return {"type": RESYNC_TYPE}


def is_resync(message: dict[str, Any]) -> bool:
    """True for the control message that tells a subscriber to refetch (events may have been missed)."""
    return message.get("type") == RESYNC_TYPE


def encode_message(message: dict[str, Any]) -> str:
    """Serialise a message; every broker does this, so a message that works in memory also works over Redis."""
    if not isinstance(message, dict):
        raise TypeError(f"a broker message must be a dict, got {type(message).__name__}")
    return json.dumps(message, separators=(",", ":"))


class Subscription:
    """One subscriber to one channel: an async context manager and an async iterator of message dicts.

    ```
    async with broker.subscribe("org:4:activity") as events:
        async for message in events:
            ...
    ```
    Entering registers the subscriber (for Redis: once the server has confirmed the SUBSCRIBE, so anything published
    after `__aenter__` returns is delivered); leaving unregisters it. Iteration ends normally when the broker closes
    and raises SubscriberTooSlow if the subscriber fell `max_queue` messages behind.
    """

    def __init__(self, broker: Broker, channel: str, max_queue: int) -> None:
        if max_queue < 1:
            raise ValueError("max_queue must be at least 1")
        self.channel = channel
        self._broker = broker
        self._queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=max_queue)
        self._too_slow = False
        self._closed = False
        self._wakeup = asyncio.Event()

    async def __aenter__(self) -> Self:
        await self._broker._attach(self)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._broker._detach(self)

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> dict[str, Any]:
        while True:
            # Checked before the queue: a dropped subscriber missed messages, so what is still queued is no use.
            if self._too_slow:
                raise SubscriberTooSlow(f"subscriber fell {self._queue.maxsize} messages behind on {self.channel!r}")
            if not self._queue.empty():
                return self._queue.get_nowait()
            if self._closed:
                raise StopAsyncIteration
            self._wakeup.clear()
            await self._wakeup.wait()

    def _offer(self, message: dict[str, Any]) -> bool:
        """Queue a message without waiting; False (and the subscriber is marked too slow) when the queue is full."""
        if self._too_slow or self._closed:
            return False
        try:
            self._queue.put_nowait(message)
        except asyncio.QueueFull:
            self._too_slow = True
            self._wakeup.set()
            return False
        self._wakeup.set()
        return True

    def _close(self) -> None:
        self._closed = True
        self._wakeup.set()


class Broker(ABC):
    """Publish/subscribe for live events. One instance per process: `await start()` in the lifespan, `await close()`.

    Delivery is at-most-once and only to subscribers that were registered when the message arrived.
    """

    def __init__(self) -> None:
        # channel -> local subscribers. A channel stays listed (maybe with an empty set, after a slow subscriber was
        # dropped) until the last subscriber leaves its context: that is when the channel is released upstream.
        self._channels: dict[str, set[Subscription]] = {}
        self._closed = False

    async def start(self) -> None:
        """Acquire long-lived resources (connections, reader task)."""

    async def close(self) -> None:
        """End every subscription (their iteration stops normally) and release resources."""
        self._closed = True
        for subscribers in self._channels.values():
            for subscription in subscribers:
                subscription._close()
        self._channels.clear()

    @abstractmethod
    async def publish(self, channel: str, message: dict[str, Any]) -> None:
        """Send `message` (a JSON-serialisable dict) to every subscriber of `channel`, in every process.

        Never waits for subscribers. Raises TypeError for a message that is not JSON-serialisable, and
        BrokerUnavailable when the message could not be handed to the server.
        """

    @abstractmethod
    async def ping(self) -> bool:
        """Readiness: True when this process can both publish and receive."""

    def subscribe(self, channel: str, *, max_queue: int = 256) -> Subscription:
        """A subscription to `channel`; use it with `async with`. At most `max_queue` messages wait unread."""
        return Subscription(self, channel, max_queue)

    def local_subscribers(self, channel: str) -> int:
        """How many subscribers of `channel` this process currently delivers to (for tests and metrics)."""
        return len(self._channels.get(channel, ()))

    # Registration. Subclasses that keep upstream subscriptions extend these (RedisBroker adds SUBSCRIBE/UNSUBSCRIBE).

    async def _attach(self, subscription: Subscription) -> None:
        self._add_local(subscription)

    async def _detach(self, subscription: Subscription) -> None:
        self._remove_local(subscription)

    def _add_local(self, subscription: Subscription) -> bool:
        """Register locally; True when the channel had no subscriber (it must be subscribed upstream)."""
        if self._closed:
            raise BrokerError("the broker is closed")
        subscribers = self._channels.setdefault(subscription.channel, set())
        first = not subscribers
        subscribers.add(subscription)
        return first

    def _remove_local(self, subscription: Subscription) -> bool:
        """Unregister locally; True when the channel has no subscriber left (it may be released upstream)."""
        subscribers = self._channels.get(subscription.channel)
        if subscribers is None:
            return False
        subscribers.discard(subscription)
        if subscribers:
            return False
        del self._channels[subscription.channel]
        return True

    def _deliver(self, channel: str, message: dict[str, Any]) -> None:
        """Hand `message` to every local subscriber of `channel`; drop those whose queue is full."""
        subscribers = self._channels.get(channel)
        if not subscribers:
            return
        slow = [subscription for subscription in subscribers if not subscription._offer(message)]
        for subscription in slow:
            subscribers.discard(subscription)
            logger.warning("dropped a subscriber of %s: %d messages unread", channel, subscription._queue.maxsize)
