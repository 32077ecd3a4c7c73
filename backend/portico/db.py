"""Database setup: the Tortoise configuration, start-up and migrations.

One Tortoise app (`models`) holds every domain's models; its migrations live in `portico.migrations`
and are Tortoise's own (`tortoise makemigrations` writes them, `portico migrate` applies them).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import asyncpg
from tortoise import Tortoise, connections
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.migrations.api.migrate import migrate as _migrate

from portico.settings import Settings

MODEL_MODULES = [
    "portico.accounts.models",
    "portico.customers.models",
    "portico.mail.models",
    "portico.libraries.models",
    "portico.hubs.models",
    "portico.activity.models",
    "portico.branding.models",
    "portico.notifications.models",
    "portico.quotes.models",
    "portico.quotes.reminder_models",
    "portico.receivables.models",
    "portico.quotes.acceptance_models",
    "portico.receivables.workflow_models",
]


def _create_sqlite_directory(database_url: str) -> None:
    """SQLite needs the file's directory; created when connecting, never on import (no stray ./data)."""
    if database_url.startswith("sqlite://"):
        path = database_url.removeprefix("sqlite://")
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)


class PooledConnection(asyncpg.Connection):  # type: ignore[misc]
    """A pooled PostgreSQL connection returned to the pool without asyncpg's reset statement.

    Tortoise takes a connection from the pool for every statement outside a transaction, and asyncpg's pool sends
    `SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL;` on every release: a second round trip per
    statement, about a tenth of a hub page's CPU (issue 8's profile). Portico leaves no session state to reset: no
    advisory locks, cursors, LISTEN or SET (locks are rows', settings come with the connection). An open
    transaction is still rolled back on release (asyncpg does that before the reset statement, which this skips).
    """

    def get_reset_query(self) -> str:
        return ""

    async def reset(self, *, timeout: float | None = None) -> None:
        """asyncpg's, without its `timeout(None)` block when there is no deadline (Tortoise sets none): with no reset
        statement, what is left is the rollback of an open transaction, which `_reset` does."""
        if timeout is not None:
            await super().reset(timeout=timeout)
            return
        await self._reset()


def _connection(database_url: str) -> str | dict[str, Any]:
    if not database_url.startswith(("postgres://", "postgresql://", "asyncpg://")):
        return database_url
    config = expand_db_url(database_url)
    # Tortoise's asyncpg client, able to keep one connection for a request's statements (request_connection.py).
    config["engine"] = "portico.request_connection"
    config["credentials"]["connection_class"] = PooledConnection
    # No timer per idle connection: asyncpg re-arms one on every release (a statement, for Tortoise) to close
    # connections idle for 5 minutes; a process keeps at most `maxsize` (5) open instead. Issue 8: with the reset
    # above, ~25 µs less CPU per statement (bench/README.md).
    config["credentials"]["max_inactive_connection_lifetime"] = 0
    return config


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": _connection(database_url)},
        "apps": {
            "models": {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "portico.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


async def init_db(settings: Settings) -> None:
    """Open the connections for this process (the app lifespan, the worker, the CLI).

    The global fallback makes the context visible to request tasks that uvicorn starts apart from the lifespan.
    """
    await init_db_url(settings.database_url)


_dialect: str | None = None  # of the database `init_db_url` opened, until it is closed


def dialect() -> str:
    """"postgres" or "sqlite": the default connection's. Kept when the database is opened: Tortoise's
    `connections.get` costs ~3 us a call (it checks the event loop each time), and raw statements ask for every
    statement and every condition they write (issue 8's profile: ~2% of a hub page load)."""
    return _dialect or str(connections.get("default").capabilities.dialect)


async def init_db_url(database_url: str) -> None:
    global _dialect
    # Tortoise caches prepared INSERT text per connection name ("default"), whatever the dialect: a process
    # that switches database (the tests run SQLite then PostgreSQL) must forget it.
    EXECUTOR_CACHE.clear()
    _dialect = None
    _create_sqlite_directory(database_url)
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)
    _dialect = str(connections.get("default").capabilities.dialect)


async def close_db() -> None:
    global _dialect
    _dialect = None
    await Tortoise.close_connections()


async def migrate(settings: Settings) -> None:
    """Apply every pending migration (SQLite or PostgreSQL)."""
    _create_sqlite_directory(settings.database_url)
    await _migrate(config=tortoise_config(settings.database_url))
    await close_db()


# For the `tortoise` CLI (makemigrations): `tortoise -c portico.db.TORTOISE_ORM makemigrations`. Its scratch
# database lives in the temporary directory, which exists: importing this module creates nothing.
TORTOISE_ORM = tortoise_config(f"sqlite://{Path(tempfile.gettempdir()) / 'portico-makemigrations.sqlite3'}")
