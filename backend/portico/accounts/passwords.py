"""Password hashing with argon2id, off the event loop and bounded.

Parameters are the OWASP minimum for argon2id (m=19 MiB, t=2, p=1). Each hash costs tens of milliseconds of CPU
and 19 MiB of memory, so hashes run in threads and at most two at once per event loop: a burst of logins cannot
starve the loop (which keeps serving other requests while the hashes queue) or the machine.
"""

from __future__ import annotations

import asyncio
import weakref

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

HASHES_AT_ONCE = 2

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified against when the account does not exist, so both answers take the same time.
_DUMMY_HASH = _hasher.hash("portico-timing-equaliser")
# An asyncio.Semaphore belongs to the loop it first waited on; a process may run several loops over its life (the
# CLI, tests), so each loop gets its own.
_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = weakref.WeakKeyDictionary()


def _loop_slots() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    slots = _slots.get(loop)
    if slots is None:
        slots = _slots[loop] = asyncio.Semaphore(HASHES_AT_ONCE)
    return slots


def _check(password_hash: str, password: str) -> bool:
    """The CPU-bound verification itself (in a worker thread)."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


async def hash_password(password: str) -> str:
    async with _loop_slots():
        return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    async with _loop_slots():
        ok = await asyncio.to_thread(_check, password_hash or _DUMMY_HASH, password)
    return ok and bool(password_hash)
