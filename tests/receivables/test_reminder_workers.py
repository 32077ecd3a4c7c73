"""Two workers sweeping at once send each step once; the emails reach a real SMTP server with the account manager
in CC (a header) or BCC (the envelope only)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from portico.mail.models import OutboxEmail, OutboxStatus
from portico.mail.sender import SmtpSender, deliver_all_due
from portico.receivables.reminders import run_due_steps
from portico.receivables.workflow_models import Action, InvoiceStepRun
from tests.mail.smtp_testserver import RecordingHandler, SmtpServer, start_server
from tests.receivables.reminder_helpers import SETTINGS, make_customer, make_invoice, make_vendor, standard_workflow

CUSTOMERS = 24


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    controller, server = start_server(RecordingHandler())
    try:
        yield server
    finally:
        controller.stop()


async def test_two_workers_run_every_step_once(db: str) -> None:
    vendor = await make_vendor()
    await standard_workflow(vendor)
    for i in range(CUSTOMERS):
        customer = await make_customer(vendor, f"Customer {i:02}", [vendor.rita, vendor.bob][i % 2:][:1],
                                       emails=[f"c{i}@example.com"])
        await make_invoice(customer, f"I-{i}a", date(2026, 12, 10))
        await make_invoice(customer, f"I-{i}b", date(2026, 12, 10), currency="SEK")

    async def worker(now: datetime) -> int:
        emails = 0
        while (result := await run_due_steps(SETTINGS, now=now, batch=5)).customers:
            emails += result.emails
            await asyncio.sleep(0)
        return emails

    for day, expected_emails in ((7, CUSTOMERS), (11, CUSTOMERS), (17, 0)):
        now = datetime(2026, 12, day, 9, 0, tzinfo=UTC)
        totals = await asyncio.gather(worker(now), worker(now))
        assert sum(totals) == expected_emails, (day, totals)
    emails = await OutboxEmail.all()
    assert len(emails) == 2 * CUSTOMERS
    assert sorted(e.to_address for e in emails) == sorted([f"c{i}@example.com" for i in range(CUSTOMERS)] * 2)
    assert await Action.all().count() == CUSTOMERS  # one call per customer (both invoices)
    assert await InvoiceStepRun.all().count() == 2 * CUSTOMERS * 3  # two invoices × three steps, each once


async def test_account_manager_in_cc_is_a_header_and_in_bcc_only_the_envelope(db: str, smtp: SmtpServer) -> None:
    vendor = await make_vendor()
    await standard_workflow(vendor)
    fjord = await make_customer(vendor, "Fjord", [vendor.rita], emails=["mette@fjord.example", "lars@fjord.example"])
    await make_invoice(fjord, "F-1", date(2026, 12, 10), "1250.00", "EUR")
    sender = SmtpSender(smtp.url, "Portico <no-reply@portico.example>", timeout=5)

    await run_due_steps(SETTINGS, now=datetime(2026, 12, 7, 9, tzinfo=UTC))  # -3: BCC
    assert await deliver_all_due(sender) == 1
    [bcc] = smtp.handler.received
    assert sorted(bcc.rcpt_tos) == ["lars@fjord.example", "mette@fjord.example", "rita@acmesales.example"]
    # Blind: in the envelope, in no recipient header (replies still reach her: Reply-To, the "questions?" line).
    assert bcc.message["Bcc"] is None and "Bcc:" not in str(bcc.message)
    assert bcc.message["To"] == "mette@fjord.example" and bcc.message["Cc"] == "lars@fjord.example"
    text = bcc.message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "1,250.00 EUR" in text

    await run_due_steps(SETTINGS, now=datetime(2026, 12, 11, 9, tzinfo=UTC))  # +1: CC
    assert await deliver_all_due(sender) == 1
    cc = smtp.handler.received[1]
    assert sorted(cc.rcpt_tos) == ["lars@fjord.example", "mette@fjord.example", "rita@acmesales.example"]
    assert "rita@acmesales.example" in cc.message["Cc"] and "lars@fjord.example" in cc.message["Cc"]
    assert cc.message["Reply-To"] == "rita@acmesales.example"
    assert await OutboxEmail.filter(status=OutboxStatus.SENT).count() == 2
