"""Queries of the accounts domain."""

from __future__ import annotations

import strawberry

from portico import policy
from portico.graphql import scopes
from portico.graphql.accounts.types import (
    ApiKeyType,
    InvitationType,
    MemberConnection,
    MemberType,
    OrganizationType,
)
from portico.graphql.context import Info
from portico.graphql.relay import edges, keyset_page
from portico.graphql.viewer import Viewer


@strawberry.type
class AccountQueries:
    @strawberry.field(description="Who is signed in; null when nobody is.")
    def me(self, info: Info) -> Viewer | None:
        return Viewer.of(info.context.actor)

    @strawberry.field(description=scopes.ANY_KEY)
    def organization(self, info: Info) -> OrganizationType:
        actor = info.context.actor.require_signed_in()
        assert actor.organization is not None
        return OrganizationType.from_model(actor.organization)

    @strawberry.field(description=f"The organization's members (contacts: who shared with them). {scopes.ANY_KEY}")
    async def members(self, info: Info, first: int | None = 50, after: str | None = None) -> MemberConnection:
        actor = info.context.actor.require_signed_in()
        pairs, page = await keyset_page(
            policy.members_visible_to(actor), first=first, after=after, order=("id",)
        )
        return MemberConnection(edges=edges(pairs, MemberType.from_model), page_info=page)

    @strawberry.field(description="Pending and accepted invitations (administrators only).")
    async def invitations(self, info: Info) -> list[InvitationType]:
        actor = info.context.actor.require_signed_in()
        policy.require_admin(actor)
        rows = await policy.invitations_visible_to(actor).order_by("-id").limit(200)
        return [InvitationType.from_model(i) for i in rows]

    @strawberry.field
    async def api_keys(self, info: Info) -> list[ApiKeyType]:
        actor = info.context.actor.require_signed_in()
        policy.require_admin(actor)
        rows = await policy.api_keys_visible_to(actor).order_by("-id")
        return [ApiKeyType.from_model(k) for k in rows]
