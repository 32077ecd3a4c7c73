"""The organization's storage in GraphQL: plan, extra storage, quota and usage; ADMINs change the plan."""

from __future__ import annotations

import strawberry

from portico.accounts import models
from portico.accounts.storage import set_storage_plan
from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate
from portico.hubs import quota, storage_alerts

StoragePlan = strawberry.enum(
    models.StoragePlan, name="StoragePlan", description="STANDARD: 1 GiB. PLUS: 5 GiB. Extra storage comes on top."
)


@strawberry.type(description="A plan an organization can choose.")
class StoragePlanOption:
    plan: StoragePlan  # type: ignore[valid-type]
    quota_bytes: float


@strawberry.type(description="The organization's storage: quota = plan + extra storage; usage counted exactly.")
class Storage:
    plan: StoragePlan  # type: ignore[valid-type]
    extra_bytes: float
    quota_bytes: float
    used_bytes: float

    @classmethod
    def from_model(cls, account: models.StorageAccount) -> Storage:
        return cls(
            plan=account.plan,
            extra_bytes=float(account.extra_bytes),
            quota_bytes=float(quota.quota_bytes(account)),
            used_bytes=float(account.used_bytes),
        )

    @strawberry.field(description="The plans to choose from.")
    def plans(self) -> list[StoragePlanOption]:
        return [StoragePlanOption(plan=plan, quota_bytes=float(size)) for plan, size in quota.PLAN_BYTES.items()]


@strawberry.input
class SetStoragePlanInput:
    plan: StoragePlan  # type: ignore[valid-type]
    extra_gigabytes: int = strawberry.field(description="Purchased extra storage, in whole GiB (0 to 10000).")


@strawberry.type
class StoragePayload:
    storage: Storage | None = None
    errors: list[UserError]


@strawberry.type
class StorageMutations:
    @strawberry.mutation(description="ADMIN: choose the storage plan and the extra storage bought on top of it.")
    async def set_storage_plan(self, info: Info, input: SetStoragePlanInput) -> StoragePayload:
        async def work() -> dict[str, object]:
            account = await set_storage_plan(
                info.context.actor.require_signed_in(), plan=input.plan, extra_gigabytes=input.extra_gigabytes
            )
            # A smaller quota may put usage over 80 % or 100 %: the administrators hear of it now.
            await storage_alerts.send_due_for(info.context.settings.public_url, account.organization_id)
            return {"storage": Storage.from_model(account)}

        return await mutate(StoragePayload, work)
