"""Database setup: the Tortoise configuration, start-up and migrations.

One Tortoise app (`models`) holds every domain's models; its migrations live in `portico.migrations`
and are Tortoise's own (`tortoise makemigrations` writes them, `portico migrate` applies them).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from tortoise import Tortoise
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
]


def _create_sqlite_directory(database_url: str) -> None:
    """SQLite needs the file's directory; created when connecting, never on import (no stray ./data)."""
    if database_url.startswith("sqlite://"):
        path = database_url.removeprefix("sqlite://")
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": database_url},
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


async def init_db_url(database_url: str) -> None:
    # Tortoise caches prepared INSERT text per connection name ("default"), whatever the dialect: a process
    # that switches database (the tests run SQLite then PostgreSQL) must forget it.
    EXECUTOR_CACHE.clear()
    _create_sqlite_directory(database_url)
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)


async def close_db() -> None:
    await Tortoise.close_connections()


async def migrate(settings: Settings) -> None:
    """Apply every pending migration (SQLite or PostgreSQL)."""
    _create_sqlite_directory(settings.database_url)
    await _migrate(config=tortoise_config(settings.database_url))
    await Tortoise.close_connections()


# For the `tortoise` CLI (makemigrations): `tortoise -c portico.db.TORTOISE_ORM makemigrations`. Its scratch
# database lives in the temporary directory, which exists: importing this module creates nothing.
TORTOISE_ORM = tortoise_config(f"sqlite://{Path(tempfile.gettempdir()) / 'portico-makemigrations.sqlite3'}")
