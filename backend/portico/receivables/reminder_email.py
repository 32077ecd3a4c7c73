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
from decimal import Decimal

from portico.mail.formats import format_amount, format_date
from portico.mail.templates import RenderedEmail, render


@dataclass(frozen=True)
class ReminderInvoice:
    number: str
    due_on: date
    outstanding: Decimal
    currency: str


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
