"""Receivables benchmark (issue 11, point 6): the aging report over 100,000 invoices of 5,000 customers and 20
account managers on PostgreSQL, next to the same aggregate as one hand-written SQL query in the same run; and the
reminder sweep over the same data.

Creates a throw-away database, migrates it, creates the organization, its members and a workflow through the
models, and COPYs the customers, their account managers, contacts and invoices in (due dates spread over 200 days
back to 30 ahead; EUR, DKK and SEK; a tenth partially paid, a tenth paid, a fiftieth void). Then, each measured
`--runs` times and reported as the median:

- portico (ADMIN): `receivables.aging.aging_report` for an ADMIN actor: policy, the SQL aggregate, Decimal rows;
- portico (MEMBER): the same for one account manager (their own rows only);
- baseline: the same aggregate as one hand-written query run with asyncpg directly (no ORM, no policy). The goal
  is portico ≥ 0.7× the baseline's speed (baseline time / portico time) with a p50 under 200 ms;
- sweep: `receivables.reminders.run_due_steps` run to completion on a day when a step is due for every open
  invoice (run records, actions and outbox emails deleted between runs), in batches of `--sweep-batch` customers:
  emails queued, customers/s;
- sweep baseline: the sweep as it was before batching (one transaction per customer, about eight statements each;
  `reminders.py` at commit LEGACY_SWEEP_COMMIT, read with `git show`), over the first `--baseline-customers`
  customers (the whole run would take ten minutes), in the same run on the same data: customers/s.

    .venv/bin/python bench/aging.py [--invoices 100000] [--customers 5000] [--managers 20] [--runs 3]
                                    [--sweep-runs N] [--sweep-batch 500] [--baseline-customers 300] [--sweep-only]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
import types
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "backend"))
from _common import median  # noqa: E402

POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
# The last commit whose reminder sweep ran one transaction per customer: the sweep's same-run baseline.
LEGACY_SWEEP_COMMIT = "03e09d1"
TODAY = date(2026, 12, 3)
CURRENCIES = ("EUR", "DKK", "SEK")

BASELINE = """
SELECT cam.member_id, i.currency,
  SUM(CASE WHEN i.due_on >= $1 THEN GREATEST(i.amount - i.paid_amount, 0) ELSE 0 END) AS not_due,
  SUM(CASE WHEN i.due_on < $1 AND i.due_on >= $2 THEN GREATEST(i.amount - i.paid_amount, 0) ELSE 0 END) AS d1_30,
  SUM(CASE WHEN i.due_on < $2 AND i.due_on >= $3 THEN GREATEST(i.amount - i.paid_amount, 0) ELSE 0 END) AS d31_60,
  SUM(CASE WHEN i.due_on < $3 AND i.due_on >= $4 THEN GREATEST(i.amount - i.paid_amount, 0) ELSE 0 END) AS d61_90,
  SUM(CASE WHEN i.due_on < $4 THEN GREATEST(i.amount - i.paid_amount, 0) ELSE 0 END) AS over_90,
  COUNT(*) AS invoices
FROM invoice i LEFT JOIN customer_account_manager cam ON cam.customer_id = i.customer_id
WHERE i.organization_id = $5 AND i.status IN ('OPEN', 'PARTIALLY_PAID')
GROUP BY cam.member_id, i.currency
"""


def _dsn(url: str, database: str | None = None) -> str:
    base = url.replace("postgres://", "postgresql://", 1)
    return base.rsplit("/", 1)[0] + "/" + database if database else base


async def _admin(sql: str) -> None:
    conn = await asyncpg.connect(_dsn(POSTGRES_URL), timeout=5)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def _seed(url: str, args: argparse.Namespace) -> dict[str, int]:
    from portico.accounts.models import Member, Organization, Role
    from portico.receivables.planning import StepKind
    from portico.receivables.workflow_models import AccountManagerCopy, ActionKind, ReminderStep, ReminderWorkflow

    organization = await Organization.create(name="Bench Receivables", storage_quota_bytes=10**12)
    admin = await Member.create(organization=organization, email="admin@bench.example", first_name="Ada",
                                last_name="Admin", password_hash="-", role=Role.ADMIN)
    managers = [await Member.create(organization=organization, email=f"am{i}@bench.example", first_name=f"Am{i}",
                                    last_name="Rep", password_hash="-", role=Role.MEMBER, is_account_manager=True)
                for i in range(args.managers)]
    workflow = await ReminderWorkflow.create(organization=organization, name="Standard", is_default=True)
    for offset, kind, copy in ((-3, StepKind.EMAIL, AccountManagerCopy.BCC), (1, StepKind.EMAIL, AccountManagerCopy.CC),
                               (7, StepKind.ACTION, AccountManagerCopy.NONE), (15, StepKind.EMAIL,
                                                                             AccountManagerCopy.NONE)):
        await ReminderStep.create(workflow=workflow, offset_days=offset, kind=kind, copy_account_manager=copy,
                                  action_kind=ActionKind.CALL if kind is StepKind.ACTION else None)
    rng = random.Random(11)
    now = datetime.now(UTC)
    conn = await asyncpg.connect(_dsn(url), timeout=5)
    try:
        await conn.copy_records_to_table("customer", columns=[
            "organization_id", "kind", "name", "name_key", "hub_access", "modules",
            "primary_contact_manages_permissions", "created_at", "reminders_paused"], records=[
            (organization.id, "COMPANY", f"Customer {c}", f"customer {c}", True, '["INVOICES"]', False, now, False)
            for c in range(args.customers)])
        customer_ids = [r["id"] for r in await conn.fetch("SELECT id FROM customer ORDER BY id")]
        await conn.copy_records_to_table("customer_account_manager", columns=["customer_id", "member_id"], records=[
            (cid, managers[i % len(managers)].id) for i, cid in enumerate(customer_ids)])
        await conn.copy_records_to_table("contact", columns=[
            "customer_id", "organization_id", "first_name", "last_name", "email", "hub_access", "is_primary",
            "created_at"], records=[(cid, organization.id, "Pat", "Payer", f"ap{cid}@customer.example", True, True, now)
                                    for cid in customer_ids])
        records = []
        for n in range(args.invoices):
            amount = Decimal(rng.randrange(1000, 5_000_000)) / 100
            roll = rng.random()
            status, paid = ("OPEN", Decimal(0))
            if roll < 0.1:
                status, paid = "PARTIALLY_PAID", (amount / 2).quantize(Decimal("0.01"))
            elif roll < 0.2:
                status, paid = "PAID", amount
            elif roll < 0.22:
                status = "VOID"
            due = TODAY + timedelta(days=rng.randrange(-200, 31))
            records.append((organization.id, customer_ids[n % len(customer_ids)], f"INV-{n:07d}", amount,
                            CURRENCIES[n % 3], due - timedelta(days=30), due, status, paid, False, "", now, now))
        await conn.copy_records_to_table("invoice", columns=[
            "organization_id", "customer_id", "number", "amount", "currency", "issued_on", "due_on", "status",
            "paid_amount", "paused", "paused_reason", "created_at", "updated_at"], records=records)
        await conn.execute("ANALYZE")
    finally:
        await conn.close()
    return {"organization": organization.id, "admin": admin.id, "member": managers[0].id}


async def _time(func, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    await func()  # warm-up (connections, plans, caches)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        await func()
        times.append(time.perf_counter() - start)
    return times


async def main(args: argparse.Namespace) -> dict[str, object]:
    from portico.accounts.models import Organization
    from portico.db import close_db, init_db_url, migrate
    from portico.settings import load_settings

    name = f"portico_bench_aging_{uuid.uuid4().hex[:8]}"
    await _admin(f'CREATE DATABASE "{name}"')
    url = POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
    try:
        settings = load_settings({"DATABASE_URL": url, "DATA_DIR": "/tmp", "PUBLIC_URL": "http://bench.example"})
        await migrate(settings)
        await init_db_url(url)
        started = time.perf_counter()
        ids = await _seed(url, args)
        seeded = time.perf_counter() - started
        organization = await Organization.get(id=ids["organization"])
        report: dict[str, object] = {}
        if not args.sweep_only:
            report = await _aging(url, organization, ids, args)
        report.update(await _sweep(settings, args))
        await close_db()
    finally:
        await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return {"invoices": args.invoices, "customers": args.customers, "managers": args.managers, "runs": args.runs,
            "seed_s": round(seeded, 1), **report}


async def _aging(url: str, organization: object, ids: dict[str, int], args: argparse.Namespace) -> dict[str, object]:
    from portico.accounts.models import Member
    from portico.actors import Actor, ActorKind
    from portico.receivables.aging import aging_report

    admin = Actor(kind=ActorKind.MEMBER, organization=organization, member=await Member.get(id=ids["admin"]))
    member = Actor(kind=ActorKind.MEMBER, organization=organization, member=await Member.get(id=ids["member"]))
    raw = await asyncpg.connect(_dsn(url), timeout=5)
    bounds = [TODAY - timedelta(days=d) for d in (0, 30, 60, 90)]
    organization_id = ids["organization"]
    try:
        admin_rows = await aging_report(admin, today=TODAY)
        base_rows = await raw.fetch(BASELINE, *bounds, organization_id)
        assert len(admin_rows) == len(base_rows), (len(admin_rows), len(base_rows))
        assert sum(r.total for r in admin_rows) == sum(
            sum(row[k] for k in ("not_due", "d1_30", "d31_60", "d61_90", "over_90")) for row in base_rows)
        portico_admin = await _time(lambda: aging_report(admin, today=TODAY), args.runs)
        portico_member = await _time(lambda: aging_report(member, today=TODAY), args.runs)
        baseline = await _time(lambda: raw.fetch(BASELINE, *bounds, organization_id), args.runs)
    finally:
        await raw.close()
    p50_admin, p50_base = median(portico_admin), median(baseline)
    return {
        "aging_admin_p50_ms": round(p50_admin * 1000, 1),
        "aging_member_p50_ms": round(median(portico_member) * 1000, 1),
        "baseline_sql_p50_ms": round(p50_base * 1000, 1),
        "portico_speed_vs_baseline": round(p50_base / p50_admin, 2),
        "rows": len(admin_rows),
    }


def _legacy_sweep() -> types.ModuleType | None:
    """reminders.py as of LEGACY_SWEEP_COMMIT, as a module (None outside a git checkout)."""
    try:
        source = subprocess.run(["git", "show", f"{LEGACY_SWEEP_COMMIT}:backend/portico/receivables/reminders.py"],
                                cwd=Path(__file__).resolve().parent, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType("bench_legacy_reminders")
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, f"{LEGACY_SWEEP_COMMIT}:reminders.py", "exec"), module.__dict__)
    return module


async def _sweep(settings: object, args: argparse.Namespace) -> dict[str, object]:
    from portico.mail.models import OutboxEmail
    from portico.receivables.reminders import run_due_steps
    from portico.receivables.workflow_models import Action, InvoiceStepRun

    now = datetime(2026, 12, 3, 9, tzinfo=UTC)

    async def clear() -> None:
        await InvoiceStepRun.all().delete()
        await Action.all().delete()
        await OutboxEmail.all().delete()

    figures: dict[str, object] = {}
    legacy = _legacy_sweep() if args.baseline_customers else None
    if legacy is not None:
        await clear()
        start = time.perf_counter()
        before = await legacy.run_due_steps(settings, now=now, batch=args.baseline_customers)
        took = time.perf_counter() - start
        figures.update({"baseline_sweep_customers": before.customers, "baseline_sweep_s": round(took, 2),
                        "baseline_sweep_customers_per_s": round(before.customers / took, 1)})

    sweep_times, emails, customers, rows = [], 0, 0, 0
    for _ in range(args.sweep_runs or args.runs):
        await clear()
        start = time.perf_counter()
        emails = customers = 0
        while (result := await run_due_steps(settings, now=now, batch=args.sweep_batch)).customers:
            emails += result.emails
            customers += result.customers
        sweep_times.append(time.perf_counter() - start)
        rows = await InvoiceStepRun.all().count()
    per_s = round(customers / median(sweep_times), 1) if customers else None
    figures.update({
        "sweep_runs": len(sweep_times), "sweep_batch": args.sweep_batch, "sweep_p50_s": round(median(sweep_times), 2),
        "sweep_customers": customers, "sweep_emails": emails, "sweep_run_rows": rows, "sweep_customers_per_s": per_s,
    })
    if per_s and "baseline_sweep_customers_per_s" in figures:
        figures["sweep_speed_vs_baseline"] = round(per_s / float(figures["baseline_sweep_customers_per_s"]), 1)
    return figures



if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--customers", type=int, default=5_000)
    parser.add_argument("--managers", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sweep-runs", type=int, default=0, help="runs of the sweep (default: --runs)")
    parser.add_argument("--sweep-batch", type=int, default=500, help="customers per batch of the sweep")
    parser.add_argument("--baseline-customers", type=int, default=300,
                        help="customers the per-customer sweep (the baseline) runs for; 0: no baseline")
    parser.add_argument("--sweep-only", action="store_true", help="only the sweep (and its baseline)")
    print(json.dumps(asyncio.run(main(parser.parse_args())), indent=2))
