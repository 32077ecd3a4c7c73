"""LocalStorage: files in a directory on this machine (the embedded default, ./data/files)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import socket
import stat
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO, TypeVar

from .base import READ_CHUNK, Storage, validate_key, validate_range
from .errors import InvalidRange, ObjectNotFound, StorageUnavailable

log = logging.getLogger(__name__)
T = TypeVar("T")

# Temp files live beside their target (same filesystem, so the final rename is atomic) and start with "." so no
# valid key can name one (validate_key refuses segments starting with "."). Their names say which process writes
# them, `.upload-<pid>@<host>-<random>`, so a process starting on this host removes those of processes that died
# (kill -9 mid-upload) at once, while leaving alone those of live processes (other workers) and of other hosts
# sharing the directory; the daily sweep_incomplete is the backstop for those.
_TMP_PREFIX = ".upload-"
_HOST = re.sub(r"[^A-Za-z0-9.\-]", "_", socket.gethostname())[:64] or "host"
_TMP_NAME = re.compile(r"^\.upload-(\d+)@(.+)-[^-]+$")
# Incoming chunks are small (often 8-64 KiB); batching them into ~1 MiB writes keeps thread hops few.
_WRITE_BATCH = 1024 * 1024


class LocalStorage(Storage):
    """Objects are files under `root`, at the path named by their key. Blocking I/O runs in worker threads."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def __repr__(self) -> str:
        return f"LocalStorage({str(self.root)!r})"

    async def start(self) -> None:
        await asyncio.to_thread(self.root.mkdir, parents=True, exist_ok=True)
        removed = await asyncio.to_thread(_sweep_dead_writers, self.root)
        if removed:
            log.info("removed temp files of uploads interrupted by a crash", extra={"count": removed})

    async def _disk(self, func: Callable[..., T], *args: object) -> T:
        """Run blocking file I/O in a thread; the disk failing (full, read-only, I/O error) is StorageUnavailable."""
        try:
            return await asyncio.to_thread(func, *args)
        except OSError as exc:
            raise StorageUnavailable(f"the file store under {self.root} failed: {exc}") from exc

    def _path(self, key: str) -> Path:
        return self.root / validate_key(key)

    async def put_stream(self, key: str, chunks: AsyncIterator[bytes], *, content_type: str) -> None:
        # content_type is not kept: the database row is the source of truth for it, as it is for the filename.
        path = self._path(key)
        await self._disk(lambda: path.parent.mkdir(parents=True, exist_ok=True))
        prefix = f"{_TMP_PREFIX}{os.getpid()}@{_HOST}-"
        fd, tmp_name = await self._disk(lambda: tempfile.mkstemp(dir=path.parent, prefix=prefix))
        # A buffered file object, not the raw fd: if we are cancelled while a write runs in its thread, close() below
        # waits for the file's lock instead of racing a write onto a closed (possibly reused) descriptor.
        file = os.fdopen(fd, "wb")
        try:
            batch = bytearray()
            async for chunk in chunks:
                batch += chunk
                if len(batch) >= _WRITE_BATCH:
                    await self._disk(file.write, batch)
                    batch = bytearray()
            if batch:
                await self._disk(file.write, batch)
            await self._disk(_commit, file, Path(tmp_name), path)
        except BaseException:
            # Synchronous on purpose: a second cancellation cannot interrupt it, so no temp file is left behind.
            file.close()
            Path(tmp_name).unlink(missing_ok=True)
            raise

    async def open_range(self, key: str, start: int = 0, end: int | None = None) -> AsyncIterator[bytes]:
        validate_range(start, end)
        path = self._path(key)
        try:
            file: BinaryIO = await asyncio.to_thread(open, path, "rb")
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            raise ObjectNotFound(key) from None
        try:
            size = os.fstat(file.fileno()).st_size
            # Reading a whole empty object is fine; any other range must start inside the object (as S3 answers).
            if start >= size and not (start == 0 and end is None):
                raise InvalidRange(f"range starts at {start}, object {key!r} has {size} bytes")
            last = size - 1 if end is None else min(end, size - 1)
            remaining = last - start + 1
            await asyncio.to_thread(file.seek, start)
            while remaining > 0:
                data = await asyncio.to_thread(file.read, min(READ_CHUNK, remaining))
                if not data:  # truncated underneath us; stop rather than loop
                    break
                remaining -= len(data)
                yield data
        finally:
            file.close()

    async def size(self, key: str) -> int:
        path = self._path(key)
        try:
            info = await asyncio.to_thread(os.stat, path)
        except (FileNotFoundError, NotADirectoryError):
            raise ObjectNotFound(key) from None
        if not stat.S_ISREG(info.st_mode):
            raise ObjectNotFound(key)
        return info.st_size

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self._path(key).is_file)

    async def delete(self, key: str) -> None:
        path = self._path(key)
        with contextlib.suppress(FileNotFoundError, NotADirectoryError, IsADirectoryError):
            await asyncio.to_thread(path.unlink)

    async def sweep_incomplete(self, older_than: timedelta) -> int:
        return await asyncio.to_thread(_sweep_temp_files, self.root, time.time() - older_than.total_seconds())


def _commit(file: BinaryIO, tmp: Path, path: Path) -> None:
    """Make the temp file durable, then atomically give it its final name (runs in a thread)."""
    file.flush()
    os.fsync(file.fileno())
    file.close()
    os.replace(tmp, path)
    # fsync the directory too, or a crash right after the rename may lose the new directory entry.
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _writer_is_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # ours (or, rarely, of a dead process with our pid: then the daily sweep takes it)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, run by another user
    return True


def _sweep_dead_writers(root: Path) -> int:
    """Remove temp files whose writer, a process on this host, no longer runs."""
    removed = 0
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            match = _TMP_NAME.match(name)
            if match is None or match.group(2) != _HOST or _writer_is_alive(int(match.group(1))):
                continue
            with contextlib.suppress(FileNotFoundError):
                Path(dirpath, name).unlink()
                removed += 1
    return removed


def _sweep_temp_files(root: Path, cutoff: float) -> int:
    removed = 0
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            if not name.startswith(_TMP_PREFIX):
                continue
            candidate = Path(dirpath, name)
            with contextlib.suppress(FileNotFoundError):
                if candidate.stat().st_mtime < cutoff:
                    candidate.unlink()
                    removed += 1
    return removed
