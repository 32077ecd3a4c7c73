"""Invoices: create, change, void, pause, record payments, and a partner's idempotent upsert (issue 11, point 2).

Every write checks `policy` (who may write invoices of which customers) and runs in one transaction. The invoice row
is locked while a payment is recorded, so two payments at once both count and `paid_amount` stays their sum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portico import policy
from portico.actors import Actor
from portico.customers.models import Customer
from portico.errors import DomainError, NotFound
from portico.receivables import rules
from portico.receivables.models import Invoice, InvoiceStatus, Payment
from portico.receivables.money import parse_amount
from portico.validation import Checker


def status_for(invoice: Invoice) -> InvoiceStatus:
    """What the payments make of an invoice (VOID stays VOID)."""
    if invoice.status is InvoiceStatus.VOID:
        return InvoiceStatus.VOID
    if invoice.paid_amount >= invoice.amount:
        return InvoiceStatus.PAID
    if invoice.paid_amount > 0:
        return InvoiceStatus.PARTIALLY_PAID
    return InvoiceStatus.OPEN


async def get_invoice(actor: Actor, invoice_id: int, field: str = "invoiceId") -> Invoice:
    invoice = await policy.invoices_visible_to(actor).filter(id=invoice_id).first()
    if invoice is None:
        raise NotFound("Invoice", field)
    return invoice


async def _writable_invoice(actor: Actor, invoice_id: int, field: str = "invoiceId") -> Invoice:
    policy.require_invoice_editor(actor)
    invoice = await policy.invoices_writable_by(actor).filter(id=invoice_id).first()
    if invoice is None:
        raise NotFound("Invoice", field)
    return invoice


async def _customer_for(actor: Actor, customer_id: int | None, external_ref: str | None = None,
                        field: str = "customerId") -> Customer:
    customers = policy.invoice_customers_for(actor)
    if customer_id is not None:
        customer = await customers.filter(id=customer_id).first()
    elif external_ref:
        customer = await customers.filter(external_ref=external_ref.strip()).first()
    else:
        raise DomainError("REQUIRED", "Choose the customer.", field)
    if customer is None:
        raise NotFound("Customer", field)
    return customer


async def _number_taken(organization_id: int, number: str, except_id: int | None = None) -> bool:
    taken = Invoice.filter(organization_id=organization_id, number=number)
    if except_id is not None:
        taken = taken.exclude(id=except_id)
    return await taken.exists()


def _duplicate(number: str) -> DomainError:
    return DomainError("DUPLICATE_NUMBER", f"Invoice {number} already exists.", "number")


async def create_invoice(actor: Actor, *, customer_id: int, number: str, amount: str, currency: str,
                         issued_on: date | None, due_on: date | None) -> Invoice:
    member = policy.require_invoice_editor(actor)
    customer = await _customer_for(actor, customer_id)
    check = Checker()
    fields = rules.invoice_fields(check, number=number, amount=amount, currency_code=currency, issued_on=issued_on,
                                  due_on=due_on)
    check.raise_if_any()
    if await _number_taken(customer.organization_id, fields.number):
        raise _duplicate(fields.number)
    try:
        async with in_transaction():
            return await Invoice.create(
                organization_id=customer.organization_id, customer=customer, number=fields.number,
                amount=fields.amount, currency=fields.currency, issued_on=fields.issued_on, due_on=fields.due_on,
                created_by=member,
            )
    except IntegrityError as exc:  # the same number created at the same moment by someone else
        raise _duplicate(fields.number) from exc


async def update_invoice(actor: Actor, *, invoice_id: int, customer_id: int | None = None, number: str | None = None,
                         amount: str | None = None, currency: str | None = None, issued_on: date | None = None,
                         due_on: date | None = None) -> Invoice:
    """Change what was given (None: unchanged). A void invoice is final; the currency of an invoice with payments
    cannot change (they were paid in it); the amount may not fall below what was paid."""
    async with in_transaction():
        invoice = await _writable_invoice(actor, invoice_id)
        invoice = await Invoice.filter(id=invoice.id).select_for_update().get()
        if invoice.status is InvoiceStatus.VOID:
            raise DomainError("VOID", "A void invoice cannot be changed.", "invoiceId")
        check = Checker()
        if customer_id is not None and customer_id != invoice.customer_id:
            invoice.customer = await _customer_for(actor, customer_id)
        if number is not None:
            invoice.number = rules.invoice_number(check, number)
        if currency is not None:
            code = rules.currency(check, currency)
            if code and code != invoice.currency and invoice.paid_amount > 0:
                check.add("HAS_PAYMENTS", "An invoice with payments keeps its currency.", "currency")
            elif code:
                invoice.currency = code
        if amount is not None:
            invoice.amount = parse_amount(check, amount, invoice.currency, "amount")
        elif currency is not None:
            parse_amount(check, invoice.amount, invoice.currency, "amount")  # 12.50 cannot become JPY
        if invoice.amount < invoice.paid_amount and not check.problems:
            check.add("BELOW_PAID", f"The amount cannot be less than what was paid ({invoice.paid_amount}).", "amount")
        rules.dates(check, issued_on or invoice.issued_on, due_on or invoice.due_on)
        check.raise_if_any()
        invoice.issued_on = issued_on or invoice.issued_on
        invoice.due_on = due_on or invoice.due_on
        if await _number_taken(invoice.organization_id, invoice.number, except_id=invoice.id):
            raise _duplicate(invoice.number)
        invoice.status = status_for(invoice)
        await invoice.save()
    return invoice


async def void_invoice(actor: Actor, *, invoice_id: int) -> Invoice:
    """Cancel an invoice: it is no longer owed, reminded of or counted. Final. Voiding twice is fine."""
    async with in_transaction():
        invoice = await _writable_invoice(actor, invoice_id)
        invoice = await Invoice.filter(id=invoice.id).select_for_update().get()
        if invoice.status is not InvoiceStatus.VOID:
            invoice.status = InvoiceStatus.VOID
            invoice.voided_at = datetime.now(UTC)
            await invoice.save(update_fields=["status", "voided_at", "updated_at"])
    return invoice


async def set_paused(actor: Actor, *, invoice_id: int, paused: bool, reason: str | None = None) -> Invoice:
    """A dispute: reminders skip a paused invoice until it is resumed."""
    invoice = await _writable_invoice(actor, invoice_id)
    check = Checker()
    cleaned = check.text(reason, "reason", "Reason", max_length=300, required=False, single_line=True)
    check.raise_if_any()
    invoice.paused = paused
    invoice.paused_reason = cleaned if paused else ""
    await invoice.save(update_fields=["paused", "paused_reason", "updated_at"])
    return invoice


async def record_payment(actor: Actor, *, invoice_id: int, amount: str, paid_on: date | None,
                         note: str | None = None) -> tuple[Invoice, Payment]:
    """A payment in the invoice's currency. More than what is still owed is refused (OVERPAID): a credit is a
    separate matter, and an invoice's open amount never turns negative."""
    member = policy.require_invoice_editor(actor)
    async with in_transaction():
        found = await _writable_invoice(actor, invoice_id)
        invoice = await Invoice.filter(id=found.id).select_for_update().get()
        check = Checker()
        value = parse_amount(check, amount, invoice.currency, "amount")
        cleaned_note = check.text(note, "note", "Note", max_length=rules.MAX_NOTE, required=False)
        if paid_on is None:
            check.add("REQUIRED", "Payment date is required.", "paidOn")
        if invoice.status is InvoiceStatus.VOID:
            check.add("VOID", "A void invoice takes no payments.", "invoiceId")
        elif not check.problems and value > invoice.amount - invoice.paid_amount:
            check.add("OVERPAID", f"Only {invoice.amount - invoice.paid_amount} {invoice.currency} is still owed.",
                      "amount")
        check.raise_if_any()
        assert paid_on is not None
        payment = await Payment.create(organization_id=invoice.organization_id, invoice=invoice, amount=value,
                                       paid_on=paid_on, note=cleaned_note, created_by=member)
        invoice.paid_amount = invoice.paid_amount + value
        invoice.status = status_for(invoice)
        await invoice.save(update_fields=["paid_amount", "status", "updated_at"])
    return invoice, payment


@dataclass(frozen=True)
class Upserted:
    invoice: Invoice
    created: bool
    changed: bool


async def upsert_invoice(actor: Actor, *, number: str, customer_id: int | None, customer_external_ref: str | None,
                         amount: str, currency: str, issued_on: date | None, due_on: date | None) -> Upserted:
    """A partner's push, idempotent on the invoice number: the first call creates, a repeat with the same fields
    changes nothing, a repeat with other fields updates the invoice (rules of `update_invoice`). Two pushes of a
    new number at once: one creates, the other finds it and updates."""
    policy.require_invoice_editor(actor)
    check = Checker()
    fields = rules.invoice_fields(check, number=number, amount=amount, currency_code=currency, issued_on=issued_on,
                                  due_on=due_on)
    check.raise_if_any()
    customer = await _customer_for(actor, customer_id, customer_external_ref)
    for attempt in range(2):
        existing = await policy.invoices_writable_by(actor).filter(number=fields.number).first()
        if existing is None:
            if await _number_taken(customer.organization_id, fields.number):
                # The number exists on a customer outside this key's reach: not found, never "exists".
                raise NotFound("Invoice", "number")
            try:
                invoice = await create_invoice(actor, customer_id=customer.id, number=fields.number,
                                               amount=str(fields.amount), currency=fields.currency,
                                               issued_on=fields.issued_on, due_on=fields.due_on)
                return Upserted(invoice, created=True, changed=True)
            except DomainError as exc:
                if exc.problems[0].code != "DUPLICATE_NUMBER" or attempt:
                    raise
                continue
        same = (existing.customer_id == customer.id and existing.amount == fields.amount
                and existing.currency == fields.currency and existing.issued_on == fields.issued_on
                and existing.due_on == fields.due_on)
        if same:
            return Upserted(existing, created=False, changed=False)
        invoice = await update_invoice(actor, invoice_id=existing.id, customer_id=customer.id,
                                       amount=str(fields.amount), currency=fields.currency,
                                       issued_on=fields.issued_on, due_on=fields.due_on)
        return Upserted(invoice, created=False, changed=True)
    raise AssertionError("unreachable")


