"""GET /invoices/{id}/pdf: the invoice's PDF for staff who see the invoice and for the customer's contacts (policy),
inline; a contact's first fetch records the opening (documents.record_opening).

Single Range requests are answered (206 with Content-Range; 416 for a range outside the file): pdf.js reads a large
PDF in ranges. Every range is checked through policy like the whole file; only a GET from the start (the first
request of a viewer) can count as the opening, so the ranges that follow and HEAD requests record nothing."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from portico import policy
from portico.activity import services as activity
from portico.actors import ActorKind, request_actor
from portico.http_range import parse_range
from portico.hubs.disposition import content_disposition
from portico.receivables.documents import PDF, record_opening
from portico.services import Services
from portico.storage.errors import ObjectNotFound, StorageUnavailable


def _not_found() -> JSONResponse:
    return JSONResponse({"code": "NOT_FOUND", "message": "Invoice not found."}, status_code=404)


async def invoice_pdf(request: Request) -> Response:
    services: Services = request.app.state.services
    actor = await request_actor(request)
    if actor.kind is ActorKind.ANONYMOUS:
        return JSONResponse({"code": "NOT_AUTHENTICATED", "message": "Sign in first."}, status_code=401)
    raw = request.path_params["invoice_id"]
    invoice = await policy.invoices_visible_to(actor).filter(id=int(raw)).first() if raw.isdigit() else None
    if invoice is None or invoice.pdf_storage_key is None:
        return _not_found()
    headers = {
        "Accept-Ranges": "bytes",
        "Content-Disposition": content_disposition(invoice.pdf_filename or f"{invoice.number}.pdf", PDF,
                                                   attachment=False),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "sandbox",
    }
    try:
        size = await services.storage.size(invoice.pdf_storage_key)
        wanted = parse_range(request.headers.get("range"), size)
        if wanted == "invalid":
            return Response(status_code=416, headers={**headers, "Content-Range": f"bytes */{size}"})
        start, end = wanted if isinstance(wanted, tuple) else (0, size - 1)
        body = services.storage.open_range(invoice.pdf_storage_key, start, end)
    except ObjectNotFound:
        return _not_found()
    except StorageUnavailable:
        return JSONResponse({"code": "STORAGE_UNAVAILABLE", "message": "File storage cannot be reached right now."},
                            status_code=503)
    if start == 0 and request.method == "GET":
        event = await record_opening(actor, invoice)
        if event is not None:
            await activity.publish(services.broker, event)
    headers["Content-Length"] = str(end - start + 1)
    if isinstance(wanted, tuple):
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        return StreamingResponse(body, status_code=206, media_type=PDF, headers=headers)
    return StreamingResponse(body, media_type=PDF, headers=headers)


def invoice_routes() -> list[Route]:
    return [Route("/invoices/{invoice_id:str}/pdf", invoice_pdf, methods=["GET"])]
