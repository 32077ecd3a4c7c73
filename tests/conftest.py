"""Shared fixtures: every database test runs on SQLite and on PostgreSQL.

PostgreSQL (127.0.0.1:5432, database `test`, trust auth) and Redis (127.0.0.1:6379) are expected on this machine.
Where they are missing the tests that need them are skipped, except when PORTICO_REQUIRE_SERVICES=1 (CI sets it):
then a missing service is a failure, never a pass.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from tortoise import Tortoise
from tortoise.contrib.test import truncate_all_models

from portico.db import init_db_url, migrate
from portico.settings import Settings, load_settings

POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
REQUIRE_SERVICES = os.environ.get("PORTICO_REQUIRE_SERVICES") == "1"


def service_missing(name: str, reason: str) -> None:
    """Skip, or fail when CI requires the service."""
    message = f"{name} is not reachable: {reason}"
    if REQUIRE_SERVICES:
        pytest.fail(message + " (PORTICO_REQUIRE_SERVICES=1: the service is mandatory here)")
    pytest.skip(message)


def _base_url(url: str) -> str:
    return url.rsplit("/", 1)[0]


async def _create_postgres_database(name: str) -> None:
    conn = await asyncpg.connect(POSTGRES_ADMIN_URL.replace("postgres://", "postgresql://"), timeout=5)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def _drop_postgres_database(name: str) -> None:
    conn = await asyncpg.connect(POSTGRES_ADMIN_URL.replace("postgres://", "postgresql://"), timeout=5)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def _settings_for(database_url: str, data_dir: Path) -> Settings:
    return load_settings({"DATABASE_URL": database_url, "DATA_DIR": str(data_dir)})


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per test session; each test gets a copy (much faster than migrating again)."""
    directory = tmp_path_factory.mktemp("sqlite-template")
    path = directory / "template.sqlite3"
    asyncio.run(migrate(_settings_for(f"sqlite://{path}", directory)))
    return path


@pytest.fixture(scope="session")
def _postgres_database() -> Iterator[str]:
    """One migrated PostgreSQL database per test session; tables are emptied before each test."""
    name = f"portico_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    try:
        asyncio.run(_create_postgres_database(name))
    except (OSError, asyncpg.PostgresError) as exc:
        service_missing("PostgreSQL", str(exc))
    url = f"{_base_url(POSTGRES_ADMIN_URL)}/{name}"
    asyncio.run(migrate(_settings_for(url, Path("/tmp"))))
    yield url
    asyncio.run(_drop_postgres_database(name))


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database: the test is run once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("_sqlite_template")
        path = tmp_path / "portico.sqlite3"
        shutil.copy(template, path)
        return f"sqlite://{path}"
    url: str = request.getfixturevalue("_postgres_database")
    return url


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[str]:
    """Tortoise connected to the test database (for service-level tests that do not start the app)."""
    await init_db_url(database_url)
    if not database_url.startswith("sqlite"):
        await truncate_all_models()
    try:
        yield database_url
    finally:
        await Tortoise.close_connections()
