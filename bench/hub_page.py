"""Hub page benchmark on PostgreSQL: the SPA's real staff hub page load (StaffHub, then the first folder's documents
with StaffHubFolderDocuments), as a MEMBER and as an ADMIN, against a bare Starlette + asyncpg endpoint returning the
same JSON, in the same run.

Creates a throw-away database, migrates it, and seeds through the services an organization with a hub of 200
documents in 20 folders (two senders, ten days) plus a hub of 10 documents, with activity on both. Then:

1. counts the SQL statements of a page load (each request's session lookup included) for the 10-document and the
   200-document hub, for each caller, executing the two operations in-process with a Context built like
   portico/graphql/view.py does and recording every statement Tortoise logs. The counts must be equal: anything
   per folder or per document would be an N+1;
2. serves the app with `portico serve` (uvicorn, 1 worker, PORTICO_ENV=production) and measures, for each caller,
   one client's median page-load latency and page loads/s and p50/p99 latency at 32 concurrent clients (wrk when
   installed, the page's two requests in turn, latencies per request; else an httpx generator in another process,
   each client posting the page's two requests in order, which saturates first on 2 cores and then understates
   the gap: install Debian's `wrk`). The operations are read from
   frontend/src/hubs/operations.ts (tests/spa_operations.py), never a copy; the callers are a MEMBER (account
   manager of the customer, organization setting ALL_HUB_DOCUMENTS) and the ADMIN;
3. the baseline, in the same run: a bare Starlette app in this file (served by uvicorn in another subprocess,
   1 worker; several for step 4) that answers the same operations with hand-written SQL over asyncpg (the
   MEMBER's visibility rules included) and returns the same JSON (checked equal before measuring; the page
   carries no signed links since they are minted by openDocument when a document is opened). The runs alternate
   between the two and medians are reported.
4. as deployed: the 32-client load again with both servers on `--deployed-workers` worker processes (2, a worker
   per core, as docker-compose.yml runs `portico serve`). With one process each, Portico is bound by its own
   process while the baseline fills the machine; with a worker per core both are bound by the machine (the
   servers, PostgreSQL and wrk share its cores), so this ratio also counts PostgreSQL's work per page load.

    .venv/bin/python bench/hub_page.py [--runs 3] [--seconds 15] [--connections 32] [--deployed-workers 2] [--show-sql]
                                       [--postgres-url postgres://postgres@127.0.0.1:5432/test]

Goals (issue 8): Portico at least 0.5x the baseline's page loads/s at 32 clients for both callers, one client's p50 at
most 2x the baseline's, and the same statement count for 10 and 200 documents.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import logging
import os
import secrets
import shutil
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import HOST, PORTICO, TIMEOUT, LoadResult, Server, free_port, load, median  # noqa: E402
from _plain_hub import plain_page_ms  # noqa: E402
from tests.spa_operations import spa_operation  # noqa: E402

# The SPA's own staff hub page operations, read from frontend/src/hubs/operations.ts (never a copy that drifts): a
# page load is StaffHub (folders with counts, the hub's figures) and then the documents of the first folder with
# documents (HubFolder.tsx opens it; the others load when expanded).
HUB_QUERY = spa_operation("StaffHub")
FOLDER_QUERY = spa_operation("StaffHubFolderDocuments")
PAGE = 50  # HubFolder.tsx's page size
ADMIN_EMAIL = "ada@bench.example"
# A MEMBER, account manager of both customers, in an organization that shows members every document of the hubs
# they may open (ALL_HUB_DOCUMENTS, the default): the common caller.
REP_EMAIL = "rob@bench.example"
CALLERS = {"MEMBER": REP_EMAIL, "ADMIN": ADMIN_EMAIL}
ADMIN_PASSWORD = "bench-admin-password-1"
WARMUP_SECONDS = 3.0
SINGLE_CLIENT_WARMUP = 20
SINGLE_CLIENT_PAGES = 100


# --- the database and its data ---------------------------------------------------------------------------------


def _dsn(url: str, database: str | None = None) -> str:
    base = url.replace("postgres://", "postgresql://", 1)
    return base.rsplit("/", 1)[0] + "/" + database if database else base


async def _create_database(admin_url: str, name: str) -> None:
    conn = await asyncpg.connect(_dsn(admin_url), timeout=5)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def _drop_database(admin_url: str, name: str) -> None:
    conn = await asyncpg.connect(_dsn(admin_url), timeout=5)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@dataclass
class Seeded:
    small_hub: int
    big_hub: int
    small_documents: int
    big_documents: int
    big_folders: int
    events: int


async def _seed(settings: Any) -> Seeded:
    """Everything through the services, except the library's publications (rows, no files: never downloaded)."""
    from tortoise.transactions import in_transaction

    import portico.hubs.services as hub_services
    from portico.accounts.models import Member, Organization, Role
    from portico.accounts.services import sign_up
    from portico.activity.models import ActivityKind
    from portico.activity.services import record
    from portico.actors import Actor, ActorKind
    from portico.customers.models import Contact, CustomerKind, CustomerModule
    from portico.customers.services import assign_account_managers, create_customer
    from portico.hubs.models import Document, Hub
    from portico.libraries.models import Library, Publication

    signed = await sign_up(settings, organization_name="Bench Supplies", first_name="Ada", last_name="Admin",
                           email=ADMIN_EMAIL, password=ADMIN_PASSWORD)
    admin = signed.member
    assert admin is not None
    org = await Organization.get(id=admin.organization_id)
    rep = await Member.create(organization=org, email=REP_EMAIL, first_name="Rob", last_name="Rep",
                              password_hash=admin.password_hash, role=Role.MEMBER, is_account_manager=True)
    as_admin = Actor(kind=ActorKind.MEMBER, organization=org, member=admin)
    as_rep = Actor(kind=ActorKind.MEMBER, organization=org, member=rep)

    library = await Library.create(organization=org, name="Product sheets", description="")
    publications = []
    async with in_transaction():
        for i in range(210):
            title = f"Product sheet {i:03d}"
            publications.append(await Publication.create(
                organization=org, library=library, title=title, title_key=title.lower(), tags=["sheet"],
                search_text=f"{title.lower()} #sheet", storage_key=f"org/{org.id}/publications/{uuid.uuid4()}",
                content_type="application/pdf", size_bytes=1000 + i, sha256=f"{i:064x}", created_by=admin,
            ))

    modules = [CustomerModule.DOCUMENTS]
    big = await create_customer(as_admin, kind=CustomerKind.COMPANY, name="Fjord Logistics", hub_access=False,
                                modules=modules)
    small = await create_customer(as_admin, kind=CustomerKind.COMPANY, name="Svea Bygg", hub_access=False,
                                  modules=modules)
    await assign_account_managers(as_admin, customer_ids=[big.id, small.id], member_ids=[rep.id])

    from portico.notifications import clock

    original_now = clock.now
    first_day = date(2027, 3, 1)

    async def share(customer_id: int, sender: Actor, day: date, items: list[Publication]) -> None:
        # Each share lands in the sender's folder of `day` (the organization's day, `clock.today_in`).
        clock.now = lambda: datetime(day.year, day.month, day.day, 12, tzinfo=UTC)  # type: ignore[assignment]
        try:
            await hub_services.share_documents(sender, settings, hub_services.ShareRequest(
                customer_id=customer_id, language="en", message="Here are the documents we talked about.",
                recipients=[hub_services.RecipientSpec(first_name="Mette", last_name="Larsen",
                                                       email=f"mette@{customer_id}.example"),
                            hub_services.RecipientSpec(first_name="Erik", last_name="Lund",
                                                       email=f"erik@{customer_id}.example")],
                publication_ids=[p.id for p in items], upload_ids=[],
            ))
        finally:
            clock.now = original_now  # type: ignore[assignment]

    # 20 folders of 10 documents: the admin's and the rep's folder on each of ten days.
    for i in range(20):
        sender = as_admin if i % 2 == 0 else as_rep
        await share(big.id, sender, first_day + timedelta(days=i // 2), publications[i * 10:(i + 1) * 10])
    for i in range(2):  # the small hub: 2 folders of 5 documents
        sender = as_admin if i == 0 else as_rep
        await share(small.id, sender, first_day + timedelta(days=i), publications[200 + i * 5:205 + i * 5])

    # Activity: contacts open their hub, view and download documents (through the activity service).
    events = 0
    for customer in (big, small):
        hub = await Hub.get(customer_id=customer.id)
        contacts = await Contact.filter(customer_id=customer.id).order_by("id")
        documents = await Document.filter(hub_id=hub.id).order_by("id")
        for n, contact in enumerate(contacts):
            actor = Actor(kind=ActorKind.CONTACT, organization=org, contact=contact)
            for _ in range(3):
                await record(actor, ActivityKind.HUB_OPENED, customer_id=customer.id, hub_id=hub.id)
                events += 1
            for j, document in enumerate(documents):
                if (j + n) % 3 == 0:
                    continue
                await record(actor, ActivityKind.DOCUMENT_VIEWED, customer_id=customer.id, hub_id=hub.id,
                             document=document)
                events += 1
                if j % 4 == 0:
                    await record(actor, ActivityKind.DOCUMENT_DOWNLOADED, customer_id=customer.id, hub_id=hub.id,
                                 document=document)
                    events += 1
    big_hub = await Hub.get(customer_id=big.id)
    small_hub = await Hub.get(customer_id=small.id)
    return Seeded(
        small_hub=small_hub.id, big_hub=big_hub.id,
        small_documents=await Document.filter(hub_id=small_hub.id).count(),
        big_documents=await Document.filter(hub_id=big_hub.id).count(),
        big_folders=len({d for d in await Document.filter(hub_id=big_hub.id).values_list("folder_id", flat=True)}),
        events=events,
    )


def hub_gid(pk: int) -> str:
    return base64.b64encode(f"Hub:{pk}".encode()).decode()


# --- counting statements in-process ----------------------------------------------------------------------------


class _StatementLog(logging.Handler):
    """Every statement Tortoise sends (its asyncpg client logs each one at DEBUG on `tortoise.db_client`)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        sql = record.args[0] if isinstance(record.args, tuple) and record.args else record.getMessage()
        self.statements.append(" ".join(str(sql).split()))


@contextlib.contextmanager
def _recording() -> Any:
    logger = logging.getLogger("tortoise.db_client")
    handler = _StatementLog()
    saved = (logger.level, logger.propagate)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        yield handler.statements
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def first_folder(hub_answer: dict) -> str:
    """The folder the SPA opens at page load: the first one holding documents the caller may see."""
    return next(f["id"] for f in hub_answer["hub"]["folders"] if f["documentCount"] > 0)


def in_process_pages(settings: Any) -> Any:
    """`page(session_token, hub_pk)`: one page load executed in-process (StaffHub, then the first folder's
    documents), each request with its session lookup and a Context built like portico/graphql/view.py does; for each
    request its statements and its data."""
    from portico.actors import resolve_actor
    from portico.graphql.context import Context
    from portico.graphql.loaders import Loaders
    from portico.graphql.schema import build_schema
    from portico.services import Services

    schema = build_schema(settings)
    services = Services.from_settings(settings)

    async def request(session_token: str, query: str, variables: dict) -> tuple[list[str], dict]:
        with _recording() as statements:
            actor = await resolve_actor(session_token=session_token, authorization=None, ip=HOST, user_agent="bench")
            context = Context(request=None, response=None, actor=actor, services=services,  # type: ignore[arg-type]
                              loaders=Loaders(actor))
            result = await schema.execute(query, variable_values=variables, context_value=context)
        if result.errors:
            raise SystemExit(f"the hub page failed in-process: {result.errors}")
        return list(statements), result.data or {}

    async def page(session_token: str, hub_pk: int) -> list[tuple[list[str], dict]]:
        hub = await request(session_token, HUB_QUERY, {"id": hub_gid(hub_pk)})
        folder = await request(session_token, FOLDER_QUERY, {"id": first_folder(hub[1]), "first": PAGE})
        return [hub, folder]

    return page


async def _count_statements(settings: Any, session_token: str,
                            hub_ids: list[int]) -> list[list[tuple[list[str], dict]]]:
    """For each hub, for each request of a page load (StaffHub, then the first folder's documents): its statements
    (session lookup + operation) and its data."""
    page = in_process_pages(settings)
    return [await page(session_token, pk) for pk in hub_ids]


# --- the baseline: the same JSON from asyncpg, no ORM and no GraphQL --------------------------------------------


# What a hand-written endpoint would send: the caller in one join, the MEMBER's visibility as the same rules in SQL
# (customers they manage or shared to; all documents of those hubs, or only their own shares with OWN_SHARES; the
# events of their shares and of their audience), figures grouped by the database, signed links minted as Portico does.
_CALLER = (
    "SELECT m.id, m.role, m.organization_id, o.member_document_visibility, o.timezone FROM session s "
    "JOIN member m ON m.id = s.member_id AND m.is_active JOIN organization o ON o.id = m.organization_id "
    "WHERE s.token_hash = $1 AND s.expires_at > now()"
)
_MEMBER_CUSTOMERS = (
    "(SELECT customer_id FROM customer_account_manager WHERE member_id = $3 "
    "UNION SELECT customer_id FROM share WHERE sender_id = $3 AND organization_id = $1)"
)
_MEMBER_EVENTS = " AND (sender_id = $3 OR id IN (SELECT event_id FROM activity_event_audience WHERE member_id = $3))"
_KINDS = {"HUB_OPENED": "hubOpens", "DOCUMENT_VIEWED": "views", "DOCUMENT_DOWNLOADED": "downloads",
          "DOCUMENT_PRINTED": "prints", "SHARED_WITH_COLLEAGUE": "sharedWithColleagues"}


def _b64id(kind: str, pk: int) -> str:
    return base64.b64encode(f"{kind}:{pk}".encode()).decode()


def _visible_documents(caller: Any) -> str:
    """The MEMBER's document rule in SQL ($1 organization, $3 member); nothing for ADMIN and MANAGER."""
    if caller["role"] in ("ADMIN", "MANAGER"):
        return ""
    if caller["member_document_visibility"] == "OWN_SHARES":
        return " AND share_id IN (SELECT id FROM share WHERE sender_id = $3)"
    return f" AND share_id IN (SELECT id FROM share WHERE customer_id IN {_MEMBER_CUSTOMERS})"


async def _caller(conn: asyncpg.Connection, token: str | None) -> Any:
    import hashlib

    return await conn.fetchrow(_CALLER, hashlib.sha256(token.encode()).hexdigest()) if token else None


def _gid(value: str, kind: str) -> int | None:
    try:
        name, _, raw = base64.b64decode(value).decode().partition(":")
    except ValueError:
        return None
    return int(raw) if name == kind and raw.isdigit() else None


async def _baseline_staff_hub(conn: asyncpg.Connection, caller: Any, hub_id: str) -> dict:
    """StaffHub: the hub, its customer, its figures with the 30-day chart, its folders with their counts."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    pk = _gid(hub_id, "Hub")
    if pk is None:
        return {"hub": None}
    org, me = caller["organization_id"], caller["id"]
    whole = caller["role"] in ("ADMIN", "MANAGER")
    args = (org, pk) if whole else (org, pk, me)
    hub = await conn.fetchrow(
        "SELECT h.id, h.created_at, c.id AS customer_id, c.name FROM hub h JOIN customer c "
        "ON c.id = h.customer_id WHERE h.organization_id = $1 AND h.id = $2"
        + ("" if whole else f" AND h.customer_id IN {_MEMBER_CUSTOMERS}"), *args)
    if hub is None:
        return {"hub": None}
    counts = dict(await conn.fetch(
        "SELECT folder_id, COUNT(*) FROM document WHERE organization_id = $1 AND hub_id = $2"
        + _visible_documents(caller) + " GROUP BY folder_id", *args))
    folders = await conn.fetch(
        "SELECT f.id, f.name, f.date, f.created_at, f.sender_id, m.first_name, m.last_name FROM folder f "
        "LEFT JOIN member m ON m.id = f.sender_id WHERE f.organization_id = $1 AND f.hub_id = $2 "
        "ORDER BY f.date DESC, f.id DESC", org, pk)
    events = "FROM activity_event WHERE organization_id = $1 AND hub_id = $2" + ("" if whole else _MEMBER_EVENTS)
    zone = ZoneInfo(caller["timezone"])
    first_day = datetime.now(zone).date() - timedelta(days=29)
    since = datetime.combine(first_day, datetime.min.time(), tzinfo=zone)
    # The hub's figures in one pass: counts per kind, unique viewers, last activity, and the recent views' times.
    figures = await conn.fetchrow(
        f"SELECT COUNT(*) FILTER (WHERE kind = 'HUB_OPENED') AS hub_opened, "
        f"COUNT(*) FILTER (WHERE kind = 'DOCUMENT_VIEWED') AS document_viewed, "
        f"COUNT(*) FILTER (WHERE kind = 'DOCUMENT_DOWNLOADED') AS document_downloaded, "
        f"COUNT(*) FILTER (WHERE kind = 'DOCUMENT_PRINTED') AS document_printed, "
        f"COUNT(*) FILTER (WHERE kind = 'SHARED_WITH_COLLEAGUE') AS shared_with_colleague, "
        f"COUNT(DISTINCT contact_id) AS u, MAX(occurred_at) AS last, "
        f"ARRAY_AGG(occurred_at) FILTER (WHERE kind = 'DOCUMENT_VIEWED' AND occurred_at >= ${len(args) + 1}) AS views "
        f"{events}", *args, since)
    per_day: dict[Any, int] = {}
    for when in figures["views"] or []:
        day = when.astimezone(zone).date()
        per_day[day] = per_day.get(day, 0) + 1
    insights: dict[str, Any] = {name: figures[kind.lower()] for kind, name in _KINDS.items()}
    insights.update(uniqueViewers=figures["u"], lastActivityAt=figures["last"].isoformat() if figures["last"] else None,
                    viewsPerDay=[{"date": (first_day + timedelta(days=i)).isoformat(),
                                  "count": per_day.get(first_day + timedelta(days=i), 0)} for i in range(30)])
    return {"hub": {
        "id": _b64id("Hub", hub["id"]), "createdAt": hub["created_at"].isoformat(),
        "customer": {"id": _b64id("Customer", hub["customer_id"]), "name": hub["name"]},
        "insights": insights,
        "folders": [{
            "id": _b64id("Folder", f["id"]), "name": f["name"], "date": f["date"].isoformat() if f["date"] else None,
            "createdAt": f["created_at"].isoformat(),
            "sender": ({"id": _b64id("Member", f["sender_id"]),
                        "fullName": f"{f['first_name']} {f['last_name']}".strip()} if f["sender_id"] else None),
            "documentCount": counts.get(f["id"], 0),
        } for f in folders if whole or f["id"] in counts],  # a MEMBER sees folders holding something for them
    }}


async def _baseline_folder_documents(conn: asyncpg.Connection, caller: Any, folder_id: str, first: int) -> dict:
    """StaffHubFolderDocuments: the folder's first page of visible documents (by id) with their counts."""
    pk = _gid(folder_id, "Folder")
    org, me = caller["organization_id"], caller["id"]
    whole = caller["role"] in ("ADMIN", "MANAGER")
    args = (org, pk) if whole else (org, pk, me)
    rows = await conn.fetch(
        "SELECT id, name, content_type, size_bytes, created_at FROM document WHERE organization_id = $1 "
        f"AND folder_id = $2{_visible_documents(caller)} ORDER BY id LIMIT {first + 1}", *args)
    if pk is None or not rows:
        return {"node": None}
    page = rows[:first]
    ids = [r["id"] for r in page]
    counts: dict[int, dict[str, int]] = {}
    for row in await conn.fetch(
        "SELECT document_id, kind, COUNT(*) AS n FROM activity_event WHERE organization_id = $1 "
        f"AND document_id = ANY(${2 if whole else 3}::bigint[])" + ("" if whole else _MEMBER_EVENTS.replace("$3", "$2"))
        + " GROUP BY document_id, kind", *((org, ids) if whole else (org, me, ids))):
        counts.setdefault(row["document_id"], {})[row["kind"]] = row["n"]
    return {"node": {"id": folder_id, "documents": {
        "edges": [{"node": {
            "id": _b64id("Document", d["id"]), "name": d["name"], "contentType": d["content_type"],
            "sizeBytes": float(d["size_bytes"]), "createdAt": d["created_at"].isoformat(),
            "insights": {name: counts.get(d["id"], {}).get(kind, 0) for kind, name in _KINDS.items()
                         if kind != "HUB_OPENED"},
        }} for d in page],
        "pageInfo": {"hasNextPage": len(rows) > first,
                     "endCursor": base64.urlsafe_b64encode(json.dumps([page[-1]["id"]]).encode()).decode()},
    }}}


def baseline_app(dsn: str, secret: str) -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, PlainTextResponse
    from starlette.routing import Route

    state: dict[str, asyncpg.Pool] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        # The same pool bounds as Tortoise's asyncpg client (minsize 1, maxsize 5).
        state["pool"] = await asyncpg.create_pool(dsn, min_size=1, max_size=5)
        yield
        await state["pool"].close()

    async def graphql(request: Request) -> JSONResponse:
        body = await request.json()
        variables = body["variables"]
        async with state["pool"].acquire() as conn:
            caller = await _caller(conn, request.cookies.get("portico_session"))
            if caller is None:
                return JSONResponse({"data": None, "errors": [{"message": "Sign in first."}]})
            if "StaffHubFolderDocuments" in body["query"]:
                data = await _baseline_folder_documents(conn, caller, variables["id"], variables["first"])
            else:
                data = await _baseline_staff_hub(conn, caller, variables["id"])
        return JSONResponse({"data": data})

    async def healthz(request: Request) -> PlainTextResponse:
        return PlainTextResponse("ok")

    return Starlette(routes=[Route("/graphql", graphql, methods=["POST"]), Route("/healthz", healthz)],
                     lifespan=lifespan)


def baseline_from_env() -> Any:
    """uvicorn's factory for the baseline's worker processes (several workers need the app by import string)."""
    return baseline_app(os.environ["BASELINE_DSN"], os.environ["SECRET_KEY"])


def _serve_baseline(port: int, dsn: str, workers: int) -> None:
    import uvicorn

    os.environ["BASELINE_DSN"] = dsn
    uvicorn.run("hub_page:baseline_from_env", factory=True, app_dir=str(Path(__file__).resolve().parent), host=HOST,
                port=port, workers=workers, log_level="warning", access_log=False)


# --- the run ---------------------------------------------------------------------------------------------------


def _log_in(url: str, email: str) -> str:
    mutation = "mutation($input: LogInInput!) { logIn(input: $input) { errors { code message } } }"
    response = httpx.post(f"{url}/graphql", headers={"Origin": url},
                          json={"query": mutation, "variables": {"input": {"email": email,
                                                                           "password": ADMIN_PASSWORD}}})
    response.raise_for_status()
    if response.json()["data"]["logIn"]["errors"]:
        raise SystemExit(f"logIn failed: {response.text}")
    token = response.cookies.get("portico_session")
    if not token:
        raise SystemExit("logIn set no session cookie")
    return token


def _line(name: str, results: list[LoadResult]) -> str:
    return (f"{name:<40} {median([r.rps for r in results]):>9,.1f} {median([r.p50_ms for r in results]):>9.1f} "
            f"{median([r.p99_ms for r in results]):>9.1f}   " + " ".join(f"{r.rps:,.1f}" for r in results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=15.0, help="measured seconds per run and server")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--postgres-url", help="a database to connect to for CREATE DATABASE",
                        default=os.environ.get("BENCH_POSTGRES_URL") or "postgres://postgres@127.0.0.1:5432/test")
    parser.add_argument("--show-sql", action="store_true", help="print the statements of one hub page request")
    parser.add_argument("--deployed-workers", type=int, default=2,
                        help="worker processes of each server for the 'as deployed' load (docker-compose.yml runs "
                             "`portico serve --workers 2`); 0 skips it")
    parser.add_argument("--serve-baseline", nargs=3, metavar=("PORT", "DSN", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_baseline:
        _serve_baseline(int(args.serve_baseline[0]), args.serve_baseline[1], int(args.serve_baseline[2]))
        return

    on_throwaway_database(args, _run)


def on_throwaway_database(args: argparse.Namespace, run: Any) -> None:
    """`run(args, database_url, tmp, servers)` on a new database (and a temporary directory), both gone at the end,
    and every server it started stopped."""
    database = f"portico_bench_{secrets.token_hex(4)}"
    database_url = _dsn(args.postgres_url, database).replace("postgresql://", "postgres://", 1)
    asyncio.run(_create_database(args.postgres_url, database))
    servers: list[Server] = []
    with tempfile.TemporaryDirectory(prefix="portico-bench-") as tmp:
        try:
            run(args, database_url, tmp, servers)
        finally:
            for server in servers:
                server.stop()
            asyncio.run(_drop_database(args.postgres_url, database))


def _run(args: argparse.Namespace, database_url: str, tmp: str, servers: list[Server]) -> None:
    from portico.db import close_db, init_db, migrate
    from portico.settings import load_settings

    secret = secrets.token_urlsafe(48)
    port = free_port()
    env = {"DATABASE_URL": database_url, "DATA_DIR": tmp, "PORTICO_ENV": "production", "SECRET_KEY": secret,
           "PUBLIC_URL": f"http://{HOST}:{port}", "RUN_JOBS_IN_PROCESS": "false"}
    settings = load_settings(env)
    started = time.monotonic()

    async def prepare() -> tuple[Seeded, dict[str, list[list[tuple[list[str], dict]]]]]:
        await migrate(settings)
        await init_db(settings)
        try:
            seeded = await _seed(settings)
            from portico.accounts.models import Member
            from portico.accounts.sessions import start_session

            counted = {}
            for caller, email in CALLERS.items():
                member = await Member.get(email=email)
                token = await start_session(member_id=member.id)
                counted[caller] = await _count_statements(settings, token, [seeded.small_hub, seeded.big_hub])
        finally:
            await close_db()
        return seeded, counted

    seeded, counted_by_caller = asyncio.run(prepare())
    print(f"load average before the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"database {database_url.rsplit('/', 1)[-1]}: {seeded.big_documents} documents in {seeded.big_folders} "
          f"folders and a hub of {seeded.small_documents}, {seeded.events} activity events "
          f"(seeded in {time.monotonic() - started:.0f} s)\n")
    statements = {}
    for caller, counted in counted_by_caller.items():
        small, big = ([len(sql) for sql, _ in hub] for hub in counted)
        statements[caller] = (small, big)
        print(f"SQL statements per page load as {caller} (StaffHub + first folder's documents, each with its "
              f"session lookup): {seeded.small_documents} documents: {' + '.join(map(str, small))}, "
              f"{seeded.big_documents} documents: {' + '.join(map(str, big))}"
              + ("" if small == big else "   <-- grows with the hub: an N+1"))
        if args.show_sql:
            for n, statement in enumerate([q for sql, _ in counted[1] for q in sql], 1):
                print(f"  {n:>2}. {statement[:400]}")
    print()

    def start(workers: int) -> tuple[Server, Server]:
        """Portico (`portico serve`) and the baseline (uvicorn), each with `workers` worker processes."""
        portico = Server("portico", [PORTICO, "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)],
                         port=port, env=env, log_dir=tmp)
        servers.append(portico)
        base_port = free_port()
        baseline = Server("baseline", [sys.executable, __file__, "--serve-baseline", str(base_port),
                                       _dsn(database_url), str(workers)],
                          port=base_port, env={"SECRET_KEY": secret}, log_dir=tmp)
        servers.append(baseline)
        portico.wait_ready()
        baseline.wait_ready()
        return portico, baseline

    portico, baseline = start(1)
    summary = []
    for caller, email in CALLERS.items():
        print(f"=== signed in as {caller} ({email})")
        summary.append((caller, _measure(args, portico, baseline, email, seeded, counted_by_caller[caller])))
    portico.stop()
    baseline.stop()

    # As deployed: docker-compose.yml runs `portico serve --workers 2`, a worker per core. With one process each,
    # the ratio above compares one Portico process (bound by its own CPU, with a core's share left over) against a
    # baseline that fills the machine; with a worker per core both can use the machine, which then bounds both.
    deployed: dict[str, tuple[dict[str, float], float]] = {}
    if args.deployed_workers:
        portico, baseline = start(args.deployed_workers)
        for caller, email in CALLERS.items():
            print(f"=== as deployed ({args.deployed_workers} workers each), signed in as {caller} ({email})")
            body, targets = _targets(portico, baseline, email, seeded, counted_by_caller[caller])
            deployed[caller] = _load_runs(args, targets, body)
        portico.stop()
        baseline.stop()

    clients = f"{args.connections} clients pages/s"
    print(f"\n{'summary (medians)':<14} {'statements 10/200 docs':>23} {'1 client p50 ms':>17} {clients:>18}"
          f" {'ratio':>7}" + (f"  {'as deployed: ' + str(args.deployed_workers) + ' workers each':>32}"
                              if deployed else ""))
    for caller, (single, rps, ratio) in summary:
        small, big = ("+".join(map(str, n)) for n in statements[caller])
        line = (f"{caller:<14} {f'{small} / {big}':>23} {single['portico']:>8.1f} vs {single['baseline']:<6.1f} "
                f"({single['ratio']:.2f}x) "
                f"{rps['portico']:>7.1f} vs {rps['baseline']:<7.1f} {ratio:>6.2f}x")
        if caller in deployed:
            two, two_ratio = deployed[caller]
            line += f"  {two['portico']:>10.1f} vs {two['baseline']:<7.1f} {two_ratio:>6.2f}x"
        print(line)
    print("goals: ratio >= 0.50x for both callers at 32 clients, one client p50 <= 2x the baseline, equal statements")


def _same_json(portico: Any, baseline: Any) -> bool:
    """Equal answers; signed links compare by the grant they carry (minted a second apart, their expiry differs)."""
    import re

    def masked(answer: Any) -> str:
        text = json.dumps(answer, sort_keys=True)
        return re.sub(r'"/files/[^"]+"', lambda m: json.dumps(_grant_of(m.group(0))), text)

    return masked(portico) == masked(baseline)


def _grant_of(quoted_url: str) -> dict:
    body = json.loads(quoted_url).removeprefix("/files/").partition(".")[0]
    grant = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    grant.pop("expires")
    return dict(grant)


Targets = dict[str, tuple[Server, dict[str, str], list[dict]]]


def _targets(portico: Server, baseline: Server, email: str, seeded: Seeded,
             counted: list[list[tuple[list[str], dict]]]) -> tuple[list[str], Targets]:
    """One page load's request bodies, and for each server its headers (signed in as `email`) and its answers,
    checked equal to the other server's and to the in-process ones."""
    token = _log_in(portico.url, email)
    hub_body = json.dumps({"query": HUB_QUERY, "variables": {"id": hub_gid(seeded.big_hub)}})
    folder_id = first_folder(counted[1][0][1])
    folder_body = json.dumps({"query": FOLDER_QUERY, "variables": {"id": folder_id, "first": PAGE}})
    body = [hub_body, folder_body]  # one page load
    targets = {}
    for server in (portico, baseline):
        headers = {"Content-Type": "application/json", "Origin": server.url, "Cookie": f"portico_session={token}"}
        answers = []
        for one in body:
            response = httpx.post(f"{server.url}/graphql", content=one, headers=headers, timeout=30)
            if response.status_code != 200 or "errors" in response.json():
                raise SystemExit(f"{server.name} answered {response.status_code}: {response.text[:500]}\n"
                                 f"{server.tail()}")
            answer = response.json()
            answers.append(answer)
        targets[server.name] = (server, headers, answers)
    if not _same_json(targets["portico"][2], targets["baseline"][2]):
        Path("/tmp/hub_page_portico.json").write_text(json.dumps(targets["portico"][2], indent=1, sort_keys=True))
        Path("/tmp/hub_page_baseline.json").write_text(json.dumps(targets["baseline"][2], indent=1, sort_keys=True))
        raise SystemExit("the baseline's JSON differs from Portico's (see /tmp/hub_page_*.json): fix the baseline")
    if not _same_json([a["data"] for a in targets["portico"][2]], [data for _, data in counted[1]]):
        raise SystemExit("the served answer differs from the in-process one")
    return body, targets


def _measure(args: argparse.Namespace, portico: Server, baseline: Server, email: str, seeded: Seeded,
             counted: list[list[tuple[list[str], dict]]]) -> tuple[dict[str, float], dict[str, float], float]:
    body, targets = _targets(portico, baseline, email, seeded, counted)
    sizes = [len(json.dumps(a)) / 1024 for a in targets["portico"][2]]
    print(f"page load = StaffHub ({sizes[0]:.1f} KiB, {seeded.big_folders} folders of {seeded.big_documents} "
          f"documents) + StaffHubFolderDocuments of the first folder ({sizes[1]:.1f} KiB), from "
          f"frontend/src/hubs/operations.ts; the baseline's JSON is the same. {args.connections} clients, "
          f"{args.seconds:g} s per run (after {WARMUP_SECONDS:g} s of warm-up), {args.runs} runs alternating")

    # One client, one page load at a time: the cost of a page without any queueing. Page loads alternate between
    # the two servers, so a slower moment of this shared machine falls on both alike; the first ones warm up each
    # server (PostgreSQL plans a prepared statement afresh for its first five runs on a connection).
    rounds: list[dict[str, float]] = []
    with httpx.Client(timeout=TIMEOUT) as client:
        for _ in range(args.runs):
            times: dict[str, list[float]] = {name: [] for name in targets}
            for _ in range(SINGLE_CLIENT_WARMUP + SINGLE_CLIENT_PAGES):
                for name, (server, headers, _) in targets.items():
                    began = time.perf_counter()
                    for one in body:
                        client.post(f"{server.url}/graphql", content=one, headers=headers).raise_for_status()
                    times[name].append(time.perf_counter() - began)
            rounds.append({name: median(measured[SINGLE_CLIENT_WARMUP:]) * 1000 for name, measured in times.items()})
    ratios = [r["portico"] / r["baseline"] for r in rounds]
    single = {name: median([r[name] for r in rounds]) for name in targets}
    per_round = {name: " ".join(f"{r[name]:.1f}" for r in rounds) for name in targets}
    print(f"one client, {args.runs} rounds of {SINGLE_CLIENT_PAGES} page loads after {SINGLE_CLIENT_WARMUP} of "
          f"warm-up, alternating between the servers; median latency per round: Portico {per_round['portico']} ms, "
          f"baseline {per_round['baseline']} ms; ratio per round "
          f"{' '.join(f'{x:.2f}' for x in ratios)}: median {median(ratios):.2f}x (goal <= 2x)")
    single["ratio"] = median(ratios)
    # What graphql-core and Strawberry alone cost for this response: a floor under any GraphQL server's page load.
    plain = plain_page_ms([(HUB_QUERY, json.loads(body[0])["variables"]),
                           (FOLDER_QUERY, json.loads(body[1])["variables"])],
                          [a["data"] for a in targets["portico"][2]])
    print(f"the same answers executed by Strawberry from plain values (no database, policy, session or HTTP; "
          f"bench/_plain_hub.py): {plain:.1f} ms per page load, {plain / single['baseline']:.2f}x the baseline's "
          f"whole page load")

    rps, ratio = _load_runs(args, targets, body)
    return single, rps, ratio


def _load_runs(args: argparse.Namespace, targets: Targets, body: list[str]) -> tuple[dict[str, float], float]:
    """`args.runs` runs of `args.connections` clients on each server, alternating; the medians' pages/s and ratio."""
    if not shutil.which("wrk"):
        print("wrk is not installed: the httpx generator loads the servers, and on 2 cores it saturates near the "
              "baseline's rate, so the 32-client ratio below is too kind to Portico (apt-get install wrk)")
    results: dict[str, list[LoadResult]] = {"portico": [], "baseline": []}
    for run in range(args.runs):
        order = ["portico", "baseline"] if run % 2 == 0 else ["baseline", "portico"]
        for name in order:
            server, headers, _ = targets[name]
            url = f"{server.url}/graphql"
            warm = load(url, body, headers, connections=args.connections, seconds=WARMUP_SECONDS)
            # wrk hangs up on requests still in flight; let the server finish them before measuring.
            time.sleep(min(TIMEOUT, 0.5 + warm.p99_ms / 1000))
            result = load(url, body, headers, connections=args.connections, seconds=args.seconds)
            if result.bad:
                raise SystemExit(f"{name}: {result.bad} failed requests in run {run + 1}: "
                                 f"{' | '.join(result.failures)}\n{server.tail()}")
            results[name].append(result)
            timeouts = f", {result.timeouts} timed out (> {TIMEOUT:g} s)" if result.timeouts else ""
            print(f"  run {run + 1} {name:<9} {result.rps:>7,.1f} pages/s  p50 {result.p50_ms:7.1f} ms  "
                  f"p99 {result.p99_ms:7.1f} ms  ({result.requests:,} page loads{timeouts}, {result.tool})", flush=True)

    print(f"{'median of ' + str(args.runs) + ' runs':<40} {'pages/s':>9} {'p50 ms':>9} {'p99 ms':>9}   pages/s per run")
    print(_line("Portico (GraphQL + Tortoise)", results["portico"]))
    print(_line("baseline (Starlette + asyncpg)", results["baseline"]))
    rps = {name: median([r.rps for r in runs]) for name, runs in results.items()}
    ratio = rps["portico"] / rps["baseline"]
    print(f"Portico / baseline: {ratio:.2f}x page loads/s (goal >= 0.50x)\n")
    return rps, ratio


if __name__ == "__main__":
    main()
