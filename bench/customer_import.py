"""Customer import benchmark: rows/s and peak memory of importing 100,000 rows (CSV and XLSX), on SQLite and
PostgreSQL, next to baselines measured in the same run.

The file: 100,000 rows, two contacts per customer (50,000 customers, 100,000 contacts), the export's columns. Each
measurement runs in a fresh subprocess (so its peak RSS, VmHWM from /proc/self/status, is its own):

- portico: a migrated empty database, an organization signed up through the services, the file stored through
  LocalStorage with its Upload row, then `importer.import_customers(..., dry_run=False)` timed (the real import:
  parsing, checks, lookups, bulk INSERTs, one transaction). Peak RSS is reported as measured and as the growth
  over the RSS just before the import (the interpreter with Portico imported is most of the former).
- baseline (CSV): `csv.reader` over the same file and the same rows inserted in batches of 1,000 into a bare
  two-table copy (customer, contact) without checks: sqlite3 `executemany` on SQLite, asyncpg
  `copy_records_to_table` (COPY) on PostgreSQL. What a row costs with no validation, no ORM, no idempotence.
- baseline (XLSX): openpyxl read-only parsing of the same workbook alone (no database): the floor for XLSX.

Memory is flat when the peak does not grow with the number of rows: the 20,000-row run is printed beside it.

    .venv/bin/python bench/customer_import.py [--rows 100000] [--runs 3] [--no-postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import median  # noqa: E402

POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
HEADER = ["External Reference", "Customer Name", "Kind", "Customer Hub Access", "Contact First Name",
          "Contact Last Name", "Contact Email", "Contact Hub Access"]


def row(i: int) -> list[str]:
    n = i // 2
    return [f"C-{n:07d}", f"Customer {n} A/S", "COMPANY", "yes" if n % 3 else "no", f"First{i}", f"Last{i}",
            f"person{i}@customer{n}.example", "yes"]


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            writer.writerow(row(i))


def write_xlsx(path: Path, rows: int) -> None:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Customers")
    sheet.append(HEADER)
    for i in range(rows):
        sheet.append(row(i))
    workbook.save(path)


def peak_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# --- one measurement (in a child process) -------------------------------------------------------------------------


async def _create_pg(name: str) -> str:
    import asyncpg

    conn = await asyncpg.connect(POSTGRES_URL.replace("postgres://", "postgresql://"))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return f"{POSTGRES_URL.rsplit('/', 1)[0]}/{name}"


async def _drop_pg(name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(POSTGRES_URL.replace("postgres://", "postgresql://"))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def _portico(path: Path, kind: str, database: str, work: Path) -> dict[str, float]:
    from tortoise import Tortoise

    from portico.accounts.services import sign_up
    from portico.actors import member_actor
    from portico.customers import importer
    from portico.customers.models import Contact, Customer
    from portico.db import init_db_url, migrate
    from portico.hubs.models import Upload
    from portico.settings import load_settings
    from portico.storage import LocalStorage

    pg_name = f"portico_bench_import_{uuid.uuid4().hex[:8]}"
    url = await _create_pg(pg_name) if database == "postgres" else f"sqlite://{work / 'portico.sqlite3'}"
    try:
        settings = load_settings({"DATABASE_URL": url, "DATA_DIR": str(work)})
        await migrate(settings)
        await init_db_url(url)
        signed = await sign_up(settings, organization_name="Bench", first_name="B", last_name="B",
                               email="bench@bench.example", password="bench-password-1")
        storage = LocalStorage(work / "files")
        await storage.start()
        key = f"org/{signed.member.organization_id}/uploads/{uuid.uuid4()}"

        async def chunks():  # type: ignore[no-untyped-def]
            with path.open("rb") as handle:
                while block := handle.read(64 * 1024):
                    yield block

        content_type = "text/csv" if kind == "csv" else importer.__dict__["kind_of"].__globals__["XLSX"]
        await storage.put_stream(key, chunks(), content_type=content_type)
        upload = await Upload.create(id=uuid.uuid4(), organization_id=signed.member.organization_id,
                                     member_id=signed.member.id, name=path.name, storage_key=key,
                                     content_type=content_type, size_bytes=path.stat().st_size, sha256="-")
        actor = await member_actor(signed.member.id)
        assert actor is not None
        before = rss_mib()
        start = time.perf_counter()
        summary = await importer.import_customers(actor, storage, upload_id=str(upload.id), mapping=None,
                                                  dry_run=False)
        seconds = time.perf_counter() - start
        assert summary.applied and summary.error_count == 0, (summary.problems, summary.errors[:3])
        assert await Contact.all().count() == summary.rows
        customers = await Customer.all().count()
        await Tortoise.close_connections()
        return {"seconds": seconds, "rows": summary.rows, "customers": customers, "rss_before": before}
    finally:
        if database == "postgres":
            await Tortoise.close_connections()
            await _drop_pg(pg_name)


_BASE_SCHEMA = [
    "CREATE TABLE customer (id INTEGER PRIMARY KEY, external_ref TEXT UNIQUE, name TEXT, kind TEXT, hub_access "
    "BOOLEAN)",
    "CREATE TABLE contact (customer_ref TEXT, first_name TEXT, last_name TEXT, email TEXT, hub_access BOOLEAN)",
]


def _csv_batches(path: Path, size: int = 1000):  # type: ignore[no-untyped-def]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        batch = []
        for record in reader:
            batch.append(record)
            if len(batch) == size:
                yield batch
                batch = []
        if batch:
            yield batch


async def _baseline_csv(path: Path, database: str, work: Path) -> dict[str, float]:
    start = time.perf_counter()
    rows = 0
    if database == "sqlite":
        db = sqlite3.connect(work / "baseline.sqlite3")
        for statement in _BASE_SCHEMA:
            db.execute(statement)
        seen: set[str] = set()
        for batch in _csv_batches(path):
            new = []
            for r in batch:
                if r[0] not in seen:
                    seen.add(r[0])
                    new.append((r[0], r[1], r[2], r[3] == "yes"))
            db.executemany("INSERT INTO customer (external_ref, name, kind, hub_access) VALUES (?, ?, ?, ?)", new)
            db.executemany("INSERT INTO contact VALUES (?, ?, ?, ?, ?)",
                           [(r[0], r[4], r[5], r[6], r[7] == "yes") for r in batch])
            rows += len(batch)
        db.commit()
        db.close()
        return {"seconds": time.perf_counter() - start, "rows": rows}
    import asyncpg

    name = f"portico_bench_base_{uuid.uuid4().hex[:8]}"
    url = await _create_pg(name)
    try:
        conn = await asyncpg.connect(url.replace("postgres://", "postgresql://"))
        for statement in _BASE_SCHEMA:
            await conn.execute(statement.replace("INTEGER PRIMARY KEY", "SERIAL PRIMARY KEY"))
        start = time.perf_counter()
        seen_pg: set[str] = set()
        async with conn.transaction():
            for batch in _csv_batches(path):
                new = []
                for r in batch:
                    if r[0] not in seen_pg:
                        seen_pg.add(r[0])
                        new.append((r[0], r[1], r[2], r[3] == "yes"))
                await conn.copy_records_to_table("customer", records=new,
                                                 columns=["external_ref", "name", "kind", "hub_access"])
                await conn.copy_records_to_table("contact", records=[(r[0], r[4], r[5], r[6], r[7] == "yes")
                                                                     for r in batch])
                rows += len(batch)
        seconds = time.perf_counter() - start
        await conn.close()
        return {"seconds": seconds, "rows": rows}
    finally:
        await _drop_pg(name)


def _baseline_xlsx(path: Path) -> dict[str, float]:
    import openpyxl

    start = time.perf_counter()
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True)) - 1
    workbook.close()
    return {"seconds": time.perf_counter() - start, "rows": rows}


def child(args: argparse.Namespace) -> None:
    path = Path(args.file)
    kind = path.suffix.lstrip(".")
    with tempfile.TemporaryDirectory(prefix="portico-bench-import-") as work:
        if args.what == "portico":
            result = asyncio.run(_portico(path, kind, args.database, Path(work)))
        elif kind == "csv":
            result = asyncio.run(_baseline_csv(path, args.database, Path(work)))
        else:
            result = _baseline_xlsx(path)
    result["peak_rss"] = peak_rss_mib()
    print(json.dumps(result))


# --- the driver -----------------------------------------------------------------------------------------------


def measure(what: str, file: Path, database: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", what, "--file", str(file), "--database", database],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--small-rows", type=int, default=20_000, help="the size the memory is compared with")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--child", choices=["portico", "baseline"], dest="what")
    parser.add_argument("--file")
    parser.add_argument("--database", default="sqlite")
    args = parser.parse_args()
    if args.what:
        child(args)
        return
    databases = ["sqlite"] if args.no_postgres else ["sqlite", "postgres"]
    with tempfile.TemporaryDirectory(prefix="portico-bench-files-") as tmp:
        files = {}
        for size in (args.small_rows, args.rows):
            for fmt, write in (("csv", write_csv), ("xlsx", write_xlsx)):
                path = Path(tmp) / f"customers-{size}.{fmt}"
                write(path, size)
                files[size, fmt] = path
        print(f"{'database':9} {'file':5} {'rows':>7} {'what':9} {'rows/s':>9} {'s':>7} {'peak RSS MiB':>13} "
              f"{'growth MiB':>10}")
        for database in databases:
            for fmt in ("csv", "xlsx"):
                for size, runs in ((args.small_rows, 1), (args.rows, args.runs)):
                    for what in ("portico", "baseline"):
                        if what == "baseline" and fmt == "xlsx" and database != databases[0]:
                            continue  # parsing alone does not depend on the database
                        results = [measure(what, files[size, fmt], database) for _ in range(runs)]
                        seconds = median([r["seconds"] for r in results])
                        peak = median([r["peak_rss"] for r in results])
                        growth = (median([r["peak_rss"] - r["rss_before"] for r in results])
                                  if what == "portico" else float("nan"))
                        label = what if what == "portico" else ("parse" if fmt == "xlsx" else "baseline")
                        print(f"{database:9} {fmt:5} {size:>7} {label:9} {size / seconds:>9.0f} {seconds:>7.1f} "
                              f"{peak:>13.0f} {growth:>10.0f}", flush=True)


if __name__ == "__main__":
    main()
