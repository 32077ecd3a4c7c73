"""The reminder email: one per customer, every invoice listed, totals per currency never mixed, in en/da/sv."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from portico.mail.formats import format_amount
from portico.receivables.reminder_email import ReminderInvoice, render_reminder, totals_per_currency

TODAY = date(2026, 12, 3)
INVOICES = [
    ReminderInvoice("F-3", date(2026, 11, 20), Decimal("1000000.10"), "EUR"),
    ReminderInvoice("F-1", date(2026, 11, 1), Decimal("1250.5"), "EUR"),
    ReminderInvoice("F-2", date(2026, 12, 6), Decimal("300"), "DKK"),
]


def render(language: str = "en", **kwargs: object) -> object:
    return render_reminder(language, organization="Nordlys", customer="Fjord A/S", invoices=INVOICES, today=TODAY,
                           link="https://portico.example/hub", first_name="Mette", account_manager_name="Rita Rep",
                           account_manager_email="rita@nordlys.example", **kwargs)  # type: ignore[arg-type]


def test_amounts_are_exact_and_formatted_per_language() -> None:
    assert format_amount(Decimal("1250.5"), "EUR", "en") == "1,250.50 EUR"
    assert format_amount(Decimal("1250.5"), "EUR", "da") == "1.250,50 EUR"
    assert format_amount(Decimal("1250.5"), "EUR", "sv") == "1\u00a0250,50 EUR"
    assert format_amount(Decimal("0.005"), "EUR", "en") == "0.00 EUR"  # half-even, like accounting
    assert format_amount(Decimal("0.015"), "EUR", "en") == "0.02 EUR"
    assert format_amount(Decimal("12345"), "JPY", "en") == "12,345 JPY"
    assert format_amount(Decimal("-99.9"), "SEK", "sv") == "-99,90 SEK"
    assert format_amount(Decimal("1.5"), "KWD", "en") == "1.500 KWD"  # the currency's own minor unit
    # 0.1 + 0.2 in floats is 0.30000000000000004: Decimals add exactly.
    assert totals_per_currency([ReminderInvoice("a", TODAY, Decimal("0.1"), "EUR"),
                                ReminderInvoice("b", TODAY, Decimal("0.2"), "EUR")]) == [("EUR", Decimal("0.3"))]


def test_totals_are_per_currency_and_never_mixed() -> None:
    assert totals_per_currency(INVOICES) == [("DKK", Decimal("300")), ("EUR", Decimal("1001250.60"))]
    email = render()
    assert "300.00 DKK and 1,001,250.60 EUR" in email.text  # {total} in the default body
    assert "1,001,550" not in email.text and "1,001,550" not in email.html


def test_every_invoice_is_listed_oldest_first_with_how_late_it_is() -> None:
    email = render()
    lines = [line for line in email.text.splitlines() if line.startswith("- Invoice")]
    assert lines == [
        "- Invoice F-1: 1,250.50 EUR, due 2026-11-01 (32 days overdue)",
        "- Invoice F-3: 1,000,000.10 EUR, due 2026-11-20 (13 days overdue)",
        "- Invoice F-2: 300.00 DKK, due 2026-12-06 (Due in 3 days)",
    ]
    assert "32 days overdue" in email.html and "F-2" in email.html


@pytest.mark.parametrize(("language", "phrase"), [("da", "32 dage over forfald"), ("sv", "32 dagar försenad")])
def test_danish_and_swedish(language: str, phrase: str) -> None:
    email = render(language)
    assert phrase in email.text and phrase in email.html
    assert "According to our records" not in email.text


def test_the_steps_template_fills_reminder_placeholders_and_nothing_else() -> None:
    email = render(subject="{customer}: {invoice_count} invoices, {total}",
                   body="Dear {first_name}, {account_manager} here. {x.__class__} {unknown}")
    assert email.subject == "Fjord A/S: 3 invoices, 300.00 DKK and 1,001,250.60 EUR"
    assert "Dear Mette, Rita Rep here. {x.__class__} {unknown}" in email.text


def test_admin_text_is_escaped_in_html() -> None:
    email = render(body="<script>alert(1)</script>")
    assert "<script>" not in email.html and "&lt;script&gt;" in email.html
