"""Queries of the branding domain."""

from __future__ import annotations

import strawberry

from portico.graphql.branding.types import OrganizationBranding, branding_by_organization_id
from portico.graphql.context import Info


@strawberry.type
class BrandingQueries:
    @strawberry.field(description="The caller's organization as its hubs show it: name and logo.")
    async def branding(self, info: Info) -> OrganizationBranding | None:
        actor = info.context.actor.require_signed_in()
        if actor.organization is None:
            return None
        return await branding_by_organization_id(info.context.loaders).load(actor.organization.id)
