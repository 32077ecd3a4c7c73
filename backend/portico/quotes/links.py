"""Public links to a quote (issue 10 point 2): a URL with a random token, a password, an expiry, revocable.

Staff create one for a PUBLIC_LINK quote with a password they pass on separately; the URL is shown once (only the
token's hash is kept, like an API key). Whoever opens it and gives the password gets a visit: a session bound to
that one link (`QuoteVisitSession`), held by the browser in an HttpOnly cookie, under which they are a
QUOTE_VISITOR who sees that quote and nothing else (policy.quotes_visible_to).

Why a cookie and not a token handed to the page: an HttpOnly cookie cannot be read by script, so an injected script
or a browser extension cannot carry the visit away, and it never ends up in a URL, a log or a Referer header. It is
SameSite=Strict (a visit starts on our own page, so no cross-site request ever needs it) and lives an hour: the
visitor answers the quote in one sitting, and a revoked link ends every visit at once (its sessions are deleted, and
each request checks the link again).

Password guesses are throttled per link and per client address (`throttle.QUOTE_LINK`): five free, then locks that
double from 2 seconds, and from the twelfth failure the link refuses every attempt for an hour; a right password
clears the link's count. The password is checked with argon2id in a worker thread (accounts/passwords).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from portico import policy
from portico.accounts import throttle
from portico.accounts.passwords import hash_password, verify_password
from portico.accounts.tokens import new_token, token_hash
from portico.actors import Actor, ActorKind
from portico.errors import DomainError, NotFound
from portico.quotes.acceptance_models import QuoteLink, QuoteVisitSession
from portico.quotes.models import Quote, QuoteVisibility
from portico.settings import Settings
from portico.validation import Checker

VISIT_LIFETIME = timedelta(hours=1)
MAX_LINK_LIFETIME = timedelta(days=366)
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_\-]{16,200}")


@dataclass(frozen=True)
class CreatedLink:
    link: QuoteLink
    url: str  # shown once: only the token's hash is stored


@dataclass(frozen=True)
class OpenedLink:
    link: QuoteLink
    quote: Quote
    visit_token: str  # for the visit cookie


def link_url(settings: Settings, token: str) -> str:
    return f"{settings.public_url}/quote-link/{token}"


async def create_link(
    settings: Settings, actor: Actor, *, quote_id: int, password: str, expires_at: datetime | None
) -> CreatedLink:
    """A new public link to a PUBLIC_LINK quote the actor may send (and sees)."""
    member = policy.require_quote_sender(actor)
    check = Checker()
    check.password(password)
    now = datetime.now(UTC)
    if expires_at is not None:
        if expires_at.tzinfo is None:
            check.add("INVALID_DATE", "Give the expiry with its time zone (e.g. 2026-12-31T23:59:00Z).", "expiresAt")
        elif expires_at <= now:
            check.add("IN_THE_PAST", "The link's expiry must be in the future.", "expiresAt")
        elif expires_at - now > MAX_LINK_LIFETIME:
            check.add("TOO_FAR", "A link can be valid for at most a year.", "expiresAt")
    check.raise_if_any()
    quote = await policy.quotes_visible_to(actor).filter(id=quote_id).first()
    if quote is None:
        raise NotFound("Quote", "quoteId")
    if quote.visibility is not QuoteVisibility.PUBLIC_LINK:
        raise DomainError(
            "NOT_A_PUBLIC_LINK_QUOTE", "This quote is shown in the customer's hub; it has no public link.", "quoteId"
        )
    password_hash = await hash_password(password)  # in a worker thread, at most two at once
    token = new_token()
    link = await QuoteLink.create(
        organization_id=quote.organization_id, quote_id=quote.id, token_hash=token_hash(token),
        password_hash=password_hash, expires_at=expires_at, created_by_id=member.id,
    )
    return CreatedLink(link, link_url(settings, token))


async def revoke_link(actor: Actor, *, link_id: int) -> QuoteLink:
    """Revoke a link of a quote the actor may send: it stops opening, and every visit through it ends now."""
    policy.require_quote_sender(actor)
    link = await policy.quote_links_visible_to(actor).filter(id=link_id).first()
    if link is None:
        raise NotFound("Quote link", "linkId")
    if link.revoked_at is None:
        member = actor.member
        link.revoked_at = datetime.now(UTC)
        link.revoked_by_id = member.id if member else None
        await QuoteLink.filter(id=link.id, revoked_at=None).update(
            revoked_at=link.revoked_at, revoked_by_id=link.revoked_by_id
        )
    await QuoteVisitSession.filter(link_id=link.id).delete()
    return link


async def open_link(*, token: str, password: str, ip: str = "", user_agent: str = "") -> OpenedLink:
    """Give a link's password: a visit of its quote, or INVALID_LINK / LINK_EXPIRED / LINK_REVOKED /
    TOO_MANY_ATTEMPTS / INVALID_PASSWORD."""
    if not _TOKEN_SHAPE.fullmatch(token or ""):
        raise _invalid_link()
    link = await QuoteLink.filter(token_hash=token_hash(token)).first()
    if link is None:
        raise _invalid_link()
    # Counted before anything else is looked at or any hash checked: parallel guesses get no more checks than
    # the free allowance, and a guesser learns nothing from a locked link.
    attempt = await throttle.reserve("quote-link", f"link-{link.id}", ip, throttle.QUOTE_LINK)
    now = datetime.now(UTC)
    if link.revoked_at is not None:
        raise DomainError("LINK_REVOKED", "This link has been withdrawn. Ask the sender for a new one.", "token")
    if not link.is_open(now):
        raise DomainError("LINK_EXPIRED", "This link has expired. Ask the sender for a new one.", "token")
    quote = await visible_quote(link)
    if quote is None:
        raise _invalid_link()
    if not await verify_password(link.password_hash, password or ""):
        raise DomainError("INVALID_PASSWORD", "The password is wrong.", "password")
    await attempt.succeeded()
    visit_token = new_token()
    await QuoteVisitSession.create(
        link_id=link.id, token_hash=token_hash(visit_token), expires_at=now + VISIT_LIFETIME, ip=ip[:64],
        user_agent=user_agent[:300],
    )
    await QuoteLink.filter(id=link.id).update(last_opened_at=now)
    return OpenedLink(link, quote, visit_token)


async def link_language(token: str) -> str | None:
    """The language of an open link's quote, for its password page (policy.quote_link_intro: the token alone tells
    nothing more); None for a malformed, unknown, revoked or expired token, alike."""
    if not _TOKEN_SHAPE.fullmatch(token or ""):
        return None
    link = await QuoteLink.filter(token_hash=token_hash(token)).first()
    if link is None:
        return None
    intro = await policy.quote_link_intro(link, datetime.now(UTC)).first().values(*policy.QUOTE_LINK_INTRO_FIELDS)
    return str(intro["language"]) if intro else None


async def end_visit(visit_token: str) -> None:
    await QuoteVisitSession.filter(token_hash=token_hash(visit_token)).delete()


async def visible_quote(link: QuoteLink) -> Quote | None:
    """The quote a link shows to its visitor (policy: while published and not removed from the portal)."""
    return await policy.quotes_visible_to(visitor(link)).first()


def visitor(link: QuoteLink, *, ip: str = "", user_agent: str = "") -> Actor:
    return Actor(kind=ActorKind.QUOTE_VISITOR, quote_link=link, ip=ip, user_agent=user_agent)


def _invalid_link() -> DomainError:
    return DomainError("INVALID_LINK", "This link is not valid.", "token")
