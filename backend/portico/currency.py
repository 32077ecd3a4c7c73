"""ISO 4217 currencies a quote or an invoice may be in, with their minor units (digits after the decimal point).

A list of our own (the standard library has none, and a dependency for ~60 codes is not worth it): the active codes
of the ISO 4217 list, less the funds codes, precious metals and the four-place units (CLF, UYW) that money columns
of three places cannot hold. Adding a code here is all it takes to accept it.
"""

from __future__ import annotations

from decimal import Decimal

MINOR_UNITS: dict[str, int] = {
    "AED": 2, "ARS": 2, "AUD": 2, "BGN": 2, "BHD": 3, "BRL": 2, "CAD": 2, "CHF": 2, "CLP": 0, "CNY": 2,
    "COP": 2, "CZK": 2, "DKK": 2, "EGP": 2, "EUR": 2, "GBP": 2, "HKD": 2, "HUF": 2, "IDR": 2, "ILS": 2,
    "INR": 2, "ISK": 0, "JOD": 3, "JPY": 0, "KES": 2, "KRW": 0, "KWD": 3, "LYD": 3, "MAD": 2, "MXN": 2,
    "MYR": 2, "NGN": 2, "NOK": 2, "NZD": 2, "OMR": 3, "PEN": 2, "PHP": 2, "PKR": 2, "PLN": 2, "QAR": 2,
    "RON": 2, "RSD": 2, "SAR": 2, "SEK": 2, "SGD": 2, "THB": 2, "TND": 3, "TRY": 2, "TWD": 2, "UAH": 2,
    "USD": 2, "VND": 0, "ZAR": 2,
}


class CurrencyError(ValueError):
    """An unknown currency code, or an amount with more decimals than the currency has."""


def normalize_currency(code: str) -> str:
    """The upper-case ISO 4217 code, or CurrencyError."""
    cleaned = (code or "").strip().upper()
    if cleaned not in MINOR_UNITS:
        raise CurrencyError(f"'{code}' is not an ISO 4217 currency code we accept (e.g. EUR, DKK, SEK, USD).")
    return cleaned


def check_amount_places(amount: Decimal, currency: str) -> Decimal:
    """The amount, if it has no more decimals than the currency's minor unit (12.345 EUR is refused, not rounded:
    silently rounding money is how totals stop matching the ledger)."""
    places = MINOR_UNITS[currency]
    exponent = amount.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise CurrencyError(f"{currency} amounts have at most {places} decimal places.")
    return amount
