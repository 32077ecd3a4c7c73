"""Who is calling: a member (staff), a customer contact, a partner's API key, a quote's public-link visitor, or
nobody.

Resolved once per HTTP request or WebSocket connection, then handed to services and to `policy`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TypeVar

from starlette.requests import HTTPConnection

from portico.accounts.apikeys import API_KEY_CALLER, find_api_key
from portico.accounts.models import ApiKey, Member, Organization, Role, Session
from portico.accounts.session_callers import SESSION_CALLER
from portico.accounts.sessions import SESSION_COOKIE, find_session
from portico.accounts.tokens import token_hash
from portico.customers.models import Contact
from portico.errors import NotAllowed, NotAuthenticated
from portico.precompiled import Precompiled
from portico.quotes.acceptance_models import QuoteLink, QuoteVisitSession


class ActorKind(StrEnum):
    ANONYMOUS = "ANONYMOUS"
    MEMBER = "MEMBER"
    CONTACT = "CONTACT"
    API_KEY = "API_KEY"
    # Gave a quote link's password: sees that one quote and nothing else (`quote_link`). Not in any organization
    # (`organization` stays None), so every rule that starts from the caller's organization gives them nothing.
    QUOTE_VISITOR = "QUOTE_VISITOR"


class Scope(StrEnum):
    """What an API key may do. Reads need a read scope per kind of data (`policy.key_may_read`); writes a write
    scope. ORG_READ also makes a key that acts as nobody an org-wide reader (its reach: the whole organization)."""

    ORG_READ = "ORG_READ"
    CUSTOMERS_READ = "CUSTOMERS_READ"
    DOCUMENTS_READ = "DOCUMENTS_READ"
    ACTIVITY_READ = "ACTIVITY_READ"
    QUOTES_READ = "QUOTES_READ"
    CUSTOMERS_WRITE = "CUSTOMERS_WRITE"
    SHARES_WRITE = "SHARES_WRITE"
    QUOTES_WRITE = "QUOTES_WRITE"
    INVOICES_READ = "INVOICES_READ"
    INVOICES_WRITE = "INVOICES_WRITE"


@dataclass
class Actor:
    kind: ActorKind
    organization: Organization | None = None
    member: Member | None = None
    contact: Contact | None = None
    api_key: ApiKey | None = None
    scopes: frozenset[Scope] = field(default_factory=frozenset)
    session_token: str | None = None
    quote_link: QuoteLink | None = None
    visitor_name: str = ""  # a QUOTE_VISITOR's name as they typed it (accepting, declining): events name them so
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
_CONTACT_CALLER = ("organization", "customer")
QUOTE_VISIT_COOKIE = "portico_quote_visit"
_IN_LIST = 900
# A public link's visitor is looked up on each of their requests: its SQL is built once (portico.precompiled).
_QUOTE_VISIT = Precompiled(
    QuoteVisitSession, lambda p: QuoteVisitSession.filter(token_hash=p["hash"]).select_related("link").limit(1), "hash"
)
T = TypeVar("T")


def _as_member(member: Member | None, ip: str = "", user_agent: str = "") -> Actor | None:
    """An active member (its organization already loaded), as a signed-in staff caller."""
    if member is None or not member.is_active:
        return None
    return Actor(kind=ActorKind.MEMBER, organization=member.organization, member=member, ip=ip, user_agent=user_agent)


def _as_contact(contact: Contact | None, ip: str = "", user_agent: str = "") -> Actor | None:
    """A contact (organization and customer already loaded) whose hub access, and their customer's, is on."""
    if contact is None or not contact.hub_access or not contact.customer.hub_access:
        return None
    return Actor(
        kind=ActorKind.CONTACT, organization=contact.organization, contact=contact, ip=ip, user_agent=user_agent
    )


def _as_api_key(key: ApiKey | None, ip: str = "", user_agent: str = "") -> Actor | None:
    """A key (organization and member already loaded) that is not revoked, acting as its member (who must be
    active) or as an org-wide reader."""
    if key is None or key.revoked_at is not None:
        return None
    member = key.acts_as
    if member is not None and not member.is_active:
        return None
    scopes = frozenset(Scope(s) for s in key.scopes if s in Scope.__members__)
    return Actor(
        kind=ActorKind.API_KEY, organization=key.organization, member=member, api_key=key, scopes=scopes, ip=ip,
        user_agent=user_agent,
    )


def _from_session(session: Session | None, token: str, ip: str = "", user_agent: str = "") -> Actor | None:
    """The caller of a session loaded with SESSION_CALLER."""
    if session is None:
        return None
    if session.member_id is not None:
        actor = _as_member(session.member, ip=ip, user_agent=user_agent)
    elif session.contact_id is not None:
        actor = _as_contact(session.contact, ip=ip, user_agent=user_agent)
    else:
        return None
    if actor is not None:
        actor.session_token = token
    return actor


async def member_actor(member_id: int, *, ip: str = "", user_agent: str = "") -> Actor | None:
    """An active member, as a signed-in staff caller (one query)."""
    member = await Member.filter(id=member_id).select_related("organization").first()
    return _as_member(member, ip=ip, user_agent=user_agent)


async def contact_actor(contact_id: int, *, ip: str = "", user_agent: str = "") -> Actor | None:
    """A contact whose hub access (and their customer's) is on (one query)."""
    contact = await Contact.filter(id=contact_id).select_related(*_CONTACT_CALLER).first()
    return _as_contact(contact, ip=ip, user_agent=user_agent)


async def api_key_actor(key: ApiKey | int, *, ip: str = "", user_agent: str = "") -> Actor | None:
    """A key that is not revoked, acting as its member (who must be active) or as an org-wide reader. Given an id,
    one query; given a key found by `find_api_key`, none (it came with API_KEY_CALLER joined)."""
    if isinstance(key, int):
        found = await ApiKey.filter(id=key).select_related(*API_KEY_CALLER).first()
        if found is None:
            return None
        key = found
    return _as_api_key(key, ip=ip, user_agent=user_agent)


async def session_actor(token: str, *, ip: str = "", user_agent: str = "") -> Actor | None:
    """The member or contact signed in with this session token, in one query (session, caller and organization
    joined)."""
    session = await find_session(token, with_caller=True)
    return _from_session(session, token, ip=ip, user_agent=user_agent)


async def quote_visitor_actor(visit_token: str, *, ip: str = "", user_agent: str = "") -> Actor | None:
    """The visitor of a quote link whose password this browser gave (`portico.quotes.links.open_link`), while the
    visit and the link last (one query)."""
    if not visit_token or len(visit_token) > 100:
        return None
    visit = await _QUOTE_VISIT.first(hash=token_hash(visit_token))
    now = datetime.now(UTC)
    if visit is None or visit.expires_at <= now or not visit.link.is_open(now):
        return None
    return Actor(kind=ActorKind.QUOTE_VISITOR, quote_link=visit.link, ip=ip, user_agent=user_agent)


async def resolve_actor(
    *, session_token: str | None, authorization: str | None, ip: str = "", user_agent: str = "",
    visit_token: str | None = None,
) -> Actor:
    """Find the caller from a bearer API key (partners) or a session cookie (browsers): one query either way. A
    quote link's visit cookie counts only when neither is there: a signed-in member or contact who also opened a
    public link stays themselves (their own rights decide what they see)."""
    actor: Actor | None = None
    if authorization:
        scheme, _, raw = authorization.partition(" ")
        key = await find_api_key(raw.strip()) if scheme.lower() == "bearer" and raw.strip() else None
        actor = await api_key_actor(key, ip=ip, user_agent=user_agent) if key is not None else None
    elif session_token:
        actor = await session_actor(session_token, ip=ip, user_agent=user_agent)
    if actor is None and not authorization and visit_token:
        actor = await quote_visitor_actor(visit_token, ip=ip, user_agent=user_agent)
    return actor or Actor(kind=ActorKind.ANONYMOUS, ip=ip, user_agent=user_agent)


async def request_actor(connection: HTTPConnection) -> Actor:
    """The caller of an HTTP request or WebSocket handshake: its Authorization header or session cookie."""
    return await resolve_actor(
        session_token=connection.cookies.get(SESSION_COOKIE),
        authorization=connection.headers.get("authorization"),
        visit_token=connection.cookies.get(QUOTE_VISIT_COOKIE),
        ip=connection.client.host if connection.client else "",
        user_agent=connection.headers.get("user-agent", "")[:300],
    )


async def refresh_actor(actor: Actor) -> Actor | None:
    """The same caller with fresh rows (role, active flag, hub access, organization settings), or None when they
    may no longer act (one query). A browser that signed out has no session any more: None too."""
    [fresh] = await refresh_actors([actor])
    return fresh


async def refresh_actors(actors: Sequence[Actor]) -> list[Actor | None]:
    """`refresh_actor` for many callers at once, in one query per kind of caller (sessions, API keys, members and
    contacts without a session) and per 900 callers: the live feed re-checks every subscriber of an event this way.
    Expired sessions count as signed out (deleting them is left to the next request)."""
    hashes = {a.session_token: token_hash(a.session_token) for a in actors if a.session_token is not None}
    key_ids = {a.api_key.id for a in actors if a.session_token is None and a.api_key is not None}
    member_ids = {a.member.id for a in actors if _bare(a) and a.member is not None}
    contact_ids = {a.contact.id for a in actors if _bare(a) and a.member is None and a.contact is not None}
    now = datetime.now(UTC)
    sessions = {
        s.token_hash: s
        for chunk in _chunks(list(hashes.values()))
        for s in await Session.filter(token_hash__in=chunk).select_related(*SESSION_CALLER)
        if s.expires_at > now
    }
    keys = {k.id: k for chunk in _chunks(key_ids) for k in await ApiKey.filter(id__in=chunk).select_related(
        *API_KEY_CALLER)}
    members = {m.id: m for chunk in _chunks(member_ids) for m in await Member.filter(id__in=chunk).select_related(
        "organization")}
    contacts = {c.id: c for chunk in _chunks(contact_ids) for c in await Contact.filter(id__in=chunk).select_related(
        *_CONTACT_CALLER)}
    fresh: list[Actor | None] = []
    for actor in actors:
        client = {"ip": actor.ip, "user_agent": actor.user_agent}
        if actor.session_token is not None:
            found = _from_session(sessions.get(hashes[actor.session_token]), actor.session_token, **client)
            # The same person as before (a session row is never re-pointed, but say it where it matters).
            same = found is not None and (found.member or found.contact) is not None and (
                (found.member.id if found.member else None) == (actor.member.id if actor.member else None)
                and (found.contact.id if found.contact else None) == (actor.contact.id if actor.contact else None)
            )
            fresh.append(found if same else None)
        elif actor.api_key is not None:
            fresh.append(_as_api_key(keys.get(actor.api_key.id), **client))
        elif actor.member is not None:
            fresh.append(_as_member(members.get(actor.member.id), **client))
        elif actor.contact is not None:
            fresh.append(_as_contact(contacts.get(actor.contact.id), **client))
        else:
            fresh.append(None)
    return fresh


def _chunks(values: Iterable[T]) -> list[list[T]]:
    """At most _IN_LIST values per `IN (...)`: SQLite builds may cap a statement's parameters at 999."""
    items = list(dict.fromkeys(values))
    return [items[i : i + _IN_LIST] for i in range(0, len(items), _IN_LIST)]


def _bare(actor: Actor) -> bool:
    """A caller without a session or API key (built by the server itself, as for a file link's grant)."""
    return actor.session_token is None and actor.api_key is None
