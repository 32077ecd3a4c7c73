"""CSRF defence and request ids, as pure ASGI middleware (no buffering of bodies: uploads stream through).

State-changing HTTP requests that carry the session cookie must come from our own origin (Origin header, or
Referer when a browser omits Origin) and, for /graphql, be JSON: a cross-site form post can be neither.
Requests authenticated by an API key (Authorization header) carry no ambient credential and are not checked.
"""

from __future__ import annotations

import contextvars
import logging
import secrets
import time
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import urlparse

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from portico.accounts.sessions import SESSION_COOKIE

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
log = logging.getLogger("portico.http")

_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def _origin_of(headers: Headers) -> str | None:
    origin = headers.get("origin")
    if origin and origin != "null":
        return origin
    referer = headers.get("referer")
    if referer:
        parsed = urlparse(referer)
        return f"{parsed.scheme}://{parsed.netloc}"
    return None


def same_origin(headers: Headers, scheme: str, allowed: set[str]) -> bool:
    origin = _origin_of(headers)
    if origin is None:
        return False
    host = headers.get("host", "")
    return origin in allowed or origin == f"{scheme}://{host}"


class CSRFMiddleware:
    def __init__(self, app: ASGIApp, public_origin: str) -> None:
        self.app = app
        self.allowed = {public_origin}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        problem = None
        if scope["path"] == "/graphql":
            content_type = headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type != "application/json":
                problem = "GraphQL requests must be POSTed as application/json."
        if problem is None and not headers.get("authorization") and SESSION_COOKIE in headers.get("cookie", ""):
            scheme = "https" if scope.get("scheme") == "https" else "http"
            if not same_origin(headers, scheme, self.allowed):
                problem = "Cross-site request refused: the Origin header does not match this site."
        if problem is not None:
            response = JSONResponse({"errors": [{"message": problem}]}, status_code=403)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class RequestIdMiddleware:
    """Gives every request an id (or keeps a sane X-Request-Id), logs one line per request with it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get("x-request-id", "")
        rid = incoming if incoming.isalnum() and len(incoming) <= 64 else secrets.token_hex(8)
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 0

        async def send_with_id(message: MutableMapping[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", rid.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if scope["type"] == "http" and scope["path"] not in ("/healthz", "/readyz"):
                log.info(
                    "request",
                    extra={
                        "method": scope.get("method"),
                        "path": scope["path"],
                        "status": status,
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )
            request_id.reset(token)


class SecurityHeadersMiddleware:
    """Headers every response gets: no MIME sniffing, no referrer outside the site (hub links carry tokens), no
    framing by other sites, and HSTS when served over https. Responses that set their own keep them."""

    def __init__(self, app: ASGIApp, https: bool) -> None:
        self.app = app
        self.headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
            (b"x-frame-options", b"SAMEORIGIN"),
        ]
        if https:
            self.headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                present = {name.lower() for name, _ in headers}
                headers.extend((n, v) for n, v in self.headers if n not in present)
            await send(message)

        await self.app(scope, receive, send_with_headers)
