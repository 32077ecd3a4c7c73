"""Server-side sessions: the browser holds a random token, the database its hash."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from starlette.responses import Response
from tortoise.router import router

from portico.accounts import session_callers
from portico.accounts.models import Session
from portico.accounts.tokens import new_token, token_hash
from portico.precompiled import Precompiled

SESSION_COOKIE = "portico_session"
SESSION_LIFETIME = timedelta(days=14)
# A session's expiry slides forward when it is used, but we only write that at most this often.
_TOUCH_EVERY = timedelta(hours=1)


async def start_session(
    *, member_id: int | None = None, contact_id: int | None = None, ip: str = "", user_agent: str = ""
) -> str:
    """Create a session and return the raw token for the cookie (never stored)."""
    token = new_token()
    await Session.create(
        token_hash=token_hash(token),
        member_id=member_id,
        contact_id=contact_id,
        expires_at=datetime.now(UTC) + SESSION_LIFETIME,
        ip=ip[:64],
        user_agent=user_agent[:300],
    )
    if contact_id is not None:
        # Every way a contact signs in starts a session here: the contact's "signed in" status (issue 9, point 2).
        from portico.customers.models import Contact

        await Contact.filter(id=contact_id).update(last_signed_in_at=datetime.now(UTC))
    return token


# A session alone. With its caller (`session_callers.SESSION_CALLER` joined in the same statement: one query per
# request, issue 8), `session_callers` reads it. Built once (portico.precompiled: building it was most of a
# request's fixed cost).
_SESSION = Precompiled(Session, lambda p: Session.filter(token_hash=p["hash"]).limit(1), "hash")


async def find_session(token: str, *, with_caller: bool = False) -> Session | None:
    """The live session of `token`; with `with_caller`, its member or contact (and their organization, and the
    contact's customer) come joined in the same statement."""
    if not token or len(token) > 100:
        return None
    if with_caller:
        db = router.db_for_read(Session) or Session._meta.db  # inside a transaction, the transaction's
        session = await session_callers.session_with_caller(db, token_hash(token))
    else:
        session = await _SESSION.first(hash=token_hash(token))
    if session is None:
        return None
    now = datetime.now(UTC)
    if session.expires_at <= now:
        await session.delete()
        return None
    if now - session.last_seen_at > _TOUCH_EVERY:
        session.last_seen_at = now
        session.expires_at = now + SESSION_LIFETIME
        await session.save(update_fields=["last_seen_at", "expires_at"])
    return session


async def end_session(token: str) -> None:
    await Session.filter(token_hash=token_hash(token)).delete()


async def end_all_sessions(*, member_id: int | None = None, contact_id: int | None = None) -> None:
    if member_id is not None:
        await Session.filter(member_id=member_id).delete()
    if contact_id is not None:
        await Session.filter(contact_id=contact_id).delete()


def set_session_cookie(response: Response, token: str, *, secure: bool) -> None:
    """Hand the session to the browser: an HttpOnly cookie, never a response body."""
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        secure=secure,
        samesite="lax",
        path="/",
    )
