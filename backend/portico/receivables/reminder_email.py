"""The reminder email of a workflow's EMAIL step: one email per customer, listing every invoice it reminds of
with what is outstanding on each, and the totals per currency (amounts in different currencies are never added).

Pure: the sweep (`reminders.py`) loads the data and hands it here; the workflow editor's preview uses the same
function, so what an admin previews is what customers get.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from portico.mail.templates import RenderedEmail, normalize_language, render

# ISO 4217 currencies without minor units that invoices plausibly use; every other one shows two decimals.
_NO_DECIMALS = frozenset({"CLP", "ISK", "JPY", "KRW", "PYG", "UGX", "VND", "XAF", "XOF"})
# Thousands and decimal separators per language (en 1,250.00; da 1.250,00; sv 1 250,00 with a no-break space).
_SEPARATORS = {"en": (",", "."), "da": (".", ","), "sv": ("\u00a0", ",")}


@dataclass(frozen=True)
class ReminderInvoice:
    number: str
    due_on: date
    outstanding: Decimal
    currency: str


def format_amount(amount: Decimal, currency: str, language: str) -> str:
    """'1,250.00 EUR' in English, '1.250,00 EUR' in Danish, '1 250,00 EUR' in Swedish; exact (no float)."""
    places = 0 if currency in _NO_DECIMALS else 2
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


def totals_per_currency(invoices: Iterable[ReminderInvoice]) -> list[tuple[str, Decimal]]:
    """What is outstanding per currency, currencies in alphabetical order."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for invoice in invoices:
        totals[invoice.currency] += invoice.outstanding
    return sorted(totals.items())


def render_reminder(
    language: str,
    *,
    organization: str,
    customer: str,
    invoices: Sequence[ReminderInvoice],
    today: date,
    link: str,
    first_name: str = "",
    account_manager_name: str = "",
    account_manager_email: str = "",
    subject: str = "",
    body: str = "",
) -> RenderedEmail:
    """The email; `subject` and `body` are the step's template for the language (empty: the built-in text).
    Invoices are listed oldest due date first."""
    ordered = sorted(invoices, key=lambda i: (i.due_on, i.number))
    return render(
        "invoice_reminder", language, organization=organization, customer=customer, link=link,
        first_name=first_name, account_manager_name=account_manager_name,
        account_manager_email=account_manager_email, template_subject=subject, template_body=body,
        invoices=[
            {"number": i.number, "due_on": format_date(i.due_on, language),
             "outstanding": format_amount(i.outstanding, i.currency, language),
             "overdue_days": (today - i.due_on).days}
            for i in ordered
        ],
        totals=[format_amount(amount, currency, language) for currency, amount in totals_per_currency(ordered)],
    )
