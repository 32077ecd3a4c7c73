"""Fixtures: every behaviour test runs against LocalStorage and against S3Storage over real HTTP (moto's server)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from portico.storage import LocalStorage, S3Storage, Storage

ACCESS_KEY = "testing"
SECRET_KEY = "testing-secret"


@dataclass
class Backend:
    """A started Storage plus a way to see everything it physically holds (objects, temp files, pending uploads)."""

    name: str
    storage: Storage
    leftovers: Callable[[], Awaitable[list[str]]]


def make_s3_storage(endpoint: str) -> S3Storage:
    return S3Storage(
        bucket=f"test-{uuid.uuid4().hex[:12]}",
        endpoint_url=endpoint,
        access_key_id=ACCESS_KEY,
        secret_access_key=SECRET_KEY,
        region="us-east-1",
    )


async def s3_leftovers(storage: S3Storage) -> list[str]:
    objects = await storage.client.list_objects_v2(Bucket=storage.bucket)
    uploads = await storage.client.list_multipart_uploads(Bucket=storage.bucket)
    return [obj["Key"] for obj in objects.get("Contents", [])] + [
        f"pending-upload:{upload['Key']}" for upload in uploads.get("Uploads", [])
    ]


def local_leftovers(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if not path.is_dir())


@pytest_asyncio.fixture(params=["local", "s3"])
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    if request.param == "local":
        root = tmp_path / "files"
        local = LocalStorage(root)
        await local.start()

        async def local_left() -> list[str]:
            return local_leftovers(root)

        yield Backend("local", local, local_left)
        await local.close()
    else:
        s3 = make_s3_storage(request.getfixturevalue("s3_endpoint"))
        await s3.start()

        async def s3_left() -> list[str]:
            return await s3_leftovers(s3)

        try:
            yield Backend("s3", s3, s3_left)
        finally:
            await s3.close()


@pytest.fixture
def storage(backend: Backend) -> Storage:
    return backend.storage
