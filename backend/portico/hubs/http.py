"""The file endpoints beside /graphql: streamed uploads (`POST /uploads`) and signed downloads (`GET /files/...`).

Uploads stream straight into storage with the size limit and the organization's quota checked as bytes arrive;
the type is detected from the content; the client's filename is kept only as a display name. Downloads stream
with Range support, and each view or download by a contact is recorded as activity.
"""

from __future__ import annotations

import logging
import unicodedata
import uuid
from collections.abc import AsyncIterator

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from portico import policy
from portico.accounts.models import Organization
from portico.activity import services as activity
from portico.activity.models import ActivityKind
from portico.actors import Actor, ActorKind, request_actor
from portico.errors import DomainError
from portico.graphql.relay import pk_from_global_id  # an entry point like /graphql: the same global ids
from portico.http_range import parse_range
from portico.hubs import storage_alerts
from portico.hubs.disposition import content_disposition
from portico.hubs.links import grant_actor, read_grant
from portico.hubs.models import Document, DocumentVersion, Hub, Upload
from portico.hubs.quota import admit, note_refused, quota_bytes, storage_account
from portico.libraries.models import Publication
from portico.quotes.files import QUOTE_FILE_KINDS, quote_file, record_fetch
from portico.quotes.models import QuoteAttachment, QuoteVersion
from portico.services import Services
from portico.storage.errors import InvalidRange, ObjectNotFound, QuotaExceeded, StorageUnavailable, UploadRefused
from portico.storage.ingest import DEFAULT_ALLOWED_TYPES, ingest

MAX_FILENAME = 200
log = logging.getLogger(__name__)


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def _storage_unavailable(down: StorageUnavailable, message: str) -> JSONResponse:
    """503 with Retry-After: the file store is down or failing, which the client can do nothing about but wait."""
    log.warning("file storage unavailable", extra={"error": str(down)})
    return _error(503, "STORAGE_UNAVAILABLE", message, {"Retry-After": str(down.retry_after_seconds)})


def display_name(raw: str | None) -> str:
    """A safe display name from the client's filename: no path, no control characters, bounded length."""
    name = unicodedata.normalize("NFC", (raw or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().strip(".")
    return name[:MAX_FILENAME] or "file"


async def upload(request: Request) -> Response:
    services: Services = request.app.state.services
    settings = services.settings
    actor = await request_actor(request)
    if actor.kind is ActorKind.ANONYMOUS:
        return _error(401, "NOT_AUTHENTICATED", "Sign in first.")
    member_id: int | None = None
    contact_id: int | None = None
    if actor.contact is not None:
        # A contact uploads only into a folder that lets them (`?folderId=`), checked before a byte is stored.
        refused = await _contact_may_upload(actor, request.query_params.get("folderId"))
        if refused is not None:
            return refused
        contact_id = actor.contact.id
    else:
        try:
            member_id = policy.require_uploader(actor).id
        except DomainError as error:
            return _error(403, error.problems[0].code, error.problems[0].message)
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_upload_bytes:
        return _error(413, "UPLOAD_TOO_LARGE", "The file is larger than the upload limit.")
    organization = await Organization.get(id=actor.organization_id)
    account = await storage_account(organization.id)
    remaining = quota_bytes(account) - account.used_bytes
    upload_id = uuid.uuid4()
    key = f"org/{organization.id}/uploads/{upload_id}"
    try:
        blob = await ingest(
            services.storage,
            key,
            request.stream(),
            max_bytes=settings.max_upload_bytes,
            quota_remaining=max(remaining, 0),
            allowed_types=DEFAULT_ALLOWED_TYPES,
        )
    except ClientDisconnect:
        # The browser cancelled (the user pressed Cancel): ingest already removed what was written.
        return Response(status_code=499)
    except StorageUnavailable as down:
        # put_stream removed what it wrote (aborted the multipart upload) before raising.
        return _storage_unavailable(
            down, "File storage cannot be reached right now, so the file was not saved. Try again in a minute."
        )
    except UploadRefused as refused:
        status = 413 if refused.code in ("UPLOAD_TOO_LARGE", "QUOTA_EXCEEDED") else 415
        if refused.code == "EMPTY_UPLOAD":
            status = 400
        if isinstance(refused, QuotaExceeded):
            await _storage_full(services, organization.id)
        return _error(status, refused.code, refused.message)
    try:
        async with admit(organization.id, blob.size):
            row = await Upload.create(
                id=upload_id,
                organization_id=organization.id,
                member_id=member_id,
                contact_id=contact_id,
                name=display_name(request.query_params.get("filename")),
                storage_key=blob.key,
                content_type=blob.content_type,
                size_bytes=blob.size,
                sha256=blob.sha256,
            )
    except QuotaExceeded as refused:
        # Another upload took the space while this one streamed (the check during streaming is a snapshot).
        await services.storage.delete(blob.key)
        await _storage_full(services, organization.id)
        return _error(413, refused.code, refused.message)
    except BaseException:
        await services.storage.delete(blob.key)  # never an object without its row
        raise
    # Crossing 80 % emails the administrators now (the storage-alerts job would, a little later).
    await storage_alerts.send_due_for(settings.public_url, organization.id)
    return JSONResponse(
        {"uploadId": str(row.id), "name": row.name, "sizeBytes": row.size_bytes, "contentType": row.content_type},
        status_code=201,
    )


async def _contact_may_upload(actor: Actor, folder_gid: str | None) -> Response | None:
    """None when the contact may upload into the folder named by its global id, else the error response."""
    decoded = pk_from_global_id(folder_gid) if folder_gid else None
    folder_id = decoded[1] if decoded and decoded[0] == "Folder" else None
    folder = await policy.folders_visible_to(actor).filter(id=folder_id).first() if folder_id else None
    if folder is None:
        return _error(404, "NOT_FOUND", "Folder not found.")
    if not await policy.can_upload_to(actor, folder):
        return _error(403, "NOT_ALLOWED", "You may view this folder but not upload into it.")
    return None


async def download(request: Request) -> Response:
    services: Services = request.app.state.services
    grant = read_grant(services.settings.secret_key, request.path_params["token"])
    if grant is None:
        return _error(404, "NOT_FOUND", "This link is invalid or has expired.")
    # The link is only as good as the access of whoever it was issued to, checked again now.
    actor = await grant_actor(
        grant,
        ip=request.client.host if request.client else "",
        user_agent=request.headers.get("user-agent", "")[:300],
    )
    if actor is None:
        return _error(404, "NOT_FOUND", "This link is invalid or has expired.")
    item: Publication | Document | DocumentVersion | QuoteVersion | QuoteAttachment | None
    document: Document | None = None
    if grant.kind in QUOTE_FILE_KINDS:
        item = await quote_file(actor, grant.kind, grant.document_id)
        name = item.filename if item else ""
    elif grant.kind == "publication":
        item = await policy.publications_visible_to(actor).filter(id=grant.document_id).first()
        name = item.title if item else ""
    elif grant.kind == "version":  # an earlier version of a document: staff only (policy)
        item = await policy.document_versions_visible_to(actor).filter(id=grant.document_id).first()
        name = item.name if item else ""
    else:
        item = document = await policy.documents_visible_to(actor).filter(id=grant.document_id).first()
        name = document.name if document else ""
    if item is None:
        return _error(404, "NOT_FOUND", "This link is invalid or has expired.")
    try:
        size = await services.storage.size(item.storage_key)
    except ObjectNotFound:
        return _error(404, "NOT_FOUND", "The file is missing from storage.")
    except StorageUnavailable as down:
        return _storage_unavailable(down, "File storage cannot be reached right now. Try again in a minute.")
    wanted = parse_range(request.headers.get("range"), size)
    headers = {
        "Accept-Ranges": "bytes",
        "Content-Disposition": content_disposition(name, item.content_type, attachment=grant.attachment),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "sandbox",
    }
    if wanted == "invalid":
        return Response(status_code=416, headers={**headers, "Content-Range": f"bytes */{size}"})
    start, end = wanted if isinstance(wanted, tuple) else (0, size - 1)
    if document is not None and actor.contact is not None and start == 0 and request.method == "GET":
        # A viewer fetching the rest of a file by ranges is one view, not many; a HEAD request views nothing.
        await _record_download(services, actor, document, grant.attachment)
    if isinstance(item, QuoteVersion) and start == 0 and request.method == "GET":
        await record_fetch(services.broker, actor, item, grant.attachment)
    try:
        body = services.storage.open_range(item.storage_key, start, end) if size else _empty()
    except InvalidRange:
        return Response(status_code=416, headers={**headers, "Content-Range": f"bytes */{size}"})
    headers["Content-Length"] = str(end - start + 1 if size else 0)
    status = 200
    if isinstance(wanted, tuple):
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    return StreamingResponse(body, status_code=status, media_type=item.content_type, headers=headers)


async def _empty() -> AsyncIterator[bytes]:
    if False:
        yield b""


async def _record_download(services: Services, actor: Actor, document: Document, attachment: bool) -> None:
    hub = await Hub.get(id=document.hub_id)
    kind = ActivityKind.DOCUMENT_DOWNLOADED if attachment else ActivityKind.DOCUMENT_VIEWED
    event = await activity.record(actor, kind, customer_id=hub.customer_id, hub_id=hub.id, document=document)
    await activity.publish(services.broker, event)


async def _storage_full(services: Services, organization_id: int) -> None:
    """An upload did not fit: the uploader is told (QUOTA_EXCEEDED), and the administrators once (the 100 % alert)."""
    await note_refused(organization_id)
    await storage_alerts.send_due_for(services.settings.public_url, organization_id)


def upload_route() -> Route:
    return Route("/uploads", upload, methods=["POST"])


def download_route() -> Route:
    return Route("/files/{token:str}", download, methods=["GET", "HEAD"])
