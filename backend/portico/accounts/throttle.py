"""Sign-in throttling per account and per client address, with growing delays.

State lives in the database so every server process sees the same counts. After `free` failures a key is
locked for 2, 4, 8 ... seconds (capped at 15 minutes); a success clears the account's key.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from portico.accounts.models import ThrottleBucket

ACCOUNT_FREE_FAILURES = 5
ADDRESS_FREE_FAILURES = 20
MAX_LOCK = timedelta(minutes=15)


def account_key(kind: str, email: str) -> str:
    return f"{kind}:account:{email.lower()}"


def address_key(kind: str, ip: str) -> str:
    return f"{kind}:address:{ip}"


async def seconds_locked(keys: list[str]) -> int:
    """How long the caller must wait before trying again (0: go ahead)."""
    now = datetime.now(UTC)
    wait = 0
    for bucket in await ThrottleBucket.filter(key__in=keys):
        if bucket.locked_until and bucket.locked_until > now:
            wait = max(wait, int((bucket.locked_until - now).total_seconds()) + 1)
    return wait


async def record_failure(key: str, free_failures: int) -> None:
    async with in_transaction():
        bucket = await ThrottleBucket.filter(key=key).select_for_update().first()
        if bucket is None:
            bucket = await ThrottleBucket.create(key=key, failures=0)
        bucket.failures += 1
        # The `free`-th failure already locks (2 s), each further one doubles the lock.
        over = bucket.failures - free_failures + 1
        if over > 0:
            bucket.locked_until = datetime.now(UTC) + min(timedelta(seconds=2 ** min(over, 20)), MAX_LOCK)
        await bucket.save()


async def clear(key: str) -> None:
    await ThrottleBucket.filter(key=key).delete()
