"""The live feed's per-event check, done once for all the subscribers of a process instead of once for each.

When an event is published, every subscriber of the organization in this process wakes up at the same moment and
must know two things on fresh rows: may this caller still act (signed out, deactivated, revoked, cut off?), and may
they see this event. Asked one subscriber at a time that was a caller lookup and a visibility query each, per event:
thousands of queries for one event at 1,000 subscribers. `FeedChecks.check` instead gathers the questions asked
about one event in the same moment and answers them together: the callers re-read in one query per kind of caller
(`refresh_actors`), the event and its audience read once, and visibility decided by `policy.event_visible_to` on
that one load. Nothing is cached between events, so a revocation stops delivery at the next event.
"""

from __future__ import annotations

import asyncio
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from portico import policy
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
            fresh = await refresh_actors([actor for actor, _ in batch])
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
