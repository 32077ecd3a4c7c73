"""Invoices and their payments (issue 11, point 2).

Money is exact: amounts are DECIMAL(18,3) on PostgreSQL (three places hold every ISO 4217 currency's minor unit we
accept, see `currency.py`) and text on SQLite (Tortoise's choice), so SQL never adds or compares them as numbers on
SQLite without `money.py`'s helpers. An amount is only ever added to amounts of the same currency.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

MONEY_DIGITS = 18
MONEY_PLACES = 3


class InvoiceStatus(StrEnum):
    """OPEN until a payment arrives, PARTIALLY_PAID while 0 < paid < amount, PAID once paid >= amount; VOID is set
    by hand and is final (a void invoice is never reminded of, never counted as owed)."""

    OPEN = "OPEN"
    PARTIALLY_PAID = "PARTIALLY_PAID"
    PAID = "PAID"
    VOID = "VOID"


class Invoice(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="invoices", on_delete=fields.CASCADE
    )
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Customer", related_name="invoices", on_delete=fields.CASCADE
    )
    # The organization's own invoice number: what imports and partners' upserts match on (unique per organization).
    number = fields.CharField(max_length=64)
    amount = fields.DecimalField(max_digits=MONEY_DIGITS, decimal_places=MONEY_PLACES)
    currency = fields.CharField(max_length=3)
    issued_on = fields.DateField()
    due_on = fields.DateField()
    status = fields.CharEnumField(InvoiceStatus, max_length=16, default=InvoiceStatus.OPEN)
    # The sum of the invoice's payments, kept with every payment (in the same transaction) so that lists, totals
    # and the reminder sweep read one row instead of adding payments up.
    paid_amount = fields.DecimalField(max_digits=MONEY_DIGITS, decimal_places=MONEY_PLACES, default=Decimal(0))
    # A dispute: reminders skip the invoice until it is resumed.
    paused = fields.BooleanField(default=False)
    paused_reason = fields.CharField(max_length=300, default="")
    voided_at = fields.DatetimeField(null=True)
    # The invoice as a PDF, shown in the hub's Invoices section (null until one is attached).
    pdf_storage_key = fields.CharField(max_length=300, null=True)
    pdf_filename = fields.CharField(max_length=300, null=True)
    pdf_size_bytes = fields.BigIntField(null=True)
    pdf_sha256 = fields.CharField(max_length=64, null=True)
    # When a contact first opened the invoice in the hub (and who): "opened", shown to staff.
    first_opened_at = fields.DatetimeField(null=True)
    first_opened_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="opened_invoices", null=True, on_delete=fields.SET_NULL
    )
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="created_invoices", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    organization_id: int
    customer_id: int
    first_opened_by_id: int | None
    created_by_id: int | None

    class Meta:
        table = "invoice"
        unique_together = (("organization", "number"),)
        # Lists and reports: a customer's invoices, and an organization's by due date (overdue, aging buckets).
        indexes = (("customer_id", "status"), ("organization_id", "status", "due_on"))

    @property
    def open_amount(self) -> Decimal:
        """What is still owed (nothing for a void invoice, never negative for an overpaid one)."""
        if self.status is InvoiceStatus.VOID:
            return Decimal(0)
        return max(self.amount - self.paid_amount, Decimal(0))


class Payment(Model):
    """A payment against one invoice, in the invoice's currency. Never updated: `Invoice.paid_amount` is their sum."""

    id = fields.IntField(primary_key=True)
    # Denormalised so that tenant checks on a payment need no join.
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="payments", on_delete=fields.CASCADE
    )
    invoice: fields.ForeignKeyRelation[Invoice] = fields.ForeignKeyField(
        "models.Invoice", related_name="payments", on_delete=fields.CASCADE
    )
    amount = fields.DecimalField(max_digits=MONEY_DIGITS, decimal_places=MONEY_PLACES)
    paid_on = fields.DateField()
    note = fields.CharField(max_length=300, default="")
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="recorded_payments", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    invoice_id: int
    created_by_id: int | None

    class Meta:
        table = "payment"
