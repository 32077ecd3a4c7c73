"""Emails to an organization's administrators when its storage reaches 80 % and when it is full (issue 9, point 7).

`portico.hubs.quota` keeps, on the storage account, the alert level reached (`alert_level`) in the same transaction
as every change of usage or quota; this module emails the administrators about a level reached and not yet
emailed (`alerted_level`), and records that it did in the same transaction as the outbox rows. So each level is
emailed once, whichever process or worker gets there first (the account row is claimed with SKIP LOCKED), and
again only after usage fell below it (quota re-arms it by lowering `alerted_level`).

It runs right after an upload is admitted or refused (`send_due_for`), and as a periodic job that catches what a
crash in between, or another code path, left due.
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from portico.accounts.models import Member, Organization, Role, StorageAccount
from portico.hubs.quota import quota_bytes
from portico.mail.outbox import enqueue_rendered
from portico.mail.templates import render
from portico.storage.errors import human_bytes

KIND = "storage_alert"
PLAN_LABELS = {"STANDARD": "Standard", "PLUS": "Plus"}


async def send_due(public_url: str) -> int:
    """Every organization's due alerts; returns how many emails were queued."""
    due = await StorageAccount.filter(alert_level__gt=0).values_list("organization_id", "alert_level", "alerted_level")
    queued = 0
    for organization_id, level, alerted in due:
        if level > alerted:
            queued += await send_due_for(public_url, organization_id)
    return queued


async def send_due_for(public_url: str, organization_id: int) -> int:
    """The organization's due alert, if any: one email per active administrator, in their language."""
    async with in_transaction() as connection:
        account = (
            await StorageAccount.filter(organization_id=organization_id)
            .using_db(connection)
            .select_for_update(skip_locked=True)
            .first()
        )
        if account is None or account.alert_level <= account.alerted_level:
            return 0  # nothing due, or another process is on it
        sent = await _email_admins(public_url, account, connection)
        await StorageAccount.filter(id=account.id).using_db(connection).update(alerted_level=account.alert_level)
        return sent


async def _email_admins(public_url: str, account: StorageAccount, connection: BaseDBAsyncClient) -> int:
    organization = await Organization.filter(id=account.organization_id).using_db(connection).get()
    admins = await Member.filter(
        organization_id=account.organization_id, role=Role.ADMIN, is_active=True
    ).using_db(connection).order_by("id")
    quota = quota_bytes(account)
    percent = account.used_bytes * 100 // quota if quota else 100
    for admin in admins:
        email = render(
            KIND,
            admin.language,
            organization=organization.name,
            first_name=admin.first_name,
            level=account.alert_level,
            percent=percent,
            used=human_bytes(account.used_bytes),
            quota=human_bytes(quota),
            plan=PLAN_LABELS.get(account.plan, str(account.plan)),
            extra=human_bytes(account.extra_bytes),
            link=f"{public_url}/admin/storage",
        )
        await enqueue_rendered(
            email, to=admin.email, kind=KIND, organization_id=account.organization_id, connection=connection
        )
    return len(admins)
