"""Small helpers shared by the storage tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

from portico.storage import Storage


async def chunked(data: bytes, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    for offset in range(0, len(data), size):
        yield data[offset : offset + size]


async def read_all(storage: Storage, key: str, start: int = 0, end: int | None = None) -> bytes:
    return b"".join([chunk async for chunk in storage.open_range(key, start, end)])
