"""Behaviour every Storage backend must share (each test runs on LocalStorage and S3Storage)."""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import AsyncGenerator, AsyncIterator

import pytest

from portico.storage import InvalidKey, InvalidRange, ObjectNotFound, S3Storage, Storage

from .conftest import Backend
from .helpers import chunked, read_all

pytestmark = pytest.mark.asyncio

MiB = 1024 * 1024


class SourceFailed(Exception):
    pass


async def test_round_trip(storage: Storage) -> None:
    data = os.urandom(200_000)
    await storage.put_stream("org/1/a", chunked(data), content_type="application/octet-stream")

    assert await storage.exists("org/1/a")
    assert await storage.size("org/1/a") == len(data)
    chunks = [chunk async for chunk in storage.open_range("org/1/a")]
    assert b"".join(chunks) == data
    assert max(len(chunk) for chunk in chunks) <= 64 * 1024


async def test_delete_and_missing_keys(storage: Storage) -> None:
    await storage.put_stream("org/1/b", chunked(b"hello"), content_type="text/plain")
    await storage.delete("org/1/b")

    assert not await storage.exists("org/1/b")
    await storage.delete("org/1/b")  # deleting again is not an error
    with pytest.raises(ObjectNotFound):
        await storage.size("org/1/b")
    with pytest.raises(ObjectNotFound):
        await read_all(storage, "org/1/b")


async def test_overwrite_replaces_content(storage: Storage) -> None:
    await storage.put_stream("org/1/c", chunked(b"first version"), content_type="text/plain")
    await storage.put_stream("org/1/c", chunked(b"second"), content_type="text/plain")

    assert await read_all(storage, "org/1/c") == b"second"


async def test_40_mib_streams_through_multipart(backend: Backend) -> None:
    storage = backend.storage
    expected = hashlib.sha256()
    total = 40 * MiB

    async def generate() -> AsyncIterator[bytes]:
        # Chunk by chunk, as a request body arrives; the whole file never exists in the test either.
        for index in range(total // (256 * 1024)):
            chunk = index.to_bytes(4, "big") * (64 * 1024)
            expected.update(chunk)
            yield chunk

    await storage.put_stream("org/1/big", generate(), content_type="application/zip")

    assert await storage.size("org/1/big") == total
    actual = hashlib.sha256()
    async for chunk in storage.open_range("org/1/big"):
        actual.update(chunk)
    assert actual.hexdigest() == expected.hexdigest()
    if isinstance(storage, S3Storage):
        head = await storage.client.head_object(Bucket=storage.bucket, Key="org/1/big")
        assert head["ETag"].strip('"').endswith("-5")  # five 8 MiB parts
        assert head["ContentType"] == "application/zip"
    assert await backend.leftovers() == ["org/1/big"]


async def test_range_reads(storage: Storage) -> None:
    data = bytes(range(256)) * 1000  # 256,000 bytes, spanning several read chunks
    await storage.put_stream("org/1/r", chunked(data), content_type="application/octet-stream")

    assert await read_all(storage, "org/1/r", 0, 0) == data[:1]
    assert await read_all(storage, "org/1/r", 0, 99) == data[:100]
    assert await read_all(storage, "org/1/r", 70_000, 140_000) == data[70_000:140_001]
    last = len(data) - 1
    assert await read_all(storage, "org/1/r", last, last) == data[-1:]
    assert await read_all(storage, "org/1/r", 250_000) == data[250_000:]
    assert await read_all(storage, "org/1/r", 255_990, 10**9) == data[255_990:]  # end past the object is clamped


async def test_invalid_ranges(storage: Storage) -> None:
    await storage.put_stream("org/1/r", chunked(b"0123456789"), content_type="text/plain")

    with pytest.raises(InvalidRange):
        await read_all(storage, "org/1/r", 10)
    with pytest.raises(InvalidRange):
        await read_all(storage, "org/1/r", 5, 4)
    with pytest.raises(InvalidRange):
        await read_all(storage, "org/1/r", -1)


async def test_empty_object_reads_back_empty(storage: Storage) -> None:
    await storage.put_stream("org/1/empty", chunked(b""), content_type="text/plain")

    assert await storage.size("org/1/empty") == 0
    assert await read_all(storage, "org/1/empty") == b""


async def test_reader_may_stop_early(storage: Storage) -> None:
    await storage.put_stream("org/1/s", chunked(os.urandom(500_000)), content_type="application/octet-stream")

    stream = storage.open_range("org/1/s")
    assert isinstance(stream, AsyncGenerator)
    first = await anext(stream)
    await stream.aclose()  # a client that disconnects mid-download

    # At most one read chunk; S3's body gives what the connection has read so far (32 KiB at times), not exactly 64.
    assert 0 < len(first) <= 64 * 1024
    assert await storage.size("org/1/s") == 500_000  # and the backend still works afterwards


@pytest.mark.parametrize("size", [100_000, 20 * MiB], ids=["single-request", "multipart"])
async def test_failing_source_leaves_nothing(backend: Backend, size: int) -> None:
    async def fails_halfway() -> AsyncIterator[bytes]:
        sent = 0
        while sent < size // 2:
            yield b"x" * (64 * 1024)
            sent += 64 * 1024
        raise SourceFailed("client went away")

    with pytest.raises(SourceFailed):
        await backend.storage.put_stream("org/1/broken", fails_halfway(), content_type="text/plain")

    assert not await backend.storage.exists("org/1/broken")
    assert await backend.leftovers() == []  # no object, no temp file, no pending multipart upload


async def test_cancelled_upload_leaves_nothing(backend: Backend) -> None:
    started = asyncio.Event()

    async def stalls() -> AsyncIterator[bytes]:
        for _ in range(160):  # 10 MiB: one part uploaded, then the client stalls
            yield b"y" * (64 * 1024)
        started.set()
        await asyncio.sleep(3600)
        yield b""

    task = asyncio.create_task(backend.storage.put_stream("org/1/cancelled", stalls(), content_type="text/plain"))
    await asyncio.wait_for(started.wait(), timeout=30)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    assert await backend.leftovers() == []


@pytest.mark.parametrize(
    "key",
    [
        "../escape",
        "org/../../etc/passwd",
        "/etc/passwd",
        "org//x",
        "org/x/",
        "",
        ".",
        "org/.hidden",
        "org/sp ace",
        "org\\x",
        "org/é",
        "a" * 600,
    ],
)
async def test_key_validation_rejects_unsafe_keys(backend: Backend, key: str) -> None:
    storage = backend.storage
    with pytest.raises(InvalidKey):
        await storage.put_stream(key, chunked(b"data"), content_type="text/plain")
    with pytest.raises(InvalidKey):
        await read_all(storage, key)
    with pytest.raises(InvalidKey):
        await storage.size(key)
    with pytest.raises(InvalidKey):
        await storage.exists(key)
    with pytest.raises(InvalidKey):
        await storage.delete(key)
    assert await backend.leftovers() == []


async def test_valid_keys_are_accepted(storage: Storage) -> None:
    key = "org/42/0b9a8c1e-4f2d-4b7e-9d3a-1c2b3a4d5e6f_v2.pdf"
    await storage.put_stream(key, chunked(b"%PDF-1.7"), content_type="application/pdf")
    assert await storage.exists(key)
