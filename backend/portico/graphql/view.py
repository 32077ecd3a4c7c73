"""The GraphQL endpoint: POST JSON and WebSocket (graphql-transport-ws) only; builds the Context per request.

A POST of a query whose text is known to be valid (prepared_queries.py) is answered here, without strawberry's view;
everything else goes through it.
"""

from __future__ import annotations

from typing import Any

import orjson
from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from portico.actors import ActorKind, request_actor, resolve_actor
from portico.graphql.context import Context
from portico.graphql.loaders import Loaders
from portico.graphql.prepared_queries import PreparedQueries
from portico.graphql.schema import PARSED_TEXTS, PorticoSchema, build_schema
from portico.graphql.ws import RATE_LIMITED, SubscriptionLimits, slot_key
from portico.request_connection import one_connection
from portico.services import Services


class PorticoGraphQL(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = SubscriptionLimits

    def __init__(self, services: Services) -> None:
        settings = services.settings
        super().__init__(
            build_schema(settings),
            graphql_ide=None if settings.is_production else "graphiql",
            allow_queries_via_get=False,
            multipart_uploads_enabled=False,  # CVE-2024-47082: CSRF through multipart
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            keep_alive=True,
            keep_alive_interval=15,
            max_subscriptions_per_connection=settings.max_subscriptions_per_connection,
        )
        self.services = services
        assert isinstance(self.schema, PorticoSchema)
        self.known_queries = PreparedQueries(self.schema, limit=PARSED_TEXTS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """strawberry's, with known queries answered first."""
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            # The body is read once: strawberry's view finds it on the request.
            response = await self._answer_known_query(request) or await self.run(request)
        except HTTPException as error:
            response = PlainTextResponse(error.reason, status_code=error.status_code)
        await response(scope, receive, send)

    async def _answer_known_query(self, request: Request) -> Response | None:
        """The answer to a POSTed query whose text is known (PreparedQueries.document); None for strawberry's view.
        What strawberry's view would refuse or treat otherwise (a batch, a body that is not a JSON object of the
        expected shape, a streaming Accept header) is left to it, so its answers stay its own."""
        if request.method != "POST" or "application/json" not in request.headers.get("content-type", ""):
            return None
        accept = request.headers.get("accept", "")
        if "multipart/" in accept or "event-stream" in accept:
            return None
        try:
            body = orjson.loads(await request.body())
        except orjson.JSONDecodeError:
            return None
        if not isinstance(body, dict):
            return None
        query, variables, name = body.get("query"), body.get("variables"), body.get("operationName")
        optional = (dict, type(None))
        if not (isinstance(query, str) and isinstance(variables, optional) and isinstance(name, (str, type(None)))
                and isinstance(body.get("extensions"), optional)):
            return None
        document = self.known_queries.document(query, name)
        if document is None:
            return None
        sub_response = await self.get_sub_response(request)
        # The caller's lookup and the query's statements share one pooled connection (request_connection.py).
        async with one_connection():
            context = await self.get_context(request, sub_response)
            result = await self.known_queries.execute(
                document, operation_name=name, variables=variables, context=context
            )
        return self.create_response(await self.process_result(request, result), sub_response)

    def encode_json(self, data: object) -> str:
        """Every answer's JSON (HTTP and WebSocket) by orjson, some twenty times faster than json.dumps (86 µs for the
        hub page's answer; issue 8). Text, not bytes: strawberry sends bytes over a WebSocket as binary frames, which
        graphql-ws clients do not read."""
        return orjson.dumps(data).decode()

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:  # type: ignore[override]
        actor = await request_actor(request)
        if actor.api_key is not None and isinstance(request, Request):
            # Partners are held to API_KEY_REQUESTS_PER_MINUTE per key, shared by every process (Redis if set).
            if not await self.services.api_rate_limiter.allow(slot_key(actor.api_key.id)):
                raise HTTPException(429, "API key rate limit exceeded; retry in a minute.")
        return Context(
            request=request, response=response, actor=actor, services=self.services, loaders=Loaders(actor)
        )

    async def on_ws_connect(self, context: Context) -> Any:  # type: ignore[override]
        """A partner may authenticate a WebSocket with {"authorization": "Bearer ..."} in connection_init."""
        params = context.connection_params or {}
        authorization = params.get("authorization") if isinstance(params, dict) else None
        if authorization:
            actor = await resolve_actor(
                session_token=None,
                authorization=str(authorization),
                ip=context.actor.ip,
                user_agent=context.actor.user_agent,
            )
            if actor.kind is ActorKind.ANONYMOUS:
                raise ConnectionRejectionError({"reason": "Invalid API key."})
            context.actor = actor
            context.loaders = Loaders(actor)
        if context.actor.kind is ActorKind.ANONYMOUS:
            raise ConnectionRejectionError({"reason": "Sign in first."})
        if context.actor.kind is ActorKind.QUOTE_VISITOR:
            # A quote link's visitor sees one quote and no live feed: nothing to subscribe to.
            raise ConnectionRejectionError({"reason": "Sign in first."})
        key = context.actor.api_key
        # A partner's connection counts like a request (each subscription on it too: graphql.ws).
        if key is not None and not await self.services.api_rate_limiter.allow(slot_key(key.id)):
            raise ConnectionRejectionError({"reason": RATE_LIMITED})
        return None
