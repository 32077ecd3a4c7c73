"""Who is calling: a member (staff), a customer contact, a partner's API key, or nobody.

Resolved once per HTTP request or WebSocket connection, then handed to services and to `policy`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from starlette.requests import HTTPConnection

from portico.accounts.apikeys import find_api_key
from portico.accounts.models import ApiKey, Member, Organization, Role
from portico.accounts.sessions import SESSION_COOKIE, find_session
from portico.customers.models import Contact
from portico.errors import NotAllowed, NotAuthenticated


class ActorKind(StrEnum):
    ANONYMOUS = "ANONYMOUS"
    MEMBER = "MEMBER"
    CONTACT = "CONTACT"
    API_KEY = "API_KEY"


class Scope(StrEnum):
    """What an API key may do. Reads need a read scope per kind of data (`policy.key_may_read`); writes a write
    scope. ORG_READ also makes a key that acts as nobody an org-wide reader (its reach: the whole organization)."""

    ORG_READ = "ORG_READ"
    CUSTOMERS_READ = "CUSTOMERS_READ"
    DOCUMENTS_READ = "DOCUMENTS_READ"
    ACTIVITY_READ = "ACTIVITY_READ"
    CUSTOMERS_WRITE = "CUSTOMERS_WRITE"
    SHARES_WRITE = "SHARES_WRITE"


@dataclass
class Actor:
    kind: ActorKind
    organization: Organization | None = None
    member: Member | None = None
    contact: Contact | None = None
    api_key: ApiKey | None = None
    scopes: frozenset[Scope] = field(default_factory=frozenset)
    session_token: str | None = None
    ip: str = ""
    user_agent: str = ""

    @property
    def organization_id(self) -> int:
        if self.organization is None:
            raise NotAuthenticated()
        return self.organization.id

    @property
    def is_staff(self) -> bool:
        return self.kind in (ActorKind.MEMBER, ActorKind.API_KEY)

    @property
    def role(self) -> Role | None:
        return self.member.role if self.member else None

    def require_signed_in(self) -> Actor:
        if self.kind is ActorKind.ANONYMOUS:
            raise NotAuthenticated()
        return self

    def require_staff(self) -> Actor:
        self.require_signed_in()
        if not self.is_staff:
            raise NotAllowed("This is only available to staff of the organization.")
        return self

    def require_member(self) -> Member:
        """A signed-in member, or an API key acting as one."""
        self.require_staff()
        if self.member is None:
            raise NotAllowed("This API key reads only; it does not act as a member.")
        return self.member

    def require_contact(self) -> Contact:
        self.require_signed_in()
        if self.contact is None:
            raise NotAllowed("This is only available to customer contacts.")
        return self.contact

    def require_scope(self, scope: Scope) -> None:
        """API keys need the scope for writes; members and contacts are bounded by policy instead."""
        if self.kind is ActorKind.API_KEY and scope not in self.scopes:
            raise NotAllowed(f"This API key lacks the {scope.value} scope.")


ANONYMOUS = Actor(kind=ActorKind.ANONYMOUS)


async def member_actor(member_id: int, *, ip: str = "", user_agent: str = "") -> Actor | None:
    """An active member, as a signed-in staff caller."""
    member = await Member.filter(id=member_id, is_active=True).first()
    if member is None:
        return None
    organization = await Organization.get(id=member.organization_id)
    return Actor(kind=ActorKind.MEMBER, organization=organization, member=member, ip=ip, user_agent=user_agent)


async def contact_actor(contact_id: int, *, ip: str = "", user_agent: str = "") -> Actor | None:
    """A contact whose hub access (and their customer's) is on."""
    contact = await Contact.filter(id=contact_id, hub_access=True, customer__hub_access=True).first()
    if contact is None:
        return None
    organization = await Organization.get(id=contact.organization_id)
    return Actor(kind=ActorKind.CONTACT, organization=organization, contact=contact, ip=ip, user_agent=user_agent)


async def api_key_actor(key: ApiKey | int, *, ip: str = "", user_agent: str = "") -> Actor | None:
    """A key that is not revoked, acting as its member (who must be active) or as an org-wide reader."""
    if isinstance(key, int):
        found = await ApiKey.filter(id=key, revoked_at=None).first()
        if found is None:
            return None
        key = found
    await key.fetch_related("organization", "acts_as")
    member = key.acts_as
    if member is not None and not member.is_active:
        return None
    scopes = frozenset(Scope(s) for s in key.scopes if s in Scope.__members__)
    return Actor(
        kind=ActorKind.API_KEY, organization=key.organization, member=member, api_key=key, scopes=scopes, ip=ip,
        user_agent=user_agent,
    )


async def resolve_actor(
    *, session_token: str | None, authorization: str | None, ip: str = "", user_agent: str = ""
) -> Actor:
    """Find the caller from a bearer API key (partners) or a session cookie (browsers)."""
    actor: Actor | None = None
    if authorization:
        scheme, _, raw = authorization.partition(" ")
        key = await find_api_key(raw.strip()) if scheme.lower() == "bearer" and raw.strip() else None
        actor = await api_key_actor(key, ip=ip, user_agent=user_agent) if key is not None else None
    elif session_token:
        session = await find_session(session_token)
        if session is not None and session.member_id is not None:
            actor = await member_actor(session.member_id, ip=ip, user_agent=user_agent)
        elif session is not None and session.contact_id is not None:
            actor = await contact_actor(session.contact_id, ip=ip, user_agent=user_agent)
        if actor is not None:
            actor.session_token = session_token
    return actor or Actor(kind=ActorKind.ANONYMOUS, ip=ip, user_agent=user_agent)


async def request_actor(connection: HTTPConnection) -> Actor:
    """The caller of an HTTP request or WebSocket handshake: its Authorization header or session cookie."""
    return await resolve_actor(
        session_token=connection.cookies.get(SESSION_COOKIE),
        authorization=connection.headers.get("authorization"),
        ip=connection.client.host if connection.client else "",
        user_agent=connection.headers.get("user-agent", "")[:300],
    )


async def refresh_actor(actor: Actor) -> Actor | None:
    """The same caller with fresh rows (role, active flag, hub access, organization settings), or None when they
    may no longer act. Long-lived subscriptions call this per event, so a deactivated member stops receiving,
    and so does a browser that signed out."""
    if actor.session_token is not None and await find_session(actor.session_token) is None:
        return None
    fresh: Actor | None
    if actor.api_key is not None:
        fresh = await api_key_actor(actor.api_key.id, ip=actor.ip, user_agent=actor.user_agent)
    elif actor.member is not None:
        fresh = await member_actor(actor.member.id, ip=actor.ip, user_agent=actor.user_agent)
    elif actor.contact is not None:
        fresh = await contact_actor(actor.contact.id, ip=actor.ip, user_agent=actor.user_agent)
    else:
        return None
    if fresh is not None:
        fresh.session_token = actor.session_token
    return fresh
