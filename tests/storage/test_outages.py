"""The store failing (issue 7, point 16): S3 unreachable or erroring and a failing disk are StorageUnavailable, with
nothing left behind (the multipart upload aborted); temp files of a process killed mid-upload go at the next start."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError
from moto.server import ThreadedMotoServer

from portico.storage import LocalStorage, StorageUnavailable
from portico.storage import local as local_module
from tests.conftest import free_port
from tests.storage.conftest import local_leftovers, make_s3_storage, s3_leftovers
from tests.storage.helpers import chunked

MiB = 1024 * 1024
SMALL = b"%PDF-1.4 small\n" * 100
LARGE = b"z" * (20 * MiB)  # three parts of 8 MiB


@pytest.fixture
def own_s3() -> Iterator[tuple[ThreadedMotoServer, str]]:
    """An S3 server this test may stop."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield server, f"http://127.0.0.1:{port}"
    finally:
        server.stop()


async def test_an_unreachable_s3_is_storage_unavailable_and_fails_fast(own_s3: tuple[ThreadedMotoServer, str]) -> None:
    server, endpoint = own_s3
    storage = make_s3_storage(endpoint)
    await storage.start()
    await storage.put_stream("org/1/kept", chunked(SMALL), content_type="application/pdf")
    server.stop()  # S3 goes down
    try:
        started = time.monotonic()
        for data in (SMALL, LARGE):
            with pytest.raises(StorageUnavailable):
                await storage.put_stream("org/1/new", chunked(data), content_type="application/pdf")
        with pytest.raises(StorageUnavailable):
            await storage.size("org/1/kept")
        with pytest.raises(StorageUnavailable):
            await storage.exists("org/1/kept")
        with pytest.raises(StorageUnavailable):
            await storage.delete("org/1/kept")
        with pytest.raises(StorageUnavailable):
            await anext(aiter(storage.open_range("org/1/kept")))
        assert time.monotonic() - started < 60  # retried, but not for minutes
    finally:
        await storage.close()


class _FailingParts:
    """Wraps the S3 client: the second part upload fails as `error` (S3 dropped, or answered 503)."""

    def __init__(self, client: Any, error: Exception) -> None:
        self.client = client
        self.error = error
        self.parts = 0

    async def upload_part(self, **kwargs: Any) -> Any:
        self.parts += 1
        if self.parts == 2:
            raise self.error
        return await self.client.upload_part(**kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)


@pytest.mark.parametrize(
    "error",
    [
        EndpointConnectionError(endpoint_url="http://s3.example"),
        ClientError({"Error": {"Code": "ServiceUnavailable", "Message": "Please reduce your request rate."},
                     "ResponseMetadata": {"HTTPStatusCode": 503}}, "UploadPart"),
    ],
    ids=["connection-lost", "503"],
)
async def test_s3_failing_mid_upload_aborts_the_multipart_upload(s3_endpoint: str, error: Exception) -> None:
    storage = make_s3_storage(s3_endpoint)
    await storage.start()
    real = storage._client
    storage._client = _FailingParts(real, error)
    try:
        with pytest.raises(StorageUnavailable) as raised:
            await storage.put_stream("org/1/big", chunked(LARGE), content_type="application/pdf")
        assert raised.value.__cause__ is error
        storage._client = real
        assert await s3_leftovers(storage) == []  # no object, no pending multipart upload
    finally:
        storage._client = real
        await storage.close()


async def test_s3_refusing_a_request_is_not_an_outage(s3_endpoint: str) -> None:
    storage = make_s3_storage(s3_endpoint)
    await storage.start()
    storage._client = _FailingParts(storage._client, ClientError(
        {"Error": {"Code": "EntityTooSmall"}, "ResponseMetadata": {"HTTPStatusCode": 400}}, "UploadPart"))
    try:
        with pytest.raises(ClientError):
            await storage.put_stream("org/1/big", chunked(LARGE), content_type="application/pdf")
    finally:
        storage._client = storage._client.client
        assert await s3_leftovers(storage) == []
        await storage.close()


async def test_a_failing_disk_is_storage_unavailable_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = LocalStorage(tmp_path / "files")
    await storage.start()

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(local_module, "_commit", disk_full)
    with pytest.raises(StorageUnavailable, match="No space left"):
        await storage.put_stream("org/1/u", chunked(SMALL), content_type="application/pdf")
    assert local_leftovers(tmp_path / "files") == []


# --- temp files of a process killed mid-upload ---------------------------------------------------------------------

_WRITER = """
import asyncio, sys
from pathlib import Path
from portico.storage import LocalStorage

async def endless():
    while True:
        yield b"x" * 65536
        await asyncio.sleep(0.01)

async def main():
    storage = LocalStorage(Path(sys.argv[1]))
    await storage.start()
    await storage.put_stream("org/1/uploads/0b5e", endless(), content_type="application/pdf")

asyncio.run(main())
"""


def _temp_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob(".upload-*"))


async def test_temp_files_of_a_process_killed_mid_upload_are_removed_at_start(tmp_path: Path) -> None:
    root = tmp_path / "files"
    # given: a process streaming an upload, killed with SIGKILL (no cleanup runs)
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(root)])
    deadline = time.monotonic() + 30
    while not _temp_files(root) and time.monotonic() < deadline:
        time.sleep(0.05)
    [left] = _temp_files(root)
    assert left.name.startswith(f".upload-{writer.pid}@")
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()

    # and temp files that must stay: ours, a live process's (pid 1), another host's, an old-style name
    uploads = left.parent
    host = left.name.split("@", 1)[1].rsplit("-", 1)[0]
    kept = [f".upload-{os.getpid()}@{host}-abc123", f".upload-1@{host}-def456",
            f".upload-{writer.pid}@other-host-ghi789", ".upload-k2j3h4"]
    for name in kept:
        (uploads / name).write_bytes(b"partial")

    # when: the next process starts its storage
    storage = LocalStorage(root)
    await storage.start()

    # then
    assert sorted(p.name for p in _temp_files(root)) == sorted(kept)


async def test_put_stream_names_its_temp_file_after_the_writing_process(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    await storage.start()
    seen: list[str] = []

    async def source() -> AsyncIterator[bytes]:
        yield b"x" * 1000
        seen.extend(p.name for p in tmp_path.rglob(".upload-*"))
        yield b"y"

    await storage.put_stream("org/1/uploads/a", source(), content_type="text/plain")
    [name] = seen
    assert name.startswith(f".upload-{os.getpid()}@{local_module._HOST}-")
    assert local_module._TMP_NAME.match(name)
    assert local_leftovers(tmp_path) == ["org/1/uploads/a"]


