"""An invoice's PDF: attached from an upload (POST /uploads), and a contact's first opening of it in the hub.

Attaching takes the upload over (marked used, like a share's files: its bytes stay counted, now as the invoice's,
see hubs/quota.recount_storage_bytes); a replaced PDF's bytes are released and its object removed after the commit.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from portico import policy
from portico.activity import services as activity
from portico.activity.models import ActivityEvent, ActivityKind
from portico.actors import Actor
from portico.errors import DomainError, NotFound
from portico.hubs import trash
from portico.hubs.models import Upload
from portico.hubs.quota import release
from portico.receivables.models import Invoice, InvoiceStatus
from portico.storage.base import Storage
from portico.validation import is_uuid

PDF = "application/pdf"


async def attach_pdf(actor: Actor, storage: Storage, *, invoice_id: int, upload_id: str) -> Invoice:
    member = policy.require_invoice_editor(actor)
    upload = await Upload.filter(
        id=upload_id, organization_id=actor.organization_id, member_id=member.id, used_at=None
    ).first() if is_uuid(upload_id) else None
    if upload is None:
        raise NotFound("Upload", "uploadId")
    if upload.content_type != PDF:
        raise DomainError("NOT_A_PDF", "An invoice's file must be a PDF.", "uploadId")
    async with in_transaction() as conn:
        found = await policy.invoices_writable_by(actor).filter(id=invoice_id).first()
        if found is None:
            raise NotFound("Invoice", "invoiceId")
        invoice = await Invoice.filter(id=found.id).using_db(conn).select_for_update().get()
        if invoice.status is InvoiceStatus.VOID:
            raise DomainError("VOID", "A void invoice cannot be changed.", "invoiceId")
        claimed = await Upload.filter(id=upload.id, used_at=None).using_db(conn).update(used_at=datetime.now(UTC))
        if not claimed:  # used by another request meanwhile
            raise NotFound("Upload", "uploadId")
        replaced: list[str] = []
        if invoice.pdf_storage_key is not None:
            await release(invoice.organization_id, invoice.pdf_size_bytes or 0, conn)
            replaced = await trash.schedule([invoice.pdf_storage_key])
        invoice.pdf_storage_key, invoice.pdf_filename = upload.storage_key, upload.name
        invoice.pdf_size_bytes, invoice.pdf_sha256 = upload.size_bytes, upload.sha256
        await invoice.save(using_db=conn, update_fields=["pdf_storage_key", "pdf_filename", "pdf_size_bytes",
                                                         "pdf_sha256", "updated_at"])
    await trash.purge(storage, replaced)
    return invoice


async def record_opening(actor: Actor, invoice: Invoice) -> ActivityEvent | None:
    """A contact opened the invoice: the first time sets `first_opened_at` (a conditional update, so two openings at
    once record one) and records INVOICE_OPENED for its account managers. Staff opening it record nothing."""
    if actor.contact is None:
        return None
    now = datetime.now(UTC)
    async with in_transaction():
        first = await Invoice.filter(id=invoice.id, first_opened_at=None).update(
            first_opened_at=now, first_opened_by_id=actor.contact.id
        )
        if not first:
            return None
        invoice.first_opened_at, invoice.first_opened_by_id = now, actor.contact.id
        audience = await policy.invoice_opening_audience(invoice)
        return await activity.record(actor, ActivityKind.INVOICE_OPENED, customer_id=invoice.customer_id,
                                     hub_id=None, detail=invoice.number, audience=audience, invoice_id=invoice.id)
