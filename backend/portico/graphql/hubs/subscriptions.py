"""The live activity feed: every event the subscriber could query, as it is committed, and a resync message when
some may have been missed."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator
from typing import Any

import strawberry

from portico import policy
from portico.activity.feed import FeedSubscriber, Resync
from portico.activity.models import ActivityEvent
from portico.activity.related import related
from portico.activity.services import activity_channel
from portico.graphql import scopes
from portico.graphql.context import Info
from portico.graphql.hubs.loaders import prime_event
from portico.graphql.hubs.types import ActivityEventType
from portico.graphql.loaders import Loaders
from portico.graphql.relay import decode_id

logger = logging.getLogger(__name__)


@strawberry.type(description="One message of the live activity feed: an event, or a request to refetch.")
class ActivityFeedMessage:
    resync: bool = strawberry.field(
        description=(
            "True when events may have been missed (the live connection between servers was interrupted, or this "
            "feed fell behind): refetch the `activity` list. `event` is null then."
        )
    )
    event: ActivityEventType | None = strawberry.field(description="The event, when `resync` is false.")
    # One message per event and visibility class, handed to each of its subscribers: their executions of the same
    # operation are shared through this (graphql/shared_events.py).
    shared_results: strawberry.Private[dict[Any, Any] | None] = None


RESYNC = ActivityFeedMessage(resync=True, event=None)


@strawberry.type
class HubSubscriptions:
    @strawberry.subscription(
        description=f"Live activity the caller may see; optionally one customer, hub or quote. {scopes.ACTIVITY}"
    )
    async def activity(
        self, info: Info, customer_id: strawberry.ID | None = None, hub_id: strawberry.ID | None = None,
        quote_id: strawberry.ID | None = None,
    ) -> AsyncGenerator[ActivityFeedMessage, None]:
        actor = info.context.actor.require_signed_in()
        feed = FeedSubscriber(
            actor,
            customer_id=decode_id(customer_id, "Customer", "customerId") if customer_id else None,
            hub_id=decode_id(hub_id, "Hub", "hubId") if hub_id else None,
            quote_id=decode_id(quote_id, "Quote", "quoteId") if quote_id else None,
        )
        services = info.context.services
        # This process's reader of the organization's channel decides, for every event and on fresh rows (roles,
        # shares and access change), whether this caller may still act and sees it, together with every other
        # subscriber here (activity.feed); this feed wakes only for what concerns it.
        async with services.live_feed.subscribe(services.broker, activity_channel(actor.organization_id), feed):
            async for item in feed:
                if isinstance(item, Resync):
                    yield RESYNC
                    continue
                current, delivery = item
                info.context.actor = current
                # Subscribers who see the same rows share the loaders of this event (loaded once) and its message,
                # so the same operation is executed once for all of them (shared_events).
                key = policy.visibility_key(current)
                shared = delivery.shared.get(key)
                if shared is None:
                    event = delivery.visible_to(current)
                    assert event is not None  # the reader only hands over what the caller sees
                    loaders = Loaders(current)
                    # What the event points at, read for this class in one statement before anyone executes it.
                    shared = delivery.shared[key] = (loaders, ActivityFeedMessage(
                        resync=False, event=ActivityEventType.from_model(event), shared_results={}),
                        asyncio.ensure_future(_primed(loaders, event)))
                info.context.loaders, message, primed = shared
                await asyncio.shield(primed)  # shielded: one subscriber leaving does not cancel it for the others
                yield message


async def _primed(loaders: Loaders, event: ActivityEvent) -> None:
    try:
        prime_event(loaders, event, await related(loaders.actor, event))
    except Exception:  # noqa: BLE001 - the loaders then load one by one, as before
        logger.exception("live feed: could not read what event %s points at", event.id)
