"""`GET /quote-certificates/<token>`: an acceptance certificate, for both sides of the quote.

The token is a signed, short-lived grant (portico.hubs.links) issued by GraphQL's `QuoteAcceptance.certificateUrl`
to whoever asked (staff, the contact, or the link's visitor); the download checks that caller's access again with
`policy.quote_acceptances_visible_to` before sending a byte. Certificates are small: sent whole, no ranges.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from portico import policy
from portico.hubs.disposition import content_disposition
from portico.hubs.links import grant_actor, read_grant
from portico.services import Services
from portico.storage.errors import ObjectNotFound, StorageUnavailable

GRANT_KIND = "quote_certificate"


def _not_found(message: str = "This link is invalid or has expired.") -> JSONResponse:
    return JSONResponse({"error": {"code": "NOT_FOUND", "message": message}}, status_code=404)


async def download_certificate(request: Request) -> Response:
    services: Services = request.app.state.services
    grant = read_grant(services.settings.secret_key, request.path_params["token"])
    if grant is None or grant.kind != GRANT_KIND:
        return _not_found()
    actor = await grant_actor(
        grant, ip=request.client.host if request.client else "", user_agent=request.headers.get("user-agent", "")
    )
    if actor is None:
        return _not_found()
    acceptance = await policy.quote_acceptances_visible_to(actor).filter(id=grant.document_id).first()
    if acceptance is None:
        return _not_found()
    try:
        if request.method == "HEAD":
            await services.storage.size(acceptance.certificate_key)  # the file is there (or 404)
            chunks: list[bytes] = []
        else:
            chunks = [chunk async for chunk in services.storage.open_range(acceptance.certificate_key)]
    except ObjectNotFound:
        return _not_found("The file is missing from storage.")
    except StorageUnavailable as down:
        return JSONResponse(
            {"error": {"code": "STORAGE_UNAVAILABLE", "message": "File storage cannot be reached right now."}},
            status_code=503, headers={"Retry-After": str(down.retry_after_seconds)},
        )
    headers = {
        "Content-Disposition": content_disposition(
            f"{acceptance.certificate_id}.pdf", "application/pdf", attachment=grant.attachment
        ),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "sandbox",
    }
    headers["Content-Length"] = str(acceptance.certificate_size)
    return Response(b"".join(chunks), media_type="application/pdf", headers=headers)


def certificate_route() -> Route:
    return Route("/quote-certificates/{token:str}", download_certificate, methods=["GET", "HEAD"])
