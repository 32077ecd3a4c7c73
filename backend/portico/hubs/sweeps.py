"""Housekeeping for files: uploads nobody used, and partial writes left by a crashed process."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from portico.hubs.models import Upload
from portico.hubs.quota import release
from portico.storage.base import Storage

log = logging.getLogger(__name__)

UNUSED_UPLOAD_LIFETIME = timedelta(hours=24)


async def forget_upload(upload: Upload, connection: BaseDBAsyncClient) -> bool:
    """Delete an unused upload's row and release its bytes, in the caller's transaction; False when another caller
    already did (deleting the row is the claim). The caller deletes the stored object after the commit."""
    claimed = await Upload.filter(id=upload.id, used_at=None).using_db(connection).delete()
    if claimed:
        await release(upload.organization_id, upload.size_bytes, connection)
    return bool(claimed)


async def sweep_unused_uploads(storage: Storage, *, older_than: timedelta = UNUSED_UPLOAD_LIFETIME) -> int:
    """Delete uploads never used by a share or publication within a day: the object first, then the row.

    Rows are claimed one by one (deleting the row is the claim, with its bytes released from the organization's
    storage in the same transaction), so two workers do not fight over one; the object goes after the commit.
    """
    cutoff = datetime.now(UTC) - older_than
    removed = 0
    for upload in await Upload.filter(used_at=None, created_at__lt=cutoff).order_by("created_at").limit(500):
        async with in_transaction() as connection:
            claimed = await forget_upload(upload, connection)
        if claimed:
            await storage.delete(upload.storage_key)
            removed += 1
    if removed:
        log.info("swept unused uploads", extra={"count": removed})
    return removed
