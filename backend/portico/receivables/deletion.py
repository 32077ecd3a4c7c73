"""Deleting an invoice: for one entered by mistake, before anything happened to it (issue 11 gap).

An invoice with a payment, or about which a reminder email went to the customer, is part of the customer's history:
it cannot be deleted, only voided (no longer owed, reminded of or counted, but kept). Everything else goes: its
step runs that sent nothing, with it; the actions and activity events that named it stay, without it (their
foreign keys are SET NULL). Its PDF's bytes are released from the organization's storage usage in the deleting
transaction and the object is scheduled in the same transaction (hubs/trash), then removed after the commit; a
failed removal stays for the storage-deletions sweep, so nothing is orphaned either way.

The invoice's row is locked first: a concurrent payment or reminder sweep either commits before (and the checks
see it) or after, when its insert naming the deleted invoice fails and rolls back.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from portico import policy
from portico.actors import Actor
from portico.errors import DomainError, NotFound
from portico.hubs import trash
from portico.hubs.quota import release
from portico.receivables.models import Invoice, Payment
from portico.receivables.workflow_models import InvoiceStepRun, StepOutcome
from portico.storage.base import Storage


async def delete_invoice(actor: Actor, storage: Storage, *, invoice_id: int) -> Invoice:
    """Delete the invoice (whoever may change it: `policy.invoices_writable_by`); returns it as it was."""
    policy.require_invoice_editor(actor)
    async with in_transaction() as conn:
        found = await policy.invoices_writable_by(actor).filter(id=invoice_id).first()
        if found is None:
            raise NotFound("Invoice", "invoiceId")
        invoice = await Invoice.filter(id=found.id).using_db(conn).select_for_update().get()
        if invoice.paid_amount or await Payment.filter(invoice_id=invoice.id).using_db(conn).exists():
            raise DomainError("HAS_PAYMENTS", f"Invoice {invoice.number} has payments, so it cannot be deleted: "
                              "void it instead (it is then no longer owed, and its history stays).", "invoiceId")
        if await InvoiceStepRun.filter(invoice_id=invoice.id, outcome=StepOutcome.EMAILED).using_db(conn).exists():
            raise DomainError("REMINDED", f"A reminder about invoice {invoice.number} was sent to the customer, so "
                              "it cannot be deleted: void it instead (it is then no longer owed or reminded of).",
                              "invoiceId")
        purge: list[str] = []
        if invoice.pdf_storage_key is not None:
            await release(invoice.organization_id, invoice.pdf_size_bytes or 0, conn)
            purge = await trash.schedule([invoice.pdf_storage_key])
        await Invoice.filter(id=invoice.id).using_db(conn).delete()
    await trash.purge(storage, purge)
    return invoice
