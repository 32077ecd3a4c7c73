"""The reminder sweep driven by a clock the test controls: each step once per invoice, one email per customer,
actions for the account manager, stops when paid, void or paused (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from portico.customers.models import Contact
from portico.mail.models import OutboxEmail
from portico.receivables.models import Invoice, InvoiceStatus
from portico.receivables.reminders import run_due_steps
from portico.receivables.workflow_models import Action, ActionStatus, InvoiceStepRun, StepOutcome
from tests.receivables.reminder_helpers import (
    SETTINGS,
    make_customer,
    make_invoice,
    make_vendor,
    standard_workflow,
)

DUE = date(2026, 12, 10)


def at(day: int, month: int = 12, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


async def test_each_step_runs_once_with_one_email_per_customer(db: str) -> None:
    vendor = await make_vendor()
    await standard_workflow(vendor)
    fjord = await make_customer(vendor, "Fjord", [vendor.rita], emails=["mette@fjord.example", "lars@fjord.example"])
    await Contact.create(customer=fjord, organization=vendor.organization, first_name="No", last_name="Mail")
    await Contact.create(customer=fjord, organization=vendor.organization, first_name="Gone", last_name="X",
                         email="gone@fjord.example", hub_access=False)
    a = await make_invoice(fjord, "F-1", DUE, "100.00", "EUR")
    b = await make_invoice(fjord, "F-2", DUE, "50.00", "DKK", paid="20.00", status=InvoiceStatus.PARTIALLY_PAID)
    await make_invoice(fjord, "F-3", DUE, status=InvoiceStatus.PAID, paid="100.00")
    await make_invoice(fjord, "F-4", DUE, status=InvoiceStatus.VOID)
    await make_invoice(fjord, "F-5", DUE, paused=True)

    assert (await run_due_steps(SETTINGS, now=at(6))).runs == 0  # -3 is due on the 7th
    first = await run_due_steps(SETTINGS, now=at(7))
    assert (first.emails, first.actions, first.runs) == (1, 0, 2)
    [email] = await OutboxEmail.all()
    assert email.to_address == "mette@fjord.example"  # the primary contact
    assert email.cc == ["lars@fjord.example"]
    assert email.bcc == ["rita@acmesales.example"]  # the -3 step copies the account manager blind
    assert email.reply_to == "rita@acmesales.example"
    assert email.subject == "Soon due: 2 invoice(s)"
    assert "F-1" in email.text and "F-2" in email.text and "F-3" not in email.text and "F-5" not in email.text
    assert "30.00 DKK" in email.text and "100.00 EUR" in email.text  # outstanding, per currency

    again = await run_due_steps(SETTINGS, now=at(9))
    assert again.runs == 0 and await OutboxEmail.all().count() == 1  # never twice

    await run_due_steps(SETTINGS, now=at(11))  # +1
    second = await OutboxEmail.all().order_by("-id").first()
    assert second is not None and second.id != email.id
    assert second.subject == "Overdue: 30.00 DKK and 100.00 EUR"
    assert second.cc == ["lars@fjord.example", "rita@acmesales.example"] and second.bcc == []

    called = await run_due_steps(SETTINGS, now=at(17))  # +7: a call for the account manager, no email
    assert (called.emails, called.actions) == (0, 1)
    [action] = await Action.all()
    assert (action.assignee_id, action.kind, action.due_on, action.status) == (
        vendor.rita.id, "CALL", date(2026, 12, 19), ActionStatus.TODO)
    assert action.invoice_id is None and action.customer_id == fjord.id  # one call about both invoices

    # F-1 is paid before the +15 step: only F-2 is reminded of.
    await Invoice.filter(id=a.id).update(status=InvoiceStatus.PAID, paid_amount=Decimal("100.00"))
    await run_due_steps(SETTINGS, now=at(25))
    last = await OutboxEmail.all().order_by("-id").first()
    assert last is not None and "F-2" in last.text and "F-1" not in last.text
    assert last.cc == ["lars@fjord.example"] and last.bcc == []  # +15 does not copy the account manager
    runs = {(r.invoice_id, r.step_id) for r in await InvoiceStepRun.all()}
    assert len(runs) == 4 + 3  # F-2 every step, F-1 all but the last
    assert await OutboxEmail.all().count() == 3
    assert b.id in {r.invoice_id for r in await InvoiceStepRun.filter(outcome=StepOutcome.ACTION)}


async def test_late_invoices_get_only_the_latest_due_step_and_pauses_hold_them(db: str) -> None:
    vendor = await make_vendor()
    workflow = await standard_workflow(vendor)
    fjord = await make_customer(vendor, "Fjord", [vendor.rita], emails=["mette@fjord.example"])
    await make_invoice(fjord, "F-1", DUE)
    paused = await make_customer(vendor, "Paused", [vendor.rita], emails=["p@paused.example"])
    await paused.__class__.filter(id=paused.id).update(reminders_paused=True)
    await make_invoice(paused, "P-1", DUE)

    await run_due_steps(SETTINGS, now=at(28))  # 18 days late: the +15 email and the +7 call, nothing older
    outcomes = {r.step_id: r.outcome for r in await InvoiceStepRun.all()}
    steps = {s.offset_days: s.id for s in await workflow.steps.all()}
    assert outcomes == {steps[-3]: StepOutcome.SKIPPED, steps[1]: StepOutcome.SKIPPED,
                        steps[7]: StepOutcome.ACTION, steps[15]: StepOutcome.EMAILED}
    assert await OutboxEmail.all().count() == 1 and await Action.all().count() == 1

    await paused.__class__.filter(id=paused.id).update(reminders_paused=False)  # resumed: it catches up once
    await run_due_steps(SETTINGS, now=at(29))
    assert await OutboxEmail.filter(to_address="p@paused.example").count() == 1


async def test_a_customer_without_a_reachable_contact_records_the_step_without_an_email(db: str) -> None:
    vendor = await make_vendor()
    await standard_workflow(vendor)
    nobody = await make_customer(vendor, "Nobody", [], emails=[])
    await make_invoice(nobody, "N-1", DUE)
    await run_due_steps(SETTINGS, now=at(7))
    [run] = await InvoiceStepRun.all()
    assert run.outcome is StepOutcome.NO_RECIPIENT and run.email_id is None
    assert await OutboxEmail.all().count() == 0


async def test_a_customer_workflow_replaces_the_default_and_other_organizations_are_apart(db: str) -> None:
    vendor = await make_vendor()
    await standard_workflow(vendor)
    own = await standard_workflow(vendor, "Gentle", is_default=False)
    await own.steps.filter(offset_days__lt=15).delete()  # only the +15 email
    gentle = await make_customer(vendor, "Gentle Co", [vendor.bob], emails=["g@gentle.example"], workflow=own)
    await make_invoice(gentle, "G-1", DUE)
    other = await make_vendor("Globex")  # no workflow at all: its invoices are never reminded of
    globex = await make_customer(other, "Globex customer", [other.rita], emails=["x@globex.example"])
    await make_invoice(globex, "X-1", DUE)

    for day in (7, 11, 17):
        await run_due_steps(SETTINGS, now=at(day))
    assert await OutboxEmail.all().count() == 0
    await run_due_steps(SETTINGS, now=at(25))
    [email] = await OutboxEmail.all()
    assert email.to_address == "g@gentle.example"


async def test_the_organizations_calendar_day_decides(db: str) -> None:
    vendor = await make_vendor(timezone="Pacific/Auckland")  # UTC+13 in December
    await standard_workflow(vendor)
    fjord = await make_customer(vendor, "Fjord", [vendor.rita], emails=["mette@fjord.example"])
    await make_invoice(fjord, "F-1", DUE)
    # 6 December 12:00 UTC is already 7 December 01:00 in Auckland: the -3 step is due there.
    assert (await run_due_steps(SETTINGS, now=datetime(2026, 12, 6, 10, 0, tzinfo=UTC))).emails == 0
    assert (await run_due_steps(SETTINGS, now=datetime(2026, 12, 6, 12, 0, tzinfo=UTC))).emails == 1
