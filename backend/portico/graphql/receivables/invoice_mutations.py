"""Mutations of invoices: create, update, void, delete, pause, record a payment, and a partner's idempotent
upsert."""

from __future__ import annotations

from datetime import date

import strawberry

from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate
from portico.graphql.receivables.invoice_types import InvoiceType, PaymentType
from portico.graphql.relay import decode_id
from portico.receivables import deletion, documents, services

WRITE = "Members (a MEMBER: for the customers of their portfolio); API keys acting as one need INVOICES_WRITE."


@strawberry.input
class CreateInvoiceInput:
    customer_id: strawberry.ID
    number: str = strawberry.field(description="Unique in the organization.")
    amount: str = strawberry.field(description="A decimal string, e.g. \"1250.50\"; at most the currency's decimals.")
    currency: str = strawberry.field(description="ISO 4217, e.g. EUR, DKK, SEK.")
    issued_on: date
    due_on: date


@strawberry.input
class UpdateInvoiceInput:
    invoice_id: strawberry.ID
    customer_id: strawberry.ID | None = None
    number: str | None = None
    amount: str | None = None
    currency: str | None = None
    issued_on: date | None = None
    due_on: date | None = None


@strawberry.input
class UpsertInvoiceInput:
    number: str = strawberry.field(description="The key: pushing the same number again updates (or changes nothing).")
    customer_id: strawberry.ID | None = None
    customer_external_ref: str | None = strawberry.field(
        default=None, description="The customer's id in your systems (Customer externalRef), instead of customerId."
    )
    amount: str
    currency: str
    issued_on: date
    due_on: date


@strawberry.input
class InvoiceIdInput:
    invoice_id: strawberry.ID


@strawberry.input
class PauseInvoiceInput:
    invoice_id: strawberry.ID
    paused: bool
    reason: str | None = None


@strawberry.input
class RecordPaymentInput:
    invoice_id: strawberry.ID
    amount: str = strawberry.field(description="In the invoice's currency; at most what is still owed.")
    paid_on: date
    note: str | None = None


@strawberry.input
class AttachInvoicePdfInput:
    invoice_id: strawberry.ID
    upload_id: str = strawberry.field(description="From POST /uploads (a PDF); replaces the invoice's PDF if any.")


@strawberry.type
class InvoicePayload:
    invoice: InvoiceType | None = None
    errors: list[UserError]


@strawberry.type
class DeleteInvoicePayload:
    deleted_invoice_id: strawberry.ID | None = None
    errors: list[UserError]


@strawberry.type
class UpsertInvoicePayload:
    invoice: InvoiceType | None = None
    created: bool = False
    changed: bool = False
    errors: list[UserError]


@strawberry.type
class PaymentPayload:
    invoice: InvoiceType | None = None
    payment: PaymentType | None = None
    errors: list[UserError]


def _invoice_id(value: strawberry.ID) -> int:
    return decode_id(value, "Invoice", "invoiceId")


@strawberry.type
class InvoiceMutations:
    @strawberry.mutation(description=WRITE)
    async def create_invoice(self, info: Info, input: CreateInvoiceInput) -> InvoicePayload:
        async def work() -> dict[str, object]:
            invoice = await services.create_invoice(
                info.context.actor.require_signed_in(), customer_id=decode_id(input.customer_id, "Customer",
                                                                              "customerId"),
                number=input.number, amount=input.amount, currency=input.currency, issued_on=input.issued_on,
                due_on=input.due_on,
            )
            return {"invoice": InvoiceType.from_model(invoice)}

        return await mutate(InvoicePayload, work)

    @strawberry.mutation(description=f"Change what is given. A void invoice is final. {WRITE}")
    async def update_invoice(self, info: Info, input: UpdateInvoiceInput) -> InvoicePayload:
        async def work() -> dict[str, object]:
            invoice = await services.update_invoice(
                info.context.actor.require_signed_in(), invoice_id=_invoice_id(input.invoice_id),
                customer_id=decode_id(input.customer_id, "Customer", "customerId") if input.customer_id else None,
                number=input.number, amount=input.amount, currency=input.currency, issued_on=input.issued_on,
                due_on=input.due_on,
            )
            return {"invoice": InvoiceType.from_model(invoice)}

        return await mutate(InvoicePayload, work)

    @strawberry.mutation(
        description="A partner's push, idempotent on the invoice number: creates, updates, or changes nothing. "
        "API keys acting as a member need INVOICES_WRITE (the customer by customerExternalRef or customerId)."
    )
    async def upsert_invoice(self, info: Info, input: UpsertInvoiceInput) -> UpsertInvoicePayload:
        async def work() -> dict[str, object]:
            result = await services.upsert_invoice(
                info.context.actor.require_signed_in(), number=input.number,
                customer_id=decode_id(input.customer_id, "Customer", "customerId") if input.customer_id else None,
                customer_external_ref=input.customer_external_ref, amount=input.amount, currency=input.currency,
                issued_on=input.issued_on, due_on=input.due_on,
            )
            return {"invoice": InvoiceType.from_model(result.invoice), "created": result.created,
                    "changed": result.changed}

        return await mutate(UpsertInvoicePayload, work)

    @strawberry.mutation(description=f"Cancel an invoice (final): no longer owed, reminded or counted. {WRITE}")
    async def void_invoice(self, info: Info, input: InvoiceIdInput) -> InvoicePayload:
        async def work() -> dict[str, object]:
            invoice = await services.void_invoice(info.context.actor.require_signed_in(),
                                                  invoice_id=_invoice_id(input.invoice_id))
            return {"invoice": InvoiceType.from_model(invoice)}

        return await mutate(InvoicePayload, work)

    @strawberry.mutation(
        description="Delete an invoice entered by mistake, with its PDF. Refused (HAS_PAYMENTS, REMINDED) once it has "
        f"a payment or a reminder email went to the customer: void it then. {WRITE}"
    )
    async def delete_invoice(self, info: Info, input: InvoiceIdInput) -> DeleteInvoicePayload:
        async def work() -> dict[str, object]:
            await deletion.delete_invoice(info.context.actor.require_signed_in(), info.context.services.storage,
                                          invoice_id=_invoice_id(input.invoice_id))
            return {"deleted_invoice_id": input.invoice_id}

        return await mutate(DeleteInvoicePayload, work)

    @strawberry.mutation(description=f"Pause reminders of an invoice (a dispute), or resume them. {WRITE}")
    async def pause_invoice(self, info: Info, input: PauseInvoiceInput) -> InvoicePayload:
        async def work() -> dict[str, object]:
            invoice = await services.set_paused(info.context.actor.require_signed_in(),
                                                invoice_id=_invoice_id(input.invoice_id), paused=input.paused,
                                                reason=input.reason)
            return {"invoice": InvoiceType.from_model(invoice)}

        return await mutate(InvoicePayload, work)

    @strawberry.mutation(description=f"Record a payment; the status follows (PARTIALLY_PAID, PAID). {WRITE}")
    async def record_payment(self, info: Info, input: RecordPaymentInput) -> PaymentPayload:
        async def work() -> dict[str, object]:
            invoice, payment = await services.record_payment(
                info.context.actor.require_signed_in(), invoice_id=_invoice_id(input.invoice_id),
                amount=input.amount, paid_on=input.paid_on, note=input.note,
            )
            return {"invoice": InvoiceType.from_model(invoice),
                    "payment": PaymentType.from_model(payment, invoice.currency)}

        return await mutate(PaymentPayload, work)

    @strawberry.mutation(description=f"Attach the invoice's PDF (shown in the hub's Invoices section). {WRITE}")
    async def attach_invoice_pdf(self, info: Info, input: AttachInvoicePdfInput) -> InvoicePayload:
        async def work() -> dict[str, object]:
            invoice = await documents.attach_pdf(
                info.context.actor.require_signed_in(), info.context.services.storage,
                invoice_id=_invoice_id(input.invoice_id), upload_id=input.upload_id,
            )
            return {"invoice": InvoiceType.from_model(invoice)}

        return await mutate(InvoicePayload, work)
