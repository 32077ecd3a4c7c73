"""The logo endpoints: `POST /branding/logo` (raw image body, administrators) and `GET /branding/logos/{id}`.

A logo is served only to those `policy.logos_visible_to` allows: the organization's members and API keys, and the
contacts of its customers (their hub shows it). Anyone else, signed in elsewhere or not at all, gets 404.
"""

from __future__ import annotations

import uuid

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from portico import policy
from portico.actors import ActorKind, request_actor
from portico.branding.services import MAX_LOGO_BYTES, logo_url, upload_logo
from portico.errors import DomainError
from portico.services import Services
from portico.storage.errors import ObjectNotFound, RefusedType, UploadRefused, UploadTooLarge


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


async def upload(request: Request) -> Response:
    services: Services = request.app.state.services
    actor = await request_actor(request)
    if actor.kind is ActorKind.ANONYMOUS:
        return _error(401, "NOT_AUTHENTICATED", "Sign in first.")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_LOGO_BYTES:
        return _error(413, "UPLOAD_TOO_LARGE", "A logo can be at most 1 MB.")
    try:
        logo = await upload_logo(actor, services.storage, request.stream())
    except ClientDisconnect:
        return Response(status_code=499)
    except DomainError as error:
        problem = error.problems[0]
        return _error(409 if problem.code == "CONFLICT" else 403, problem.code, problem.message)
    except RefusedType:
        return _error(415, "UNSUPPORTED_TYPE", "A logo must be a PNG, JPEG, WebP or GIF image.")
    except UploadTooLarge:
        return _error(413, "UPLOAD_TOO_LARGE", "A logo can be at most 1 MB.")
    except UploadRefused as refused:
        return _error(400, refused.code, refused.message)
    return JSONResponse(
        {"logoId": str(logo.id), "logoUrl": logo_url(logo.id), "contentType": logo.content_type,
         "sizeBytes": logo.size_bytes},
        status_code=201,
    )


async def serve(request: Request) -> Response:
    services: Services = request.app.state.services
    not_found = _error(404, "NOT_FOUND", "Logo not found.")
    try:
        logo_id = uuid.UUID(request.path_params["logo_id"])
    except ValueError:
        return not_found
    actor = await request_actor(request)
    logo = await policy.logos_visible_to(actor).filter(id=logo_id).first()
    if logo is None:
        return not_found
    try:
        size = await services.storage.size(logo.storage_key)
    except ObjectNotFound:
        return not_found
    headers = {
        "Content-Length": str(size),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox",
        "Content-Disposition": "inline",
        # Each upload gets a new URL, so a browser may keep this one; private: it was served after a check.
        "Cache-Control": "private, max-age=86400",
        "ETag": f'"{logo.sha256}"',
    }
    if request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers={k: v for k, v in headers.items() if k != "Content-Length"})
    return StreamingResponse(
        services.storage.open_range(logo.storage_key), media_type=logo.content_type, headers=headers
    )


def branding_routes() -> list[Route]:
    return [
        Route("/branding/logo", upload, methods=["POST"]),
        Route("/branding/logos/{logo_id:str}", serve, methods=["GET"]),
    ]
