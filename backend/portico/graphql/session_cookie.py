"""How sign-in mutations hand the session token to the browser: an HttpOnly cookie, never the response body."""

from __future__ import annotations

from starlette.responses import Response

from portico.accounts.sessions import SESSION_COOKIE, set_session_cookie
from portico.graphql.context import Context


def sign_in(context: Context, token: str) -> None:
    if isinstance(context.response, Response):
        set_session_cookie(context.response, token, secure=context.services.settings.secure_cookies)


def sign_out(context: Context) -> None:
    if isinstance(context.response, Response):
        context.response.delete_cookie(
            SESSION_COOKIE, path="/", httponly=True, secure=context.services.settings.secure_cookies, samesite="lax"
        )
