"""The live feed of one process: one reader per organization channel answers each event for all its subscribers.

When an event is published, every subscriber of the organization in this process must know two things on fresh
rows: may this caller still act (signed out, deactivated, revoked, cut off?), and may they see this event. Asked
one subscriber at a time that was a caller lookup and a visibility query each, per event: thousands of queries for
one event at 1,000 subscribers. Then a task per subscriber woke for every event only to learn, mostly, that the
event was not theirs (a MEMBER sees their own shares' events; 900 of 1,000 subscribers in bench/fanout.py).

So a process subscribes to the broker once per organization channel (`LiveFeed`), and that channel's reader answers
each event for all the subscribers of the channel at once: the callers re-read in one constant statement of plain
values (`recheck_actors`, rebuilding only callers whose rows changed), the event and its audience read once, and
visibility decided by `policy.event_visible_to` on that one load. Only the subscribers concerned are woken: those
who see the event (with their fresh caller and the event's shared `Delivery`) and those whose feed ends. Nothing
is cached between events, so a sign-out, a deactivation or a revocation ends the feed at the next event.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
from collections import deque
from collections.abc import AsyncIterator, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tortoise import connections

from portico import policy
from portico.accounts.sessions import token_hash
from portico.activity.models import ActivityEvent, ActivityEventAudience
from portico.actors import Actor, refresh_actors
from portico.realtime import Broker, SubscriberTooSlow, is_resync

logger = logging.getLogger(__name__)


@dataclass
class Delivery:
    """One committed event as loaded once for all the subscribers of a channel in this process."""

    event: ActivityEvent | None  # None: gone (or never committed)
    audience: frozenset[int]
    # What subscribers with the same `policy.visibility_key` may share while this event is sent (their loaders,
    # the message and its serialized result).
    shared: dict[Hashable, Any] = field(default_factory=dict)

    def visible_to(self, actor: Actor) -> ActivityEvent | None:
        if self.event is None or not policy.event_visible_to(actor, self.event, self.audience):
            return None
        return self.event


class Resync:
    """Events may have been missed (the broker reconnected, or this subscriber fell behind): refetch."""


RESYNC = Resync()


class FeedSubscriber:
    """One live feed (one `activity` subscription): its caller, its filters and what waits for it.

    Iterating yields `(caller, delivery)` for each event the caller sees (the caller as re-read for that event) and
    RESYNC; it ends when the caller may no longer act or the broker closes. A subscriber that falls `max_queue`
    items behind (a stalled WebSocket) loses what waited and gets RESYNC instead, so it can never hold up the
    others."""

    def __init__(self, actor: Actor, *, customer_id: int | None = None, hub_id: int | None = None,
                 quote_id: int | None = None, max_queue: int = 256) -> None:
        self.actor = actor
        self._filters = {k: v for k, v in (("customer_id", customer_id), ("hub_id", hub_id),
                                           ("quote_id", quote_id)) if v is not None}
        self._max_queue = max_queue
        self._queue: deque[tuple[Actor, Delivery] | Resync] = deque()
        # The feed's task waits on a future made only while it waits (an idle feed holds none: an asyncio.Event per
        # feed was ~0.8 KiB of every idle connection, bench/idle_subscribers.py).
        self._waiter: asyncio.Future[None] | None = None
        self._ended = False
        self._error: BaseException | None = None

    def wants(self, message: dict[str, Any]) -> bool:
        return all(message.get(k) == v for k, v in self._filters.items())

    def _offer(self, item: tuple[Actor, Delivery] | Resync) -> None:
        if len(self._queue) >= self._max_queue:
            self._queue.clear()  # what waited is no use once something is missed
            item = RESYNC
        self._queue.append(item)
        self._wake()

    def _end(self, error: BaseException | None = None) -> None:
        self._ended, self._error = True, error
        self._wake()

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def __aiter__(self) -> FeedSubscriber:
        return self

    async def __anext__(self) -> tuple[Actor, Delivery] | Resync:
        while True:
            if self._queue:
                return self._queue.popleft()
            if self._ended:
                if self._error is not None:
                    raise self._error
                raise StopAsyncIteration
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None


class _Channel:
    def __init__(self) -> None:
        self.subscribers: set[FeedSubscriber] = set()
        self.live = asyncio.Event()  # the broker confirmed the subscription: what is published now is delivered
        self.reader: asyncio.Task[None] | None = None


class LiveFeed:
    """One per process (on `Services`): a broker subscription and a reader task per organization channel with
    subscribers here, shared by all of them."""

    def __init__(self) -> None:
        self._channels: dict[str, _Channel] = {}

    def subscribers(self, channel: str) -> int:
        """How many feeds of `channel` receive events now (for tests and metrics)."""
        found = self._channels.get(channel)
        return len(found.subscribers) if found is not None and found.live.is_set() else 0

    @contextlib.asynccontextmanager
    async def subscribe(self, broker: Broker, channel: str, subscriber: FeedSubscriber) -> AsyncIterator[None]:
        """Registers `subscriber` on `channel` once the broker delivers it (anything published after entering
        reaches it), for the duration of the block."""
        found = self._channels.get(channel)
        if found is None:
            found = self._channels[channel] = _Channel()
            found.reader = asyncio.create_task(self._read(broker, channel, found), name=f"live-feed {channel}")
        found.subscribers.add(subscriber)
        try:
            if not found.live.is_set():
                assert found.reader is not None
                live = asyncio.ensure_future(found.live.wait())
                try:
                    done, _ = await asyncio.wait({live, found.reader}, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    live.cancel()  # done, or this subscriber left (cancelled) while waiting
                if live not in done:
                    found.reader.result()  # the broker refused (closed): raise what it raised
                    subscriber._end()  # the broker closed before this feed started
            yield
        finally:
            found.subscribers.discard(subscriber)
            if not found.subscribers and self._channels.get(channel) is found:
                # The last one left: the next subscriber starts a new reader; this one unsubscribes.
                del self._channels[channel]
                if found.reader is not None:
                    found.reader.cancel()

    async def _read(self, broker: Broker, channel: str, found: _Channel) -> None:
        fell_behind = False
        try:
            while True:
                try:
                    async with broker.subscribe(channel) as messages:
                        found.live.set()
                        if fell_behind:  # subscribed again: a refetch now misses nothing
                            await self._resync(found)
                        async for message in messages:
                            await self._handle(found, message)
                    break  # the broker closed (the server is stopping)
                except SubscriberTooSlow:
                    fell_behind = True  # this process fell behind the broker: subscribe again, then resync
        finally:
            if self._channels.get(channel) is found:
                del self._channels[channel]  # a later subscriber starts afresh (and learns if the broker closed)
            for subscriber in list(found.subscribers):
                subscriber._end()

    async def _handle(self, found: _Channel, message: dict[str, Any]) -> None:
        if is_resync(message):
            # Pub/sub is at-most-once: what was published during a broker outage is gone.
            await self._resync(found)
            return
        event_id = message.get("event_id")
        if not isinstance(event_id, int):
            return
        concerned = [s for s in found.subscribers if s.wants(message)]
        if not concerned:
            return
        try:
            fresh = await recheck_actors([s.actor for s in concerned])
            event = await ActivityEvent.filter(id=event_id).first()
            audience: frozenset[int] = frozenset()
            # Only MEMBERs who see part of the organization need the audience (hub openings: see policy).
            if event is not None and any(a is not None and _reads_audience(a) for a in fresh):
                rows = await ActivityEventAudience.filter(event_id=event_id).values_list("member_id", flat=True)
                audience = frozenset(int(m) for m in rows)  # type: ignore[call-overload]
        except Exception as exc:  # noqa: BLE001 - the feeds that asked fail as they did one by one
            logger.exception("live feed: could not check event %s", event_id)
            for subscriber in concerned:
                subscriber._end(exc)
            return
        delivery = Delivery(event=event, audience=audience)
        for subscriber, actor in zip(concerned, fresh, strict=True):
            if actor is None:
                subscriber._end()  # deactivated, revoked or cut off: the feed ends
            elif delivery.visible_to(actor) is not None:
                subscriber.actor = actor
                subscriber._offer((actor, delivery))

    async def _resync(self, found: _Channel) -> None:
        subscribers = list(found.subscribers)
        for subscriber, actor in zip(subscribers, await recheck_actors([s.actor for s in subscribers]), strict=True):
            if actor is None:
                subscriber._end()
            else:
                subscriber.actor = actor
                subscriber._offer(RESYNC)


def _reads_audience(actor: Actor) -> bool:
    return actor.member is not None and actor.contact is None and not policy.sees_whole_organization(actor)


# What a signed-in caller's session row says about everything `policy.visibility_key` holds, plus whether it may
# still act at all: read as plain values for every subscriber of an event (no model instances). One constant
# statement per dialect, the tokens passed as one parameter (an array, a JSON list): asyncpg keeps it prepared, and
# nothing is built per event (Tortoise building and converting this query was most of a process's time per event
# in bench/fanout.py when 500 subscribers ask; issue 8).
_SESSION_STATE = """
SELECT s.token_hash, s.expires_at, s.member_id, s.contact_id,
       m.is_active, m.role, m.organization_id, mo.member_document_visibility,
       c.hub_access, c.organization_id, co.member_document_visibility, c.customer_id, cu.hub_access, cu.modules
FROM "session" s
LEFT JOIN "member" m ON m.id = s.member_id
LEFT JOIN "organization" mo ON mo.id = m.organization_id
LEFT JOIN "contact" c ON c.id = s.contact_id
LEFT JOIN "organization" co ON co.id = c.organization_id
LEFT JOIN "customer" cu ON cu.id = c.customer_id
WHERE s.token_hash """
_SESSIONS_IN = {
    "postgres": _SESSION_STATE + "= ANY($1::varchar[])",
    "sqlite": _SESSION_STATE + "IN (SELECT value FROM json_each(?))",
}


async def _session_rows(hashes: list[str]) -> dict[str, tuple]:  # type: ignore[type-arg]
    connection = connections.get("default")
    dialect = str(connection.capabilities.dialect)
    if dialect == "postgres":
        _, found = await connection.execute_query(_SESSIONS_IN[dialect], [hashes])
        return {row[0]: tuple(row) for row in found}
    _, found = await connection.execute_query(_SESSIONS_IN["sqlite"], [json.dumps(hashes)])
    rows = {}
    for row in found:
        values = list(row)
        # SQLite hands back text for the timestamp and the JSON list (PostgreSQL: a datetime; the list as text).
        expires = datetime.fromisoformat(values[1]) if isinstance(values[1], str) else values[1]
        values[1] = expires if expires.tzinfo is not None else expires.replace(tzinfo=UTC)
        rows[values[0]] = tuple(values)
    return rows


# A subscriber's token is hashed once, not at every event (SHA-256 x 500 subscribers x 10 events/s showed up).
_hash_of = functools.lru_cache(maxsize=65536)(token_hash)


async def recheck_actors(actors: Sequence[Actor]) -> list[Actor | None]:
    """`refresh_actors` for the subscribers of one event, cheaply: one query of plain values for every session
    caller, and the full reload (model instances) only for callers whose row changed.

    A caller whose session is gone or expired, or who was deactivated or cut off, gets None (the feed ends), as
    before. A caller whose row still says exactly what `policy.visibility_key` and the sign-in rules read (the same
    person, role, organization setting, customer, modules and access) keeps its actor: every rule would answer the
    same for the reloaded one. Reloading 500 sessions with their member and organization rows for every event was
    a third of a server's time in the fan-out benchmark (issue 8)."""
    hashes = {a.session_token: _hash_of(a.session_token) for a in actors if a.session_token is not None}
    now = datetime.now(UTC)
    rows = await _session_rows(list(dict.fromkeys(hashes.values()))) if hashes else {}
    fresh: list[Actor | None] = [None] * len(actors)
    reload: list[int] = []
    for i, actor in enumerate(actors):
        if actor.session_token is None:
            reload.append(i)  # API keys and bare callers: the full refresh, as before
            continue
        row = rows.get(hashes[actor.session_token])
        if row is None or row[1] <= now:
            continue  # signed out or expired: the feed ends
        state = _state_of(row)
        if state is None:
            continue  # deactivated, or hub access off: the feed ends
        if state == _state_of_actor(actor):
            fresh[i] = actor
        else:
            reload.append(i)  # the role, a setting, a module changed: build the caller again from its rows
    if reload:
        for i, reloaded in zip(reload, await refresh_actors([actors[i] for i in reload]), strict=True):
            fresh[i] = reloaded
    return fresh


def _state_of(row: tuple) -> tuple | None:  # type: ignore[type-arg]
    """None when the session's caller may no longer act; else what the rules read from that caller."""
    (_, _, member_id, contact_id, active, role, member_org, member_visibility,
     contact_access, contact_org, contact_visibility, customer_id, customer_access, modules) = row
    if member_id is not None:
        return ("member", member_id, _plain(role), member_org, _plain(member_visibility)) if active else None
    if contact_id is not None and contact_access and customer_access:
        if isinstance(modules, str):
            modules = json.loads(modules)
        return ("contact", contact_id, contact_org, _plain(contact_visibility), customer_id, _plains(modules))
    return None


def _state_of_actor(actor: Actor) -> tuple | None:  # type: ignore[type-arg]
    organization = actor.organization
    if organization is None:
        return None
    if actor.member is not None:
        m = actor.member
        return ("member", m.id, _plain(m.role), organization.id, _plain(organization.member_document_visibility))
    if actor.contact is not None:
        c = actor.contact
        return ("contact", c.id, organization.id, _plain(organization.member_document_visibility), c.customer_id,
                _plains(c.customer.modules))
    return None


def _plain(value: Any) -> Any:
    """An enum member and its stored value compare equal here (values queries and models may differ)."""
    return getattr(value, "value", value)


def _plains(values: Iterable[Any] | None) -> tuple[Any, ...]:
    return tuple(_plain(v) for v in values or ())
