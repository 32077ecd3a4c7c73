"""Password hashing with argon2id, off the event loop and bounded.

Parameters are the OWASP minimum for argon2id (m=19 MiB, t=2, p=1). Each hash costs tens of milliseconds of CPU
and 19 MiB of memory, so hashes run in threads and at most two at once: a burst of logins cannot starve the loop
or the machine.
"""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
_slots = asyncio.Semaphore(2)
# Verified against when the account does not exist, so both answers take the same time.
_DUMMY_HASH = _hasher.hash("portico-timing-equaliser")


async def hash_password(password: str) -> str:
    async with _slots:
        return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    async with _slots:
        try:
            return await asyncio.to_thread(_hasher.verify, password_hash or _DUMMY_HASH, password) and bool(
                password_hash
            )
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
