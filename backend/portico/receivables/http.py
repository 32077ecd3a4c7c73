"""CSV exports of the receivables reports (issue 11, point 5):

- `GET /receivables/aging.csv?asOf=YYYY-MM-DD&currency=EUR` – the aging report's rows;
- `GET /receivables/actions-report.csv?from=YYYY-MM-DD&to=YYYY-MM-DD` – actions to do vs done.

The same services and visibility as the GraphQL queries (`policy` through `receivables.aging` and
`receivables.action_report`): a MEMBER gets their own rows, ADMIN and MANAGER all, a key needs INVOICES_READ.
Signed in with the session cookie or an API key. Amounts are exact decimals with a dot, for spreadsheets.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from portico import policy
from portico.actors import Actor, ActorKind, request_actor
from portico.customers.tabular import csv_line
from portico.errors import DomainError
from portico.hubs.disposition import content_disposition
from portico.notifications import clock
from portico.receivables.action_report import action_report
from portico.receivables.aging import AgingBucket, aging_report

CSV = "text/csv; charset=utf-8"
AGING_HEADERS = ["Account manager", "Email", "Currency", "Not due", "1-30 days", "31-60 days", "61-90 days",
                 "Over 90 days", "Total", "Invoices"]
ACTIONS_HEADERS = ["Account manager", "Email", "To do", "Done"]


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _date(request: Request, name: str, default: date | None = None) -> date:
    raw = request.query_params.get(name)
    if not raw:
        if default is None:
            raise DomainError("REQUIRED", f"{name} is required (YYYY-MM-DD).", name)
        return default
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise DomainError("INVALID_DATE", f"{name} is a date written YYYY-MM-DD.", name) from None


async def _names(actor: Actor, member_ids: Iterable[int | None]) -> dict[int, tuple[str, str]]:
    ids = [m for m in member_ids if m is not None]
    members = await policy.members_visible_to(actor).filter(id__in=ids)
    return {m.id: (m.full_name, m.email) for m in members}


def _csv(name: str, headers: list[str], rows: list[list[str]]) -> Response:
    body = b"\xef\xbb\xbf" + csv_line(headers) + b"".join(csv_line(r) for r in rows)  # BOM: spreadsheets read UTF-8
    return Response(body, media_type=CSV, headers={
        "Content-Disposition": content_disposition(name, CSV, attachment=True),
        "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff",
    })


async def _actor(request: Request) -> Actor | None:
    actor = await request_actor(request)
    return None if actor.kind is ActorKind.ANONYMOUS or not actor.is_staff else actor


async def aging_csv(request: Request) -> Response:
    actor = await _actor(request)
    if actor is None:
        return _error(401, "NOT_AUTHENTICATED", "Sign in as staff first.")
    try:
        today = _date(request, "asOf", clock.today_for(actor))
    except DomainError as error:
        return _error(400, error.problems[0].code, error.problems[0].message)
    currency = (request.query_params.get("currency") or "").strip().upper() or None
    rows = await aging_report(actor, today=today, currency=currency)
    names = await _names(actor, (r.member_id for r in rows))
    lines = []
    for row in rows:
        who = names.get(row.member_id, ("", "")) if row.member_id is not None else ("(no account manager)", "")
        lines.append([*who, row.currency, *(str(row.amounts[b]) for b in AgingBucket), str(row.total),
                      str(row.invoices)])
    return _csv(f"aging-{today.isoformat()}.csv", AGING_HEADERS, lines)


async def actions_report_csv(request: Request) -> Response:
    actor = await _actor(request)
    if actor is None:
        return _error(401, "NOT_AUTHENTICATED", "Sign in as staff first.")
    try:
        start, end = _date(request, "from"), _date(request, "to")
        rows = await action_report(actor, start=start, end=end)
    except DomainError as error:
        return _error(400, error.problems[0].code, error.problems[0].message)
    names = await _names(actor, (r.member_id for r in rows))
    lines = [[*(names.get(r.member_id, ("", "")) if r.member_id is not None else ("(unassigned)", "")),
              str(r.todo), str(r.done)] for r in rows]
    return _csv(f"actions-{start.isoformat()}-{end.isoformat()}.csv", ACTIONS_HEADERS, lines)


def receivables_routes() -> list[Route]:
    return [
        Route("/receivables/aging.csv", aging_csv, methods=["GET"]),
        Route("/receivables/actions-report.csv", actions_report_csv, methods=["GET"]),
    ]
