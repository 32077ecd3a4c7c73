"""Hub page benchmark on PostgreSQL: SQL statements per request, and throughput against a bare asyncpg baseline.

Creates a throw-away database, migrates it, and seeds through the services an organization with a hub of 200
documents in 20 folders (two senders, ten days) plus a hub of 10 documents, with activity on both. Then:

1. counts the SQL statements of the hub page query (the session lookup included) for the 10-document and the
   200-document hub, executing the query in-process with a Context built like portico/graphql/view.py does and
   recording every statement Tortoise logs. The two counts must be equal: anything per folder or per document
   would be an N+1;
2. serves the app with `portico serve` (uvicorn, 1 worker, PORTICO_ENV=production) and measures requests/s and
   p50/p99 latency of the hub page query for the 200-document hub at 32 concurrent clients (wrk, or an httpx
   generator in another process if wrk is missing), signed in as the ADMIN;
3. the baseline, in the same run: a bare Starlette app in this file (served by uvicorn in another subprocess,
   1 worker) that issues the same statements with asyncpg directly and returns the same JSON (checked equal
   before measuring), measured the same way. The runs alternate between the two and medians are reported.

    .venv/bin/python bench/hub_page.py [--runs 3] [--seconds 15] [--connections 32] [--show-sql]
                                       [--postgres-url postgres://postgres@127.0.0.1:5432/test]

Goal: Portico at least 0.5x the baseline's requests/s, and the same statement count for 10 and 200 documents.
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
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import HOST, PORTICO, TIMEOUT, LoadResult, Server, free_port, load, median  # noqa: E402

HUB_QUERY = (
    "query HubPage($id: ID!) { hub(id: $id) { folders { name date sender { fullName } "
    "documents { id name contentType insights { views downloads uniqueViewers lastActivityAt } } } "
    "insights { views downloads uniqueViewers hubOpens } } }"
)
ADMIN_EMAIL = "ada@bench.example"
ADMIN_PASSWORD = "bench-admin-password-1"
WARMUP_SECONDS = 3.0
SINGLE_CLIENT_REQUESTS = 23


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
    rep = await Member.create(organization=org, email="rob@bench.example", first_name="Rob", last_name="Rep",
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
    big = await create_customer(as_admin, kind=CustomerKind.COMPANY, name="Fjord Logistics", hub_access=True,
                                modules=modules)
    small = await create_customer(as_admin, kind=CustomerKind.COMPANY, name="Svea Bygg", hub_access=True,
                                  modules=modules)
    await assign_account_managers(as_admin, customer_ids=[big.id, small.id], member_ids=[rep.id])

    original_today_in = hub_services.today_in
    first_day = date(2027, 3, 1)

    async def share(customer_id: int, sender: Actor, day: date, items: list[Publication]) -> None:
        hub_services.today_in = lambda organization: day  # type: ignore[assignment]
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
            hub_services.today_in = original_today_in  # type: ignore[assignment]

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


async def _count_statements(settings: Any, session_token: str, hub_ids: list[int]) -> list[tuple[list[str], dict]]:
    """For each hub: the statements of one hub page request (session lookup + query) and the query's data."""
    from portico.actors import resolve_actor
    from portico.graphql.context import Context
    from portico.graphql.loaders import Loaders
    from portico.graphql.schema import build_schema
    from portico.services import Services

    schema = build_schema(settings)
    services = Services.from_settings(settings)
    results = []
    for pk in hub_ids:
        with _recording() as statements:
            actor = await resolve_actor(session_token=session_token, authorization=None, ip=HOST, user_agent="bench")
            context = Context(request=None, response=None, actor=actor, services=services,  # type: ignore[arg-type]
                              loaders=Loaders(actor))
            result = await schema.execute(HUB_QUERY, variable_values={"id": hub_gid(pk)}, context_value=context)
        if result.errors:
            raise SystemExit(f"the hub page query failed in-process: {result.errors}")
        results.append((list(statements), result.data or {}))
    return results


# --- the baseline: the same statements with asyncpg, the same JSON, no ORM and no GraphQL -----------------------


def _b64id(kind: str, pk: int) -> str:
    return base64.b64encode(f"{kind}:{pk}".encode()).decode()


# The statements are Tortoise's (see --show-sql), written out: the same columns, `IN ($2, $3, ...)` lists included.
_FIGURE_COUNTS = (
    "SELECT {col}, kind, COUNT(id) AS n FROM activity_event WHERE organization_id = $1 AND {col} IN ({ids}) "
    "GROUP BY {col}, kind"
)
_FIGURE_SUMMARY = (
    "SELECT {col}, COUNT(DISTINCT contact_id) AS u, MAX(occurred_at) AS last FROM activity_event "
    "WHERE organization_id = $1 AND {col} IN ({ids}) GROUP BY {col}"
)


def _params(values: list[int], first: int = 2) -> str:
    return ",".join(f"${n}" for n in range(first, first + len(values)))


async def _figures(conn: asyncpg.Connection, org_id: int, column: str, ids: list[int]) -> dict[int, dict]:
    found: dict[int, dict] = {i: {"counts": {}, "u": 0, "last": None} for i in ids}
    if not ids:
        return found
    for row in await conn.fetch(_FIGURE_COUNTS.format(col=column, ids=_params(ids)), org_id, *ids):
        found[row[column]]["counts"][row["kind"]] = row["n"]
    for row in await conn.fetch(_FIGURE_SUMMARY.format(col=column, ids=_params(ids)), org_id, *ids):
        found[row[column]]["u"] = row["u"]
        found[row[column]]["last"] = row["last"]
    return found


async def _baseline_hub_page(pool: asyncpg.Pool, token: str | None, hub_id: str) -> dict | None:
    import hashlib
    from datetime import UTC, datetime

    async with pool.acquire() as conn:
        if not token:
            return None
        session = await conn.fetchrow("SELECT * FROM session WHERE token_hash = $1 LIMIT 1",
                                      hashlib.sha256(token.encode()).hexdigest())
        if session is None or session["expires_at"] <= datetime.now(UTC) or session["member_id"] is None:
            return None
        member = await conn.fetchrow("SELECT * FROM member WHERE id = $1 AND is_active LIMIT 1", session["member_id"])
        if member is None:
            return None
        org = await conn.fetchrow("SELECT * FROM organization WHERE id = $1 LIMIT 2", member["organization_id"])
        if member["role"] not in ("ADMIN", "MANAGER"):
            raise NotImplementedError("the baseline knows only the whole-organization view")
        kind, _, raw = base64.b64decode(hub_id).decode().partition(":")
        if kind != "Hub" or not raw.isdigit():
            return {"hub": None}
        hub = await conn.fetchrow(
            "SELECT * FROM hub WHERE organization_id = $1 AND id = $2 AND customer_id IN "
            "(SELECT id FROM customer WHERE organization_id = $1) LIMIT 1", org["id"], int(raw))
        if hub is None:
            return {"hub": None}
        folders = await conn.fetch(
            "SELECT * FROM folder WHERE organization_id = $1 AND hub_id IN ($2) ORDER BY date DESC, id DESC",
            org["id"], hub["id"])
        hub_figures = await _figures(conn, org["id"], "hub_id", [hub["id"]])
        sender_ids = list({f["sender_id"] for f in folders if f["sender_id"] is not None})
        senders = {m["id"]: m for m in await conn.fetch(
            f"SELECT * FROM member WHERE organization_id = $1 AND id IN ({_params(sender_ids)})",
            org["id"], *sender_ids)
        } if sender_ids else {}
        folder_ids = [f["id"] for f in folders]
        documents = await conn.fetch(
            f"SELECT * FROM document WHERE organization_id = $1 AND folder_id IN ({_params(folder_ids)}) ORDER BY id",
            org["id"], *folder_ids) if folder_ids else []
        figures = await _figures(conn, org["id"], "document_id", [d["id"] for d in documents])

    by_folder: dict[int, list] = {}
    for d in documents:
        f = figures[d["id"]]
        by_folder.setdefault(d["folder_id"], []).append({
            "id": _b64id("Document", d["id"]), "name": d["name"], "contentType": d["content_type"],
            "insights": {
                "views": f["counts"].get("DOCUMENT_VIEWED", 0), "downloads": f["counts"].get("DOCUMENT_DOWNLOADED", 0),
                "uniqueViewers": f["u"], "lastActivityAt": f["last"].isoformat() if f["last"] else None,
            },
        })
    h = hub_figures[hub["id"]]
    return {"hub": {
        "folders": [{
            "name": f["name"], "date": f["date"].isoformat() if f["date"] else None,
            "sender": ({"fullName": f"{senders[f['sender_id']]['first_name']} "
                                    f"{senders[f['sender_id']]['last_name']}".strip()}
                       if f["sender_id"] in senders else None),
            "documents": by_folder.get(f["id"], []),
        } for f in folders],
        "insights": {"views": h["counts"].get("DOCUMENT_VIEWED", 0),
                     "downloads": h["counts"].get("DOCUMENT_DOWNLOADED", 0), "uniqueViewers": h["u"],
                     "hubOpens": h["counts"].get("HUB_OPENED", 0)},
    }}


def baseline_app(dsn: str) -> Any:
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
        data = await _baseline_hub_page(state["pool"], request.cookies.get("portico_session"), body["variables"]["id"])
        if data is None:
            return JSONResponse({"data": None, "errors": [{"message": "Sign in first."}]})
        return JSONResponse({"data": data})

    async def healthz(request: Request) -> PlainTextResponse:
        return PlainTextResponse("ok")

    return Starlette(routes=[Route("/graphql", graphql, methods=["POST"]), Route("/healthz", healthz)],
                     lifespan=lifespan)


def _serve_baseline(port: int, dsn: str) -> None:
    import uvicorn

    uvicorn.run(baseline_app(dsn), host=HOST, port=port, workers=1, log_level="warning", access_log=False)


# --- the run ---------------------------------------------------------------------------------------------------


def _log_in(url: str) -> str:
    mutation = "mutation($input: LogInInput!) { logIn(input: $input) { errors { code message } } }"
    response = httpx.post(f"{url}/graphql", headers={"Origin": url},
                          json={"query": mutation, "variables": {"input": {"email": ADMIN_EMAIL,
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
    parser.add_argument("--serve-baseline", nargs=2, metavar=("PORT", "DSN"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_baseline:
        _serve_baseline(int(args.serve_baseline[0]), args.serve_baseline[1])
        return

    database = f"portico_bench_{secrets.token_hex(4)}"
    database_url = _dsn(args.postgres_url, database).replace("postgresql://", "postgres://", 1)
    asyncio.run(_create_database(args.postgres_url, database))
    servers: list[Server] = []
    with tempfile.TemporaryDirectory(prefix="portico-bench-") as tmp:
        try:
            _run(args, database_url, tmp, servers)
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

    async def prepare() -> tuple[Seeded, list[tuple[list[str], dict]]]:
        await migrate(settings)
        await init_db(settings)
        try:
            seeded = await _seed(settings)
            from portico.accounts.models import Member
            from portico.accounts.sessions import start_session

            member = await Member.get(email=ADMIN_EMAIL)
            token = await start_session(member_id=member.id)
            counted = await _count_statements(settings, token, [seeded.small_hub, seeded.big_hub])
        finally:
            await close_db()
        return seeded, counted

    seeded, counted = asyncio.run(prepare())
    print(f"load average before the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"database {database_url.rsplit('/', 1)[-1]}: {seeded.big_documents} documents in {seeded.big_folders} "
          f"folders and a hub of {seeded.small_documents}, {seeded.events} activity events "
          f"(seeded in {time.monotonic() - started:.0f} s)\n")
    (small_sql, _), (big_sql, big_data) = counted
    print(f"SQL statements per hub page request (session lookup included): "
          f"{seeded.small_documents} documents: {len(small_sql)}, {seeded.big_documents} documents: {len(big_sql)}"
          + ("" if len(small_sql) == len(big_sql) else "   <-- grows with the hub: an N+1"))
    if args.show_sql:
        for n, sql in enumerate(big_sql, 1):
            print(f"  {n:>2}. {sql[:400]}")
    print()

    portico = Server("portico", [PORTICO, "serve", "--host", HOST, "--port", str(port), "--workers", "1"],
                     port=port, env=env, log_dir=tmp)
    servers.append(portico)
    base_port = free_port()
    baseline = Server("baseline", [sys.executable, __file__, "--serve-baseline", str(base_port),
                                   _dsn(database_url)], port=base_port, log_dir=tmp)
    servers.append(baseline)
    portico.wait_ready()
    baseline.wait_ready()

    token = _log_in(portico.url)
    body = json.dumps({"query": HUB_QUERY, "variables": {"id": hub_gid(seeded.big_hub)}})
    targets = {}
    for server in (portico, baseline):
        headers = {"Content-Type": "application/json", "Origin": server.url, "Cookie": f"portico_session={token}"}
        response = httpx.post(f"{server.url}/graphql", content=body, headers=headers, timeout=30)
        answer = response.json()
        if response.status_code != 200 or "errors" in answer:
            raise SystemExit(f"{server.name} answered {response.status_code}: {response.text[:500]}")
        targets[server.name] = (server, headers, answer)
    if targets["portico"][2] != targets["baseline"][2]:
        raise SystemExit("the baseline's JSON differs from Portico's: fix the baseline before comparing")
    if targets["portico"][2]["data"] != big_data:
        raise SystemExit("the served answer differs from the in-process one")
    size = len(json.dumps(targets["portico"][2]))
    print(f"hub page query, {seeded.big_documents} documents, ~{size / 1024:.0f} KiB of JSON; the baseline's JSON is "
          f"identical. {args.connections} clients, {args.seconds:g} s per run (after {WARMUP_SECONDS:g} s of warm-up), "
          f"{args.runs} runs alternating\n")

    # One client, one request at a time: the cost of a request without any queueing.
    single: dict[str, float] = {}
    for name, (server, headers, _) in targets.items():
        with httpx.Client(timeout=TIMEOUT) as client:
            times = []
            for _ in range(SINGLE_CLIENT_REQUESTS):
                began = time.perf_counter()
                client.post(f"{server.url}/graphql", content=body, headers=headers).raise_for_status()
                times.append(time.perf_counter() - began)
        single[name] = median(times[3:]) * 1000
    print(f"one client, {SINGLE_CLIENT_REQUESTS - 3} requests after 3 of warm-up, median latency: Portico "
          f"{single['portico']:.1f} ms, baseline {single['baseline']:.1f} ms "
          f"({single['portico'] / single['baseline']:.1f}x)\n")

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
                raise SystemExit(f"{name}: {result.bad} failed requests in run {run + 1}\n{server.tail()}")
            results[name].append(result)
            timeouts = f", {result.timeouts} timed out (> {TIMEOUT:g} s)" if result.timeouts else ""
            print(f"  run {run + 1} {name:<9} {result.rps:>7,.1f} req/s  p50 {result.p50_ms:7.1f} ms  "
                  f"p99 {result.p99_ms:7.1f} ms  ({result.requests:,} requests{timeouts}, {result.tool})", flush=True)

    print(f"\n{'median of ' + str(args.runs) + ' runs':<40} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9}   req/s per run")
    print(_line(f"Portico (GraphQL + Tortoise), {len(big_sql)} SQL", results["portico"]))
    print(_line("baseline (Starlette + asyncpg), same SQL", results["baseline"]))
    ratio = median([r.rps for r in results["portico"]]) / median([r.rps for r in results["baseline"]])
    print(f"\nPortico / baseline: {ratio:.2f}x requests/s (goal >= 0.50x); statements {len(small_sql)} for "
          f"{seeded.small_documents} documents, {len(big_sql)} for {seeded.big_documents} (goal: equal)")


if __name__ == "__main__":
    main()
