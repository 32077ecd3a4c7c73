"""One-click unsubscribe links (RFC 8058): `<PUBLIC_URL>/unsubscribe/<token>`.

The token names one person (a member or a contact) and one kind of notification, signed with SECRET_KEY, so it
needs no stored state and cannot be altered to reach another person or another kind. It does not expire: an old
email's unsubscribe link must keep working. Using it changes only that one setting to NEVER.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

from portico.accounts.models import Member
from portico.customers.models import Contact
from portico.notifications.kinds import NotificationKind
from portico.settings import Settings

Person = Member | Contact
_PURPOSE = b"portico-unsubscribe:"  # domain separation: no other signed token of ours verifies here
_MAX_TOKEN = 200


@dataclass(frozen=True)
class Unsubscription:
    member_id: int | None
    contact_id: int | None
    kind: NotificationKind

    async def person(self) -> Person | None:
        if self.member_id is not None:
            return await Member.filter(id=self.member_id).first()
        return await Contact.filter(id=self.contact_id).first()


def token_for(secret: str, person: Person, kind: NotificationKind) -> str:
    body = f"{'m' if isinstance(person, Member) else 'c'}.{person.id}.{kind.value}"
    encoded = base64.urlsafe_b64encode(body.encode()).rstrip(b"=").decode()
    return f"{encoded}.{_sign(secret, encoded)}"


def read_token(secret: str, token: str) -> Unsubscription | None:
    """What a genuine token says; None for anything else (altered, forged, truncated, garbage)."""
    encoded, _, signature = token.partition(".")
    if not encoded or not signature or len(token) > _MAX_TOKEN or not token.isascii():
        return None
    if not hmac.compare_digest(_sign(secret, encoded), signature):
        return None
    try:
        who, pk, kind = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode().split(".")
    except ValueError:
        return None
    if who not in ("m", "c") or not pk.isdigit() or kind not in NotificationKind.__members__:
        return None
    return Unsubscription(int(pk) if who == "m" else None, int(pk) if who == "c" else None, NotificationKind(kind))


def link(settings: Settings, person: Person, kind: NotificationKind) -> str:
    return f"{settings.public_url}/unsubscribe/{token_for(settings.secret_key, person, kind)}"


def headers(settings: Settings, person: Person, kind: NotificationKind) -> dict[str, str]:
    """The headers that let mail clients offer "Unsubscribe" and POST to it without a browser (RFC 8058)."""
    return {
        "List-Unsubscribe": f"<{link(settings, person, kind)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _sign(secret: str, encoded: str) -> str:
    digest = hmac.new(secret.encode(), _PURPOSE + encoded.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
