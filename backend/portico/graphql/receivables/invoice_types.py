"""GraphQL types of invoices: Invoice (Node), Payment, MoneyAmount, the connection with totals per currency."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import strawberry

from portico import policy
from portico.actors import Actor
from portico.graphql.context import Info
from portico.graphql.customers.types import CustomerType
from portico.graphql.node import Node, register_node
from portico.graphql.relay import Edge, PageInfo, encode_id
from portico.receivables import models
from portico.receivables.money import CurrencyTotal, in_minor_units

INVOICES = "Staff who see the customer's invoices (a MEMBER: their portfolio); API keys need INVOICES_READ."
InvoiceStatus = strawberry.enum(
    models.InvoiceStatus, name="InvoiceStatus",
    description="OPEN (nothing paid), PARTIALLY_PAID, PAID (follow the payments), VOID (cancelled, final).",
)


@strawberry.type(description="An exact amount (a decimal string, never a float) in one currency.")
class MoneyAmount:
    currency: str
    amount: Decimal


@strawberry.type(description="Totals of the invoices of one currency (void ones left out); never mixed.")
class InvoiceTotal:
    currency: str
    amount: Decimal
    paid: Decimal
    open: Decimal
    count: int

    @classmethod
    def from_total(cls, t: CurrencyTotal) -> InvoiceTotal:
        return cls(currency=t.currency, amount=t.amount, paid=t.paid, open=t.open, count=t.count)


@strawberry.type(name="Payment", description="A payment against an invoice, in its currency. Staff only.")
class PaymentType:
    id: strawberry.ID
    amount: Decimal
    paid_on: date
    note: str
    created_at: datetime

    @classmethod
    def from_model(cls, p: models.Payment, currency: str) -> PaymentType:
        return cls(id=encode_id("Payment", p.id), amount=in_minor_units(p.amount, currency), paid_on=p.paid_on,
                   note=p.note, created_at=p.created_at)


@strawberry.type(name="Invoice", description=f"An invoice of a customer (issue 11). {INVOICES} Contacts see their "
                 "own customer's (INVOICES module on), void ones excepted.")
class InvoiceType(Node):
    number: str
    amount: Decimal
    currency: str
    issued_on: date
    due_on: date
    status: InvoiceStatus  # type: ignore[valid-type]
    paid_amount: Decimal
    open_amount: Decimal = strawberry.field(description="Still owed: amount - paid (0 for a void invoice).")
    paused: bool = strawberry.field(description="Disputed: reminders skip it until resumed.")
    paused_reason: str
    has_pdf: bool
    pdf_filename: str | None
    first_opened_at: datetime | None = strawberry.field(
        description="When a contact first opened it in the hub (null: never opened)."
    )
    created_at: datetime
    updated_at: datetime
    pk: strawberry.Private[int]
    customer_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, i: models.Invoice) -> InvoiceType:
        return cls(
            id=encode_id("Invoice", i.id), number=i.number, amount=in_minor_units(i.amount, i.currency),
            currency=i.currency, issued_on=i.issued_on, due_on=i.due_on, status=i.status,
            paid_amount=in_minor_units(i.paid_amount, i.currency),
            open_amount=in_minor_units(i.open_amount, i.currency),
            paused=i.paused, paused_reason=i.paused_reason, has_pdf=i.pdf_storage_key is not None,
            pdf_filename=i.pdf_filename, first_opened_at=i.first_opened_at, created_at=i.created_at,
            updated_at=i.updated_at, pk=i.id, customer_id=i.customer_id,
        )

    @strawberry.field(description="Whether a contact opened it in the hub.")
    def opened(self) -> bool:
        return self.first_opened_at is not None

    @strawberry.field(description="The path that serves the PDF (GET; staff and the customer's contacts).")
    def pdf_url(self) -> str | None:
        return f"/invoices/{self.pk}/pdf" if self.has_pdf else None

    @strawberry.field
    async def customer(self, info: Info) -> CustomerType | None:
        customer = await info.context.loaders.customer_by_id.load(self.customer_id)
        return CustomerType.from_model(customer) if customer else None

    @strawberry.field(description="Payments, oldest first (staff only; a contact gets an empty list).")
    async def payments(self, info: Info) -> list[PaymentType]:
        from portico.graphql.receivables.loaders import payments_by_invoice_id

        rows = await payments_by_invoice_id(info).load(self.pk)
        return [PaymentType.from_model(p, self.currency) for p in rows]


@strawberry.type
class InvoiceConnection:
    edges: list[Edge[InvoiceType]]
    page_info: PageInfo
    total_count: int
    totals: list[InvoiceTotal] = strawberry.field(
        description="Per currency, over every invoice the filters match (not just this page)."
    )


async def _resolve_invoice(actor: Actor, pk: int) -> InvoiceType | None:
    invoice = await policy.invoices_visible_to(actor).filter(id=pk).first()
    return InvoiceType.from_model(invoice) if invoice else None


register_node("Invoice", _resolve_invoice)
