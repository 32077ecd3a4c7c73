"""The live activity feed: every event the subscriber could query, as it is committed."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from portico import policy
from portico.activity.services import activity_channel
from portico.actors import refresh_actor
from portico.graphql.context import Info
from portico.graphql.hubs.types import ActivityEventType
from portico.graphql.loaders import Loaders
from portico.graphql.relay import decode_id
from portico.realtime import is_resync


@strawberry.type
class HubSubscriptions:
    @strawberry.subscription(description="Live activity the caller may see; optionally one customer or hub.")
    async def activity(
        self, info: Info, customer_id: strawberry.ID | None = None, hub_id: strawberry.ID | None = None
    ) -> AsyncGenerator[ActivityEventType, None]:
        actor = info.context.actor.require_signed_in()
        customer = decode_id(customer_id, "Customer", "customerId") if customer_id else None
        hub = decode_id(hub_id, "Hub", "hubId") if hub_id else None
        broker = info.context.services.broker
        async with broker.subscribe(activity_channel(actor.organization_id)) as messages:
            async for message in messages:
                if is_resync(message):
                    continue  # at-most-once delivery: clients refetch the list after a reconnect
                if customer is not None and message.get("customer_id") != customer:
                    continue
                if hub is not None and message.get("hub_id") != hub:
                    continue
                # Visibility is decided again for every event, on fresh data (roles, shares and access change).
                current = await refresh_actor(actor)
                if current is None:
                    return  # deactivated, revoked or cut off: the subscription ends
                event = await policy.events_visible_to(current).filter(id=message.get("event_id")).first()
                if event is None:
                    continue
                info.context.actor = current
                info.context.loaders = Loaders(current)
                yield ActivityEventType.from_model(event)
