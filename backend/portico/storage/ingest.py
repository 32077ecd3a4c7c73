"""ingest(): store one upload while enforcing size, quota and type as the bytes arrive."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass

from .base import Storage, validate_key
from .detect import HEAD_BYTES, TEXT_CSV, TEXT_PLAIN, detect_content_type
from .errors import EmptyUpload, QuotaExceeded, RefusedType, UploadTooLarge

DEFAULT_ALLOWED_TYPES: frozenset[str] = frozenset(
    {
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        TEXT_PLAIN,
        TEXT_CSV,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        # Also what filetype reports for an OOXML file whose identifying entry is not among the first few.
        "application/zip",
    }
)


@dataclass(frozen=True)
class StoredBlob:
    """What was stored: the caller records it (with the user's filename) in the database."""

    key: str
    size: int
    sha256: str
    content_type: str


class _Meter:
    """Counts and hashes bytes, raising the moment a limit is passed (not after the upload)."""

    def __init__(self, max_bytes: int, quota_remaining: int) -> None:
        self.max_bytes = max_bytes
        self.quota_remaining = quota_remaining
        self.size = 0
        self.sha256 = hashlib.sha256()

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        # The per-file limit is checked first: it is the more useful message when both are passed.
        if self.size > self.max_bytes:
            raise UploadTooLarge(self.max_bytes)
        if self.size > self.quota_remaining:
            raise QuotaExceeded(self.quota_remaining)
        self.sha256.update(chunk)


async def ingest(
    storage: Storage,
    key: str,
    chunks: AsyncIterator[bytes],
    *,
    max_bytes: int,
    quota_remaining: int,
    allowed_types: frozenset[str],
) -> StoredBlob:
    """Stream `chunks` into `storage` under `key` and describe what was stored.

    Raises EmptyUpload, RefusedType(detected), UploadTooLarge or QuotaExceeded (all UploadRefused, with `code` and
    `message`), or whatever the source or the backend raised; in every such case nothing is left under `key`.
    The type is detected from the first HEAD_BYTES bytes, which are held back until it is known to be allowed.

    `quota_remaining` is a snapshot: two concurrent uploads can each fit and together exceed it, so the caller
    reserves it atomically when it records the blob (portico.hubs.quota.admit), and deletes the blob if that fails.
    """
    validate_key(key)
    meter = _Meter(max_bytes, quota_remaining)
    source = aiter(chunks)
    held: list[bytes] = []
    head = bytearray()
    exhausted = False
    while len(head) < HEAD_BYTES:
        try:
            chunk = await anext(source)
        except StopAsyncIteration:
            exhausted = True
            break
        if chunk:
            meter.add(chunk)
            held.append(chunk)
            head += chunk[: HEAD_BYTES - len(head)]
    if meter.size == 0:
        raise EmptyUpload()
    content_type = detect_content_type(bytes(head), complete=exhausted)
    if content_type is None or content_type not in allowed_types:
        raise RefusedType(content_type)

    async def body() -> AsyncGenerator[bytes, None]:
        while held:
            yield held.pop(0)
        if exhausted:
            return
        async for more in source:
            if more:
                meter.add(more)  # raising here makes put_stream discard everything it wrote
                yield more

    async with contextlib.aclosing(body()) as stream:
        await storage.put_stream(key, stream, content_type=content_type)
    return StoredBlob(key=key, size=meter.size, sha256=meter.sha256.hexdigest(), content_type=content_type)
