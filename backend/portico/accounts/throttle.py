"""Sign-in throttling per account and per client address, with growing delays.

Every attempt is reserved before the password is verified: `reserve()` counts it atomically (row locks on
PostgreSQL, a write transaction on SQLite) and refuses it while a lock is in force, so a burst of parallel guesses
gets no more hashes checked than the free allowance. An attempt that turns out right calls `succeeded()`, which
clears the account's count and gives the address back its reservation.

The `free`-th counted attempt already locks the key (2 s), each further one doubles the lock (capped at 15
minutes). Counts decay: after WINDOW without an attempt and without a lock in force, a key starts from zero again,
so a forgotten password costs a user minutes, not forever. A password reset clears the account (`clear_account`).

Other secrets guessed through the same mechanism pass their own `Limits`: a quote's public link (keyed by the link,
not an account) doubles the same way but then refuses for an hour (`QUOTE_LINK`).

State lives in the database so every server process sees the same counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from portico.accounts.models import ThrottleBucket
from portico.errors import DomainError

ACCOUNT_FREE_FAILURES = 5
ADDRESS_FREE_FAILURES = 20
MAX_LOCK = timedelta(minutes=15)
WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class Limits:
    """How many failures are free per account (or link) and per client address before locks start, the longest
    doubling lock, and optionally a failure count per account from which each further attempt is refused for
    `refusal` outright (no more doubling: "refused for a while")."""

    account_free: int = ACCOUNT_FREE_FAILURES
    address_free: int = ADDRESS_FREE_FAILURES
    max_lock: timedelta = MAX_LOCK
    refuse_after: int | None = None
    refusal: timedelta = timedelta(hours=1)


SIGN_IN = Limits()
# A public quote link's password: 5 free tries, then 2 s, 4 s, ... 64 s; from the 12th failure on, refused for an
# hour. A link has one password shared by its few visitors: far fewer legitimate failures than a busy account.
QUOTE_LINK = Limits(account_free=5, address_free=20, max_lock=timedelta(minutes=15), refuse_after=12)


def now() -> datetime:
    """The throttle's clock (tests move it instead of sleeping)."""
    return datetime.now(UTC)


def account_key(kind: str, email: str) -> str:
    return f"{kind}:account:{email.strip().lower()}"


def address_key(kind: str, ip: str) -> str:
    return f"{kind}:address:{ip}"


def throttled(wait: int) -> DomainError:
    return DomainError("TOO_MANY_ATTEMPTS", f"Too many failed attempts. Try again in {wait} seconds.", None)


@dataclass(frozen=True)
class Attempt:
    """A reserved sign-in attempt. It stays counted as a failure unless `succeeded()` is called."""

    account: str
    address: str
    address_free: int = ADDRESS_FREE_FAILURES

    async def succeeded(self) -> None:
        await ThrottleBucket.filter(key=self.account).delete()
        async with in_transaction():
            bucket = await ThrottleBucket.filter(key=self.address).select_for_update().first()
            if bucket is not None and bucket.failures > 0:
                bucket.failures -= 1
                if bucket.failures < self.address_free:
                    bucket.locked_until = None  # no longer enough failures to justify a lock
                await bucket.save(update_fields=["failures", "locked_until", "updated_at"])


async def reserve(kind: str, email: str, ip: str, limits: Limits = SIGN_IN) -> Attempt:
    """Count one attempt for the account (or link: any key naming what is guessed at) and the address, or raise
    TOO_MANY_ATTEMPTS (counting nothing)."""
    attempt = Attempt(account_key(kind, email), address_key(kind, ip), limits.address_free)
    free = {attempt.account: limits.account_free, attempt.address: limits.address_free}
    moment = now()
    async with in_transaction():
        # Insert-or-ignore first: two first attempts never collide on the primary key, and on SQLite the write
        # takes the database's write lock at once, so concurrent reservations run one after the other.
        await ThrottleBucket.bulk_create([ThrottleBucket(key=key) for key in sorted(free)], ignore_conflicts=True)
        # Locked in key order, the same in every request, so two reservations never wait on each other in a cycle.
        buckets = await ThrottleBucket.filter(key__in=list(free)).order_by("key").select_for_update()
        wait = max((_seconds_locked(bucket, moment) for bucket in buckets), default=0)
        if wait:
            raise throttled(wait)
        for bucket in buckets:
            if _decayed(bucket, moment):
                bucket.failures = 0
                bucket.locked_until = None
            bucket.failures += 1
            bucket.last_attempt_at = moment
            over = bucket.failures - free[bucket.key] + 1
            if over > 0:
                bucket.locked_until = moment + min(timedelta(seconds=2 ** min(over, 20)), limits.max_lock)
            if bucket.key == attempt.account and limits.refuse_after and bucket.failures >= limits.refuse_after:
                bucket.locked_until = moment + limits.refusal
            await bucket.save(update_fields=["failures", "last_attempt_at", "locked_until", "updated_at"])
    return attempt


async def clear_account(kind: str, email: str) -> None:
    """Forget the account's failures (its owner proved who they are, e.g. by a password reset)."""
    await ThrottleBucket.filter(key=account_key(kind, email)).delete()


# --- password-reset requests ---------------------------------------------------------------------------------
# Each request makes us email an address someone typed: limited per account (no mail-bombing a colleague) and per
# client address (no mail-bombing everyone). `failures` counts requests here; a key is forgotten after RESET_WINDOW
# without a request that was let through.

RESETS_PER_ACCOUNT = 3
RESETS_PER_ADDRESS = 20
RESET_WINDOW = timedelta(hours=1)


async def allow_reset_request(kind: str, email: str, ip: str) -> bool:
    """Count one reset request. Raises TOO_MANY_ATTEMPTS when the client address is over its limit (nothing counted);
    returns False when the account is: the caller answers as always, and sends nothing (so the answer reveals
    nothing about the account, and its owner still has the links already sent)."""
    return await allow_request(
        f"{kind}:reset-account:{email.strip().lower()}", f"{kind}:reset-address:{ip}",
        per_account=RESETS_PER_ACCOUNT, per_address=RESETS_PER_ADDRESS, window=RESET_WINDOW, what="reset requests",
    )


async def allow_request(
    account: str, address: str, *, per_account: int, per_address: int, window: timedelta, what: str
) -> bool:
    """Count one request that makes us send something (a reset link, an identity code) under two keys: the account
    it is for and the client address. Raises TOO_MANY_ATTEMPTS when the address is over `per_address` (nothing
    counted); returns False when the account is over `per_account` (only the address counted). A key is forgotten
    after `window` without a request that was let through."""
    moment = now()
    async with in_transaction():
        await ThrottleBucket.bulk_create([ThrottleBucket(key=k) for k in sorted((account, address))],
                                         ignore_conflicts=True)
        buckets = {b.key: b for b in await ThrottleBucket.filter(key__in=[account, address]).order_by("key")
                   .select_for_update()}
        for bucket in buckets.values():
            if bucket.last_attempt_at is None or moment - bucket.last_attempt_at >= window:
                bucket.failures = 0
        at_address = buckets[address]
        if at_address.failures >= per_address:
            assert at_address.last_attempt_at is not None
            wait = int((at_address.last_attempt_at + window - moment).total_seconds()) + 1
            raise DomainError("TOO_MANY_ATTEMPTS", f"Too many {what}. Try again in {wait} seconds.", None)
        allowed = buckets[account].failures < per_account
        for bucket in (at_address, buckets[account]) if allowed else (at_address,):
            bucket.failures += 1
            bucket.last_attempt_at = moment
            await bucket.save(update_fields=["failures", "last_attempt_at", "updated_at"])
    return allowed


def _seconds_locked(bucket: ThrottleBucket, moment: datetime) -> int:
    if bucket.locked_until and bucket.locked_until > moment:
        return int((bucket.locked_until - moment).total_seconds()) + 1
    return 0


def _decayed(bucket: ThrottleBucket, moment: datetime) -> bool:
    """Quiet for WINDOW: no attempt and no lock in force (a row from before `last_attempt_at` counts as quiet)."""
    active = [d for d in (bucket.last_attempt_at, bucket.locked_until) if d is not None]
    return not active or moment - max(active) >= WINDOW
