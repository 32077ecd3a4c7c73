"""One-time emailed links (password reset, invitation, a contact's hub link): issue and redeem.

Only the SHA-256 of a token is stored. Redeeming marks it used atomically, so a link works once, and not after
it expires; a wrong, used and expired token all get the same answer. The email that carries a token passes it to the
outbox as a secret (`token_in(link)`), so the stored copy loses it once delivered.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from portico.accounts.models import OneTimeToken, TokenPurpose
from portico.accounts.tokens import new_token, token_hash
from portico.errors import DomainError


async def issue(
    purpose: TokenPurpose,
    *,
    organization_id: int,
    lifetime: timedelta,
    member_id: int | None = None,
    contact_id: int | None = None,
) -> tuple[str, OneTimeToken]:
    """The raw token (for the email, never stored) and its row."""
    token = new_token()
    row = await OneTimeToken.create(
        purpose=purpose,
        token_hash=token_hash(token),
        organization_id=organization_id,
        member_id=member_id,
        contact_id=contact_id,
        expires_at=datetime.now(UTC) + lifetime,
    )
    return token, row


async def redeem(token: str, purpose: TokenPurpose) -> OneTimeToken:
    row = await OneTimeToken.filter(token_hash=token_hash(token or ""), purpose=purpose).first()
    if row is None or row.used_at is not None or row.expires_at <= datetime.now(UTC):
        raise DomainError("INVALID_TOKEN", "This link is invalid, expired or already used.", "token")
    updated = await OneTimeToken.filter(id=row.id, used_at=None).update(used_at=datetime.now(UTC))
    if updated != 1:  # redeemed concurrently by another request
        raise DomainError("INVALID_TOKEN", "This link is invalid, expired or already used.", "token")
    return row


def token_in(link: str) -> str:
    """The token of a one-time link (`...?token=...`), for the outbox's `secrets`."""
    tokens = parse_qs(urlsplit(link).query).get("token")
    if not tokens or not tokens[0]:
        raise ValueError("not a one-time link: it has no token")
    return tokens[0]
