"""Configuration: embedded defaults, and a ConfigError naming the variable for every bad value."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from portico.settings import KNOWN_VARIABLES, ConfigError, load_settings

GOOD_SECRET = "k" * 40


def test_embedded_defaults_need_no_variables(tmp_path: Path) -> None:
    settings = load_settings({"DATA_DIR": str(tmp_path)})
    assert settings.env == "development" and not settings.is_production
    assert settings.database_url == f"sqlite://{tmp_path}/portico.sqlite3"
    assert not settings.is_postgres
    assert settings.storage_url == f"file://{tmp_path}/files"
    assert not settings.storage_is_s3
    assert settings.storage_location == f"{tmp_path}/files"
    assert settings.redis_url is None
    assert settings.smtp_url is None
    assert settings.run_jobs_in_process is True
    assert settings.graphql_introspection is True
    assert settings.public_url == "http://127.0.0.1:8000"
    assert settings.log_level == "INFO"


def test_secret_key_is_generated_once_and_kept_private(tmp_path: Path) -> None:
    first = load_settings({"DATA_DIR": str(tmp_path)})
    key_file = tmp_path / "secret_key"
    assert key_file.exists()
    assert len(first.secret_key) >= 32
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    second = load_settings({"DATA_DIR": str(tmp_path)})
    assert second.secret_key == first.secret_key
    assert first.secret_key not in repr(first)


def test_data_dir_is_created_when_missing(tmp_path: Path) -> None:
    data_dir = tmp_path / "nested" / "data"
    load_settings({"DATA_DIR": str(data_dir)})
    assert (data_dir / "secret_key").exists()


def test_production_requires_a_secret_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_settings({"DATA_DIR": str(tmp_path), "PORTICO_ENV": "production"})
    assert not (tmp_path / "secret_key").exists(), "production must never invent a key"


def test_production_with_a_secret_key_turns_introspection_off(tmp_path: Path) -> None:
    settings = load_settings({"DATA_DIR": str(tmp_path), "PORTICO_ENV": "production", "SECRET_KEY": GOOD_SECRET})
    assert settings.is_production
    assert settings.secret_key == GOOD_SECRET
    assert settings.graphql_introspection is False


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"REDIS_URL": "http://x"}, "REDIS_URL"),
        ({"STORAGE_URL": "s3://"}, "STORAGE_URL"),
        ({"STORAGE_URL": "ftp://files"}, "STORAGE_URL"),
        ({"STORAGE_URL": "s3://bucket"}, "S3_ACCESS_KEY_ID"),
        ({"STORAGE_URL": "s3://bucket", "S3_ACCESS_KEY_ID": "id"}, "S3_SECRET_ACCESS_KEY"),
        ({"S3_ENDPOINT_URL": "s3.example.com"}, "S3_ENDPOINT_URL"),
        ({"SMTP_URL": "mail.example.com:25"}, "SMTP_URL"),
        ({"PUBLIC_URL": "ftp://portico.example"}, "PUBLIC_URL"),
        ({"MAX_UPLOAD_BYTES": "abc"}, "MAX_UPLOAD_BYTES"),
        ({"MAX_UPLOAD_BYTES": "0"}, "MAX_UPLOAD_BYTES"),
        ({"DEFAULT_STORAGE_QUOTA_BYTES": "-5"}, "DEFAULT_STORAGE_QUOTA_BYTES"),
        ({"RUN_JOBS_IN_PROCESS": "maybe"}, "RUN_JOBS_IN_PROCESS"),
        ({"GRAPHQL_INTROSPECTION": "sometimes"}, "GRAPHQL_INTROSPECTION"),
        ({"PORTICO_ENV": "staging"}, "PORTICO_ENV"),
        ({"SECRET_KEY": "too-short"}, "SECRET_KEY"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"HTTP_KEEP_ALIVE_SECONDS": "a minute"}, "HTTP_KEEP_ALIVE_SECONDS"),
        ({"HTTP_KEEP_ALIVE_SECONDS": "0"}, "HTTP_KEEP_ALIVE_SECONDS"),
    ],
    ids=lambda v: ",".join(f"{k}={val}" for k, val in v.items()) if isinstance(v, dict) else v,
)
def test_malformed_variable_is_named_in_the_error(tmp_path: Path, variables: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({"DATA_DIR": str(tmp_path), **variables})
    assert named in str(caught.value)


def test_scaled_configuration_is_read(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "DATA_DIR": str(tmp_path),
            "DATABASE_URL": "postgres://portico:pw@db:5432/portico",
            "REDIS_URL": "redis://redis:6379/0",
            "STORAGE_URL": "s3://portico-files",
            "S3_ENDPOINT_URL": "http://s3:8333",
            "S3_ACCESS_KEY_ID": "id",
            "S3_SECRET_ACCESS_KEY": "secret",
            "SMTP_URL": "smtp://smtp:1025",
            "PUBLIC_URL": "https://portico.example/",
            "MAX_UPLOAD_BYTES": "1048576",
            "RUN_JOBS_IN_PROCESS": "false",
            "LOG_LEVEL": "debug",
        }
    )
    assert settings.is_postgres
    assert settings.storage_is_s3 and settings.storage_location == "portico-files"
    assert settings.public_url == "https://portico.example"
    assert settings.secure_cookies
    assert settings.public_origin == "https://portico.example"
    assert settings.max_upload_bytes == 1048576
    assert settings.run_jobs_in_process is False
    assert settings.log_level == "DEBUG"


def test_empty_values_mean_the_default(tmp_path: Path) -> None:
    empty = {name: "" for name in KNOWN_VARIABLES}
    settings = load_settings({**empty, "DATA_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite://{tmp_path}/portico.sqlite3"
    assert settings.redis_url is None and not settings.is_production
