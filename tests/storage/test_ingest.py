"""ingest(): limits and types enforced while the bytes stream, on both backends."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import AsyncIterator

import pytest

from portico.storage import (
    DEFAULT_ALLOWED_TYPES,
    EmptyUpload,
    QuotaExceeded,
    RefusedType,
    StoredBlob,
    UploadTooLarge,
    ingest,
)

from .conftest import Backend
from .helpers import chunked, read_all

pytestmark = pytest.mark.asyncio

MiB = 1024 * 1024
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(17)


class Source:
    """A streamed upload of `total` bytes that records how far it was read."""

    def __init__(self, head: bytes, total: int, chunk: int = 64 * 1024) -> None:
        self.head, self.total, self.chunk = head, total, chunk
        self.sent = 0

    async def __call__(self) -> AsyncIterator[bytes]:
        body = self.head + os.urandom(self.chunk)
        while self.sent < self.total:
            piece = body[: min(self.chunk, self.total - self.sent)]
            body = os.urandom(self.chunk)
            self.sent += len(piece)
            yield piece


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


async def _ingest(backend: Backend, chunks: AsyncIterator[bytes], **limits: int) -> StoredBlob:
    return await ingest(
        backend.storage,
        "org/7/upload",
        chunks,
        max_bytes=limits.get("max_bytes", 100 * MiB),
        quota_remaining=limits.get("quota_remaining", 100 * MiB),
        allowed_types=DEFAULT_ALLOWED_TYPES,
    )


@pytest.mark.parametrize(
    ("data", "expected_type"),
    [
        (b"%PDF-1.7\n" + os.urandom(300_000), "application/pdf"),
        (PNG_HEAD + os.urandom(100_000), "image/png"),
        (b"\xff\xd8\xff\xe0" + os.urandom(20_000), "image/jpeg"),
        ("Dear customer,\nhere is the summary — thanks!\n".encode() * 400, "text/plain"),
        (b"name,amount,due\nAcme,100,2026-01-01\nGlobex,250,2026-02-01\n", "text/csv"),
        (_docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
    ids=["pdf", "png", "jpeg", "text", "csv", "docx"],
)
async def test_accepted_upload_is_stored_and_described(backend: Backend, data: bytes, expected_type: str) -> None:
    blob = await _ingest(backend, chunked(data, 1000))

    assert blob == StoredBlob(
        key="org/7/upload", size=len(data), sha256=hashlib.sha256(data).hexdigest(), content_type=expected_type
    )
    assert await read_all(backend.storage, "org/7/upload") == data


async def test_large_upload_hash_and_size(backend: Backend) -> None:
    source = Source(PNG_HEAD, 20 * MiB + 123)
    expected = hashlib.sha256()

    async def tee() -> AsyncIterator[bytes]:
        async for chunk in source():
            expected.update(chunk)
            yield chunk

    blob = await _ingest(backend, tee())

    assert blob.size == 20 * MiB + 123
    assert blob.sha256 == expected.hexdigest()
    assert await backend.storage.size("org/7/upload") == blob.size


async def test_size_limit_stops_the_stream_and_keeps_nothing(backend: Backend) -> None:
    source = Source(PNG_HEAD, 50 * MiB)

    with pytest.raises(UploadTooLarge) as refused:
        await _ingest(backend, source(), max_bytes=10 * MiB)

    assert refused.value.code == "UPLOAD_TOO_LARGE"
    assert "10 MiB" in refused.value.message
    assert source.sent <= 10 * MiB + 64 * 1024  # refused as the limit was passed, not after reading everything
    assert await backend.leftovers() == []


async def test_quota_stops_the_stream_and_keeps_nothing(backend: Backend) -> None:
    source = Source(PNG_HEAD, 50 * MiB)

    with pytest.raises(QuotaExceeded) as refused:
        await _ingest(backend, source(), max_bytes=100 * MiB, quota_remaining=9 * MiB)

    assert refused.value.code == "QUOTA_EXCEEDED"
    assert "9 MiB" in refused.value.message
    assert source.sent <= 9 * MiB + 64 * 1024
    assert await backend.leftovers() == []


async def test_limit_passed_inside_the_first_bytes(backend: Backend) -> None:
    # Smaller than the head ingest inspects for the type: still refused on size, nothing stored.
    with pytest.raises(UploadTooLarge):
        await _ingest(backend, chunked(PNG_HEAD + bytes(5000), 100), max_bytes=1000)
    with pytest.raises(QuotaExceeded):
        await _ingest(backend, chunked(PNG_HEAD + bytes(5000), 100), quota_remaining=0)
    assert await backend.leftovers() == []


async def test_exact_limit_is_allowed(backend: Backend) -> None:
    data = PNG_HEAD + bytes(1000 - len(PNG_HEAD))
    blob = await _ingest(backend, chunked(data, 300), max_bytes=1000, quota_remaining=1000)
    assert blob.size == 1000


@pytest.mark.parametrize(
    ("head", "detected"),
    [
        (b"\x7fELF\x02\x01\x01\x00" + bytes(56), "application/x-executable"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(54), "application/x-msdownload"),
        (bytes(range(256)) * 4, None),  # binary of no known type
    ],
    ids=["elf", "exe", "unknown-binary"],
)
async def test_refused_type_keeps_nothing(backend: Backend, head: bytes, detected: str | None) -> None:
    source = Source(head, 30 * MiB)

    with pytest.raises(RefusedType) as refused:
        await _ingest(backend, source())

    assert refused.value.code == "REFUSED_TYPE"
    assert refused.value.detected == detected
    assert source.sent <= 64 * 1024  # decided from the head, without reading the rest
    assert await backend.leftovers() == []


async def test_allow_list_is_the_callers(backend: Backend) -> None:
    with pytest.raises(RefusedType) as refused:
        await ingest(
            backend.storage,
            "org/7/upload",
            chunked(PNG_HEAD + bytes(100)),
            max_bytes=MiB,
            quota_remaining=MiB,
            allowed_types=frozenset({"application/pdf"}),
        )
    assert refused.value.detected == "image/png"
    assert "image/png" in refused.value.message


async def test_empty_upload_is_refused(backend: Backend) -> None:
    async def nothing() -> AsyncIterator[bytes]:
        for _ in range(3):
            yield b""

    with pytest.raises(EmptyUpload) as refused:
        await _ingest(backend, nothing())

    assert refused.value.code == "EMPTY_UPLOAD"
    assert await backend.leftovers() == []


async def test_source_failing_after_the_head_keeps_nothing(backend: Backend) -> None:
    class Boom(Exception):
        pass

    async def fails() -> AsyncIterator[bytes]:
        yield PNG_HEAD + bytes(10_000)
        for _ in range(200):
            yield os.urandom(64 * 1024)
        raise Boom

    with pytest.raises(Boom):
        await _ingest(backend, fails())
    assert await backend.leftovers() == []
