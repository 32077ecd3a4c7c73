"""Exact money: amounts parsed from text, shown in their currency's minor units, and added up per currency in SQL.

SQL sums are exact on both databases: PostgreSQL adds NUMERIC exactly; SQLite holds Tortoise's decimals as text and
would add them as floating point, so there each amount is turned into integer thousandths first (exact while the
total stays below 2^53 thousandths, about 9 * 10^12 in the currency: far above any invoice ledger) and the sum is
divided back in Python's Decimal. Totals are per currency, never across currencies.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from tortoise.expressions import RawSQL
from tortoise.queryset import QuerySet

from portico import db
from portico.currency import MINOR_UNITS, CurrencyError, check_amount_places
from portico.receivables.models import MONEY_DIGITS, MONEY_PLACES
from portico.validation import Checker

SCALE = 10**MONEY_PLACES
MAX_AMOUNT = Decimal(10) ** (MONEY_DIGITS - MONEY_PLACES) - 1


def parse_amount(check: Checker, value: str | Decimal | None, currency: str | None, field: str, label: str = "Amount",
                 *, allow_zero: bool = False) -> Decimal:
    """A positive amount (zero if `allow_zero`) with no more decimals than the currency has; problems go to `check`."""
    try:
        amount = Decimal(str(value).strip().replace(" ", "")) if value is not None else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        check.add("INVALID_AMOUNT", f"{label} must be a number such as 1250.50.", field)
        return Decimal(0)
    if amount < 0 or (amount == 0 and not allow_zero):
        check.add("INVALID_AMOUNT", f"{label} must be greater than zero.", field)
    elif amount > MAX_AMOUNT:
        check.add("INVALID_AMOUNT", f"{label} must be below {MAX_AMOUNT + 1:,}.", field)
    elif currency in MINOR_UNITS:
        try:
            check_amount_places(amount, currency)
        except CurrencyError as exc:
            check.add("INVALID_AMOUNT", str(exc), field)
    return amount


def in_minor_units(amount: Decimal, currency: str) -> Decimal:
    """The amount with exactly the currency's decimals (100 EUR -> 100.00, 100 JPY -> 100), never rounded away:
    stored amounts never have more decimals than their currency."""
    places = MINOR_UNITS.get(currency, MONEY_PLACES)
    return amount.quantize(Decimal(1).scaleb(-places))


def exact_sum(column: str, dialect: str) -> RawSQL:
    """SUM of a money column, exact on both databases (see the module docstring); read it back with `sum_value`."""
    quoted = f'"{column}"'
    if dialect == "sqlite":
        return RawSQL(f"COALESCE(SUM(CAST(ROUND(CAST({quoted} AS REAL) * {SCALE}) AS INTEGER)), 0)")
    return RawSQL(f"COALESCE(SUM({quoted}), 0)")


def sum_value(raw: Any, dialect: str) -> Decimal:
    if dialect == "sqlite":
        return Decimal(int(raw)) / SCALE
    return Decimal(raw)


@dataclass(frozen=True)
class CurrencyTotal:
    currency: str
    amount: Decimal  # invoiced (void invoices excluded)
    paid: Decimal
    count: int

    @property
    def open(self) -> Decimal:
        return self.amount - self.paid


async def invoice_totals(invoices: QuerySet[Any]) -> list[CurrencyTotal]:
    """Totals per currency of an (already restricted) invoice queryset, void invoices left out, in one query."""
    from portico.receivables.models import InvoiceStatus

    dialect = db.dialect()
    rows = await (
        invoices.exclude(status=InvoiceStatus.VOID)
        .annotate(total_amount=exact_sum("amount", dialect), total_paid=exact_sum("paid_amount", dialect),
                  total_count=RawSQL("COUNT(*)"))
        .group_by("currency")
        .order_by("currency")
        .values("currency", "total_amount", "total_paid", "total_count")
    )
    return [
        CurrencyTotal(
            currency=row["currency"],
            amount=in_minor_units(sum_value(row["total_amount"], dialect), row["currency"]),
            paid=in_minor_units(sum_value(row["total_paid"], dialect), row["currency"]),
            count=int(row["total_count"]),
        )
        for row in rows
    ]
