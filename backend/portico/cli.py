"""The `portico` command: serve | worker | migrate | create-admin | seed-demo | export-schema."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import signal
import sys
from pathlib import Path
from typing import Any

from portico.settings import ConfigError, Settings, load_settings


def proxy_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's proxy settings: X-Forwarded-For/-Proto are believed only from the proxies in FORWARDED_ALLOW_IPS.

    uvicorn's own default trusts 127.0.0.1, so anything on the same host (another container's sidecar, a local
    process) could pick the client address that sign-in throttling and session records use. None is trusted here
    unless named."""
    if not settings.forwarded_allow_ips:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": list(settings.forwarded_allow_ips)}


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """How `portico serve` runs uvicorn, apart from the app and where it listens (bench/idle_subscribers.py serves
    its bare baseline with the same options).

    WebSockets (the live feed): wsproto, whose connection state is smaller than websockets' (~4 KiB of each idle
    subscriber, bench/idle_subscribers.py; tests/graphql/hubs/test_ws_transport.py serves with it), and no
    permessage-deflate. Browsers ask for it, and uvicorn would keep a zlib compressor and decompressor per connection,
    ~50 KiB of each process's memory for every open tab, to compress feed messages of a few hundred bytes. A client
    message is held to the size of a GraphQL POST body (GRAPHQL_MAX_BODY_BYTES) instead of uvicorn's 16 MiB: a
    `subscribe` is a GraphQL request like any other.

    Idle HTTP connections are kept HTTP_KEEP_ALIVE_SECONDS (75 s), not uvicorn's 5 s: a client (a proxy's pool of
    upstream connections, a browser, a partner's HTTP library) reuses an idle connection for up to its own idle time
    (60 s for nginx's `keepalive_timeout` and AWS load balancers, 5 s for httpx). When the server's is as short or
    shorter, it closes a connection at the moment the client sends its next request on it; the request, unread, makes
    the close a reset, and the client gets a dropped connection (a proxy, a 502) for a request that never reached
    the app. bench/hub_page.py lost about one page load in 2,000 this way at 32 clients (tcpdump showed the server's
    RST, from uvicorn's keep-alive timer, on connections in use). The server's idle time must outlast its clients'.

    No access log from uvicorn: RequestIdMiddleware logs each request with its id, and uvicorn, seeing the root
    logger's handler, built its own line's arguments for every response only to have its disabled logger drop them."""
    return {
        "log_level": settings.log_level.lower(),
        "access_log": False,
        "ws": "wsproto",
        "ws_per_message_deflate": False,
        "ws_max_size": settings.graphql_max_body_bytes,
        "timeout_keep_alive": settings.http_keep_alive_seconds,
        **proxy_options(settings),
    }


def _serve(args: argparse.Namespace) -> None:
    import uvicorn

    settings = load_settings()  # fail early, naming the bad variable
    print(f"Portico is starting at {settings.public_url}", flush=True)
    uvicorn.run(
        "portico.app:asgi",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        **uvicorn_options(settings),
    )


async def _worker() -> None:
    from portico.db import close_db, init_db
    from portico.jobs import standard_jobs
    from portico.jobs.runner import JobRunner
    from portico.logs import configure_logging
    from portico.services import Services

    settings = load_settings()
    configure_logging(settings.log_level)
    services = Services.from_settings(settings)
    await init_db(settings)
    await services.start()
    runner = JobRunner(standard_jobs(settings, services.storage, services.broker))
    runner.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    print("Portico worker running; Ctrl-C to stop.", flush=True)
    await stop.wait()
    await runner.stop()
    await services.close()
    await close_db()


async def _migrate() -> None:
    from portico.db import migrate

    settings = load_settings()
    await migrate(settings)
    print(f"Migrations applied to {settings.database_url.split('@')[-1]}")


async def _create_admin(args: argparse.Namespace) -> None:
    from portico.accounts.services import sign_up
    from portico.db import close_db, init_db
    from portico.errors import DomainError

    settings = load_settings()
    password = args.password or getpass.getpass("Password: ")
    await init_db(settings)
    try:
        await sign_up(
            settings,
            organization_name=args.organization,
            first_name=args.first_name,
            last_name=args.last_name,
            email=args.email,
            password=password,
        )
    except DomainError as error:
        for p in error.problems:
            print(f"error: {p.field or ''} {p.message}", file=sys.stderr)
        raise SystemExit(1) from None
    finally:
        await close_db()
    print(f"Created organization {args.organization!r} with administrator {args.email}")


async def _seed_demo() -> None:
    from portico.db import close_db, init_db
    from portico.demo import DEMO_REFUSED, seed_demo
    from portico.services import Services

    settings = load_settings()
    if settings.is_production:  # refused before touching anything (seed_demo checks again)
        print(f"error: {DEMO_REFUSED}", file=sys.stderr)
        raise SystemExit(2)
    services = Services.from_settings(settings)
    await init_db(settings)
    await services.storage.start()
    try:
        lines = await seed_demo(settings, services.storage)
    finally:
        await services.storage.close()
        await close_db()
    print("\n".join(lines))


async def _reconcile_storage() -> None:
    from portico.db import close_db, init_db
    from portico.hubs.quota import reconcile_all

    await init_db(load_settings())
    try:
        fixed = await reconcile_all()
    finally:
        await close_db()
    print(f"Storage usage recounted; {fixed} organization(s) had a wrong count and were corrected.")


def _export_schema(args: argparse.Namespace) -> None:
    from portico.graphql.schema import build_schema

    text = build_schema().as_str() + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="portico", description="Portico customer hub")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the app (GraphQL, uploads, downloads, the SPA)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    sub.add_parser("worker", help="run background jobs (outbox delivery, sweeps)")
    sub.add_parser("migrate", help="apply database migrations")
    admin = sub.add_parser("create-admin", help="create an organization and its first administrator")
    admin.add_argument("--organization", required=True)
    admin.add_argument("--email", required=True)
    admin.add_argument("--first-name", default="Admin")
    admin.add_argument("--last-name", default="User")
    admin.add_argument("--password", help="prompted for when omitted")
    sub.add_parser("seed-demo", help="create the demo organization, members, customers and libraries")
    sub.add_parser("reconcile-storage", help="recount every organization's stored bytes and correct its usage")
    export = sub.add_parser("export-schema", help="print the GraphQL schema (SDL)")
    export.add_argument("--output", default="-")
    args = parser.parse_args(argv)
    try:
        if args.command == "serve":
            _serve(args)
        elif args.command == "worker":
            asyncio.run(_worker())
        elif args.command == "migrate":
            asyncio.run(_migrate())
        elif args.command == "create-admin":
            asyncio.run(_create_admin(args))
        elif args.command == "seed-demo":
            asyncio.run(_seed_demo())
        elif args.command == "reconcile-storage":
            asyncio.run(_reconcile_storage())
        elif args.command == "export-schema":
            _export_schema(args)
    except ConfigError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
