"""The floor of a GraphQL request: what every request pays whatever its operation, on PostgreSQL.

A signed-in member asks the smallest query there is (`{ me { kind } }`): the middleware (request id and log line,
security headers, body limit, CSRF/origin check), the caller's lookup (session -> member -> organization, one
query), the GraphQL extensions (token, depth and alias limits, parser and validation caches, error masking), the
execution and the JSON answer. Portico is served by `portico serve` (uvicorn, 1 worker, PORTICO_ENV=production,
jobs off) on a throw-away database (created, migrated, one organization signed up, dropped at the end).

Baseline, same run: a bare Starlette app in this file (uvicorn, 1 worker) that reads the same JSON body, finds the
caller with one hand-written join over asyncpg (the same session cookie) and answers the same JSON. The script
checks both answers are equal, then measures one client's median latency (and Portico's GET /healthz: the HTTP
stack alone) and requests/s at 32 clients, runs alternating; medians. The load generator is the httpx one of
_common.py (wrk when installed sends single requests): on a busy 2-core machine it saturates near the baseline's
rate, so the one-client latencies are the figures to read there.

    .venv/bin/python bench/graphql_floor.py [--runs 3] [--seconds 10] [--connections 32]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import HOST, PORTICO, TIMEOUT, LoadResult, Server, free_port, load, median  # noqa: E402
from hub_page import ADMIN_EMAIL, ADMIN_PASSWORD, _dsn, _log_in, on_throwaway_database  # noqa: E402

QUERY = "query Floor { me { kind } }"
SINGLE_CLIENT_REQUESTS = 203  # the first 3 are warm-up
WARMUP_SECONDS = 2.0
# What a hand-written endpoint sends: the caller in one join (active member of an organization, live session).
_CALLER = (
    "SELECT m.id, m.role, m.organization_id FROM session s JOIN member m ON m.id = s.member_id AND m.is_active "
    "JOIN organization o ON o.id = m.organization_id WHERE s.token_hash = $1 AND s.expires_at > now()"
)


def baseline_app(dsn: str) -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, PlainTextResponse
    from starlette.routing import Route

    state: dict[str, asyncpg.Pool] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        state["pool"] = await asyncpg.create_pool(dsn, min_size=1, max_size=5)  # Tortoise's bounds
        yield
        await state["pool"].close()

    async def graphql(request: Request) -> JSONResponse:
        body = await request.json()
        if body.get("query") != QUERY:
            return JSONResponse({"data": None, "errors": [{"message": "only the floor query"}]}, status_code=400)
        token = request.cookies.get("portico_session", "")
        async with state["pool"].acquire() as conn:
            caller = await conn.fetchrow(_CALLER, hashlib.sha256(token.encode()).hexdigest()) if token else None
        return JSONResponse({"data": {"me": {"kind": "MEMBER"} if caller is not None else None}})

    async def healthz(request: Request) -> PlainTextResponse:
        return PlainTextResponse("ok")

    return Starlette(routes=[Route("/graphql", graphql, methods=["POST"]), Route("/healthz", healthz)],
                     lifespan=lifespan)


def _serve_baseline(port: int, dsn: str) -> None:
    import uvicorn

    uvicorn.run(baseline_app(dsn), host=HOST, port=port, workers=1, log_level="warning", access_log=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per run and server")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--postgres-url", help="a database to connect to for CREATE DATABASE",
                        default=os.environ.get("BENCH_POSTGRES_URL") or "postgres://postgres@127.0.0.1:5432/test")
    parser.add_argument("--serve-baseline", nargs=2, metavar=("PORT", "DSN"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_baseline:
        _serve_baseline(int(args.serve_baseline[0]), args.serve_baseline[1])
        return
    on_throwaway_database(args, _run)


def _run(args: argparse.Namespace, database_url: str, tmp: str, servers: list[Server]) -> None:
    from portico.accounts.services import sign_up
    from portico.db import close_db, init_db, migrate
    from portico.settings import load_settings

    port = free_port()
    env = {"DATABASE_URL": database_url, "DATA_DIR": tmp, "PORTICO_ENV": "production",
           "SECRET_KEY": os.urandom(32).hex(), "PUBLIC_URL": f"http://{HOST}:{port}", "RUN_JOBS_IN_PROCESS": "false"}
    settings = load_settings(env)

    async def prepare() -> None:
        await migrate(settings)
        await init_db(settings)
        try:
            await sign_up(settings, organization_name="Floor Ltd", first_name="Ada", last_name="Admin",
                          email=ADMIN_EMAIL, password=ADMIN_PASSWORD)
        finally:
            await close_db()

    asyncio.run(prepare())
    print(f"load average before the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    portico = Server("portico", [PORTICO, "serve", "--host", HOST, "--port", str(port), "--workers", "1"],
                     port=port, env=env, log_dir=tmp)
    servers.append(portico)
    base_port = free_port()
    baseline = Server("baseline", [sys.executable, __file__, "--serve-baseline", str(base_port),
                                   _dsn(database_url)], port=base_port, log_dir=tmp)
    servers.append(baseline)
    portico.wait_ready()
    baseline.wait_ready()

    token = _log_in(portico.url, ADMIN_EMAIL)
    body = json.dumps({"query": QUERY})
    targets = {}
    for server in (portico, baseline):
        headers = {"Content-Type": "application/json", "Origin": server.url, "Cookie": f"portico_session={token}"}
        answer = httpx.post(f"{server.url}/graphql", content=body, headers=headers, timeout=30)
        if answer.status_code != 200 or answer.json() != {"data": {"me": {"kind": "MEMBER"}}}:
            raise SystemExit(f"{server.name} answered {answer.status_code}: {answer.text[:300]}\n{server.tail()}")
        targets[server.name] = (server, headers)
    print(f"request: {QUERY} as a signed-in ADMIN, the same answer from both; {args.connections} clients, "
          f"{args.seconds:g} s per run (after {WARMUP_SECONDS:g} s of warm-up), {args.runs} runs alternating")

    single: dict[str, float] = {}
    for name, (server, headers) in targets.items():
        with httpx.Client(timeout=TIMEOUT) as client:
            times = []
            for _ in range(SINGLE_CLIENT_REQUESTS):
                began = time.perf_counter()
                client.post(f"{server.url}/graphql", content=body, headers=headers).raise_for_status()
                times.append(time.perf_counter() - began)
        single[name] = median(times[3:]) * 1000
    with httpx.Client(timeout=TIMEOUT) as client:  # the HTTP stack alone: uvicorn, the middleware, no GraphQL or SQL
        times = []
        for _ in range(SINGLE_CLIENT_REQUESTS):
            began = time.perf_counter()
            client.get(f"{portico.url}/healthz").raise_for_status()
            times.append(time.perf_counter() - began)
    healthz = median(times[3:]) * 1000
    print(f"one client, {SINGLE_CLIENT_REQUESTS - 3} requests, median latency: Portico {single['portico']:.2f} ms, "
          f"baseline {single['baseline']:.2f} ms ({single['portico'] / single['baseline']:.1f}x); Portico's GET "
          f"/healthz {healthz:.2f} ms")

    results: dict[str, list[LoadResult]] = {"portico": [], "baseline": []}
    for run in range(args.runs):
        for name in (["portico", "baseline"] if run % 2 == 0 else ["baseline", "portico"]):
            server, headers = targets[name]
            url = f"{server.url}/graphql"
            load(url, body, headers, connections=args.connections, seconds=WARMUP_SECONDS)
            result = load(url, body, headers, connections=args.connections, seconds=args.seconds)
            if result.bad:
                raise SystemExit(f"{name}: {result.bad} failed requests in run {run + 1}: "
                                 f"{' | '.join(result.failures)}\n{server.tail()}")
            results[name].append(result)
            print(f"  run {run + 1} {name:<9} {result.rps:>8,.1f} req/s  p50 {result.p50_ms:7.1f} ms  "
                  f"p99 {result.p99_ms:7.1f} ms  ({result.requests:,} requests, {result.tool})", flush=True)
    rps = {name: median([r.rps for r in runs]) for name, runs in results.items()}
    print(f"median of {args.runs} runs: Portico {rps['portico']:,.1f} req/s, baseline {rps['baseline']:,.1f} req/s: "
          f"{rps['portico'] / rps['baseline']:.2f}x")
    print(f"load average after the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
