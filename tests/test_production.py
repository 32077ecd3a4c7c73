"""Production hygiene (issue 7, point 19): seed-demo refuses production, X-Forwarded-For is believed only from named
proxies, importing the package writes nothing into the working directory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from portico import cli
from portico.accounts.models import Member
from portico.demo import DemoRefused, seed_demo
from portico.settings import ConfigError, load_settings
from portico.storage import LocalStorage

ROOT = Path(__file__).resolve().parents[1]


def test_seed_demo_refuses_to_run_in_production(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in {"PORTICO_ENV": "production", "SECRET_KEY": "s" * 48, "DATA_DIR": str(tmp_path / "data"),
                        "DATABASE_URL": f"sqlite://{tmp_path}/data/portico.sqlite3"}.items():
        monkeypatch.setenv(name, value)

    # when
    with pytest.raises(SystemExit) as exited:
        cli.main(["seed-demo"])

    # then: refused before anything was opened or written
    assert exited.value.code == 2
    assert "refuses to run with PORTICO_ENV=production" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()


async def test_seed_demo_itself_refuses_production_settings(db: str, tmp_path: Path) -> None:
    settings = load_settings({"PORTICO_ENV": "production", "SECRET_KEY": "s" * 48, "DATABASE_URL": db,
                              "DATA_DIR": str(tmp_path)})
    with pytest.raises(DemoRefused):
        await seed_demo(settings, LocalStorage(tmp_path / "files"))
    assert await Member.all().count() == 0


# --- X-Forwarded-For -------------------------------------------------------------------------------------------


def _client_seen(env: dict[str, str], peer: str, forwarded_for: str) -> tuple[str, str]:
    """(client host, scheme) the app sees behind uvicorn configured as `portico serve` configures it."""
    settings = load_settings({"DATA_DIR": "/nonexistent", "SECRET_KEY": "s" * 48, **env})
    seen: dict[str, Any] = {}

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        seen.update(scope)

    config = uvicorn.Config(app, **cli.proxy_options(settings))
    config.load()
    scope = {"type": "http", "client": (peer, 5000), "scheme": "http",
             "headers": [(b"x-forwarded-for", forwarded_for.encode()), (b"x-forwarded-proto", b"https")]}
    import asyncio

    asyncio.run(config.loaded_app(scope, None, None))
    return seen["client"][0], seen["scheme"]


def test_forwarded_headers_are_ignored_unless_proxies_are_named() -> None:
    # uvicorn's own default would believe 127.0.0.1
    assert _client_seen({}, "127.0.0.1", "6.6.6.6") == ("127.0.0.1", "http")
    assert _client_seen({}, "10.0.0.5", "6.6.6.6") == ("10.0.0.5", "http")


def test_forwarded_headers_are_believed_from_the_named_proxies_only() -> None:
    env = {"FORWARDED_ALLOW_IPS": "10.0.0.0/24, 192.168.1.7"}
    assert _client_seen(env, "10.0.0.5", "6.6.6.6") == ("6.6.6.6", "https")
    assert _client_seen(env, "192.168.1.7", "6.6.6.6") == ("6.6.6.6", "https")
    assert _client_seen(env, "127.0.0.1", "6.6.6.6") == ("127.0.0.1", "http")
    assert _client_seen(env, "10.0.1.5", "6.6.6.6") == ("10.0.1.5", "http")


def test_forwarded_allow_ips_is_checked_at_start() -> None:
    assert load_settings({"DATA_DIR": "/nonexistent", "SECRET_KEY": "s" * 48}).forwarded_allow_ips == ()
    with pytest.raises(ConfigError, match="FORWARDED_ALLOW_IPS"):
        load_settings({"DATA_DIR": "/nonexistent", "SECRET_KEY": "s" * 48, "FORWARDED_ALLOW_IPS": "proxy.local"})


# --- imports write nothing ---------------------------------------------------------------------------------------


def test_importing_the_package_creates_no_data_directory(tmp_path: Path) -> None:
    # when
    subprocess.run(
        [sys.executable, "-c", "import portico.db, portico.app, portico.cli, portico.graphql.schema, portico.demo"],
        cwd=tmp_path, check=True, timeout=60,
    )
    # then
    assert list(tmp_path.iterdir()) == []


def test_a_server_process_freezes_what_it_made_at_start_and_tests_do_not(tmp_path: Path) -> None:
    """`asgi` (what `portico serve` runs) moves the startup objects out of the collector's reach once the lifespan
    has started; an app made by `create_app` alone (every test's) leaves the collector as it is. In a subprocess:
    a freeze lasts as long as its process."""
    script = """
import asyncio, gc, os
from portico.app import asgi, create_app
from portico.settings import load_settings

async def frozen_after_start(app):
    async with app.router.lifespan_context(app):
        return gc.get_freeze_count()

assert asyncio.run(frozen_after_start(create_app(load_settings()))) == 0
print(asyncio.run(frozen_after_start(asgi())))
"""
    env = {"PATH": "/usr/bin:/bin", "DATA_DIR": str(tmp_path), "SECRET_KEY": "x" * 48,
           "DATABASE_URL": f"sqlite://{tmp_path / 'db.sqlite3'}", "RUN_JOBS_IN_PROCESS": "false"}
    subprocess.run([sys.executable, "-m", "portico.cli", "migrate"], env=env, check=True, timeout=120,
                   capture_output=True)
    done = subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=120, capture_output=True,
                          text=True)
    assert int(done.stdout.strip().splitlines()[-1]) > 10_000
