"""Amounts and dates as an email shows them, in the recipient's language (quotes and invoices alike)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from portico.currency import MINOR_UNITS
from portico.mail.templates import normalize_language

# Thousands and decimal separators per language (en 1,250.00; da 1.250,00; sv 1 250,00 with a no-break space).
_SEPARATORS = {"en": (",", "."), "da": (".", ","), "sv": ("\u00a0", ",")}


def format_amount(amount: Decimal, currency: str, language: str) -> str:
    """'1,250.00 EUR' in English, '1.250,00 EUR' in Danish, '1 250,00 EUR' in Swedish; exact (no float)."""
    places = MINOR_UNITS.get(currency, 2)
    quantized = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    sign = "-" if quantized < 0 else ""
    whole, _, fraction = f"{abs(quantized):f}".partition(".")
    thousands, decimal_mark = _SEPARATORS[normalize_language(language)]
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    grouped = thousands.join([whole, *groups])
    return f"{sign}{grouped}{decimal_mark + fraction if fraction else ''} {currency}"


def format_date(day: date, language: str) -> str:
    """Numeric and unambiguous in each language: 2026-12-03 (en, sv), 03.12.2026 (da)."""
    return f"{day:%d.%m.%Y}" if normalize_language(language) == "da" else day.isoformat()
