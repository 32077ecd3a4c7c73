"""Storage used by an organization: what counts toward its quota (seed 003), admitting more, and freeing it.

Quota = the plan's size + the extra storage bought (`StorageAccount`). Usage is a kept counter, `used_bytes`,
changed here and only here, inside the transaction that writes or deletes the rows holding stored bytes:

- `admit(org, n)` locks the account row, refuses (QuotaExceeded, nothing written) when n bytes do not fit, lets the
  caller write its rows, then adds n. Admissions to one organization therefore happen one after the other and each
  sees what the previous one recorded (a sum over the tables could not see another transaction's uncommitted rows).
- `release(org, n, connection)` subtracts n in the caller's transaction (a sweep or a delete of stored bytes).
- Handing stored bytes over (an upload becoming a hub document or a publication) changes nothing.

What counts (`recount_storage_bytes`): publications, documents uploaded into hubs (a document shared from a
publication points at the publication's object and is not counted twice), their earlier versions (replacing a
document hands the upload's bytes to the new version: no change), quote versions and their attachments (every
version: the history is kept), uploads not yet used, and quote acceptance certificates (`charge`d: counted, never
refused). `reconcile`
sets the counter to that recount, under the same lock (`portico reconcile-storage`, and a daily job).

Usage alerts: the account remembers the alert level reached (80 or 100 %); `portico.hubs.storage_alerts` emails
the administrators once per level reached and re-armed when usage falls below it again.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from portico.accounts.models import Organization, StorageAccount, StoragePlan
from portico.hubs.models import Document, DocumentVersion, Upload
from portico.libraries.models import Publication
from portico.quotes.acceptance_models import QuoteAcceptance
from portico.quotes.models import QuoteAttachment, QuoteVersion
from portico.receivables.models import Invoice
from portico.storage.errors import QuotaExceeded

GIB = 1024**3
PLAN_BYTES: dict[StoragePlan, int] = {StoragePlan.STANDARD: 1 * GIB, StoragePlan.PLUS: 5 * GIB}
ALERT_LEVELS = (80, 100)  # percent of the quota; each emails the administrators once until re-armed


def quota_bytes(account: StorageAccount) -> int:
    return PLAN_BYTES[account.plan] + account.extra_bytes


def alert_level(used: int, quota: int) -> int:
    """The highest alert level (percent) that `used` reaches: 0, 80 or 100."""
    reached = [level for level in ALERT_LEVELS if used * 100 >= level * quota]
    return reached[-1] if reached else 0


def initial_plan(quota: int) -> tuple[StoragePlan, int]:
    """(plan, extra bytes) for a quota given in bytes: the largest plan within it, the rest as extra storage."""
    fitting = [plan for plan, size in PLAN_BYTES.items() if size <= quota]
    plan = max(fitting, key=PLAN_BYTES.__getitem__) if fitting else StoragePlan.STANDARD
    return plan, max(quota - PLAN_BYTES[plan], 0)


async def recount_storage_bytes(organization_id: int, connection: BaseDBAsyncClient | None = None) -> int:
    """The bytes the organization stores, summed from the tables (what the counter must equal)."""
    total = 0
    for qs, size in (
        (Publication.filter(organization_id=organization_id), "size_bytes"),
        (Document.filter(organization_id=organization_id, publication_id=None), "size_bytes"),
        (DocumentVersion.filter(organization_id=organization_id), "size_bytes"),
        (Upload.filter(organization_id=organization_id, used_at=None), "size_bytes"),
        (QuoteVersion.filter(organization_id=organization_id), "size"),
        (QuoteAttachment.filter(organization_id=organization_id), "size"),
        (Invoice.filter(organization_id=organization_id, pdf_storage_key__not_isnull=True), "pdf_size_bytes"),
    ):
        row = await qs.using_db(connection).annotate(total=Sum(size)).first().values("total")
        total += int((row or {}).get("total") or 0)
    certificates = QuoteAcceptance.filter(organization_id=organization_id).using_db(connection)
    row = await certificates.annotate(total=Sum("certificate_size")).first().values("total")
    total += int((row or {}).get("total") or 0)
    return total


async def storage_account(organization_id: int) -> StorageAccount:
    """The organization's account as committed now (for showing usage); created on first use."""
    account = await StorageAccount.filter(organization_id=organization_id).first()
    if account is not None:
        return account
    async with in_transaction() as connection:
        account, _ = await locked_account(organization_id, connection)
        return account


async def storage_used_bytes(organization_id: int) -> int:
    """A snapshot of the counter: good for showing usage and refusing an upload early while it streams."""
    return (await storage_account(organization_id)).used_bytes


async def locked_account(organization_id: int, connection: BaseDBAsyncClient) -> tuple[StorageAccount, bool]:
    """The account row, locked for the caller's transaction, and whether this call created it.

    Created on first use (organizations made before storage accounts existed, or by code that only makes the
    organization row): its plan comes from the organization's initial quota and its counter from a recount, which
    already includes whatever the caller's transaction wrote so far. Two first uses at once: one insert wins.
    """
    mine = StorageAccount.filter(organization_id=organization_id).using_db(connection)
    account = await mine.select_for_update().first()
    if account is not None:
        return account, False
    organization = await Organization.filter(id=organization_id).using_db(connection).select_for_update().get()
    plan, extra = initial_plan(organization.storage_quota_bytes)
    used = await recount_storage_bytes(organization_id, connection)
    account = StorageAccount(organization_id=organization_id, plan=plan, extra_bytes=extra, used_bytes=used)
    account.alert_level = account.alerted_level = alert_level(used, quota_bytes(account))
    await StorageAccount.bulk_create([account], ignore_conflicts=True, using_db=connection)
    locked = await StorageAccount.filter(organization_id=organization_id).using_db(connection).select_for_update().get()
    return locked, True


@asynccontextmanager
async def admit(organization_id: int, size_bytes: int) -> AsyncIterator[None]:
    """Hold `size_bytes` of the organization's quota for the rows the caller writes inside the block.

    One transaction: the storage account is locked first (SELECT ... FOR UPDATE on PostgreSQL; on SQLite the
    process's single connection runs one transaction at a time). Raises QuotaExceeded, writing nothing, when the
    bytes do not fit; an exception inside the block rolls back what it wrote, the count included.
    """
    async with in_transaction() as connection:
        account, _ = await locked_account(organization_id, connection)
        quota = quota_bytes(account)
        if account.used_bytes + size_bytes > quota:
            raise QuotaExceeded(quota - account.used_bytes)
        yield
        used = account.used_bytes + size_bytes
        # Growing never lowers the alert level (a refusal may have raised it to 100 % below the quota).
        level = max(account.alert_level, alert_level(used, quota))
        await StorageAccount.filter(id=account.id).using_db(connection).update(used_bytes=used, alert_level=level)


async def charge(organization_id: int, size_bytes: int, connection: BaseDBAsyncClient) -> None:
    """Count `size_bytes` in the caller's transaction without refusing them: bytes the organization must keep
    whatever its quota (an acceptance certificate records what a customer did; refusing it would refuse the
    customer's acceptance). The alert level follows, so administrators hear of a full storage as usual."""
    account, created = await locked_account(organization_id, connection)
    if not created:  # a new account's recount already includes the caller's rows
        used = account.used_bytes + size_bytes
        level = max(account.alert_level, alert_level(used, quota_bytes(account)))
        await StorageAccount.filter(id=account.id).using_db(connection).update(used_bytes=used, alert_level=level)


async def release(organization_id: int, size_bytes: int, connection: BaseDBAsyncClient) -> None:
    """Free `size_bytes` in the caller's transaction, after it deleted the rows that held them."""
    account, created = await locked_account(organization_id, connection)
    used = account.used_bytes if created else max(account.used_bytes - size_bytes, 0)
    await _set_usage(account, used, connection)


async def note_refused(organization_id: int) -> None:
    """An upload was refused for lack of space: for its uploader the storage is full, so administrators hear
    about it (the 100 % alert) even when the files already stored are a little below the quota."""
    async with in_transaction() as connection:
        account, _ = await locked_account(organization_id, connection)
        if account.alert_level < 100:
            await StorageAccount.filter(id=account.id).using_db(connection).update(alert_level=100)


async def set_plan(organization_id: int, plan: StoragePlan, extra_bytes: int) -> StorageAccount:
    """Change the plan and the extra storage; the alert level follows the new quota (up or down)."""
    async with in_transaction() as connection:
        account, _ = await locked_account(organization_id, connection)
        account.plan = plan
        account.extra_bytes = extra_bytes
        await StorageAccount.filter(id=account.id).using_db(connection).update(plan=plan, extra_bytes=extra_bytes)
        return await _set_usage(account, account.used_bytes, connection)


async def reconcile(organization_id: int) -> tuple[int, int]:
    """Set the counter to the recount (under the lock, so no admission slips between): (before, after)."""
    async with in_transaction() as connection:
        account, _ = await locked_account(organization_id, connection)
        before = account.used_bytes
        await _set_usage(account, await recount_storage_bytes(organization_id, connection), connection)
        return before, account.used_bytes


async def reconcile_all() -> int:
    """Reconcile every organization; returns how many counters were wrong (and are now right)."""
    fixed = 0
    for organization_id in await Organization.all().order_by("id").values_list("id", flat=True):
        before, after = await reconcile(int(organization_id))  # type: ignore[call-overload]
        fixed += before != after
    return fixed


async def _set_usage(account: StorageAccount, used: int, connection: BaseDBAsyncClient) -> StorageAccount:
    """Store a usage that may have gone down: the alert level follows it, and falling below a level re-arms it."""
    level = alert_level(used, quota_bytes(account))
    account.used_bytes = used
    account.alert_level = level
    account.alerted_level = min(account.alerted_level, level)
    await StorageAccount.filter(id=account.id).using_db(connection).update(
        used_bytes=used, alert_level=level, alerted_level=account.alerted_level
    )
    return account
