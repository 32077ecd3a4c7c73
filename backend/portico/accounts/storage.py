"""The organization's storage plan and extra storage, set by its administrators (issue 9, point 7)."""

from __future__ import annotations

from portico import policy
from portico.accounts.models import StorageAccount, StoragePlan
from portico.actors import Actor
from portico.hubs import quota
from portico.validation import Checker

# Extra storage is bought in whole GiB; the ceiling only keeps typos (and overflow) out.
MAX_EXTRA_GIGABYTES = 10_000


async def set_storage_plan(actor: Actor, *, plan: StoragePlan, extra_gigabytes: int) -> StorageAccount:
    """Choose the plan and the purchased extra storage; quota = plan + extra. Lowering it below what is stored is
    allowed (billing decides), and then uploads are refused until space is freed, and the administrators told."""
    admin = policy.require_admin(actor)
    check = Checker()
    if not 0 <= extra_gigabytes <= MAX_EXTRA_GIGABYTES:
        check.add("INVALID_EXTRA_STORAGE", f"Extra storage is 0 to {MAX_EXTRA_GIGABYTES} GB.", "extraGigabytes")
    check.raise_if_any()
    return await quota.set_plan(admin.organization_id, plan, extra_gigabytes * quota.GIB)
