"""Identity codes for accepting a quote (issue 10 point 5): 6 digits emailed to whoever is about to accept.

A contact gets it at their own address (the one the vendor has for them); a public-link visitor at the address
they type. The code proves the acceptor reads that mailbox; the acceptance records the address it went to.

- Stored as an HMAC under the secret key (a leaked table does not give codes away by trying all million).
- Valid CODE_LIFETIME, used once (claimed atomically with the acceptance: `claim`).
- At most CODE_MAX_FAILURES wrong tries in all across a person's live codes for a quote (a wrong guess counts
  against every live code, so asking for more codes gives no more guesses): with CODES_PER_HOUR codes, at most
  25 guesses an hour at a million codes. Only someone already signed in as the contact, or a visitor who typed
  their own address, can guess at all.
- Requests are limited per person and quote (one a minute, CODES_PER_HOUR an hour) and per client address
  (ADDRESS_CODES_PER_HOUR, `throttle.allow_request`): nobody can mail-bomb an address through a quote link.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import UTC, datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from portico.accounts import throttle
from portico.errors import DomainError
from portico.quotes.acceptance_models import QuoteIdentityCode
from portico.settings import Settings

CODE_LIFETIME = timedelta(minutes=10)
CODE_MAX_FAILURES = 5
CODE_RESEND_AFTER = timedelta(seconds=60)
CODES_PER_HOUR = 5
ADDRESS_CODES_PER_HOUR = 20


def now() -> datetime:
    """The codes' clock (tests move it instead of sleeping)."""
    return datetime.now(UTC)


def new_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def code_hash(settings: Settings, quote_id: int, email: str, code: str) -> str:
    message = f"quote-identity-code:{quote_id}:{email}:{code}".encode()
    return hmac.new(settings.secret_key.encode(), message, hashlib.sha256).hexdigest()


async def issue(
    settings: Settings, *, quote_id: int, email: str, ip: str, contact_id: int | None = None,
    link_id: int | None = None, full_name: str = "", connection: BaseDBAsyncClient,
) -> str:
    """Store a new code for this person and quote in the caller's transaction (which also queues the email), and
    return it. Raises TOO_MANY_CODES (per person) or TOO_MANY_ATTEMPTS (per client address)."""
    if not await throttle.allow_request(
        f"quote-code:person:{quote_id}:{email}", f"quote-code:address:{ip}", per_account=CODES_PER_HOUR,
        per_address=ADDRESS_CODES_PER_HOUR, window=timedelta(hours=1), what="code requests",
    ):
        raise DomainError("TOO_MANY_CODES", "You asked for many codes in the last hour. Try again later.")
    moment = now()
    newest = await QuoteIdentityCode.filter(quote_id=quote_id, email=email).using_db(connection).order_by(
        "-created_at"
    ).first()
    if newest is not None and moment - newest.created_at < CODE_RESEND_AFTER:
        wait = int((CODE_RESEND_AFTER - (moment - newest.created_at)).total_seconds()) + 1
        raise DomainError("TOO_MANY_CODES", f"We just sent you a code. You can ask for another in {wait} seconds.")
    code = new_code()
    await QuoteIdentityCode.create(
        quote_id=quote_id, contact_id=contact_id, link_id=link_id, email=email, full_name=full_name,
        code_hash=code_hash(settings, quote_id, email, code), expires_at=moment + CODE_LIFETIME, ip=ip[:64],
        created_at=moment, using_db=connection,
    )
    return code


async def verify(
    settings: Settings, *, quote_id: int, email: str, entered: str, link_id: int | None = None
) -> QuoteIdentityCode:
    """The live code this person entered (not yet used: `claim` does that with the acceptance), or INVALID_CODE
    with the failed try counted. `email`: the contact's address, or the one a visitor typed (their codes are also
    bound to their link: `link_id`)."""
    cleaned = re.sub(r"\s", "", entered or "")
    if not re.fullmatch(r"\d{6}", cleaned):
        raise DomainError("INVALID_CODE", "Enter the 6-digit code from the email.", "code")
    moment = now()
    live = QuoteIdentityCode.filter(
        quote_id=quote_id, used_at=None, expires_at__gt=moment, failed_attempts__lt=CODE_MAX_FAILURES
    )
    live = live.filter(email=email, link_id=link_id)
    async with in_transaction():
        active = await live.select_for_update()
        digest = code_hash(settings, quote_id, email, cleaned)
        match = next((c for c in active if hmac.compare_digest(c.code_hash, digest)), None)
        if match is None and active:
            # A wrong guess counts against every live code: a few tries in all, not a few per code.
            await QuoteIdentityCode.filter(id__in=[c.id for c in active]).update(
                failed_attempts=F("failed_attempts") + 1
            )
    if match is None:  # raised after the commit, so the failed try stays counted
        raise DomainError(
            "INVALID_CODE", "This code is wrong, used or expired. Check the email, or ask for a new code.", "code"
        )
    return match


async def claim(code: QuoteIdentityCode, connection: BaseDBAsyncClient) -> None:
    """Use the code up, in the acceptance's transaction; INVALID_CODE when a concurrent request used it first."""
    used = await QuoteIdentityCode.filter(id=code.id, used_at=None).using_db(connection).update(used_at=now())
    if used != 1:
        raise DomainError("INVALID_CODE", "This code has already been used. Ask for a new code.", "code")


def mask_email(address: str) -> str:
    """m•••e@fjord.example: enough to recognise one's own address, not to learn someone else's."""
    local, _, domain = address.partition("@")
    shown = local[0] + "•••" + (local[-1] if len(local) > 2 else "")
    return f"{shown}@{domain}"
