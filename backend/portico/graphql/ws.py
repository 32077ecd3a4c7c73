"""Live subscriptions over WebSocket (graphql-transport-ws), held to the same limits as partners' HTTP requests.

- Every connection: at most MAX_SUBSCRIPTIONS_PER_CONNECTION operations at once (strawberry's own cap).
- An API key: each connection and each subscription counts against API_KEY_REQUESTS_PER_MINUTE, like a request;
  and at most MAX_SUBSCRIPTIONS_PER_API_KEY of its subscriptions live at once over all its connections and every
  server process (`portico.accounts.slots`, in Redis when configured).

An event shared by several subscribers (graphql/shared_events.py) is serialized once: each of them gets the same JSON
inside its own `next` message.

A refused subscription gets an `error` message with a code (RATE_LIMITED, TOO_MANY_SUBSCRIPTIONS) and the connection
stays open: the partner's other subscriptions are not disturbed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from starlette.websockets import WebSocketDisconnect
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler, Operation
from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage

from graphql import GraphQLError
from portico.accounts.slots import LEASE_SECONDS
from portico.graphql.context import Context
from portico.graphql.shared_events import SharedData

RATE_LIMITED = "API key rate limit exceeded; retry in a minute."
logger = logging.getLogger("portico.graphql.ws")


def slot_key(api_key_id: int) -> str:
    return f"api_key:{api_key_id}"


class SubscriptionLimits(BaseGraphQLTransportWSHandler[Context, None]):
    """strawberry's graphql-transport-ws handler, with API keys' rate limit and subscription cap."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._slots: dict[Operation[Context, None], str] = {}
        self._renewer: asyncio.Task[None] | None = None

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        key = self.context.actor.api_key
        operation_id = message["id"]
        if key is None or not self.connection_acknowledged or operation_id in self.operations:
            await super().handle_subscribe(message)  # strawberry refuses the protocol errors its own way
            return
        services = self.context.services
        if not await services.api_rate_limiter.allow(slot_key(key.id)):
            await self._refuse(operation_id, RATE_LIMITED, "RATE_LIMITED")
            return
        limit = services.settings.max_subscriptions_per_api_key
        slot = await services.subscription_slots.acquire(slot_key(key.id), limit)
        if slot is None:
            await self._refuse(
                operation_id, f"This API key already has {limit} live subscriptions, the most allowed.",
                "TOO_MANY_SUBSCRIPTIONS",
            )
            return
        await super().handle_subscribe(message)
        operation = self.operations.get(operation_id)
        if operation is None:  # refused by strawberry (this connection's own cap): give the slot back
            await services.subscription_slots.release(slot_key(key.id), slot)
            return
        self._slots[operation] = slot  # before the operation's task first runs: it starts at our next await
        if self._renewer is None:
            self._renewer = asyncio.create_task(self._renew_slots(key.id))

    async def run_operation(self, operation: Operation[Context, None]) -> None:
        try:
            await super().run_operation(operation)
        finally:
            # Completed, cancelled by the client or the server, or failed: the key's slot is free again.
            slot = self._slots.pop(operation, None)
            key = self.context.actor.api_key
            if slot is not None and key is not None:
                await self.context.services.subscription_slots.release(slot_key(key.id), slot)

    async def shutdown(self) -> None:
        if self._renewer is not None:
            self._renewer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._renewer
        await super().shutdown()

    async def _renew_slots(self, api_key_id: int) -> None:
        """Slots expire unless renewed, so those of a process that died are not held for ever."""
        while True:
            await asyncio.sleep(LEASE_SECONDS / 3)
            if not self._slots:
                continue
            try:
                await self.context.services.subscription_slots.renew(slot_key(api_key_id), list(self._slots.values()))
            except Exception as exc:  # noqa: BLE001 - Redis away for a moment: the next round tries again
                logger.warning("could not renew subscription slots of API key %s: %s", api_key_id, exc)

    async def send_message(self, message: Any) -> None:
        payload = message.get("payload") if message.get("type") == "next" else None
        data = payload.get("data") if isinstance(payload, dict) and payload.keys() == {"data"} else None
        if not isinstance(data, SharedData):
            await super().send_message(message)
            return
        encoded = data.encoded(self.view.encode_json)
        shared = encoded.decode() if isinstance(encoded, bytes) else encoded
        # The message strawberry would send, with the event's JSON encoded once for all its subscribers.
        text = f'{{"id":{json.dumps(message["id"])},"type":"next","payload":{{"data":{shared}}}}}'
        try:
            await self.websocket.ws.send_text(text)  # type: ignore[attr-defined]
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc

    async def _refuse(self, operation_id: str, message: str, code: str) -> None:
        error = GraphQLError(message, extensions={"code": code})
        await self.send_message({"id": operation_id, "type": "error", "payload": [error.formatted]})
