"""A size limit on request bodies that are read whole (GraphQL): 413 before the body fills the server's memory.

Strawberry reads a POST body completely before parsing it, so without a limit one anonymous 300 MB request costs
300 MB and more of memory (seen: 890 MB RSS). The limit is checked twice: a declared Content-Length over it is
refused before a byte is read, and the bytes are counted as they arrive (chunked bodies declare no length), so at
most one chunk over the limit is ever held. Uploads (`POST /uploads`) stream to storage and have their own limit.

A client that goes away while sending its body (a browser cancelling a query as the user types) is logged at INFO:
Starlette's ClientDisconnect otherwise reaches the server as an "Exception in ASGI application" with a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, MutableMapping
from typing import Any

from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)


class _BodyTooLarge(Exception):
    """Raised from `receive` to stop the app reading; never a ValueError, which the app might catch."""


def too_large_response(max_bytes: int) -> JSONResponse:
    message = f"The request body is larger than {max_bytes} bytes (GRAPHQL_MAX_BODY_BYTES)."
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": "REQUEST_TOO_LARGE"}}]},
        status_code=413,
        headers={"Connection": "close"},
    )


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int, paths: Collection[str]) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.paths = frozenset(paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await too_large_response(self.max_bytes)(scope, receive, send)
            return

        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: MutableMapping[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLarge:
            if started:  # cannot happen for an app that reads the body first; never answer twice
                raise
            await too_large_response(self.max_bytes)(scope, receive, send)
        except ClientDisconnect:
            if started:
                raise
            log.info("the client went away while sending its request", extra={"path": scope["path"]})
