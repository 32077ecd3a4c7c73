"""docker-compose.yml (the scaled deployment) agrees with the settings the app reads.

No Docker engine runs here, so the file is parsed and its app environment fed to load_settings().
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from portico.settings import KNOWN_VARIABLES, load_settings

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"

# Values for the variables the operator must provide (${NAME:?message}); others use their ${NAME:-default}.
SAMPLE_VALUES = {
    "SECRET_KEY": "s" * 48,
    "POSTGRES_PASSWORD": "sample-postgres-password",
    "S3_SECRET_ACCESS_KEY": "sample-s3-secret",
}
_PLACEHOLDER = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")


def _substitute(value: str) -> str:
    """Interpolate ${NAME}, ${NAME:-default} and ${NAME:?message} the way Compose does, from SAMPLE_VALUES."""

    def replace(match: re.Match[str]) -> str:
        name, op, arg = match["name"], match["op"], match["arg"]
        if name in SAMPLE_VALUES:
            return SAMPLE_VALUES[name]
        if op in (":-", "-"):
            return arg
        raise AssertionError(f"${{{name}}} has no default and no sample value in this test")

    return _PLACEHOLDER.sub(replace, value)


def _environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):  # the ["NAME=value", ...] form
        env = dict(item.split("=", 1) for item in env)
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = compose["services"]
    return result


def _image(service: dict[str, Any]) -> str:
    return str(service.get("image", ""))


def _command(service: dict[str, Any]) -> str:
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else str(command)


@pytest.mark.parametrize("name", ["app", "worker"])
def test_portico_services_set_only_known_variables(services: dict[str, dict[str, Any]], name: str) -> None:
    unknown = sorted(set(_environment(services[name])) - set(KNOWN_VARIABLES))
    assert not unknown, f"{name} sets variables portico.settings does not read: {unknown}"


def test_the_services_the_app_needs_exist(services: dict[str, dict[str, Any]]) -> None:
    assert _image(services["postgres"]).startswith("postgres:")
    assert _image(services["redis"]).startswith("redis:")
    assert "seaweedfs" in _image(services["s3"]) and "-s3" in _command(services["s3"])
    assert "mailpit" in _image(services["smtp"])
    assert _command(services["worker"]).endswith("portico worker")


def test_every_service_has_a_healthcheck(services: dict[str, dict[str, Any]]) -> None:
    missing = [name for name, service in services.items() if not (service.get("healthcheck") or {}).get("test")]
    assert not missing, f"services without a healthcheck: {missing}"
    assert "/readyz" in str(services["app"]["healthcheck"]["test"])


def test_dependencies_wait_for_healthy_services(services: dict[str, dict[str, Any]]) -> None:
    for name in ("app", "worker"):
        depends = services[name]["depends_on"]
        assert {"postgres", "redis", "s3", "smtp"} <= set(depends), name
        for dependency, condition in depends.items():
            assert condition == {"condition": "service_healthy"}, f"{name} -> {dependency}"
        for dependency in depends:
            assert dependency in services, f"{name} depends on a missing service {dependency}"


def test_app_runs_migrations_then_at_least_two_workers(services: dict[str, dict[str, Any]]) -> None:
    command = _command(services["app"])
    assert command.index("portico migrate") < command.index("portico serve")
    workers = re.search(r"--workers[ =](\d+)", command)
    assert workers and int(workers.group(1)) >= 2, command


def test_jobs_run_in_the_worker_not_in_the_app(services: dict[str, dict[str, Any]]) -> None:
    settings = load_settings({k: _substitute(v) for k, v in _environment(services["app"]).items()})
    assert settings.run_jobs_in_process is False


@pytest.mark.parametrize("name", ["app", "worker"])
def test_settings_accept_the_scaled_environment(services: dict[str, dict[str, Any]], name: str) -> None:
    env = {k: _substitute(v) for k, v in _environment(services[name]).items()}
    settings = load_settings(env)
    assert settings.is_production
    assert settings.is_postgres
    assert settings.redis_url
    assert settings.storage_is_s3 and settings.storage_location == "portico-files"
    assert settings.s3_endpoint_url and settings.s3_access_key_id and settings.s3_secret_access_key
    assert settings.smtp_url
    assert settings.secret_key == SAMPLE_VALUES["SECRET_KEY"]
    assert settings.graphql_introspection is False


def test_s3_credentials_match_between_app_and_store(compose: dict[str, Any]) -> None:
    """The SeaweedFS identity file is rendered from the same variables the app reads."""
    app_env = _environment(compose["services"]["app"])
    identity = _substitute(compose["configs"]["seaweedfs-s3"]["content"])
    assert _substitute(app_env["S3_ACCESS_KEY_ID"]) in identity
    assert _substitute(app_env["S3_SECRET_ACCESS_KEY"]) in identity


def test_dockerfile_builds_the_spa_and_runs_portico_on_python_311() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    stages = re.findall(r"^FROM\s+(\S+)", dockerfile, flags=re.MULTILINE)
    assert stages[0].startswith("node:") and "npm run build" in dockerfile
    assert stages[-1] == "python:3.11-slim"
    assert "frontend/dist" in dockerfile
