"""OrganizationBranding: what a hub shows of the organization that runs it (name, logo)."""

from __future__ import annotations

import strawberry
from strawberry.dataloader import DataLoader

from portico import policy
from portico.branding.services import Branding, logo_url
from portico.graphql.loaders import Loaders


@strawberry.type
class OrganizationBranding:
    name: str
    logo_url: str | None = strawberry.field(
        description="Where the logo is served (GET, same origin, for the organization's members and its customers' "
        "contacts); null when none was uploaded."
    )

    @classmethod
    def of(cls, branding: Branding) -> OrganizationBranding:
        return cls(name=branding.name, logo_url=branding.logo_url)


def branding_by_organization_id(loaders: Loaders) -> DataLoader[int, OrganizationBranding | None]:
    """One query for every hub of a list (they share the organization); the logo as the policy lets the caller see."""

    async def load(keys: list[int]) -> list[OrganizationBranding | None]:
        from portico.accounts.models import Organization

        organizations = {o.id: o for o in await Organization.filter(id__in=set(keys))}
        logos = dict(
            await policy.logos_visible_to(loaders.actor)
            .filter(organization_id__in=set(keys))
            .values_list("organization_id", "id")
        )
        return [
            OrganizationBranding(name=organizations[k].name, logo_url=logo_url(logos[k]) if k in logos else None)
            if k in organizations else None
            for k in keys
        ]

    return loaders.get("branding_by_organization_id", lambda: DataLoader(load))  # type: ignore[arg-type]
