"""Removing stored objects only after the rows that used them are gone for good.

A deletion writes `StorageDeletion` rows for the objects it frees in its own transaction; once that commits,
`purge` removes the objects and their rows. Storage failing then (or the process dying) leaves rows, which the
periodic `sweep_storage_deletions` retries: an object is never removed while a row still points at it (a rollback
takes the StorageDeletion rows with it), and never left behind once nothing does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from portico.hubs.models import StorageDeletion
from portico.storage.base import Storage
from portico.storage.errors import StorageError

log = logging.getLogger(__name__)


async def schedule(keys: Iterable[str]) -> list[str]:
    """Inside the deleting transaction: remember the objects to remove after it commits."""
    unique = sorted(set(keys))
    if unique:
        await StorageDeletion.bulk_create([StorageDeletion(storage_key=k) for k in unique])
    return unique


async def purge(storage: Storage, keys: Iterable[str]) -> int:
    """After the commit: remove the objects, then their rows. Failures stay for the sweep (logged, not raised:
    what the user asked for has happened)."""
    removed = 0
    for key in keys:
        try:
            await storage.delete(key)
        except (StorageError, OSError):
            log.warning("could not remove a stored object now; the sweep retries", extra={"key": key})
            continue
        await StorageDeletion.filter(storage_key=key).delete()
        removed += 1
    return removed


async def sweep_storage_deletions(storage: Storage) -> int:
    """Periodic: objects whose removal did not finish after their deletion committed."""
    keys = await StorageDeletion.all().order_by("id").limit(500).values_list("storage_key", flat=True)
    return await purge(storage, [str(k) for k in dict.fromkeys(keys)])
