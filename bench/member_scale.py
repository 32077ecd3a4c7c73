"""A MEMBER's hub page as the organization grows, on PostgreSQL: the page load of a MEMBER and of the ADMIN with and
without many documents in another customer's hub of the same organization, one the MEMBER does not reach.

Creates two throw-away databases, migrates both and seeds both with bench/hub_page.py's data (its `_seed`: a hub of
200 documents in 20 folders and one of 10, a MEMBER who is account manager of both customers, activity). In the
second ("after") only, it then adds a third customer whose account manager is the ADMIN (not the MEMBER, who never
shared to it either), shares five documents to it through the service (its hub, a date folder, a share with two
recipients), and copies that share with plain SQL (INSERT ... SELECT over generate_series, on the server) into
--documents documents (default 50,000) in date folders of --per-folder documents, one share (with its recipients)
per folder. Both are ANALYZEd; everything else is equal, ids included.

Each caller's page load of the 200-document hub is executed in-process as hub_page.py counts its statements
(StaffHub, then the first folder's documents, each with its session lookup: `in_process_pages`), in --rounds
rounds; each round measures both databases, in alternating order, so that a slower moment of this shared machine
falls on both: on each, --warmup page loads per caller (fresh connections: PostgreSQL plans a prepared statement
afresh for its first runs), then --pages, the callers alternating; the median per database and caller, the ratio
after / before per round, and the median of those ratios. The answers and statement counts must be equal on both.

The baseline is the "before" database, in the same run; the ADMIN (who sees the whole organization, no subquery
over its documents) shows what the larger tables alone cost.

    .venv/bin/python bench/member_scale.py [--documents 50000] [--per-folder 100] [--rounds 5] [--pages 50]
                                           [--warmup 20] [--postgres-url postgres://postgres@127.0.0.1:5432/test]

Goal: the MEMBER's page load after / before <= 1.5x (the documents they cannot see must not cost them).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import median  # noqa: E402
from hub_page import (  # noqa: E402
    ADMIN_EMAIL,
    CALLERS,
    Seeded,
    _create_database,
    _drop_database,
    _dsn,
    _seed,
    in_process_pages,
)

GOAL = 1.5
PHASES = ("before", "after")


async def _add_documents(settings: Any, documents: int, per_folder: int) -> tuple[int, int]:
    """The other customer's hub with `documents` documents in date folders of `per_folder`; (folders, documents)."""
    from tortoise import connections

    import portico.hubs.services as hub_services
    from portico import policy
    from portico.accounts.models import Member, Organization
    from portico.actors import Actor, ActorKind
    from portico.customers.models import CustomerKind, CustomerModule
    from portico.customers.services import assign_account_managers, create_customer
    from portico.hubs.models import Document, Folder
    from portico.libraries.models import Publication

    admin = await Member.get(email=ADMIN_EMAIL)
    org = await Organization.get(id=admin.organization_id)
    as_admin = Actor(kind=ActorKind.MEMBER, organization=org, member=admin)
    other = await create_customer(as_admin, kind=CustomerKind.COMPANY, name="Nordic Freight", hub_access=False,
                                  modules=[CustomerModule.DOCUMENTS])
    await assign_account_managers(as_admin, customer_ids=[other.id], member_ids=[admin.id])
    items = await Publication.filter(organization_id=org.id).order_by("id").limit(5)
    share = await hub_services.share_documents(as_admin, settings, hub_services.ShareRequest(
        customer_id=other.id, language="en", message="Here are the documents we talked about.",
        recipients=[hub_services.RecipientSpec(first_name="Ingrid", last_name="Berg", email="ingrid@nordic.example"),
                    hub_services.RecipientSpec(first_name="Ole", last_name="Dahl", email="ole@nordic.example")],
        publication_ids=[p.id for p in items], upload_ids=[],
    ))
    rep = await Member.get(email=CALLERS["MEMBER"])
    as_rep = Actor(kind=ActorKind.MEMBER, organization=org, member=rep)
    if await policy.customers_visible_to(as_rep).filter(id=other.id).exists():
        raise SystemExit("the MEMBER reaches the other customer: the benchmark would measure their own documents")

    # The service's share, copied on the server: one date folder per day after it, each with its share, its two
    # recipients and `per_folder` copies of the share's first document.
    folders = -(-documents // per_folder)
    db = connections.get("default")
    template = await Document.filter(share_id=share.id).order_by("id").first()
    assert template is not None
    await db.execute_query(
        'INSERT INTO "folder" ("organization_id", "hub_id", "name", "date", "sender_id", "client_access", '
        '"all_contacts", "created_by_id", "created_at") '
        "SELECT f.organization_id, f.hub_id, to_char(f.date + g, 'YYYY-MM-DD') || substr(f.name, 11), f.date + g, "
        "f.sender_id, f.client_access, f.all_contacts, f.created_by_id, f.created_at "
        'FROM "folder" f, generate_series(1, $2) g WHERE f.id = $1',
        [share.folder_id, folders],
    )
    await db.execute_query(
        'INSERT INTO "share" ("organization_id", "hub_id", "customer_id", "folder_id", "sender_id", "language", '
        '"message", "all_contacts", "created_at") '
        "SELECT s.organization_id, s.hub_id, s.customer_id, f.id, s.sender_id, s.language, s.message, "
        's.all_contacts, s.created_at FROM "share" s JOIN "folder" f ON f.hub_id = s.hub_id AND f.id <> s.folder_id '
        "WHERE s.id = $1 ORDER BY f.id",
        [share.id],
    )
    await db.execute_query(
        'INSERT INTO "share_recipient" ("share_id", "contact_id") SELECT s.id, r.contact_id '
        'FROM "share" s JOIN "share_recipient" r ON r.share_id = $1 WHERE s.hub_id = $2 AND s.id <> $1',
        [share.id, share.hub_id],
    )
    await db.execute_query(
        'WITH s AS (SELECT id, folder_id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM "share" '
        "WHERE hub_id = $2 AND id <> $3) "
        'INSERT INTO "document" ("organization_id", "hub_id", "folder_id", "share_id", "publication_id", "name", '
        '"storage_key", "content_type", "size_bytes", "sha256", "created_at", "version") '
        "SELECT d.organization_id, d.hub_id, s.folder_id, s.id, d.publication_id, d.name || ' ' || g, "
        "d.storage_key, d.content_type, d.size_bytes, d.sha256, d.created_at, d.version "
        'FROM generate_series(0, $4 - 1) g JOIN s ON s.k = g / $5 CROSS JOIN "document" d WHERE d.id = $1',
        [template.id, share.hub_id, share.id, documents, per_folder],
    )
    return (await Folder.filter(hub_id=share.hub_id).count(), await Document.filter(hub_id=share.hub_id).count())


async def _analyze() -> None:
    from tortoise import connections

    await connections.get("default").execute_script("ANALYZE")


async def _page_loads(page: Any, tokens: dict[str, str], hub_pk: int, warmup: int,
                      pages: int) -> dict[str, tuple[float, list[int], list[dict]]]:
    """For each caller: the median page load in ms, the statements per request and the answers. The callers
    alternate, so a slower moment of the machine falls on both."""
    times: dict[str, list[float]] = {caller: [] for caller in tokens}
    last: dict[str, list[tuple[list[str], dict]]] = {}
    for n in range(warmup + pages):
        for caller, token in tokens.items():
            began = time.perf_counter()
            last[caller] = await page(token, hub_pk)
            if n >= warmup:
                times[caller].append(time.perf_counter() - began)
    return {caller: (median(times[caller]) * 1000, [len(sql) for sql, _ in last[caller]],
                     [data for _, data in last[caller]]) for caller in tokens}


def _timeless(answer: Any) -> Any:
    """The answer without its times (`createdAt`, `lastActivityAt`): each database was seeded at its own moment."""
    if isinstance(answer, dict):
        return {k: None if k.endswith("At") else _timeless(v) for k, v in answer.items()}
    if isinstance(answer, list | tuple):
        return [_timeless(v) for v in answer]
    return answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=50_000, help="documents added to the other customer's hub")
    parser.add_argument("--per-folder", type=int, default=100, help="documents per added date folder (and share)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds, each measuring both databases")
    parser.add_argument("--pages", type=int, default=50, help="measured page loads per caller, round and database")
    parser.add_argument("--warmup", type=int, default=20, help="page loads per caller before measuring")
    parser.add_argument("--postgres-url", help="a database to connect to for CREATE DATABASE",
                        default=os.environ.get("BENCH_POSTGRES_URL") or "postgres://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    names = {phase: f"portico_bench_{secrets.token_hex(4)}" for phase in PHASES}
    urls = {phase: _dsn(args.postgres_url, name).replace("postgresql://", "postgres://", 1)
            for phase, name in names.items()}
    with tempfile.TemporaryDirectory(prefix="portico-bench-") as tmp:
        try:
            for name in names.values():
                asyncio.run(_create_database(args.postgres_url, name))
            asyncio.run(_run(args, urls, tmp))
        finally:
            for name in names.values():
                asyncio.run(_drop_database(args.postgres_url, name))


@dataclass
class Database:
    settings: Any
    tokens: dict[str, str]  # caller -> session token
    seeded: Seeded


async def _prepare(phase: str, database_url: str, tmp: str, args: argparse.Namespace) -> Database:
    from portico.accounts.models import Member
    from portico.accounts.sessions import start_session
    from portico.db import close_db, init_db, migrate
    from portico.settings import load_settings

    settings = load_settings({"DATABASE_URL": database_url, "DATA_DIR": tmp, "PORTICO_ENV": "production",
                              "SECRET_KEY": "bench-" + "x" * 48, "PUBLIC_URL": "http://127.0.0.1",
                              "RUN_JOBS_IN_PROCESS": "false"})
    await migrate(settings)
    await init_db(settings)
    try:
        started = time.monotonic()
        seeded = await _seed(settings)
        tokens = {caller: await start_session(member_id=(await Member.get(email=email)).id)
                  for caller, email in CALLERS.items()}
        added = ""
        if phase == "after":
            folders, documents = await _add_documents(settings, args.documents, args.per_folder)
            added = (f"; added to another customer's hub (account manager: the ADMIN) {documents:,} documents in "
                     f"{folders} date folders, one share each")
        await _analyze()
    finally:
        await close_db()
    print(f"{phase}: hub_page.py's data ({seeded.big_documents} documents in {seeded.big_folders} folders and a hub "
          f"of {seeded.small_documents}, {seeded.events} activity events){added} ({time.monotonic() - started:.1f} s,"
          f" then ANALYZE)")
    return Database(settings, tokens, seeded)


async def _run(args: argparse.Namespace, urls: dict[str, str], tmp: str) -> None:
    from portico.db import close_db, init_db

    print(f"load average before the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    databases = {phase: await _prepare(phase, url, tmp, args) for phase, url in urls.items()}
    pages = {phase: in_process_pages(db.settings) for phase, db in databases.items()}
    hub = databases["before"].seeded.big_hub
    assert databases["after"].seeded.big_hub == hub  # same seed, same ids
    rounds: list[dict[str, dict[str, float]]] = []  # per round: phase -> caller -> median ms
    answers: dict[str, dict[str, tuple[list[int], list[dict]]]] = {phase: {} for phase in PHASES}
    for n in range(args.rounds):
        measured: dict[str, dict[str, float]] = {}
        for phase in (PHASES if n % 2 == 0 else PHASES[::-1]):
            await init_db(databases[phase].settings)
            try:
                result = await _page_loads(pages[phase], databases[phase].tokens, hub, args.warmup, args.pages)
            finally:
                await close_db()
            measured[phase] = {caller: ms for caller, (ms, _, _) in result.items()}
            answers[phase] = {caller: (counts, data) for caller, (_, counts, data) in result.items()}
        rounds.append(measured)
        print(f"  round {n + 1}: " + ", ".join(
            f"{caller} {measured['before'][caller]:.1f} -> {measured['after'][caller]:.1f} ms "
            f"({measured['after'][caller] / measured['before'][caller]:.2f}x)" for caller in CALLERS), flush=True)
    for caller in CALLERS:
        if _timeless(answers["before"][caller]) != _timeless(answers["after"][caller]):
            raise SystemExit(f"{caller}'s page differs with documents they cannot see on it")

    print(f"\npage load of the {databases['before'].seeded.big_documents}-document hub in-process (StaffHub + first "
          f"folder's documents, each with its session lookup): median of {args.pages} page loads after "
          f"{args.warmup} of warm-up per round, callers alternating; {args.rounds} rounds alternating the databases")
    print(f"{'caller':<8} {'before ms':>10} {'after ms':>10} {'after/before':>13} {'statements':>11}   ratio per round")
    for caller in CALLERS:
        ratios = [r["after"][caller] / r["before"][caller] for r in rounds]
        ratio = median(ratios)
        mark = "" if caller != "MEMBER" or ratio <= GOAL else f"   <-- above the goal ({GOAL:g}x)"
        statements = " + ".join(map(str, answers["after"][caller][0]))
        print(f"{caller:<8} {median([r['before'][caller] for r in rounds]):>10.1f} "
              f"{median([r['after'][caller] for r in rounds]):>10.1f} {ratio:>12.2f}x {statements:>11}   "
              + " ".join(f"{x:.2f}" for x in ratios) + mark)
    print(f"goal: the MEMBER's page load after / before <= {GOAL:g}x (median of the rounds' ratios); answers and "
          "statement counts equal on both databases")


if __name__ == "__main__":
    main()
