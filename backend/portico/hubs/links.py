"""Short-lived signed links for file downloads (`/files/<token>`).

The token names the document, who it was issued to, and inline/attachment; it is signed with SECRET_KEY and
expires, so a link copied out of the page stops working soon and cannot be altered to reach another file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from portico.actors import Actor, ActorKind, api_key_actor, contact_actor, member_actor
from portico.quotes.acceptance_models import QuoteLink

LINK_LIFETIME_SECONDS = 15 * 60


@dataclass(frozen=True)
class FileGrant:
    document_id: int
    organization_id: int
    contact_id: int | None
    member_id: int | None
    attachment: bool
    expires: int
    kind: str = "document"  # or "publication"
    api_key_id: int | None = None
    quote_link_id: int | None = None  # a quote link's visitor (portico.quotes.links)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(secret: str, body: str) -> str:
    return _b64(hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest())


def sign_grant(secret: str, grant: FileGrant) -> str:
    body = _b64(json.dumps(grant.__dict__, separators=(",", ":")).encode())
    return f"{body}.{_sign(secret, body)}"


def read_grant(secret: str, token: str, now: float | None = None) -> FileGrant | None:
    """The grant inside a valid, unexpired token; None for anything else."""
    body, _, signature = token.partition(".")
    # Only ASCII can be ours (and compare_digest refuses to compare other strings: a TypeError, not "no").
    if not body or not signature or len(token) > 1000 or not token.isascii():
        return None
    if not hmac.compare_digest(_sign(secret, body), signature):
        return None
    try:
        grant = FileGrant(**json.loads(_unb64(body)))
    except (ValueError, TypeError):
        return None
    if grant.expires < (now or time.time()):
        return None
    return grant


def grant_for(actor: Actor, *, kind: str, item_id: int, organization_id: int, attachment: bool) -> FileGrant:
    """A grant to whoever is asking: the download re-checks that caller's access before sending a byte."""
    return FileGrant(
        document_id=item_id,
        organization_id=organization_id,
        contact_id=actor.contact.id if actor.contact else None,
        member_id=actor.member.id if actor.member else None,
        api_key_id=actor.api_key.id if actor.api_key else None,
        quote_link_id=actor.quote_link.id if actor.quote_link else None,
        attachment=attachment,
        expires=int(time.time()) + LINK_LIFETIME_SECONDS,
        kind=kind,
    )


async def grant_actor(grant: FileGrant, *, ip: str = "", user_agent: str = "") -> Actor | None:
    """The caller the grant was issued to, as they are now (deactivated, revoked, cut off: None)."""
    if grant.quote_link_id is not None:
        # A visitor's grant lasts while their link does (revoking it cuts off the links already handed out).
        link = await QuoteLink.filter(id=grant.quote_link_id, organization_id=grant.organization_id).first()
        if link is None or not link.is_open(datetime.now(UTC)):
            return None
        return Actor(kind=ActorKind.QUOTE_VISITOR, quote_link=link, ip=ip, user_agent=user_agent)
    if grant.api_key_id is not None:
        actor = await api_key_actor(grant.api_key_id, ip=ip, user_agent=user_agent)
    elif grant.contact_id is not None:
        actor = await contact_actor(grant.contact_id, ip=ip, user_agent=user_agent)
    elif grant.member_id is not None:
        actor = await member_actor(grant.member_id, ip=ip, user_agent=user_agent)
    else:
        return None
    return actor if actor is not None and actor.organization_id == grant.organization_id else None
