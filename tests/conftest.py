"""Shared fixtures: every database test runs on SQLite and on PostgreSQL.

PostgreSQL (127.0.0.1:5432, database `test`, trust auth) and Redis (127.0.0.1:6379) are expected on this machine.
Where they are missing the tests that need them are skipped, except when PORTICO_REQUIRE_SERVICES=1 (CI sets it):
then a missing service is a failure, never a pass.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import threading
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
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


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (servers that cannot bind port 0 themselves need one)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """One real S3 API server (moto's, over HTTP) for the session; tests use their own buckets."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


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


# --- the app, and GraphQL clients signed in as people of two organizations -----------------------------------

import httpx  # noqa: E402
from starlette.applications import Starlette  # noqa: E402

from portico.app import create_app  # noqa: E402

TEST_ORIGIN = "http://testserver"


@pytest.fixture
def app_env(database_url: str, tmp_path: Path) -> dict[str, str]:
    """Environment of the app under test; tests may add to it before asking for `app`."""
    return {
        "DATABASE_URL": database_url,
        "DATA_DIR": str(tmp_path / "data"),
        "PUBLIC_URL": TEST_ORIGIN,
        "RUN_JOBS_IN_PROCESS": "false",
    }


@pytest.fixture
async def app(app_env: dict[str, str], tmp_path: Path) -> AsyncIterator[Starlette]:
    """The whole app with its lifespan running (database, storage, broker), on SQLite and on PostgreSQL."""
    application = create_app(load_settings(app_env), frontend_dist=tmp_path / "no-frontend")
    async with application.router.lifespan_context(application):
        if not app_env["DATABASE_URL"].startswith("sqlite"):
            await truncate_all_models()
        yield application


class GraphQLClient:
    """An HTTP client with its own cookie jar (one browser), speaking GraphQL like the SPA does."""

    def __init__(self, app: Starlette, headers: dict[str, str] | None = None) -> None:
        self.http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url=TEST_ORIGIN,
            headers={"origin": TEST_ORIGIN, **(headers or {})},
        )

    async def raw(self, query: str, variables: dict[str, object] | None = None) -> dict:  # type: ignore[type-arg]
        response = await self.http.post("/graphql", json={"query": query, "variables": variables or {}})
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    async def __call__(self, query: str, variables: dict[str, object] | None = None) -> dict:  # type: ignore[type-arg]
        """The data of a successful operation; fails the test on top-level errors."""
        body = await self.raw(query, variables)
        assert not body.get("errors"), body["errors"]
        return body["data"]  # type: ignore[no-any-return]

    async def close(self) -> None:
        await self.http.aclose()


@pytest.fixture
async def client_factory(app: Starlette) -> AsyncIterator[Callable[..., GraphQLClient]]:
    made: list[GraphQLClient] = []

    def make(headers: dict[str, str] | None = None) -> GraphQLClient:
        made.append(GraphQLClient(app, headers))
        return made[-1]

    yield make
    for c in made:
        await c.close()


SIGN_UP = """
mutation($input: SignUpInput!) {
  signUp(input: $input) { viewer { member { id } organization { id } } errors { code field message } }
}
"""
LOG_IN = """
mutation($input: LogInInput!) { logIn(input: $input) { viewer { member { id role } } errors { code field message } } }
"""
PASSWORD = "correct horse battery"


@dataclass
class Person:
    client: GraphQLClient
    member_id: str
    email: str


@dataclass
class Org:
    organization_id: str
    admin: Person
    manager: Person
    member: Person  # a rep, role MEMBER, account manager
    member2: Person  # another rep, role MEMBER


async def _make_org(make: Callable[..., GraphQLClient], name: str) -> Org:
    from portico.accounts.models import Member, Role
    from portico.accounts.passwords import hash_password

    admin = make()
    slug = name.lower().replace(" ", "")
    data = await admin(
        SIGN_UP,
        {"input": {"organizationName": name, "firstName": "Ada", "lastName": "Admin",
                   "email": f"admin@{slug}.example", "password": PASSWORD}},
    )
    assert data["signUp"]["errors"] == []
    org_gid = data["signUp"]["viewer"]["organization"]["id"]
    admin_model = await Member.get(email=f"admin@{slug}.example")
    password_hash = await hash_password(PASSWORD)
    people = {}
    for key, role, first in (("manager", Role.MANAGER, "Mona"), ("member", Role.MEMBER, "Rita"),
                             ("member2", Role.MEMBER, "Bob")):
        email = f"{key}@{slug}.example"
        await Member.create(organization_id=admin_model.organization_id, email=email, first_name=first,
                            last_name="Rep", password_hash=password_hash, role=role, is_account_manager=True)
        c = make()
        logged = await c(LOG_IN, {"input": {"email": email, "password": PASSWORD}})
        assert logged["logIn"]["errors"] == []
        people[key] = Person(c, logged["logIn"]["viewer"]["member"]["id"], email)
    return Org(org_gid, Person(admin, data["signUp"]["viewer"]["member"]["id"], f"admin@{slug}.example"), **people)


@pytest.fixture
async def two_orgs(client_factory: Callable[..., GraphQLClient]) -> tuple[Org, Org]:
    """Two organizations, each with an ADMIN, a MANAGER and two MEMBER reps, every one signed in."""
    return await _make_org(client_factory, "Acme Sales"), await _make_org(client_factory, "Globex Partners")


# --- time and password hashing, observed --------------------------------------------------------------------------


class Clock:
    """The throttle's clock, under the test's control: `advance()` instead of sleeping or editing rows."""

    def __init__(self) -> None:
        self.current = datetime.now(UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    from portico.accounts import throttle

    fake = Clock()
    monkeypatch.setattr(throttle, "now", fake.now)
    return fake


@dataclass
class Verifications:
    """How many password hashes were checked (each costs real CPU: the thing throttling must bound)."""

    count: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


@pytest.fixture
def count_verifications(monkeypatch: pytest.MonkeyPatch) -> Verifications:
    from portico.accounts import passwords

    seen = Verifications()
    real = passwords._check

    def counting(password_hash: str, password: str) -> bool:
        with seen.lock:  # verifications run in worker threads
            seen.count += 1
        return real(password_hash, password)

    monkeypatch.setattr(passwords, "_check", counting)
    return seen
