"""The fields of an invoice as input (from the SPA, a partner, a file), checked the same way everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from portico.currency import CurrencyError, normalize_currency
from portico.receivables.money import parse_amount
from portico.validation import Checker

MAX_NUMBER = 64
MAX_NOTE = 300
# An invoice is due within ten years of its issue: a longer gap is a typo (2062 for 2026), not a payment term.
MAX_TERM_DAYS = 3660


@dataclass(frozen=True)
class InvoiceFields:
    number: str
    amount: Decimal
    currency: str
    issued_on: date
    due_on: date


def invoice_number(check: Checker, value: str | None, field: str = "number") -> str:
    return check.text(value, field, "Invoice number", max_length=MAX_NUMBER, single_line=True)


def currency(check: Checker, value: str | None, field: str = "currency") -> str:
    try:
        return normalize_currency(value or "")
    except CurrencyError as exc:
        check.add("INVALID_CURRENCY", str(exc), field)
        return ""


def dates(check: Checker, issued_on: date | None, due_on: date | None, *, issued_field: str = "issuedOn",
          due_field: str = "dueOn") -> None:
    if issued_on is None:
        check.add("REQUIRED", "Issue date is required.", issued_field)
    if due_on is None:
        check.add("REQUIRED", "Due date is required.", due_field)
    if issued_on is not None and due_on is not None:
        if due_on < issued_on:
            check.add("DUE_BEFORE_ISSUE", "The due date cannot be before the issue date.", due_field)
        elif (due_on - issued_on).days > MAX_TERM_DAYS:
            check.add("OUT_OF_RANGE", "The due date is more than ten years after the issue date.", due_field)


def invoice_fields(check: Checker, *, number: str | None, amount: str | Decimal | None, currency_code: str | None,
                   issued_on: date | None, due_on: date | None,
                   fields: dict[str, str] | None = None) -> InvoiceFields:
    """Every field of a new invoice; `fields` renames the error fields (an import reports its column names)."""
    names = {"number": "number", "amount": "amount", "currency": "currency", "issuedOn": "issuedOn",
             "dueOn": "dueOn", **(fields or {})}
    cleaned_number = invoice_number(check, number, names["number"])
    code = currency(check, currency_code, names["currency"])
    value = parse_amount(check, amount, code or None, names["amount"])
    dates(check, issued_on, due_on, issued_field=names["issuedOn"], due_field=names["dueOn"])
    return InvoiceFields(cleaned_number, value, code, issued_on or date.min, due_on or date.min)
