"""`GET /auth/callback/<provider>`: where a redirect-based sign-in (OpenID Connect, a national e-ID broker) ends.

The identity provider sends the browser back here with its answer in the query; the provider registered under that
name (`portico.accounts.providers`, `redirect = True`) says who it is, and the browser gets its session cookie and
lands on the staff app or the hub. Providers that take a password or a code are never reached through here: those
secrets do not belong in a URL.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from portico.accounts.providers import Audience, SignInRequest
from portico.accounts.sessions import set_session_cookie
from portico.errors import DomainError
from portico.services import Services

_LOG_IN_PAGE = {Audience.MEMBER: "/login", Audience.CONTACT: "/hub/login"}
_HOME = {Audience.MEMBER: "/", Audience.CONTACT: "/hub"}


async def provider_callback(request: Request) -> Response:
    services: Services = request.app.state.services
    name = request.path_params["provider"]
    provider = services.auth_providers.get(name)
    if provider is None or not provider.redirect:
        return JSONResponse({"error": {"code": "NOT_FOUND", "message": "Not found."}}, status_code=404)
    sign_in_request = SignInRequest(
        dict(request.query_params),
        ip=request.client.host if request.client else "",
        user_agent=request.headers.get("user-agent", "")[:300],
    )
    try:
        signed = await services.auth_providers.sign_in(name, sign_in_request)
    except DomainError as error:
        # Back to the sign-in page, which shows the reason; nothing about the account leaks beyond the code.
        query = urlencode({"error": error.problems[0].code})
        return RedirectResponse(f"{_LOG_IN_PAGE[provider.audience]}?{query}", status_code=303)
    response = RedirectResponse(_HOME[provider.audience], status_code=303)
    set_session_cookie(response, signed.token, secure=services.settings.secure_cookies)
    return response


def provider_callback_route() -> Route:
    return Route("/auth/callback/{provider:str}", provider_callback, methods=["GET"])
