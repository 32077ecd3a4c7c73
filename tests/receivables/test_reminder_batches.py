"""The sweep in batches: its SQL statements grow with the batches, not with the customers; every email, action and
run row of a batch lands with the right customer; a failure mid-batch leaves nothing of the batch behind; the
batch's contacts are exactly those the per-customer policy rule gives (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tortoise import connections

from portico import policy
from portico.customers.models import Contact, Customer
from portico.mail.models import OutboxEmail
from portico.receivables.models import Invoice
from portico.receivables.reminders import run_due_steps
from portico.receivables.workflow_models import Action, InvoiceStepRun, StepOutcome
from tests.receivables.reminder_helpers import (
    SETTINGS,
    Vendor,
    make_customer,
    make_invoice,
    make_vendor,
    standard_workflow,
)
from tests.sqlcount import count_sql

DUE = date(2026, 12, 10)
# The +7 call and the +1 email are due, the -3 email is skipped: every kind of row a batch writes.
DAY_17 = datetime(2026, 12, 17, 9, tzinfo=UTC)


async def _customers(vendor: Vendor, first: int, count: int) -> None:
    for i in range(first, first + count):
        customer = await make_customer(vendor, f"Customer {i:03}", [[vendor.rita, vendor.bob][i % 2]],
                                       emails=[f"c{i}@example.com"])
        await make_invoice(customer, f"I-{i}", DUE, currency=("EUR", "SEK")[i % 2])


async def _sweep(batch: int) -> tuple[int, int]:
    """Run to completion: (SQL statements, customers done)."""
    customers = 0
    with count_sql() as counter:
        while (result := await run_due_steps(SETTINGS, now=DAY_17, batch=batch)).customers:
            customers += result.customers
    return len(counter.statements), customers


async def test_statements_grow_by_batches_not_by_customers(db: str) -> None:
    vendor = await make_vendor()
    await standard_workflow(vendor)
    idle, _ = await _sweep(100)  # nothing due: read the workflows, claim nobody
    await _customers(vendor, 0, 10)
    ten, done = await _sweep(100)  # a pass of one batch and the empty claim after it; then an idle pass
    assert done == 10
    await _customers(vendor, 10, 200)
    two_hundred, done = await _sweep(100)  # a pass of two batches of 100 and the empty claim; then an idle pass
    assert done == 200
    one_batch = two_hundred - ten
    assert ten == 2 * idle + one_batch, (idle, ten, two_hundred)
    assert one_batch <= 11  # claim, reads of the batch, the outbox, actions and run rows: not per customer

    # Each customer got its own email, call and rows, linked to each other (the ids of multi-row INSERTs).
    emails = {e.id: e for e in await OutboxEmail.all()}
    actions = {a.id: a for a in await Action.all()}
    assert len(emails) == len(actions) == 210
    customer_of = dict(await Invoice.all().values_list("id", "customer_id"))
    name_of = dict(await Customer.all().values_list("id", "name"))
    runs = await InvoiceStepRun.all()
    assert len(runs) == 3 * 210
    for run in runs:
        customer_id = customer_of[run.invoice_id]
        number = name_of[customer_id].split()[-1].lstrip("0") or "0"
        if run.outcome is StepOutcome.EMAILED:
            assert run.email_id is not None
            assert emails[run.email_id].to_address == f"c{number}@example.com"
            assert f"I-{number}" in emails[run.email_id].text
        elif run.outcome is StepOutcome.ACTION:
            assert run.action_id is not None and actions[run.action_id].customer_id == customer_id
            assert actions[run.action_id].invoice_id == run.invoice_id
            assert actions[run.action_id].assignee_id == (vendor.rita.id, vendor.bob.id)[int(number) % 2]
        else:
            assert run.outcome is StepOutcome.SKIPPED and run.email_id is None and run.action_id is None
    assert await _sweep(100) == (idle, 0)  # and nothing twice


async def _fail_runs_of(invoice_id: int, database_url: str) -> None:
    """A database trigger that refuses run rows of one invoice as a unique violation would (what a second worker
    that got there first causes): the real database failing mid-batch, after the batch's outbox rows and actions."""
    connection = connections.get("default")
    if database_url.startswith("sqlite"):
        await connection.execute_script(
            f"CREATE TRIGGER refuse_runs BEFORE INSERT ON invoice_step_run WHEN NEW.invoice_id = {invoice_id} "
            "BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: invoice_step_run'); END;")
    else:
        await connection.execute_script(
            "CREATE FUNCTION refuse_runs() RETURNS trigger AS $$ BEGIN "
            f"IF NEW.invoice_id = {invoice_id} THEN RAISE unique_violation USING MESSAGE = 'taken'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql;"
            "CREATE TRIGGER refuse_runs BEFORE INSERT ON invoice_step_run FOR EACH ROW EXECUTE FUNCTION refuse_runs();")


async def _drop_trigger(database_url: str) -> None:
    connection = connections.get("default")
    if database_url.startswith("sqlite"):
        await connection.execute_script("DROP TRIGGER refuse_runs;")
    else:
        await connection.execute_script("DROP TRIGGER refuse_runs ON invoice_step_run; DROP FUNCTION refuse_runs();")


async def test_a_failure_mid_batch_sends_nothing_of_it_and_holds_up_only_its_customer(db: str) -> None:
    vendor = await make_vendor()
    await standard_workflow(vendor)
    await _customers(vendor, 0, 3)
    middle = await Invoice.get(number="I-1")
    await _fail_runs_of(middle.id, db)
    try:
        result = await run_due_steps(SETTINGS, now=DAY_17)
    finally:
        await _drop_trigger(db)
    # The batch rolled back whole (its three emails and calls with it), then ran again customer by customer:
    # the customer whose rows failed has nothing, the others exactly one email and one call each.
    assert result.skipped_customers == [middle.customer_id]
    assert (result.customers, result.emails, result.actions) == (2, 2, 2)
    assert sorted(await OutboxEmail.all().values_list("to_address", flat=True)) == ["c0@example.com",
                                                                                     "c2@example.com"]
    assert await Action.filter(customer_id=middle.customer_id).count() == 0
    assert await InvoiceStepRun.filter(invoice_id=middle.id).count() == 0
    # The next sweep does its steps, once.
    assert (await run_due_steps(SETTINGS, now=DAY_17)).customers == 1
    assert await OutboxEmail.filter(to_address="c1@example.com").count() == 1
    assert await OutboxEmail.all().count() == 3 and await Action.all().count() == 3


async def test_an_address_the_outbox_refuses_holds_up_only_its_customer(db: str) -> None:
    vendor = await make_vendor()
    await standard_workflow(vendor)
    await _customers(vendor, 0, 3)
    middle = await Invoice.get(number="I-1")
    # Written around the forms' checks (an old row, an import of long ago): the outbox refuses it when queuing.
    await Contact.filter(customer_id=middle.customer_id).update(email="not an address")
    result = await run_due_steps(SETTINGS, now=DAY_17)
    assert result.failed_customers == [middle.customer_id]
    assert (result.customers, result.emails, result.actions) == (2, 2, 2)
    assert sorted(await OutboxEmail.all().values_list("to_address", flat=True)) == ["c0@example.com",
                                                                                     "c2@example.com"]
    # Nothing of theirs is recorded (not even the call), so once the address is fixed the next pass does it all.
    assert await Action.filter(customer_id=middle.customer_id).count() == 0
    assert await InvoiceStepRun.filter(invoice_id=middle.id).count() == 0
    await Contact.filter(customer_id=middle.customer_id).update(email="c1@example.com")
    again = await run_due_steps(SETTINGS, now=DAY_17)
    assert (again.customers, again.failed_customers) == (1, [])
    assert await OutboxEmail.filter(to_address="c1@example.com").count() == 1


async def test_the_batchs_contacts_are_the_per_customer_rule_for_each(db: str) -> None:
    vendor = await make_vendor()
    fjord = await make_customer(vendor, "Fjord", [], emails=["mette@fjord.example", "lars@fjord.example"])
    await Contact.create(customer=fjord, organization=vendor.organization, first_name="No", last_name="Mail")
    await Contact.create(customer=fjord, organization=vendor.organization, first_name="Empty", last_name="Mail",
                         email="")
    await Contact.create(customer=fjord, organization=vendor.organization, first_name="Gone", last_name="X",
                         email="gone@fjord.example", hub_access=False)
    nobody = await make_customer(vendor, "Nobody", [], emails=[])
    other = await make_customer(await make_vendor("Globex"), "Globex customer", [], emails=["x@globex.example"])
    ids = [fjord.id, nobody.id, other.id]
    together = set(await policy.contacts_receiving_reminders_of(ids).values_list("id", flat=True))
    each: set[int] = set()
    for customer_id in ids:
        each |= set(await policy.contacts_receiving_reminders(customer_id).values_list("id", flat=True))
    assert together == each
    assert sorted(await Contact.filter(id__in=list(together)).values_list("email", flat=True)) == [
        "lars@fjord.example", "mette@fjord.example", "x@globex.example"]
    assert await policy.contacts_receiving_reminders_of([]).count() == 0
