"""Mutations of the branding domain (the logo itself is uploaded with POST /branding/logo)."""

from __future__ import annotations

import strawberry

from portico.branding.services import branding_of, remove_logo
from portico.graphql.branding.types import OrganizationBranding
from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate


@strawberry.type
class BrandingPayload:
    branding: OrganizationBranding | None = None
    errors: list[UserError]


@strawberry.type
class BrandingMutations:
    @strawberry.mutation(description="Remove the organization's logo (administrators); hubs show its initial.")
    async def remove_organization_logo(self, info: Info) -> BrandingPayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor.require_signed_in()
            await remove_logo(actor, info.context.services.storage)
            assert actor.organization is not None
            return {"branding": OrganizationBranding.of(await branding_of(actor.organization))}

        return await mutate(BrandingPayload, work)
