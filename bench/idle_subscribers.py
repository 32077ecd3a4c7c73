"""Idle live-feed subscribers: how many two server processes hold, and the memory each one costs (issue 8, point 3).

Creates a throw-away PostgreSQL database and seeds it: one organization with `--managers` MANAGERs (the admin
included), a customer whose contact has one shared document, and one signed-in session per subscriber (sessions
written directly, spread over the managers: signing in 10,000 times would cost an argon2 hash each). Then:

1. **Portico**: 2 `portico serve` processes (uvicorn, 1 worker each, PORTICO_ENV=production, REDIS_URL), each under
   bench/_probe.py (a control socket that runs gc.collect() and reads the process's VmRSS from a thread). Client
   processes (`--clients`, half per server) open WebSockets (graphql-transport-ws, the session cookie,
   `connection_init`, then `subscribe` with the SPA's `OnActivity` read from frontend/src/activity/operations.ts),
   ramping 0 -> `--steps` in total over the two servers, nothing published. At each step, after a few seconds of
   quiet, each server's RSS after a gc. Memory per connection = the slope between steps (the growth divided by the
   connections added), never RSS / N: the process's own start-up memory is not the connections'. At the end the
   contact views the shared document through `GET /files/...` (a real event through the HTTP route): every
   subscriber may see it (they are all managers), and every subscriber counts what it received.
2. **Baseline**, same run, same clients and ramp: a bare Starlette WebSocket endpoint (bench/_probe.py: accept,
   ack, take the subscribe, wait) served by uvicorn with `portico.cli.uvicorn_options` (what `portico serve`
   uses), 2 processes: what the ASGI server and the websockets library cost alone. Its end-of-run message is one
   `next` sent to every connection (POST /broadcast).
3. **Where Portico's memory goes** (`--trace`, default 1,000): one more `portico serve` under tracemalloc, a
   snapshot after `--trace-warmup` connections and another after `--trace` more; the difference per connection,
   grouped by the package that allocated it (the innermost frame in a known package) and its largest tracebacks.
   tracemalloc sees Python's allocations only: zlib's (permessage-deflate) and the kernel's socket buffers are in
   the RSS slope, not here.

    .venv/bin/python bench/idle_subscribers.py [--steps 1000,5000,10000] [--clients 6] [--managers 100]
                                               [--trace 1000] [--no-baseline] [--postgres-url ...] [--redis-url ...]

Goal (issue 8): 10,000 idle subscribers on 2 processes at <= 50 KiB each.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import secrets
import sys
import time
import tracemalloc
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import HOST, Server, free_port  # noqa: E402
from _probe import ask  # noqa: E402
from hub_page import on_throwaway_database  # noqa: E402
from tests.spa_operations import spa_operation  # noqa: E402

ON_ACTIVITY = spa_operation("OnActivity")
MY_HUB = spa_operation("MyHub")
OPEN_DOCUMENT = spa_operation("OpenDocument")
PROBE = str(Path(__file__).resolve().with_name("_probe.py"))
SETTLE = 4.0  # seconds of quiet after a ramp step before reading the servers' memory
OPEN_TIMEOUT = 300.0
HANDSHAKES_IN_FLIGHT = 50  # per client process: a browser fleet reconnecting, not one burst of 5,000
# Under tracemalloc a server is several times slower: opened as fast, connections waited past uvicorn's 20 s ping
# timeout for their pong to be read.
TRACED_IN_FLIGHT = 5
DELIVERY_WAIT = 60.0


# --- seeding ----------------------------------------------------------------------------------------------------


async def _seed(settings: Any, managers: int, sessions: int) -> dict[str, Any]:
    import portico.hubs.services as hub_services
    from portico.accounts.models import Member, Organization, Role, Session
    from portico.accounts.services import sign_up
    from portico.accounts.sessions import SESSION_LIFETIME, start_session
    from portico.accounts.tokens import new_token, token_hash
    from portico.actors import Actor, ActorKind
    from portico.customers.models import Contact, CustomerKind, CustomerModule
    from portico.customers.services import create_customer
    from portico.libraries.models import Library, Publication
    from portico.storage import storage_from_settings

    signed = await sign_up(settings, organization_name="Idle Bench", first_name="Ada", last_name="Admin",
                           email="ada@idle.example", password="idle-bench-password-1")
    admin = signed.member
    assert admin is not None
    org_id = admin.organization_id
    await Member.bulk_create([
        Member(organization_id=org_id, email=f"m{i}@idle.example", first_name=f"M{i}", last_name="Staff",
               password_hash=admin.password_hash, role=Role.MANAGER)
        for i in range(managers - 1)  # with the admin: `managers` who see every event of the organization
    ])
    staff = await Member.filter(organization_id=org_id).order_by("id")
    as_admin = Actor(kind=ActorKind.MEMBER, organization=await Organization.get(id=org_id), member=admin)
    customer = await create_customer(as_admin, kind=CustomerKind.COMPANY, name="Fjord Logistics", hub_access=False,
                                     modules=[CustomerModule.DOCUMENTS])
    library = await Library.create(organization_id=org_id, name="Sheets", description="")
    publication = await Publication.create(
        organization_id=org_id, library=library, title="Sheet", title_key="sheet", tags=[], search_text="sheet",
        storage_key=f"org/{org_id}/publications/sheet.pdf", content_type="application/pdf", size_bytes=9,
        sha256="0" * 64, created_by=admin)
    await hub_services.share_documents(
        as_admin, settings,
        hub_services.ShareRequest(customer_id=customer.id, language="en", message="", upload_ids=[],
                                  recipients=[hub_services.RecipientSpec(first_name="Mette", last_name="Larsen",
                                                                         email="mette@fjord.example")],
                                  publication_ids=[publication.id]))
    storage = storage_from_settings(settings)
    await storage.start()
    await storage.put_stream(publication.storage_key, _chunks(b"%PDF-1.4\n"), content_type="application/pdf")
    await storage.close()
    tokens = [new_token() for _ in range(sessions)]
    expires = datetime.now(UTC) + SESSION_LIFETIME
    for start in range(0, sessions, 1000):
        await Session.bulk_create([Session(token_hash=token_hash(t), member_id=staff[(start + i) % len(staff)].id,
                                           expires_at=expires)
                                   for i, t in enumerate(tokens[start:start + 1000])])
    contact = await Contact.get(customer_id=customer.id, email="mette@fjord.example")
    return {"tokens": tokens, "contact_token": await start_session(contact_id=contact.id)}


async def _chunks(data: bytes) -> Any:
    yield data


# --- client processes (their CPU and memory are not the servers') ------------------------------------------------


@dataclass
class _Tally:
    opened: int = 0
    alive: int = 0
    events: int = 0  # `next` messages carrying an event
    other: int = 0  # anything else but pings (resyncs, errors, completes)
    errors: list[str] = field(default_factory=list)


async def _hold(url: str, token: str, tally: _Tally, opened: asyncio.Event) -> None:
    """One browser tab's live feed: connect, init, subscribe, then read until the server closes."""
    import json

    from websockets.asyncio.client import connect

    origin = url.replace("ws://", "http://").rsplit("/graphql", 1)[0]
    try:
        # Compression offered as browsers offer it; no client-side pings (the server's keep-alive is measured).
        async with connect(url, subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                           additional_headers={"Cookie": f"portico_session={token}"},  # type: ignore[arg-type]
                           origin=origin, open_timeout=OPEN_TIMEOUT, ping_interval=None,  # type: ignore[arg-type]
                           max_queue=None) as ws:
            await ws.send('{"type":"connection_init","payload":{}}')
            ack = json.loads(await ws.recv())
            if ack.get("type") != "connection_ack":
                raise RuntimeError(f"refused: {ack}")
            await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": ON_ACTIVITY}}))
            tally.opened += 1
            tally.alive += 1
            opened.set()
            try:
                async for raw in ws:
                    message = json.loads(raw)
                    kind = message.get("type")
                    if kind == "ping":
                        await ws.send('{"type":"pong"}')
                    elif kind == "next" and (message["payload"].get("data") or {}).get("activity", {}).get("event"):
                        tally.events += 1
                    else:
                        tally.other += 1
            finally:
                tally.alive -= 1
    except Exception as exc:  # noqa: BLE001 - reported to the benchmark, which stops on it
        if len(tally.errors) < 5:
            tally.errors.append(repr(exc))
    finally:
        opened.set()


async def _client_main(pipe: Any) -> None:
    loop = asyncio.get_running_loop()
    tally = _Tally()
    tasks: list[asyncio.Task[None]] = []

    async def open_one(url: str, token: str, gate: asyncio.Semaphore) -> None:
        opened = asyncio.Event()
        async with gate:
            tasks.append(asyncio.create_task(_hold(url, token, tally, opened)))
            await opened.wait()

    while True:
        command, *rest = await loop.run_in_executor(None, pipe.recv)
        if command == "open":
            url, tokens, in_flight = rest
            gate = asyncio.Semaphore(in_flight)
            await asyncio.gather(*(open_one(url, t, gate) for t in tokens))
        elif command == "close":
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        pipe.send({"opened": tally.opened, "alive": tally.alive, "events": tally.events, "other": tally.other,
                   "errors": tally.errors})
        if command == "close":
            return


def _client_process(pipe: Any) -> None:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    asyncio.run(_client_main(pipe))


class Clients:
    """`count` client processes; client i talks to server i % len(urls)."""

    def __init__(self, count: int, urls: list[str]) -> None:
        context = mp.get_context("spawn")
        self.urls = urls
        self.pipes: list[Any] = []
        self.processes: list[Any] = []
        for _ in range(count):
            ours, theirs = context.Pipe()
            process = context.Process(target=_client_process, args=(theirs,), daemon=True)
            process.start()
            self.pipes.append(ours)
            self.processes.append(process)

    def open(self, tokens: list[str], in_flight: int = HANDSHAKES_IN_FLIGHT) -> list[dict[str, Any]]:
        """Spread `tokens` over the clients, each opening its share on its server, `in_flight` at a time."""
        shares: list[list[str]] = [tokens[i::len(self.pipes)] for i in range(len(self.pipes))]
        for i, (pipe, share) in enumerate(zip(self.pipes, shares, strict=True)):
            pipe.send(("open", self.urls[i % len(self.urls)], share, in_flight))
        return self._replies(OPEN_TIMEOUT)

    def tally(self) -> list[dict[str, Any]]:
        for pipe in self.pipes:
            pipe.send(("tally",))
        return self._replies(30)

    def close(self) -> None:
        for pipe in self.pipes:
            pipe.send(("close",))
        self._replies(60)
        for process in self.processes:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()

    def _replies(self, timeout: float) -> list[dict[str, Any]]:
        replies = []
        for pipe in self.pipes:
            if not pipe.poll(timeout):
                raise SystemExit("a client process did not answer")
            replies.append(pipe.recv())
        return replies


def _sum(replies: list[dict[str, Any]], key: str) -> int:
    return sum(int(r[key]) for r in replies)


# --- the servers ----------------------------------------------------------------------------------------------------


class Probed(Server):
    """A server under bench/_probe.py, so its memory can be read after a gc."""

    def __init__(self, name: str, kind: str, argv: list[str], *, port: int, env: dict[str, str], tmp: str) -> None:
        self.control = str(Path(tmp) / f"{name}.sock")
        super().__init__(name, [sys.executable, PROBE, self.control, kind, *argv], port=port, env=env, log_dir=tmp)

    def rss_kib(self) -> int:
        return int(ask(self.control, "rss"))


def _start(kind: str, count: int, env: dict[str, str], tmp: str, servers: list[Server]) -> list[Probed]:
    started = []
    for n in range(count):
        port = free_port()
        argv = ["serve", "--host", HOST, "--port", str(port), "--workers", "1"] if kind == "portico" else [
            "--host", HOST, "--port", str(port)]
        server = Probed(f"{kind}-{n + 1}", kind, argv, port=port, env=env, tmp=tmp)
        servers.append(server)
        started.append(server)
    for server in started:
        server.wait_ready()
    return started


def _stop(started: list[Probed], servers: list[Server]) -> None:
    for server in started:
        server.stop()
        servers.remove(server)


@dataclass
class Ramp:
    label: str
    steps: list[int] = field(default_factory=list)  # total connections over the servers
    rss: list[list[int]] = field(default_factory=list)  # per step, KiB per server
    opened: list[int] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)
    alive: int = 0
    delivered: int = 0
    errors: list[str] = field(default_factory=list)


def _ramp(label: str, started: list[Probed], clients_count: int, steps: list[int], tokens: list[str],
          deliver: Any) -> Ramp:
    ramp = Ramp(label)
    clients = Clients(clients_count, [f"ws://{HOST}:{s.port}/graphql" for s in started])
    try:
        time.sleep(SETTLE)
        ramp.steps.append(0)
        ramp.rss.append([s.rss_kib() for s in started])
        ramp.opened.append(0)
        ramp.seconds.append(0.0)
        ramp.loads.append(os.getloadavg()[0])
        done = 0
        for target in steps:
            began = time.monotonic()
            replies = clients.open(tokens[done:target])
            elapsed = time.monotonic() - began
            done = target
            errors = [e for r in replies for e in r["errors"]]
            if errors:
                ramp.errors = errors
                print(f"  {label}: {_sum(replies, 'opened'):,} of {target:,} opened; errors: {errors[:3]}")
                break
            time.sleep(SETTLE)
            ramp.steps.append(target)
            ramp.rss.append([s.rss_kib() for s in started])
            ramp.opened.append(_sum(replies, "alive"))
            ramp.seconds.append(elapsed)
            ramp.loads.append(os.getloadavg()[0])
            print(f"  {label}: {target:,} connections ({ramp.opened[-1]:,} alive) in {elapsed:.1f} s, RSS "
                  f"{' + '.join(f'{k / 1024:.0f}' for k in ramp.rss[-1])} MiB, load {ramp.loads[-1]:.1f}", flush=True)
        deliver()
        deadline = time.monotonic() + DELIVERY_WAIT
        while True:
            replies = clients.tally()
            if _sum(replies, "events") >= _sum(replies, "alive") or time.monotonic() > deadline:
                break
            time.sleep(1)
        ramp.alive = _sum(replies, "alive")
        ramp.delivered = _sum(replies, "events")
        other = _sum(replies, "other")
        print(f"  {label}: one event at the end: {ramp.delivered:,} delivered to {ramp.alive:,} alive subscribers"
              f"{f', {other} other messages' if other else ''}", flush=True)
    finally:
        clients.close()
    return ramp


# --- the end-of-run event -------------------------------------------------------------------------------------------


def _view_document(server: Server, contact_token: str) -> None:
    """The contact opens its document (MyHub, openDocument) and views it: one DOCUMENT_VIEWED event, published."""
    headers = {"Origin": server.url, "Cookie": f"portico_session={contact_token}"}
    with httpx.Client(timeout=60, headers=headers) as client:
        def ask_graphql(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
            body = client.post(f"{server.url}/graphql", json={"query": query, "variables": variables or {}}).json()
            if "errors" in body:
                raise SystemExit(f"{server.name}: {body['errors']}")
            return body["data"]  # type: ignore[no-any-return]

        hub = ask_graphql(MY_HUB)["myHub"]
        [document_id] = [edge["node"]["id"] for f in hub["folders"] for edge in f["documents"]["edges"]]
        url = ask_graphql(OPEN_DOCUMENT, {"input": {"documentId": document_id}})["openDocument"]["viewUrl"]
        response = client.get(server.url + url)
        if response.status_code != 200:
            raise SystemExit(f"the view failed: {response.status_code} {response.text[:200]}")


def _broadcast(started: list[Probed]) -> None:
    for server in started:
        httpx.post(server.url + "/broadcast", timeout=120).raise_for_status()


# --- tracemalloc: what one connection holds, by whom ------------------------------------------------------------

_OWNERS = ("portico", "strawberry", "graphql", "tortoise", "pypika", "uvicorn", "websockets", "starlette", "redis",
           "asyncpg", "uvloop", "json", "asyncio")


def _owner(traceback: tracemalloc.Traceback) -> str:
    """The package of the innermost frame in a known package ("portico.graphql" for our GraphQL layer)."""
    for frame in reversed(traceback):  # innermost last in tracemalloc's order (most recent call last)
        parts = Path(frame.filename).parts
        for owner in _OWNERS:
            if owner in parts:
                index = parts.index(owner)
                if owner == "portico" and index + 1 < len(parts) - 1:
                    return f"portico.{parts[index + 1]}"
                return owner
    return "other"


def _trace(env: dict[str, str], tmp: str, servers: list[Server], tokens: list[str], args: argparse.Namespace) -> None:
    warmup, count = args.trace_warmup, args.trace
    [server] = _start("portico", 1, env, tmp, servers)
    clients = Clients(2, [f"ws://{HOST}:{server.port}/graphql"])
    try:
        ask(server.control, "trace-start")
        clients.open(tokens[:warmup], TRACED_IN_FLIGHT)
        time.sleep(SETTLE)
        keep = Path(args.trace_keep or tmp)
        keep.mkdir(parents=True, exist_ok=True)
        before_path, after_path = str(keep.resolve() / "before.snap"), str(keep.resolve() / "after.snap")
        ask(server.control, f"snapshot {before_path}")
        rss_before = server.rss_kib()
        replies = clients.open(tokens[warmup:warmup + count], TRACED_IN_FLIGHT)
        errors = [e for r in replies for e in r["errors"]]
        if errors:
            raise SystemExit(f"tracemalloc run: errors opening connections: {errors[:3]}")
        time.sleep(SETTLE)
        ask(server.control, f"snapshot {after_path}")
        rss_after = server.rss_kib()
    finally:
        clients.close()
        _stop([server], servers)
    before = tracemalloc.Snapshot.load(before_path)
    after = tracemalloc.Snapshot.load(after_path)
    diffs = after.compare_to(before, "traceback")
    by_owner: dict[str, int] = defaultdict(int)
    for diff in diffs:
        by_owner[_owner(diff.traceback)] += diff.size_diff
    total = sum(d.size_diff for d in diffs)
    print(f"\ntracemalloc, {count:,} connections after {warmup:,} (one process; Python allocations only): "
          f"{total / count / 1024:.1f} KiB per connection; RSS slope under tracemalloc "
          f"{(rss_after - rss_before) / count:.1f} KiB (tracemalloc's own bookkeeping included)")
    print(f"{'allocated in (innermost known package)':<40} {'KiB/conn':>9}")
    for owner, size in sorted(by_owner.items(), key=lambda kv: -kv[1]):
        if abs(size) / count >= 0.05:
            print(f"{owner:<40} {size / count / 1024:>9.2f}")
    print("\nlargest tracebacks (bytes per connection; innermost frames last):")
    for diff in diffs[:args.trace_top]:
        if diff.size_diff / count < 64:
            break
        frames = [f"{_short(f.filename)}:{f.lineno}" for f in diff.traceback][-6:]
        print(f"  {diff.size_diff / count:>7.0f} B  {diff.count_diff / count:>5.1f} blocks  {' > '.join(frames)}")


def _short(filename: str) -> str:
    parts = Path(filename).parts
    for marker in ("site-packages", "portico", "python3.11"):
        if marker in parts:
            return "/".join(parts[parts.index(marker) + (marker != "portico"):])
    return filename


# --- the run ------------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", default="1000,5000,10000", help="total connections over the 2 servers, ramped")
    parser.add_argument("--clients", type=int, default=6, help="client processes (half on each server)")
    parser.add_argument("--managers", type=int, default=100, help="members the sessions are spread over")
    parser.add_argument("--trace", type=int, default=1000, help="connections in the tracemalloc run (0: skip it)")
    parser.add_argument("--trace-warmup", type=int, default=200)
    parser.add_argument("--no-baseline", action="store_true", help="skip the bare endpoint's ramp")
    parser.add_argument("--trace-only", action="store_true", help="only the tracemalloc run")
    parser.add_argument("--trace-keep", help="a directory to keep the two tracemalloc snapshots in")
    parser.add_argument("--trace-top", type=int, default=15, help="tracebacks listed")
    parser.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL")
                        or "postgres://postgres@127.0.0.1:5432/test")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    args.steps = [int(s) for s in args.steps.split(",")]
    if args.steps != sorted(args.steps) or args.clients < 2 or args.clients % 2:
        raise SystemExit("--steps must grow; --clients must be even (half on each server)")
    on_throwaway_database(args, _bench)


def _bench(args: argparse.Namespace, database_url: str, tmp: str, servers: list[Server]) -> None:
    from portico.db import close_db, init_db, migrate
    from portico.settings import load_settings

    env = {"DATABASE_URL": database_url, "DATA_DIR": tmp, "PORTICO_ENV": "production",
           "SECRET_KEY": secrets.token_urlsafe(48), "REDIS_URL": args.redis_url, "RUN_JOBS_IN_PROCESS": "false",
           "LOG_LEVEL": "WARNING", "PUBLIC_URL": f"http://{HOST}:8000"}
    settings = load_settings(env)
    sessions = max(args.steps[-1], args.trace_warmup + args.trace)

    async def prepare() -> dict[str, Any]:
        await migrate(settings)
        await init_db(settings)
        try:
            return await _seed(settings, args.managers, sessions)
        finally:
            await close_db()

    seeded = asyncio.run(prepare())
    tokens: list[str] = seeded["tokens"]
    print(f"load average before the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores; "
          f"{args.clients} client processes", flush=True)
    ramps = []
    if not args.no_baseline and not args.trace_only:
        bare = _start("bare", 2, env, tmp, servers)
        ramps.append(_ramp("bare Starlette endpoint", bare, args.clients, args.steps, tokens,
                           lambda: _broadcast(bare)))
        _stop(bare, servers)
    if not args.trace_only:
        portico = _start("portico", 2, env, tmp, servers)
        ramps.append(_ramp("Portico, OnActivity", portico, args.clients, args.steps, tokens,
                           lambda: _view_document(portico[0], seeded["contact_token"])))
        _stop(portico, servers)
        _report(ramps)
    if args.trace:
        _trace(env, tmp, servers, tokens, args)


def _report(ramps: list[Ramp]) -> None:
    print(f"\n{'':<26} {'connections':>11} {'RSS MiB (2 processes)':>22} {'open s':>7} {'load':>5} "
          f"{'KiB/conn (slope)':>17}")
    for ramp in ramps:
        for i, step in enumerate(ramp.steps):
            total = sum(ramp.rss[i])
            slope = "" if i == 0 else f"{(total - sum(ramp.rss[i - 1])) / (step - ramp.steps[i - 1]):.1f}"
            rss = " + ".join(f"{k / 1024:.0f}" for k in ramp.rss[i])
            print(f"{ramp.label if i == 0 else '':<26} {step:>11,} {rss:>22} {ramp.seconds[i]:>7.1f} "
                  f"{ramp.loads[i]:>5.1f} {slope:>17}")
        if len(ramp.steps) > 1:
            whole = (sum(ramp.rss[-1]) - sum(ramp.rss[0])) / ramp.steps[-1]
            print(f"{'':<26} slope 0 -> {ramp.steps[-1]:,}: {whole:.1f} KiB per connection; end-of-run message "
                  f"delivered to {ramp.delivered:,} of {ramp.alive:,} alive ({ramp.steps[-1]:,} opened)")
    if len(ramps) == 2 and len(ramps[0].steps) > 1 and len(ramps[1].steps) > 1:
        bare, ours = ((sum(r.rss[-1]) - sum(r.rss[0])) / r.steps[-1] for r in ramps)
        print(f"Portico holds {ours - bare:.1f} KiB per connection more than the bare endpoint "
              f"({ours:.1f} vs {bare:.1f}); goal: <= 50 KiB per connection, 10,000 on 2 processes")


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]
    main()
