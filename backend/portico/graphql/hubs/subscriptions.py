"""The live activity feed: every event the subscriber could query, as it is committed, and a resync message when
some may have been missed."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import strawberry

from portico import policy
from portico.activity.services import activity_channel
from portico.actors import refresh_actor
from portico.graphql import scopes
from portico.graphql.context import Info
from portico.graphql.hubs.types import ActivityEventType
from portico.graphql.loaders import Loaders
from portico.graphql.relay import decode_id
from portico.realtime import SubscriberTooSlow, is_resync


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
        customer = decode_id(customer_id, "Customer", "customerId") if customer_id else None
        hub = decode_id(hub_id, "Hub", "hubId") if hub_id else None
        quote = decode_id(quote_id, "Quote", "quoteId") if quote_id else None
        broker = info.context.services.broker
        checks = info.context.services.feed_checks
        fell_behind = False
        while True:
            try:
                async with broker.subscribe(activity_channel(actor.organization_id)) as messages:
                    if fell_behind:
                        yield RESYNC  # subscribed again: a refetch now misses nothing
                    async for message in messages:
                        if is_resync(message):
                            # Pub/sub is at-most-once: what was published during a broker outage is gone.
                            if await refresh_actor(actor) is None:
                                return
                            yield RESYNC
                            continue
                        if customer is not None and message.get("customer_id") != customer:
                            continue
                        if hub is not None and message.get("hub_id") != hub:
                            continue
                        if quote is not None and message.get("quote_id") != quote:
                            continue
                        event_id = message.get("event_id")
                        if not isinstance(event_id, int):
                            continue
                        # Visibility is decided again for every event, on fresh rows (roles, shares and access
                        # change), together with every other subscriber of this process (activity.feed).
                        current, delivery = await checks.check(actor, event_id)
                        if current is None:
                            return  # deactivated, revoked or cut off: the subscription ends
                        event = delivery.visible_to(current)
                        if event is None:
                            continue
                        info.context.actor = current
                        # Subscribers who see the same rows share the loaders of this event (loaded once) and its
                        # message, so the same operation is executed once for all of them (shared_events).
                        key = policy.visibility_key(current)
                        if key not in delivery.shared:
                            delivery.shared[key] = (Loaders(current), ActivityFeedMessage(
                                resync=False, event=ActivityEventType.from_model(event), shared_results={}))
                        info.context.loaders, shared_message = delivery.shared[key]
                        yield shared_message
                return  # the broker closed (the server is stopping)
            except SubscriberTooSlow:
                fell_behind = True  # this feed's queue overflowed and was dropped: subscribe again, then resync
