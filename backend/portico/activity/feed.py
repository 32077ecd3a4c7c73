"""The live feed's per-event check, done once for all the subscribers of a process instead of once for each.

When an event is published, every subscriber of the organization in this process wakes up at the same moment and
must know two things on fresh rows: may this caller still act (signed out, deactivated, revoked, cut off?), and may
they see this event. Asked one subscriber at a time that was a caller lookup and a visibility query each, per event:
thousands of queries for one event at 1,000 subscribers. `FeedChecks.check` instead gathers the questions asked
about one event in the same moment and answers them together: the callers re-read in one query of plain values
(`recheck_actors`, rebuilding only callers whose rows changed), the event and its audience read once, and
visibility decided by `policy.event_visible_to` on that one load. Nothing is cached between events, so a revocation
stops delivery at the next event.
"""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tortoise import connections

from portico import policy
from portico.accounts.sessions import token_hash
from portico.activity.models import ActivityEvent, ActivityEventAudience
from portico.actors import Actor, refresh_actors


@dataclass
class Delivery:
    """One committed event as loaded for the subscribers that asked about it together."""

    event: ActivityEvent | None  # None: gone (or never committed)
    audience: frozenset[int]
    # What subscribers with the same `policy.visibility_key` may share while this event is sent (their loaders).
    shared: dict[Hashable, Any] = field(default_factory=dict)

    def visible_to(self, actor: Actor) -> ActivityEvent | None:
        if self.event is None or not policy.event_visible_to(actor, self.event, self.audience):
            return None
        return self.event


class FeedChecks:
    """One per process (on `Services`). Questions about the same event asked in the same turn of the event loop
    are answered by one batch: every subscriber woken by a broker message asks before the batch runs."""

    def __init__(self) -> None:
        self._pending: dict[int, list[tuple[Actor, asyncio.Future[tuple[Actor | None, Delivery]]]]] = {}
        self._running: set[asyncio.Task[None]] = set()

    async def check(self, actor: Actor, event_id: int) -> tuple[Actor | None, Delivery]:
        """The caller on fresh rows (None: they may no longer act, the feed ends) and the event's delivery."""
        loop = asyncio.get_running_loop()
        batch = self._pending.get(event_id)
        if batch is None:
            batch = self._pending[event_id] = []
            # Runs after the subscribers woken with this one have asked (they are already scheduled).
            loop.call_soon(self._start, event_id)
        answer: asyncio.Future[tuple[Actor | None, Delivery]] = loop.create_future()
        batch.append((actor, answer))
        return await answer

    def _start(self, event_id: int) -> None:
        task = asyncio.ensure_future(self._answer(event_id))
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def _answer(self, event_id: int) -> None:
        batch = self._pending.pop(event_id, [])
        try:
            fresh = await recheck_actors([actor for actor, _ in batch])
            event = await ActivityEvent.filter(id=event_id).first()
            audience: frozenset[int] = frozenset()
            # Only MEMBERs who see part of the organization need the audience (hub openings: see policy).
            if event is not None and any(a is not None and _reads_audience(a) for a in fresh):
                rows = await ActivityEventAudience.filter(event_id=event_id).values_list("member_id", flat=True)
                audience = frozenset(int(m) for m in rows)  # type: ignore[call-overload]
            delivery = Delivery(event=event, audience=audience)
        except BaseException as exc:
            for _, answer in batch:
                if not answer.done():
                    answer.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
            return
        for (_, answer), actor in zip(batch, fresh, strict=True):
            if not answer.done():  # a subscriber that left meanwhile has cancelled its answer
                answer.set_result((actor, delivery))


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
