"""Checking a quote's fields as they come from staff or a partner: every problem at once, with its field.

Currencies: the ISO 4217 codes of `portico.currency`, shared with invoices. An amount may have no more decimals
than its currency has, and at most two (the column's): 12.345 EUR is refused, never rounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from portico.currency import MINOR_UNITS
from portico.quotes.models import QuoteVisibility
from portico.validation import Checker

MAX_AMOUNT = Decimal("99999999999999.99")  # what DecimalField(16, 2) holds
MAX_DAYS = 365  # reminders and removal: whole days within a year
NUMBER_MAX = 64
TITLE_MAX = 200
MESSAGE_MAX = 5000
EXTERNAL_REF_MAX = 100
MAX_ATTACHMENTS = 20
UNSET: Any = object()  # "not given": leave the field as it is (updates)


@dataclass
class QuoteFields:
    """The checked values; UNSET where the caller gave nothing (an update changes only what it names)."""

    values: dict[str, Any]


def check_currency(check: Checker, value: str | None, field: str = "currency") -> str | None:
    cleaned = (value or "").strip().upper()
    if not cleaned:
        return None
    if cleaned not in MINOR_UNITS:
        check.add("INVALID_CURRENCY", f"{value!r} is not an ISO 4217 currency code we accept (e.g. EUR, DKK, SEK, "
                                      "USD).", field)
        return None
    return cleaned


def check_amount(check: Checker, value: str | Decimal | None, currency: str | None,
                 field: str = "amount") -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        check.add("INVALID_AMOUNT", "The amount must be a number such as 1250.00.", field)
        return None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        check.add("INVALID_AMOUNT", "The amount must be zero or more, and at most 99,999,999,999,999.99.", field)
        return None
    exponent = amount.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    allowed = min(MINOR_UNITS.get(currency or "", 2), 2)
    if places > allowed:
        check.add("INVALID_AMOUNT", f"{currency or 'The'} amounts have at most {allowed} decimal places.", field)
        return None
    if currency is None:
        check.add("REQUIRED", "Give the amount's currency.", "currency")
    return amount


def check_days(check: Checker, value: int | None, field: str, label: str) -> int | None:
    if value is None:
        return None
    if not 1 <= value <= MAX_DAYS:
        check.add("INVALID_DAYS", f"{label} must be a whole number of days from 1 to {MAX_DAYS}.", field)
    return value


def check_quote_fields(check: Checker, raw: dict[str, Any], *, creating: bool, today: date) -> dict[str, Any]:
    """The checked fields of a create (every required one) or an update (only those given, not UNSET)."""
    out: dict[str, Any] = {}

    def given(name: str) -> bool:
        return name in raw and raw[name] is not UNSET

    if creating or given("number"):
        out["number"] = check.text(raw.get("number"), "number", "Quote number", max_length=NUMBER_MAX,
                                   single_line=True)
    if creating or given("title"):
        out["title"] = check.text(raw.get("title"), "title", "Title", max_length=TITLE_MAX, single_line=True)
    if creating or given("message"):
        out["message"] = check.text(raw.get("message"), "message", "Message", max_length=MESSAGE_MAX, required=False)
    if creating or given("currency") or given("amount"):
        currency = check_currency(check, raw.get("currency"))
        out["currency"] = currency
        out["amount"] = check_amount(check, raw.get("amount"), currency)
    if given("language") or creating:
        language = raw.get("language") or "en"
        out["language"] = check.language(language)
    if given("expires_on"):
        expires_on = raw["expires_on"]
        if expires_on is not None and expires_on < today:
            check.add("IN_THE_PAST", "The expiry date must be today or later.", "expiresOn")
        out["expires_on"] = expires_on
    for name, field, label in (
        ("remove_after_days", "removeAfterDays", "Removal after expiry"),
        ("remind_unopened_days", "remindUnopenedDays", "The reminder when not opened"),
        ("remind_unaccepted_days", "remindUnacceptedDays", "The reminder when not accepted"),
        ("remind_before_expiry_days", "remindBeforeExpiryDays", "The reminder before expiry"),
    ):
        if given(name):
            out[name] = check_days(check, raw[name], field, label)
    if given("notify_on_publish"):
        out["notify_on_publish"] = bool(raw["notify_on_publish"])
    if given("external_ref"):
        ref = raw["external_ref"]
        out["external_ref"] = check.text(ref, "externalRef", "External reference", max_length=EXTERNAL_REF_MAX,
                                         required=False, single_line=True) or None
    if creating or given("visibility"):
        visibility = raw.get("visibility")
        if visibility is None:
            check.add("REQUIRED", "Choose who sees the quote.", "visibility")
        else:
            out["visibility"] = QuoteVisibility(visibility)
    return out
