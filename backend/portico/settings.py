"""All configuration, read from environment variables, with embedded defaults.

The embedded default (no variables set) runs everything in one process on this machine: SQLite under ./data/,
files under ./data/files, the in-process broker and job runner, and emails kept in the outbox (the dev mailbox).
The scaled deployment sets DATABASE_URL, REDIS_URL, STORAGE_URL, SMTP_URL and friends; see README.md.

Bad configuration fails at start with a ConfigError naming the variable.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

# Every variable the settings read. docker-compose.yml is checked against this list by a test.
KNOWN_VARIABLES = (
    "PORTICO_ENV",
    "DATA_DIR",
    "DATABASE_URL",
    "REDIS_URL",
    "STORAGE_URL",
    "S3_ENDPOINT_URL",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_REGION",
    "SMTP_URL",
    "MAIL_FROM",
    "SECRET_KEY",
    "PUBLIC_URL",
    "MAX_UPLOAD_BYTES",
    "GRAPHQL_MAX_BODY_BYTES",
    "DEFAULT_STORAGE_QUOTA_BYTES",
    "RUN_JOBS_IN_PROCESS",
    "GRAPHQL_INTROSPECTION",
    "LOG_LEVEL",
    "FORWARDED_ALLOW_IPS",
    "MAX_SUBSCRIPTIONS_PER_CONNECTION",
    "MAX_SUBSCRIPTIONS_PER_API_KEY",
    "HTTP_KEEP_ALIVE_SECONDS",
)


class ConfigError(Exception):
    """Raised at start when a variable is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    env: str = "development"
    data_dir: Path = Path("data")
    database_url: str = "sqlite://data/portico.sqlite3"
    redis_url: str | None = None
    storage_url: str = "file://data/files"
    s3_endpoint_url: str | None = None
    s3_access_key_id: str | None = None
    s3_secret_access_key: str | None = None
    s3_region: str = "us-east-1"
    smtp_url: str | None = None
    mail_from: str = "Portico <no-reply@portico.localhost>"
    secret_key: str = field(default="", repr=False)
    public_url: str = "http://127.0.0.1:8000"
    max_upload_bytes: int = 2 * 1024**3
    graphql_max_body_bytes: int = 1024**2
    default_storage_quota_bytes: int = 5 * 1024**3
    run_jobs_in_process: bool = True
    graphql_introspection: bool = True
    log_level: str = "INFO"
    forwarded_allow_ips: tuple[str, ...] = ()
    max_subscriptions_per_connection: int = 20
    max_subscriptions_per_api_key: int = 50
    # How long an idle HTTP connection is kept open for its next request (`portico.cli.uvicorn_options`).
    http_keep_alive_seconds: int = 75

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith(("postgres://", "postgresql://", "asyncpg://"))

    @property
    def secure_cookies(self) -> bool:
        return self.public_url.startswith("https://")

    @property
    def public_origin(self) -> str:
        parsed = urlparse(self.public_url)
        return f"{parsed.scheme}://{parsed.netloc}"

    @property
    def storage_is_s3(self) -> bool:
        return self.storage_url.startswith("s3://")

    @property
    def storage_location(self) -> str:
        """The local directory (file://) or the bucket name (s3://)."""
        parsed = urlparse(self.storage_url)
        return parsed.netloc + parsed.path if parsed.scheme == "file" else parsed.netloc


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _int(env: Mapping[str, str], name: str, default: int, unit: str = "bytes") -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number of {unit}, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {raw!r}")
    return value


def _url(env: Mapping[str, str], name: str, schemes: tuple[str, ...]) -> str | None:
    raw = env.get(name)
    if raw is None or raw == "":
        return None
    parsed = urlparse(raw)
    if parsed.scheme not in schemes:
        raise ConfigError(f"{name} must start with one of {', '.join(s + '://' for s in schemes)}, got {raw!r}")
    return raw


def _proxies(env: Mapping[str, str]) -> tuple[str, ...]:
    """FORWARDED_ALLOW_IPS: comma-separated addresses or networks of trusted proxies, or * (any: only when nothing
    else can reach the server). Empty: X-Forwarded-* headers are ignored."""
    raw = env.get("FORWARDED_ALLOW_IPS") or ""
    entries = tuple(item.strip() for item in raw.split(",") if item.strip())
    for entry in entries:
        if entry == "*":
            continue
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise ConfigError(
                f"FORWARDED_ALLOW_IPS must list IP addresses or networks (like 10.0.0.0/8) or *, got {entry!r}"
            ) from None
    return entries


def _secret_key(env: Mapping[str, str], production: bool, data_dir: Path) -> str:
    raw = env.get("SECRET_KEY")
    if raw:
        if len(raw) < 32:
            raise ConfigError("SECRET_KEY must be at least 32 characters long")
        return raw
    if production:
        raise ConfigError("SECRET_KEY is required when PORTICO_ENV=production")
    # Embedded default: generate once and keep it beside the data, so sessions and links survive restarts.
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read and validate the configuration; raise ConfigError naming the first bad variable."""
    env = os.environ if env is None else env
    mode = env.get("PORTICO_ENV", "development") or "development"
    if mode not in ("development", "production"):
        raise ConfigError(f"PORTICO_ENV must be development or production, got {mode!r}")
    production = mode == "production"
    data_dir = Path(env.get("DATA_DIR") or "data")

    database_url = _url(env, "DATABASE_URL", ("sqlite", "postgres", "postgresql", "asyncpg"))
    if database_url is None:
        database_url = f"sqlite://{data_dir}/portico.sqlite3"
    redis_url = _url(env, "REDIS_URL", ("redis", "rediss"))
    storage_url = _url(env, "STORAGE_URL", ("file", "s3")) or f"file://{data_dir}/files"
    if storage_url.startswith("s3://"):
        if not urlparse(storage_url).netloc:
            raise ConfigError("STORAGE_URL must name a bucket, like s3://portico-files")
        for name in ("S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"):
            if not env.get(name):
                raise ConfigError(f"{name} is required when STORAGE_URL is an s3:// bucket")
    smtp_url = _url(env, "SMTP_URL", ("smtp", "smtps"))
    public_url = _url(env, "PUBLIC_URL", ("http", "https")) or "http://127.0.0.1:8000"
    level = (env.get("LOG_LEVEL") or "INFO").upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")

    return Settings(
        env=mode,
        data_dir=data_dir,
        database_url=database_url,
        redis_url=redis_url,
        storage_url=storage_url,
        s3_endpoint_url=_url(env, "S3_ENDPOINT_URL", ("http", "https")),
        s3_access_key_id=env.get("S3_ACCESS_KEY_ID") or None,
        s3_secret_access_key=env.get("S3_SECRET_ACCESS_KEY") or None,
        s3_region=env.get("S3_REGION") or "us-east-1",
        smtp_url=smtp_url,
        mail_from=env.get("MAIL_FROM") or "Portico <no-reply@portico.localhost>",
        secret_key=_secret_key(env, production, data_dir),
        public_url=public_url.rstrip("/"),
        max_upload_bytes=_int(env, "MAX_UPLOAD_BYTES", 2 * 1024**3),
        graphql_max_body_bytes=_int(env, "GRAPHQL_MAX_BODY_BYTES", 1024**2),
        default_storage_quota_bytes=_int(env, "DEFAULT_STORAGE_QUOTA_BYTES", 5 * 1024**3),
        run_jobs_in_process=_bool(env, "RUN_JOBS_IN_PROCESS", True),
        graphql_introspection=_bool(env, "GRAPHQL_INTROSPECTION", not production),
        log_level=level,
        forwarded_allow_ips=_proxies(env),
        max_subscriptions_per_connection=_int(env, "MAX_SUBSCRIPTIONS_PER_CONNECTION", 20, "subscriptions"),
        max_subscriptions_per_api_key=_int(env, "MAX_SUBSCRIPTIONS_PER_API_KEY", 50, "subscriptions"),
        http_keep_alive_seconds=_int(env, "HTTP_KEEP_ALIVE_SECONDS", 75, "seconds"),
    )
