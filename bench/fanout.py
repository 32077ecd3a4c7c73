"""Fan-out benchmark of the live feed under its real cost: the SPA's `activity` subscription over WebSockets, fed by
real events (a contact viewing documents through the HTTP file route), 1,000 subscribers over 2 `portico serve`
processes on Redis. (Idle subscribers and the memory each costs: bench/idle_subscribers.py.)

Creates a throw-away PostgreSQL database and seeds it: one organization with `--managers` MANAGERs and MEMBER reps
(1,000 members in all by default, one signed-in session each), a customer, and `--senders` of the reps sharing a
document each to its contact. Then:

1. starts 2 server processes (uvicorn, 1 worker each, PORTICO_ENV=production, REDIS_URL) and opens one WebSocket
   per member, half on each process, each subscribed with `OnActivity` read from frontend/src/activity/operations.ts;
2. the contact views the shared documents through `GET /files/...` (links from `openDocument`), `--rate` views
   per second for `--seconds`, alternating between the two processes. Every view is an event that each MANAGER and
   the rep who shared the document may see (and nobody else): expected deliveries = events x (managers + 1);
3. each subscriber records the delay from the event's `occurredAt` (written in the view's transaction) to receipt.
   Baseline, same run and same events: one raw redis-py PubSub subscriber on the organization's channel, its delay
   measured from the same `occurredAt` (what Redis costs before the feed checks anything).

    .venv/bin/python bench/fanout.py [--members 1000] [--managers 100] [--senders 10] [--seconds 20] [--rate 10]
                                     [--postgres-url ...] [--redis-url ...]

Goals (issue 8): 0 lost, p99 commit-to-receipt <= 250 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import queue
import secrets
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from redis.asyncio import Redis

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import HOST, PORTICO, Server, free_port, percentile  # noqa: E402
from hub_page import on_throwaway_database  # noqa: E402
from tests.spa_operations import spa_operation  # noqa: E402

ON_ACTIVITY = spa_operation("OnActivity")
MY_HUB = spa_operation("MyHub")
OPEN_DOCUMENT = spa_operation("OpenDocument")
GRACE = 3.0  # seconds after the last view for deliveries in flight
CONNECT_TIMEOUT = 180.0


# --- seeding ----------------------------------------------------------------------------------------------------


async def _seed(settings: Any, members: int, managers: int, senders: int) -> dict[str, Any]:
    import portico.hubs.services as hub_services
    from portico.accounts.models import Member, Organization, Role, Session
    from portico.accounts.services import sign_up
    from portico.accounts.sessions import SESSION_LIFETIME, start_session
    from portico.accounts.tokens import new_token, token_hash
    from portico.actors import Actor, ActorKind
    from portico.customers.models import Contact, CustomerKind, CustomerModule
    from portico.customers.services import assign_account_managers, create_customer
    from portico.libraries.models import Library, Publication

    signed = await sign_up(settings, organization_name="Feed Bench", first_name="Ada", last_name="Admin",
                           email="ada@feed.example", password="feed-bench-password-1")
    admin = signed.member
    assert admin is not None
    org_id = admin.organization_id
    await Member.bulk_create([
        Member(organization_id=org_id, email=f"m{i}@feed.example", first_name=f"M{i}", last_name="Staff",
               password_hash=admin.password_hash, role=Role.MANAGER if i < managers else Role.MEMBER,
               is_account_manager=i >= managers)
        for i in range(members - 1)  # with the admin: `members` in all
    ])
    staff = await Member.filter(organization_id=org_id).order_by("id")
    organization = await Organization.get(id=org_id)
    as_admin = Actor(kind=ActorKind.MEMBER, organization=organization, member=admin)
    customer = await create_customer(as_admin, kind=CustomerKind.COMPANY, name="Fjord Logistics", hub_access=False,
                                     modules=[CustomerModule.DOCUMENTS])
    reps = [m for m in staff if m.role is Role.MEMBER][:senders]
    await assign_account_managers(as_admin, customer_ids=[customer.id], member_ids=[r.id for r in reps])
    library = await Library.create(organization_id=org_id, name="Sheets", description="")
    for n, rep in enumerate(reps):
        title = f"Sheet {n}"
        publication = await Publication.create(
            organization_id=org_id, library=library, title=title, title_key=title.lower(), tags=[],
            search_text=title.lower(), storage_key=f"org/{org_id}/publications/{n}.pdf",
            content_type="application/pdf", size_bytes=9, sha256="0" * 64, created_by=admin)
        await hub_services.share_documents(
            Actor(kind=ActorKind.MEMBER, organization=organization, member=rep), settings,
            hub_services.ShareRequest(customer_id=customer.id, language="en", message="", upload_ids=[],
                                      recipients=[hub_services.RecipientSpec(first_name="Mette", last_name="Larsen",
                                                                             email="mette@fjord.example")],
                                      publication_ids=[publication.id]))
    # One signed-in browser per member (sessions written directly: signing in 1,000 times costs argon2 each).
    tokens = [new_token() for _ in staff]
    expires = datetime.now(UTC) + SESSION_LIFETIME
    await Session.bulk_create([Session(token_hash=token_hash(t), member_id=m.id, expires_at=expires)
                               for m, t in zip(staff, tokens, strict=True)])
    contact = await Contact.get(customer_id=customer.id, email="mette@fjord.example")
    return {
        "organization_id": org_id, "tokens": tokens,
        "sees_all": [m.role in (Role.ADMIN, Role.MANAGER) for m in staff],
        "contact_token": await start_session(contact_id=contact.id),
        "expected_per_event": sum(m.role in (Role.ADMIN, Role.MANAGER) for m in staff) + 1,
    }


# --- subscribers (in their own processes: the client's CPU should not be the servers') -----------------------------


async def _subscribe(url: str, token: str, counts: dict[str, int], received: list[tuple[int, str, float, float]],
                     index: int, stop: Any) -> None:
    from websockets.asyncio.client import connect

    origin = url.replace("ws://", "http://").rsplit("/graphql", 1)[0]
    async with connect(url, subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                       additional_headers={"Cookie": f"portico_session={token}"}, origin=origin,  # type: ignore[arg-type]
                       open_timeout=CONNECT_TIMEOUT, ping_interval=None, max_queue=None) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        ack = json.loads(await ws.recv())
        if ack["type"] != "connection_ack":
            raise RuntimeError(f"refused: {ack}")
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": ON_ACTIVITY}}))
        counts["connected"] += 1
        while not stop.is_set():
            try:
                raw = await asyncio.wait_for(ws.recv(), 0.5)
            except TimeoutError:
                continue
            arrived = time.time()
            message = json.loads(raw)
            if message["type"] == "ping":
                await ws.send(json.dumps({"type": "pong"}))
                continue
            if message["type"] != "next":
                counts["other"] += 1
                continue
            feed = message["payload"]["data"]["activity"]
            if feed["resync"]:
                counts["resyncs"] += 1
                continue
            event = feed["event"]
            occurred = datetime.fromisoformat(event["occurredAt"]).timestamp()
            received.append((index, event["id"], occurred, arrived - occurred))


async def _subscriber_process(url: str, tokens: list[str], first_index: int, ready: Any, stop: Any,
                              results: Any) -> None:
    counts = {"connected": 0, "resyncs": 0, "other": 0}
    received: list[tuple[int, str, float, float]] = []
    tasks = [asyncio.create_task(_subscribe(url, t, counts, received, first_index + i, stop))
             for i, t in enumerate(tokens)]
    deadline = time.monotonic() + CONNECT_TIMEOUT
    while counts["connected"] < len(tokens) and time.monotonic() < deadline:
        failed = [t for t in tasks if t.done() and t.exception() is not None]
        if failed:
            results.put({"error": repr(failed[0].exception())})
            return
        await asyncio.sleep(0.05)
    ready.set()
    while not stop.is_set():
        await asyncio.sleep(0.05)
    await asyncio.gather(*tasks, return_exceptions=True)
    results.put({"counts": counts, "received": received})


async def _raw_process(redis_url: str, channel: str, ready: Any, stop: Any, results: Any) -> None:
    client = Redis.from_url(redis_url)
    pubsub = client.pubsub()
    await pubsub.subscribe(channel)
    await pubsub.get_message(timeout=5)
    ready.set()
    received: dict[int, float] = {}
    while not stop.is_set():
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.05)
        if message is not None:
            received[int(json.loads(message["data"])["event_id"])] = time.time()
    await pubsub.aclose()
    await client.aclose()
    results.put({"raw": received})


def _run(coroutine: Any, *args: Any) -> None:
    asyncio.run(coroutine(*args))


# --- the run ------------------------------------------------------------------------------------------------------


async def _chunks(data: bytes) -> Any:
    yield data


def _view_urls(server: Server, contact_token: str) -> list[str]:
    """The contact's documents (`MyHub`) and a view link for each, minted as the hub does when one is opened."""
    headers = {"Origin": server.url, "Cookie": f"portico_session={contact_token}"}

    def ask(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = httpx.post(f"{server.url}/graphql", json={"query": query, "variables": variables or {}},
                              timeout=30, headers=headers)
        body = response.json()
        if "errors" in body:
            raise SystemExit(f"{server.name}: {body['errors']}")
        return body["data"]  # type: ignore[no-any-return]

    hub = ask(MY_HUB)["myHub"]
    ids = [edge["node"]["id"] for f in hub["folders"] for edge in f["documents"]["edges"]]
    opened = [ask(OPEN_DOCUMENT, {"input": {"documentId": i}})["openDocument"] for i in ids]
    return [o["viewUrl"] for o in opened]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=1000, help="subscribers: one per member")
    parser.add_argument("--managers", type=int, default=100)
    parser.add_argument("--senders", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rate", type=float, default=10.0, help="document views per second")
    parser.add_argument("--runs", type=int, default=3, help="live runs of --seconds each (medians reported)")
    parser.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL")
                        or "postgres://postgres@127.0.0.1:5432/test")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0")
    args = parser.parse_args()

    on_throwaway_database(args, _bench)


def _bench(args: argparse.Namespace, database_url: str, tmp: str, servers: list[Server]) -> None:
    from portico.activity.services import activity_channel
    from portico.db import close_db, init_db, migrate
    from portico.settings import load_settings

    env = {"DATABASE_URL": database_url, "DATA_DIR": tmp, "PORTICO_ENV": "production",
           "SECRET_KEY": secrets.token_urlsafe(48), "REDIS_URL": args.redis_url, "RUN_JOBS_IN_PROCESS": "false",
           "LOG_LEVEL": "WARNING"}
    ports = [free_port(), free_port()]
    env["PUBLIC_URL"] = f"http://{HOST}:{ports[0]}"
    settings = load_settings(env)

    async def prepare() -> dict[str, Any]:
        await migrate(settings)
        await init_db(settings)
        try:
            seeded = await _seed(settings, args.members, args.managers, args.senders)
            # The shared files must exist for the view route to stream them.
            from portico.libraries.models import Publication
            from portico.storage import storage_from_settings

            storage = storage_from_settings(settings)
            await storage.start()
            for publication in await Publication.all():
                await storage.put_stream(publication.storage_key, _chunks(b"%PDF-1.4\n"),
                                         content_type="application/pdf")
            await storage.close()
        finally:
            await close_db()
        return seeded

    seeded = asyncio.run(prepare())
    for n, port in enumerate(ports):
        servers.append(Server(f"portico-{n + 1}", [PORTICO, "serve", "--host", HOST, "--port", str(port),
                                                   "--workers", "1"], port=port, env=env, log_dir=tmp))
    for server in servers:
        server.wait_ready()
    print(f"load average before the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")

    context = mp.get_context("spawn")
    stop, results = context.Event(), context.Queue()
    tokens: list[str] = seeded["tokens"]
    # Members alternate between the processes, as a load balancer would spread them: each process then holds half
    # of the managers and delivers half of every event (indices only need to be unique).
    evens, odds = tokens[0::2], tokens[1::2]
    groups = [(f"ws://{HOST}:{ports[0]}/graphql", evens, 0),
              (f"ws://{HOST}:{ports[1]}/graphql", odds, len(evens))]
    readies = [context.Event() for _ in range(len(groups) + 1)]
    processes = [context.Process(target=_run, args=(_subscriber_process, url, group, first, ready, stop, results))
                 for (url, group, first), ready in zip(groups, readies, strict=False)]
    channel = activity_channel(seeded["organization_id"])
    processes.append(context.Process(target=_run, args=(_raw_process, args.redis_url, channel, readies[-1], stop,
                                                        results)))
    began = time.monotonic()
    for process in processes:
        process.start()
    try:
        for ready in readies:
            if not ready.wait(CONNECT_TIMEOUT):
                raise SystemExit("the subscribers did not connect in time")
        time.sleep(2)  # the last subscriptions reach the broker
        print(f"{len(tokens)} subscribers connected over 2 processes in {time.monotonic() - began:.1f} s; "
              f"{seeded['expected_per_event']} of them may see each event")
        urls = [_view_urls(server, seeded["contact_token"]) for server in servers]
        views = int(args.rate * args.seconds)
        windows: list[tuple[float, float, float]] = []  # per run: first and last view (wall clock), its duration
        with httpx.Client(timeout=30, headers={"Cookie": f"portico_session={seeded['contact_token']}"}) as client:
            for run in range(args.runs):
                print(f"run {run + 1}: load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
                first, started = time.time(), time.monotonic()
                for n in range(views):
                    time.sleep(max(0.0, started + n / args.rate - time.monotonic()))
                    server = servers[n % 2]
                    response = client.get(server.url + urls[n % 2][n % len(urls[n % 2])])
                    if response.status_code != 200:
                        raise SystemExit(f"a view failed: {response.status_code} {response.text[:200]}")
                windows.append((first, time.time(), time.monotonic() - started))
                time.sleep(GRACE)  # deliveries in flight arrive before the next run's views
        stop.set()
        reports = [results.get(timeout=60) for _ in processes]
    except queue.Empty:
        raise SystemExit("a subscriber process did not report") from None
    finally:
        stop.set()
        for process in processes:
            process.join(timeout=20)
            if process.is_alive():
                process.terminate()
    errors = [r["error"] for r in reports if "error" in r]
    if errors:
        raise SystemExit(f"a subscriber failed: {errors[0]}")
    feeds = [r for r in reports if "counts" in r]
    [raw] = [r["raw"] for r in reports if "raw" in r]
    occurred = asyncio.run(_occurred_at(settings, list(raw)))
    received = [d for r in feeds for d in r["received"]]
    rows = []
    for first, last, elapsed in windows:
        def within(when: float, first: float = first, last: float = last) -> bool:
            return first - 0.5 <= when <= last + 0.5  # occurredAt is written by the view, between send and reply

        ours = [d for d in received if within(d[2])]
        delivered = len({(index, event) for index, event, _, _ in ours})
        delays = [d[3] for d in ours]
        raw_events = [e for e in raw if e in occurred and within(occurred[e])]
        raw_delays = [raw[e] - occurred[e] for e in raw_events]
        rows.append({
            "elapsed": elapsed, "events": len(raw_events), "rate": delivered / elapsed,
            "lost": views * seeded["expected_per_event"] - delivered,
            "p50": percentile(delays, 0.5) * 1000, "p99": percentile(delays, 0.99) * 1000,
            "raw_rate": len(raw_events) / elapsed, "raw_lost": views - len(raw_events),
            "raw_p50": percentile(raw_delays, 0.5) * 1000, "raw_p99": percentile(raw_delays, 0.99) * 1000,
        })
    print(f"\n{views} views per run, alternating between the processes; expected deliveries per run: "
          f"{views * seeded['expected_per_event']:,}\n")
    print(f"{'':<44} {'deliveries/s':>12} {'lost':>6} {'p50 ms':>8} {'p99 ms':>8}")
    for n, row in enumerate(rows):
        label = f"run {n + 1}: activity subscription ({row['events']} events in {row['elapsed']:.0f} s)"
        print(f"{label:<44} {row['rate']:>12,.0f} {row['lost']:>6,} {row['p50']:>8.1f} {row['p99']:>8.1f}")
        print(f"{f'run {n + 1}: baseline, raw redis-py PubSub':<44} {row['raw_rate']:>12,.0f} {row['raw_lost']:>6,} "
              f"{row['raw_p50']:>8.1f} {row['raw_p99']:>8.1f}")

    def median(key: str) -> float:
        return statistics.median(row[key] for row in rows)

    print(f"{'median: activity subscription, ' + str(len(tokens)) + ' subscribers':<44} {median('rate'):>12,.0f} "
          f"{median('lost'):>6,.0f} {median('p50'):>8.1f} {median('p99'):>8.1f}")
    print(f"{'median: baseline, raw redis-py PubSub':<44} {median('raw_rate'):>12,.0f} {median('raw_lost'):>6,.0f} "
          f"{median('raw_p50'):>8.1f} {median('raw_p99'):>8.1f}")
    print(f"(delays from the event's occurredAt to receipt; resyncs: {sum(r['counts']['resyncs'] for r in feeds)}, "
          f"other messages: {sum(r['counts']['other'] for r in feeds)}; lost over all runs: "
          f"{sum(row['lost'] for row in rows)}; goals: 0 lost, p99 <= 250 ms)\n")


async def _occurred_at(settings: Any, event_ids: list[int]) -> dict[int, float]:
    from portico.activity.models import ActivityEvent
    from portico.db import close_db, init_db

    await init_db(settings)
    try:
        rows = await ActivityEvent.filter(id__in=event_ids).values_list("id", "occurred_at")
    finally:
        await close_db()
    return {int(i): when.timestamp() for i, when in rows}  # type: ignore[union-attr]


if __name__ == "__main__":
    main()
