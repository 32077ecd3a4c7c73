"""Storage used by an organization: what counts toward its plan's quota (seed 003), and admitting more.

`storage_used_bytes` is a snapshot, good for showing usage and for refusing an upload early while it streams.
`admit` is the decision that counts: it reserves the bytes atomically, so two uploads finishing at the same
moment cannot each see the same free space (under READ COMMITTED each would miss the other's uncommitted row).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from portico.accounts.models import Organization
from portico.hubs.models import Document, Upload
from portico.libraries.models import Publication
from portico.storage.errors import QuotaExceeded


async def storage_used_bytes(organization_id: int) -> int:
    """Publications, documents uploaded into hubs (not copies of publications), and uploads awaiting use."""
    total = 0
    for qs in (
        Publication.filter(organization_id=organization_id),
        Document.filter(organization_id=organization_id, publication_id=None),
        Upload.filter(organization_id=organization_id, used_at=None),
    ):
        row = await qs.annotate(total=Sum("size_bytes")).first().values("total")
        total += int((row or {}).get("total") or 0)
    return total


@asynccontextmanager
async def admit(organization_id: int, size_bytes: int) -> AsyncIterator[None]:
    """Hold `size_bytes` of the organization's quota for the rows the caller writes inside the block.

    One transaction: the organization's row is locked first (SELECT ... FOR UPDATE on PostgreSQL; on SQLite the
    process's single connection runs one transaction at a time), so admissions to one organization happen one after
    the other and each sees what the previous one recorded. Raises QuotaExceeded, writing nothing, when the bytes
    do not fit; an exception inside the block rolls back what it wrote.
    """
    async with in_transaction():
        organization = await Organization.filter(id=organization_id).select_for_update().get()
        used = await storage_used_bytes(organization_id)
        if used + size_bytes > organization.storage_quota_bytes:
            raise QuotaExceeded(organization.storage_quota_bytes - used)
        yield
