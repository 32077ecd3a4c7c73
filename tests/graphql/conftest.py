from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from tortoise.contrib.test import truncate_all_models

from portico.app import create_app
from portico.settings import load_settings


@pytest.fixture
async def production_app(app_env: dict[str, str], tmp_path: Path) -> AsyncIterator[Starlette]:
    """The whole app as deployed (PORTICO_ENV=production), on SQLite and on PostgreSQL. Not with `app` in one test."""
    env = {**app_env, "PORTICO_ENV": "production", "SECRET_KEY": "s" * 48}
    application = create_app(load_settings(env), frontend_dist=tmp_path / "no-frontend")
    assert application.state.settings.is_production
    async with application.router.lifespan_context(application):
        if not env["DATABASE_URL"].startswith("sqlite"):
            await truncate_all_models()
        yield application
