"""`GET /customers/export?format=csv|xlsx&search=&kind=&hubAccess=&accountManagerId=`: the customer list as a file.

The same filters as the `customers` query, the same visibility (`policy.customers_visible_to`, through
`services.search_customers`): a MEMBER gets their own customers, an API key needs CUSTOMERS_READ (without it the
file has the header only, as the query would answer an empty list). Signed in with the session cookie or an API key.
CSV streams as it is produced; XLSX is built in openpyxl's write-only mode in a temporary file, then streamed.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from strawberry import relay
from tortoise.queryset import QuerySet

from portico import policy
from portico.actors import Actor, ActorKind, request_actor
from portico.customers.columns import HEADERS
from portico.customers.export import export_rows
from portico.customers.models import Customer, CustomerKind
from portico.customers.services import search_customers
from portico.customers.tabular import XLSX, XlsxWriter, csv_line
from portico.errors import DomainError
from portico.hubs.disposition import content_disposition

CSV = "text/csv; charset=utf-8"
_BOOLEANS = {"true": True, "false": False}


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _filters(request: Request) -> dict[str, object]:
    params = request.query_params
    kind = params.get("kind") or None
    if kind is not None and kind not in CustomerKind.__members__:
        raise DomainError("INVALID_VALUE", "kind is COMPANY or PERSON.", "kind")
    hub = params.get("hubAccess") or None
    if hub is not None and hub not in _BOOLEANS:
        raise DomainError("INVALID_VALUE", "hubAccess is true or false.", "hubAccess")
    manager = params.get("accountManagerId") or None
    manager_id = None
    if manager is not None:
        try:
            type_name, pk = relay.from_base64(manager)
            manager_id = int(pk) if type_name == "Member" and pk.isdigit() else None
        except ValueError:
            manager_id = None
        if manager_id is None:
            raise DomainError("NOT_FOUND", "Member not found.", "accountManagerId")
    return {
        "search": params.get("search"),
        "kind": CustomerKind(kind) if kind else None,
        "hub_access": _BOOLEANS[hub] if hub else None,
        "account_manager_id": manager_id,
    }


async def export(request: Request) -> Response:
    actor = await request_actor(request)
    if actor.kind is ActorKind.ANONYMOUS:
        return _error(401, "NOT_AUTHENTICATED", "Sign in first.")
    if not policy.may_export_customers(actor):
        return _error(404, "NOT_FOUND", "Not found.")
    fmt = request.query_params.get("format", "csv")
    if fmt not in ("csv", "xlsx"):
        return _error(400, "INVALID_VALUE", "format is csv or xlsx.")
    try:
        customers = search_customers(actor, **_filters(request))  # type: ignore[arg-type]
    except DomainError as error:
        problem = error.problems[0]
        return _error(400, problem.code, problem.message)
    name = f"customers-{datetime.now(UTC):%Y-%m-%d}.{fmt}"
    if fmt == "csv":
        content_type = CSV
        body = _csv(actor, customers)
    else:
        content_type = XLSX
        body = await _xlsx(actor, customers)
    headers = {
        "Content-Disposition": content_disposition(name, content_type, attachment=True),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
    }
    return StreamingResponse(body, media_type=content_type, headers=headers)


async def _csv(actor: Actor, customers: QuerySet[Customer]) -> AsyncIterator[bytes]:
    yield b"\xef\xbb\xbf" + csv_line(HEADERS)  # the BOM makes spreadsheets read UTF-8
    async for row in export_rows(actor, customers):
        yield csv_line(row)


async def _xlsx(actor: Actor, customers: QuerySet[Customer]) -> AsyncIterator[bytes]:
    """Built before the response starts (a zip's directory comes last), so a failure is still a clean error."""
    writer = XlsxWriter(HEADERS)
    async for row in export_rows(actor, customers):
        writer.append(row)
    fd, name = tempfile.mkstemp(prefix="portico-export-", suffix=".xlsx")
    os.close(fd)
    path = Path(name)
    try:
        await asyncio.to_thread(writer.save, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return _stream_then_remove(path)


async def _stream_then_remove(path: Path) -> AsyncIterator[bytes]:
    try:
        with path.open("rb") as handle:
            while chunk := await asyncio.to_thread(handle.read, 64 * 1024):
                yield chunk
    finally:
        with contextlib.suppress(OSError):
            path.unlink()


def customer_routes() -> list[Route]:
    return [Route("/customers/export", export, methods=["GET"])]
