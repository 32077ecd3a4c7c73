"""storage_from_settings and the sweep of interrupted uploads."""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from portico.settings import load_settings
from portico.storage import LocalStorage, S3Storage, storage_from_settings

from .conftest import make_s3_storage, s3_leftovers


def test_default_settings_give_local_storage(tmp_path: Path) -> None:
    settings = load_settings({"DATA_DIR": str(tmp_path)})
    storage = storage_from_settings(settings)
    assert isinstance(storage, LocalStorage)
    assert storage.root == tmp_path / "files"


def test_s3_settings_give_s3_storage(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "DATA_DIR": str(tmp_path),
            "STORAGE_URL": "s3://portico-files",
            "S3_ENDPOINT_URL": "http://127.0.0.1:8333",
            "S3_ACCESS_KEY_ID": "key",
            "S3_SECRET_ACCESS_KEY": "secret",
            "S3_REGION": "eu-west-1",
        }
    )
    storage = storage_from_settings(settings)
    assert isinstance(storage, S3Storage)
    assert (storage.bucket, storage.endpoint_url, storage.region) == (
        "portico-files",
        "http://127.0.0.1:8333",
        "eu-west-1",
    )


@pytest.mark.asyncio
async def test_local_sweep_removes_only_old_temp_files(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    await storage.start()
    (tmp_path / "org" / "1").mkdir(parents=True)
    old = tmp_path / "org" / "1" / ".upload-crashed"
    old.write_bytes(b"partial")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))
    fresh = tmp_path / "org" / "1" / ".upload-in-progress"
    fresh.write_bytes(b"partial")
    (tmp_path / "org" / "1" / "kept").write_bytes(b"object")

    assert await storage.sweep_incomplete(timedelta(days=1)) == 1
    assert sorted(p.name for p in (tmp_path / "org" / "1").iterdir()) == [".upload-in-progress", "kept"]


@pytest.mark.asyncio
async def test_s3_sweep_aborts_pending_uploads(s3_endpoint: str) -> None:
    storage = make_s3_storage(s3_endpoint)
    await storage.start()
    try:
        await storage.client.create_multipart_upload(Bucket=storage.bucket, Key="org/1/crashed")
        assert await s3_leftovers(storage) == ["pending-upload:org/1/crashed"]

        # moto reports every upload as initiated on 2010-11-10, so "too recent" needs a window reaching past that.
        assert await storage.sweep_incomplete(timedelta(days=365 * 40)) == 0
        assert await storage.sweep_incomplete(timedelta(0)) == 1
        assert await s3_leftovers(storage) == []
    finally:
        await storage.close()


@pytest.mark.asyncio
async def test_s3_start_is_idempotent_and_keeps_an_existing_bucket(s3_endpoint: str) -> None:
    first = make_s3_storage(s3_endpoint)
    await first.start()
    await first.start()
    second = S3Storage(first.bucket, s3_endpoint, "testing", "testing-secret")
    try:
        await first.put_stream("org/1/x", _one(b"kept"), content_type="text/plain")
        await second.start()  # another process starting against the same bucket
        assert await second.size("org/1/x") == 4
    finally:
        await first.close()
        await second.close()
    with pytest.raises(RuntimeError):
        await first.size("org/1/x")


async def _one(data: bytes) -> AsyncIterator[bytes]:
    yield data
