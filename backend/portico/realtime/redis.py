"""RedisBroker: live events shared by every server process through Redis pub/sub.

Connections. One pub/sub connection per process, read by a single task that hands each message to the local
subscriber queues of its channel, plus one publishing client. A channel is SUBSCRIBEd when its first local subscriber
enters and UNSUBSCRIBEd when the last one leaves, so Redis only sends a process what somebody there listens to.

Reconnects. redis-py's PubSub does not reliably resubscribe after its connection drops, and when its built-in retry
does reconnect quietly nobody learns that messages were lost. So the pub/sub client runs with retries off and this
module owns the loop: on any connection error it drops the PubSub, waits with exponential backoff (capped, with
jitter, reset once a connection has stayed up), opens a new one and SUBSCRIBEs every channel that still has local
subscribers. The backoff is capped at 2 s, so a feed resumes within a few seconds of Redis coming back, however
long it was gone. Each drop is logged as a warning and each reconnect as info. A connection that goes silent (half-open
TCP) is caught by our own PINGs.

Lost events: the choice. Redis pub/sub is at-most-once: what is published while the connection is down is gone.
After each reconnect, once Redis has confirmed the new SUBSCRIBE of a channel, every local subscriber of that channel
receives the control message `{"type": "resync"}` (`base.is_resync`) and should refetch. It arrives only once the
subscription is live again, so a refetch it triggers cannot miss an event. A message in the subscriber's own queue
was chosen over a callback because it reaches exactly the subscribers concerned, in order with their events.
`RedisBroker.reconnects` counts reconnects for metrics.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import random
import secrets
import sys
from collections.abc import Awaitable
from contextlib import suppress
from typing import Any, cast

from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff, NoBackoff
from redis.exceptions import RedisError

from .base import Broker, Subscription, encode_message, resync_message
from .errors import BrokerError, BrokerUnavailable

logger = logging.getLogger(__name__)

# A SUBSCRIBE that is only confirmed by the next connection (sent while disconnected, or lost with the connection).
_NEXT_CONNECTION = sys.maxsize
_CONNECTION_ERRORS = (RedisError, OSError)


class RedisBroker(Broker):
    """Redis pub/sub broker. `url` is a redis:// or rediss:// URL; the tuning arguments exist for tests."""

    def __init__(
        self,
        url: str,
        *,
        backoff_base: float = 0.1,
        backoff_cap: float = 2.0,
        ping_interval: float = 10.0,
        subscribe_timeout: float = 5.0,
    ) -> None:
        super().__init__()
        self.url = url
        self.reconnects = 0
        # Named so operators (and tests) can find this process's pub/sub connection in CLIENT LIST.
        self.client_name = f"portico-realtime-{os.getpid()}-{secrets.token_hex(3)}"
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._ping_interval = ping_interval
        self._subscribe_timeout = subscribe_timeout
        self._publisher: Redis | None = None
        self._listener: Redis | None = None
        self._pubsub: PubSub | None = None  # set only while connected, after the resubscribe
        self._reader: asyncio.Task[None] | None = None
        # Serialises SUBSCRIBE/UNSUBSCRIBE with the local registry, so Redis sees them in the order we decided them.
        self._lock = asyncio.Lock()
        # Per connection ("generation"): SUBSCRIBEs sent and confirmed per channel. Redis answers in order, so a
        # subscriber whose SUBSCRIBE was number n is live once n confirmations have come back.
        self._generation = 0
        self._sent: dict[str, int] = {}
        self._acked: dict[str, int] = {}
        self._waiters: dict[str, list[tuple[int, int, asyncio.Future[None]]]] = {}
        self._resync_pending: set[str] = set()
        self._connected_once = False
        self._up = asyncio.Event()  # set while the pub/sub connection is established

    async def start(self) -> None:
        """Create the clients and start the reader task; it connects (and keeps reconnecting) in the background."""
        if self._reader is not None:
            return
        common: dict[str, Any] = {"socket_connect_timeout": 5.0, "socket_keepalive": True}
        retry = Retry(ExponentialWithJitterBackoff(base=0.05, cap=1.0), 2)
        self._publisher = Redis.from_url(self.url, socket_timeout=5.0, retry=retry, **common)
        # No retries on the pub/sub connection: every drop must reach our loop (see the module docstring).
        self._listener = Redis.from_url(
            self.url, retry=Retry(NoBackoff(), 0), client_name=self.client_name, max_connections=1, **common
        )
        self._reader = asyncio.create_task(self._run(), name="portico-realtime-reader")
        # Wait a little for the first connection so a healthy process is ready when start() returns; a Redis that is
        # down must not stop the app from starting (ping() reports it, and the reader keeps trying).
        try:
            await asyncio.wait_for(self._up.wait(), self._subscribe_timeout)
        except TimeoutError:
            logger.warning("redis pub/sub not connected after %.1f s; still trying", self._subscribe_timeout)

    async def close(self) -> None:
        await super().close()
        for waiters in self._waiters.values():
            for _, _, future in waiters:
                if not future.done():
                    future.set_result(None)
        if self._reader is not None:
            self._reader.cancel()
            with suppress(asyncio.CancelledError):
                await self._reader
        for client in (self._publisher, self._listener):
            if client is not None:
                await client.aclose()
        self._publisher = self._listener = None

    async def publish(self, channel: str, message: dict[str, Any]) -> None:
        data = encode_message(message)
        if self._publisher is None:
            raise BrokerError("the broker is closed" if self._closed else "RedisBroker.start() was not awaited")
        try:
            await self._publisher.publish(channel, data)
        except _CONNECTION_ERRORS as exc:
            raise BrokerUnavailable(f"could not publish on {channel!r}: {exc}") from exc

    async def ping(self) -> bool:
        """True when the pub/sub connection is up and the publishing client answers PING."""
        if self._pubsub is None or self._publisher is None:
            return False
        try:
            # redis-py types ping() for its sync and async clients at once; the async client returns an awaitable.
            return bool(await asyncio.wait_for(cast("Awaitable[bool]", self._publisher.ping()), 2.0))
        except (*_CONNECTION_ERRORS, TimeoutError):
            return False

    # Registration: keep Redis subscribed to exactly the channels with local subscribers.

    async def _attach(self, subscription: Subscription) -> None:
        if self._reader is None:
            raise BrokerError("RedisBroker.start() was not awaited")
        channel = subscription.channel
        async with self._lock:
            first = self._add_local(subscription)
            generation, seq = self._generation, _NEXT_CONNECTION
            if self._pubsub is not None:
                if not first:
                    seq = self._sent.get(channel) or _NEXT_CONNECTION
                elif await self._send(self._pubsub.subscribe, channel):
                    seq = self._sent[channel] = self._sent.get(channel, 0) + 1
            if self._acked.get(channel, 0) >= seq:
                return
            waiter = (generation, seq, asyncio.get_running_loop().create_future())
            self._waiters.setdefault(channel, []).append(waiter)
        # Wait outside the lock: the reader resolves the future when Redis confirms the SUBSCRIBE.
        try:
            await asyncio.wait_for(waiter[2], self._subscribe_timeout)
        except TimeoutError:
            # Redis is down: stay registered; the reconnect subscribes this channel and sends a resync.
            logger.warning(
                "SUBSCRIBE %s not confirmed after %.1f s; waiting for Redis", channel, self._subscribe_timeout
            )
        except BaseException:
            await self._detach(subscription)  # cancelled while entering: __aexit__ will not run
            raise
        finally:
            waiters = self._waiters.get(channel, [])
            if waiter in waiters:
                waiters.remove(waiter)
            if not waiters:
                self._waiters.pop(channel, None)

    async def _detach(self, subscription: Subscription) -> None:
        async with self._lock:
            if self._remove_local(subscription):
                self._resync_pending.discard(subscription.channel)
                if self._pubsub is not None:
                    await self._send(self._pubsub.unsubscribe, subscription.channel)

    async def _send(self, command: Any, channel: str) -> bool:
        try:
            await command(channel)
        except _CONNECTION_ERRORS as exc:
            # The reader sees the same broken connection and reconnects with the then-current channels.
            logger.info("pub/sub command for %s failed (%s); the reconnect will catch up", channel, exc)
            return False
        return True

    # The reader: one task per process, reconnecting forever until close().

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        attempt = 0
        while True:
            started = loop.time()
            error = "the reader stopped"
            try:
                await self._listen()
            except Exception as exc:  # noqa: BLE001 (anything at all: the loop must survive to reconnect)
                error = f"{type(exc).__name__}: {exc}"
            # A connection that stayed up a while starts the backoff afresh; one that flaps keeps backing off.
            attempt = 0 if loop.time() - started > max(self._backoff_cap, self._ping_interval) else attempt + 1
            delay = self._backoff(attempt)
            logger.warning("redis pub/sub connection lost (%s); reconnecting in %.2f s", error, delay)
            await asyncio.sleep(delay)

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self._backoff_cap, self._backoff_base * 2.0 ** min(attempt, 30))
        # "Equal jitter": never a zero wait, and processes cut off together do not all come back at the same instant.
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    async def _listen(self) -> None:
        assert self._listener is not None
        pubsub = self._listener.pubsub()
        try:
            await pubsub.connect()
            async with self._lock:
                self._generation += 1
                self._sent.clear()
                self._acked.clear()
                channels = list(self._channels)
                if channels:
                    await pubsub.subscribe(*channels)
                    self._sent = dict.fromkeys(channels, 1)
                if self._connected_once:
                    self.reconnects += 1
                    self._resync_pending = set(channels)
                    logger.info("redis pub/sub reconnected; resubscribed %d channels", len(channels))
                self._connected_once = True
                self._pubsub = pubsub
                self._up.set()
            await self._read(pubsub)
        finally:
            self._pubsub = None  # first, before any await: no command may go to a dead connection
            self._up.clear()
            with suppress(Exception):
                await pubsub.aclose()

    async def _read(self, pubsub: PubSub) -> None:
        loop = asyncio.get_running_loop()
        last_seen = last_ping = loop.time()
        poll = min(1.0, self._ping_interval / 2)
        while True:
            message = await pubsub.get_message(timeout=poll)
            now = loop.time()
            if message is not None:
                last_seen = now
                self._dispatch(message)
            elif now - last_seen > 2 * self._ping_interval:
                raise ConnectionError(f"no reply from Redis for {now - last_seen:.1f} s")
            elif now - last_seen > self._ping_interval and now - last_ping > self._ping_interval:
                last_ping = now
                # Not under the lock: the reader must never wait behind a command stuck on a dead connection.
                await pubsub.ping()

    def _dispatch(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        if kind == "message":
            channel = message["channel"].decode()
            try:
                payload = json.loads(message["data"])
            except ValueError:
                payload = None
            if not isinstance(payload, dict):
                logger.warning("ignored a message on %s that is not a JSON object", channel)
                return
            self._deliver(channel, payload)
        elif kind == "subscribe":
            channel = message["channel"].decode()
            self._acked[channel] = self._acked.get(channel, 0) + 1
            self._release_waiters(channel)
            if channel in self._resync_pending:
                self._resync_pending.discard(channel)
                self._deliver(channel, resync_message())

    def _release_waiters(self, channel: str) -> None:
        acked = self._acked[channel]
        for generation, seq, future in self._waiters.get(channel, ()):
            if (generation < self._generation or seq <= acked) and not future.done():
                future.set_result(None)
