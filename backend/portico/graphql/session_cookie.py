"""How sign-in mutations hand the session token to the browser: an HttpOnly cookie, never the response body."""

from __future__ import annotations

from starlette.responses import Response

from portico.accounts.sessions import SESSION_COOKIE, SESSION_LIFETIME
from portico.graphql.context import Context


def sign_in(context: Context, token: str) -> None:
    if isinstance(context.response, Response):
        context.response.set_cookie(
            SESSION_COOKIE,
            token,
            max_age=int(SESSION_LIFETIME.total_seconds()),
            httponly=True,
            secure=context.services.settings.secure_cookies,
            samesite="lax",
            path="/",
        )


def sign_out(context: Context) -> None:
    if isinstance(context.response, Response):
        context.response.delete_cookie(
            SESSION_COOKIE, path="/", httponly=True, secure=context.services.settings.secure_cookies, samesite="lax"
        )
