"""Unused uploads are removed after a day, object and row; used and recent ones stay."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from portico.accounts.models import Organization
from portico.hubs.models import Upload
from portico.hubs.sweeps import sweep_unused_uploads
from portico.storage.local import LocalStorage


async def _bytes(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def _upload(storage: LocalStorage, org: Organization, *, age: timedelta, used: bool) -> Upload:
    key = f"org/{org.id}/uploads/{uuid.uuid4()}"
    await storage.put_stream(key, _bytes(b"hello"), content_type="text/plain")
    row = await Upload.create(
        id=uuid.uuid4(), organization=org, name="a.txt", storage_key=key, content_type="text/plain", size_bytes=5,
        sha256="0" * 64, used_at=datetime.now(UTC) if used else None,
    )
    await Upload.filter(id=row.id).update(created_at=datetime.now(UTC) - age)
    return row


async def test_sweep_removes_only_old_unused_uploads(db: str, tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path / "files")
    await storage.start()
    org = await Organization.create(name="Acme", storage_quota_bytes=10**9)
    old_unused = await _upload(storage, org, age=timedelta(days=2), used=False)
    old_used = await _upload(storage, org, age=timedelta(days=2), used=True)
    recent = await _upload(storage, org, age=timedelta(minutes=5), used=False)

    removed = await sweep_unused_uploads(storage)

    assert removed == 1
    assert not await Upload.filter(id=old_unused.id).exists()
    assert not await storage.exists(old_unused.storage_key)
    for kept in (old_used, recent):
        assert await Upload.filter(id=kept.id).exists()
        assert await storage.exists(kept.storage_key)
    await storage.close()
