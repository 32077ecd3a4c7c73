"""`me`: who is signed in, staff or customer contact."""

from __future__ import annotations

from enum import Enum

import strawberry

from portico.accounts.models import Organization
from portico.actors import Actor, ActorKind, resolve_actor
from portico.graphql.accounts.types import MemberType, OrganizationType
from portico.graphql.context import Info
from portico.graphql.customers.types import ContactType
from portico.graphql.loaders import Loaders
from portico.graphql.session_cookie import sign_in


@strawberry.enum
class ViewerKind(Enum):
    MEMBER = "MEMBER"
    CONTACT = "CONTACT"
    API_KEY = "API_KEY"


@strawberry.type
class Viewer:
    kind: ViewerKind
    member: MemberType | None
    contact_id: strawberry.Private[int | None]
    org: strawberry.Private[Organization]

    @strawberry.field
    def organization(self) -> OrganizationType:
        return OrganizationType.from_model(self.org)

    @strawberry.field
    async def contact(self, info: Info) -> ContactType | None:
        if self.contact_id is None:
            return None
        contact = await info.context.loaders.contact_by_id.load(self.contact_id)
        return ContactType.from_model(contact) if contact else None

    @classmethod
    def of(cls, actor: Actor) -> Viewer | None:
        if actor.kind is ActorKind.ANONYMOUS or actor.organization is None:
            return None
        kind = {ActorKind.MEMBER: ViewerKind.MEMBER, ActorKind.CONTACT: ViewerKind.CONTACT}.get(
            actor.kind, ViewerKind.API_KEY
        )
        return cls(
            kind=kind,
            member=MemberType.from_model(actor.member) if actor.member else None,
            contact_id=actor.contact.id if actor.contact else None,
            org=actor.organization,
        )


def client(info: Info) -> dict[str, str]:
    """The caller's address and browser, for sessions and throttling."""
    return {"ip": info.context.actor.ip, "user_agent": info.context.actor.user_agent}


async def become(info: Info, session_token: str) -> Viewer | None:
    """After a sign-in mutation: set the session cookie, and answer the rest of the request as the new caller."""
    sign_in(info.context, session_token)
    actor = await resolve_actor(session_token=session_token, authorization=None, **client(info))
    info.context.actor = actor
    info.context.loaders = Loaders(actor)
    return Viewer.of(actor)
