"""The reminder sweep (issue 11, point 3): runs each due workflow step once per invoice, as a PeriodicJob.

A run claims a batch of customers with a step due in one statement (`SELECT ... FOR UPDATE SKIP LOCKED` on
PostgreSQL, so that workers share the work; SQLite runs one write transaction at a time): each workflow step's
due-date bound is a constant (`planning.latest_due_on`). In the same transaction, one query each reads the batch's
open, unpaused invoices, the steps already run for them, their account managers, contacts and languages
(`reminder_batch.py`); then the plan per invoice (`planning.plan`), one reminder email per customer listing its
invoices (queued in the outbox), one action per action step and customer, and the `InvoiceStepRun` rows, unique per
invoice and step, are written with multi-row INSERTs. Everything commits together or not at all: a crash sends
nothing of the batch and records nothing; a second worker skips the claimed customers, or meets the unique rows and
rolls back (then it does the batch again one customer at a time, so one lost race holds up no one else).

Stops by themselves: paid and void invoices are not open; paused invoices and paused customers are left out
until resumed (then only the latest due step of each kind runs, see planning.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from portico.customers.models import Customer
from portico.mail import placeholders
from portico.mail.models import OutboxEmail
from portico.mail.outbox import queued
from portico.notifications import clock
from portico.receivables.models import Invoice, InvoiceStatus
from portico.receivables.multirow import insert_rows, insert_values
from portico.receivables.planning import PlannedStep, latest_due_on, plan
from portico.receivables.reminder_batch import BatchPeople, Manager, read_people
from portico.receivables.reminder_email import ReminderInvoice, render_reminder
from portico.receivables.workflow_models import (
    AccountManagerCopy,
    Action,
    ActionKind,
    InvoiceStepRun,
    ReminderStep,
    ReminderWorkflow,
    StepKind,
    StepOutcome,
)
from portico.settings import Settings

log = logging.getLogger(__name__)

OPEN = (InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID)
# What an action says when its step gives no text ({customer} is filled in, as in a step's own text).
DEFAULT_ACTION_TEXT = {ActionKind.CALL: "Call {customer} about the overdue invoices.",
                       ActionKind.LETTER: "Send {customer} a reminder letter.", ActionKind.CUSTOM: ""}
# An `InvoiceStepRun` row as the sweep writes it: values of these fields (tens of thousands on a busy day, so plain
# tuples rather than model instances).
RUN_FIELDS = ("organization_id", "invoice_id", "step_id", "outcome", "email_id", "action_id", "ran_at")
RunRow = tuple[int, int, int, str, int | None, int | None, object]


@dataclass
class SweepResult:
    customers: int = 0
    emails: int = 0
    actions: int = 0
    runs: int = 0
    skipped_customers: list[int] = field(default_factory=list)  # a lost race: another worker ran their steps
    # Their email could not be written (an address the outbox refuses): nothing of theirs was recorded, the next
    # pass tries again, and the other customers of their batch went ahead.
    failed_customers: list[int] = field(default_factory=list)

    def add(self, other: SweepResult) -> None:
        self.customers += other.customers
        self.emails += other.emails
        self.actions += other.actions
        self.runs += other.runs
        self.skipped_customers += other.skipped_customers
        self.failed_customers += other.failed_customers


async def run_due_steps(settings: Settings, *, now: datetime | None = None, batch: int = 200) -> SweepResult:
    """One pass: every customer with a due step, `batch` customers at a time, each batch claimed and run in one
    transaction. The batches go up the customer ids, so that each claim looks only at customers not yet seen in
    this pass (customers another worker holds are that worker's; customers due again meanwhile, the next pass's).

    Two batches are in flight: while the database writes one batch's rows and commits, the next one is claimed,
    read and rendered, so that Python's share of the work and the database's overlap (they hold different
    customers; on SQLite, whose transactions take turns, the second waits for the first)."""
    now = now or clock.now()
    result = SweepResult()
    workflows = await _Workflows.load()
    if not workflows.steps:
        return result
    tasks: list[asyncio.Task[None]] = []
    try:
        after = 0
        while True:
            claimed: asyncio.Future[list[int]] = asyncio.get_running_loop().create_future()
            tasks.append(asyncio.create_task(_batch(settings, workflows, now, batch, after, claimed, result)))
            ids = await claimed
            if len(tasks) > 1:
                await tasks.pop(0)
            if not ids:
                break
            after = ids[-1]
        for task in tasks:
            await task
    except BaseException:
        for task in tasks:  # an unfinished batch rolls back whole
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    return result


async def _batch(settings: Settings, workflows: _Workflows, now: datetime, batch: int, after: int,
                 claimed: asyncio.Future[list[int]], result: SweepResult) -> None:
    """Claim and run one batch; `claimed` gets the claimed customer ids as soon as they are known."""
    ids: list[int] = []
    try:
        async with in_transaction() as connection:
            customers = await _claim(workflows, now, connection, batch=batch, after=after)
            ids = [c.id for c in customers]
            claimed.set_result(ids)
            done = await _run_batch(settings, workflows, customers, now, connection)
        result.add(done)
    except IntegrityError:
        # Another worker recorded one of these runs first (the unique row): the whole batch rolled back. Again one
        # customer at a time, so that only the customer of the lost race is left out.
        log.info("reminder batch of %s customers met runs of another worker; again one by one", len(ids))
        await _one_by_one(settings, workflows, ids, now, result)
    except BaseException as exc:
        if not claimed.done():
            if isinstance(exc, asyncio.CancelledError):
                claimed.cancel()
            else:
                claimed.set_exception(exc)
        raise
    finally:
        if not claimed.done():
            claimed.set_result(ids)


async def _one_by_one(settings: Settings, workflows: _Workflows, customer_ids: list[int], now: datetime,
                      result: SweepResult) -> None:
    for customer_id in customer_ids:
        try:
            async with in_transaction() as connection:
                one = await _claim(workflows, now, connection, batch=1, only=customer_id)
                done = await _run_batch(settings, workflows, one, now, connection)
            result.add(done)
        except IntegrityError:
            log.info("reminder steps of customer %s were run by another worker", customer_id)
            result.skipped_customers.append(customer_id)


@dataclass
class _Workflows:
    """Every workflow with its steps and organization, read once per run (not once per customer)."""

    by_id: dict[int, ReminderWorkflow]
    steps: dict[int, list[ReminderStep]]

    @classmethod
    async def load(cls) -> _Workflows:
        steps: dict[int, list[ReminderStep]] = defaultdict(list)
        for step in await ReminderStep.all().order_by("id"):
            steps[step.workflow_id].append(step)
        return cls({w.id: w for w in await ReminderWorkflow.all().prefetch_related("organization")}, steps)

    def of(self, customer: Customer) -> ReminderWorkflow | None:
        if customer.reminder_workflow_id is not None:
            found = self.by_id.get(customer.reminder_workflow_id)
            return found if found is not None and found.organization_id == customer.organization_id else None
        return next((w for w in self.by_id.values()
                     if w.organization_id == customer.organization_id and w.is_default), None)


class _Parameters:
    """Bind parameters of one raw statement, in the placeholder style of the connection's database."""

    def __init__(self, connection: BaseDBAsyncClient) -> None:
        self.postgres = connection.capabilities.dialect == "postgres"
        self.values: list[object] = []

    def __call__(self, value: object) -> str:
        if isinstance(value, date) and not self.postgres:
            value = value.isoformat()  # how Tortoise stores a DateField in SQLite
        self.values.append(value)
        return f"${len(self.values)}" if self.postgres else "?"


def _due_sql(workflows: _Workflows, now: datetime, p: _Parameters) -> str:
    """The condition on customer `c` of having at least one step due and not yet run for one of their open,
    unpaused invoices: per step of its workflow, an invoice due on or before the step's bound (the organization's
    today minus the offset) without a run row for the step. NOT EXISTS probes the (invoice, step) unique index; the
    NOT IN of a subquery it replaces could not be hashed once the run rows outgrew work_mem, and then compared every
    invoice with every run row (a day's sweep of 5,000 customers took minutes)."""
    per_workflow = []
    for workflow in workflows.by_id.values():
        steps = workflows.steps[workflow.id]
        if not steps:
            continue
        today = clock.today_in(workflow.organization.timezone, now)  # a step "on the due date" runs on that date there
        # (Placeholders in the order of the text: SQLite's are positional.)
        sql = f"(c.organization_id = {p(workflow.organization_id)} AND "
        # Customers following this workflow: their own, or the organization's default when they have none.
        follows = f"c.reminder_workflow_id = {p(workflow.id)}"
        sql += f"({follows} OR c.reminder_workflow_id IS NULL)" if workflow.is_default else follows
        sql += (f" AND EXISTS (SELECT 1 FROM invoice i WHERE i.customer_id = c.id"
                f" AND i.status IN ({', '.join(p(s.value) for s in OPEN)}) AND i.paused = {p(False)} AND (")
        sql += " OR ".join(
            f"(i.due_on <= {p(latest_due_on(today, step.offset_days))} AND NOT EXISTS (SELECT 1 FROM invoice_step_run r"
            f" WHERE r.invoice_id = i.id AND r.step_id = {p(step.id)}))"
            for step in steps
        )
        per_workflow.append(sql + ")))")
    return f"({' OR '.join(per_workflow)})" if per_workflow else "1 = 0"


async def _claim(workflows: _Workflows, now: datetime, connection: BaseDBAsyncClient, *, batch: int, after: int = 0,
                 only: int | None = None) -> list[Customer]:
    """Lock up to `batch` due customers with ids above `after` (or just `only`) that no other worker holds (one
    statement), and read them."""
    p = _Parameters(connection)
    sql = f"SELECT c.id FROM customer c WHERE c.reminders_paused = {p(False)} AND c.id > {p(after)}"
    if only is not None:
        sql += f" AND c.id = {p(only)}"
    sql += f" AND {_due_sql(workflows, now, p)} ORDER BY c.id LIMIT {int(batch)}"
    if p.postgres:
        sql += " FOR UPDATE OF c SKIP LOCKED"
    _, rows = await connection.execute_query(sql, p.values)
    ids = [int(row["id"]) for row in rows]
    return await Customer.filter(id__in=ids).order_by("id").using_db(connection) if ids else []


@dataclass
class _CustomerWork:
    """What the plan says for one customer of the batch."""

    customer: Customer
    workflow: ReminderWorkflow
    today: date
    invoices: list[Invoice]
    to_run: dict[int, list[Invoice]]  # step id → invoices
    runs: list[RunRow]  # the skipped steps' rows so far

    def ran(self, invoices: list[Invoice], step_id: int, outcome: StepOutcome, ran_at: object, *,
            email_id: int | None = None, action_id: int | None = None) -> None:
        """Run rows of `step_id` for `invoices`; `ran_at` as the database takes it (`_db_time`)."""
        self.runs += [(self.customer.organization_id, i.id, step_id, outcome.value, email_id, action_id, ran_at)
                      for i in invoices]


async def _run_batch(settings: Settings, workflows: _Workflows, customers: list[Customer], now: datetime,
                     connection: BaseDBAsyncClient) -> SweepResult:
    result = SweepResult()
    if not customers:
        return result
    # The one `ran_at` of the batch's run rows, converted once (not once per row).
    ran_at = InvoiceStepRun._meta.fields_map["ran_at"].to_db_value(now, InvoiceStepRun)
    followed = {c.id: w for c in customers if (w := workflows.of(c)) is not None}
    ids = list(followed)
    invoices_of: dict[int, list[Invoice]] = defaultdict(list)
    for invoice in await Invoice.filter(customer_id__in=ids, status__in=OPEN, paused=False).using_db(
            connection).order_by("due_on", "id"):
        invoices_of[invoice.customer_id].append(invoice)
    done: dict[int, set[int]] = defaultdict(set)
    open_ids = Subquery(Invoice.filter(customer_id__in=ids, status__in=OPEN, paused=False).values("id"))
    for invoice_id, step_id in await InvoiceStepRun.filter(invoice_id__in=open_ids).using_db(
            connection).values_list("invoice_id", "step_id"):
        done[int(invoice_id)].add(int(step_id))  # type: ignore[call-overload]

    work: list[_CustomerWork] = []
    for customer in customers:
        workflow = followed.get(customer.id)
        if workflow is None:
            continue
        today = clock.today_in(workflow.organization.timezone, now)
        planned = [PlannedStep(s.id, s.offset_days, s.kind) for s in workflows.steps[workflow.id]]
        item = _CustomerWork(customer, workflow, today, invoices_of[customer.id], defaultdict(list), [])
        for invoice in item.invoices:
            decided = plan(invoice.due_on, planned, today, done[invoice.id])
            for due in decided.run:
                item.to_run[due.id].append(invoice)
            for skipped in decided.skip:
                item.ran([invoice], skipped.id, StepOutcome.SKIPPED, ran_at)
        if item.to_run or item.runs:
            work.append(item)
    if not work:
        return result

    steps = {s.id: s for w in {w.workflow.id: w.workflow for w in work} for s in workflows.steps[w]}
    emailed = [w.customer.id for w in work if any(steps[i].kind is StepKind.EMAIL for i in w.to_run)]
    people = await read_people([w.customer.id for w in work], emailed, connection)

    emails: list[tuple[_CustomerWork, list[ReminderStep], OutboxEmail | None]] = []
    for item in list(work):
        email_steps = [steps[i] for i in item.to_run if steps[i].kind is StepKind.EMAIL]
        if email_steps:
            try:
                email = _email(settings, item, email_steps, people)
            except ValueError as exc:
                # One customer's unusable address (the outbox checks every address) must not hold back the
                # reminders of the whole batch: this customer is left out (no run row, so still due) and logged.
                log.warning("reminder email of customer %s not written: %s", item.customer.id, exc)
                work.remove(item)
                result.failed_customers.append(item.customer.id)
                continue
            emails.append((item, email_steps, email))
    queued_emails = [email for _, _, email in emails if email is not None]
    await insert_rows(OutboxEmail, queued_emails, connection, returning_ids=True)
    for item, email_steps, email in emails:
        outcome = StepOutcome.EMAILED if email is not None else StepOutcome.NO_RECIPIENT
        for email_step in email_steps:
            item.ran(item.to_run[email_step.id], email_step.id, outcome, ran_at,
                     email_id=email.id if email is not None else None)
    result.emails += len(queued_emails)

    actions: list[tuple[_CustomerWork, int, Action]] = []
    for item in work:
        manager = people.managers.get(item.customer.id)
        for step_id, reminded in item.to_run.items():
            if steps[step_id].kind is StepKind.ACTION:
                actions.append((item, step_id, _action(item, steps[step_id], reminded, manager)))
    await insert_rows(Action, [a for _, _, a in actions], connection, returning_ids=True)
    for item, step_id, action in actions:
        item.ran(item.to_run[step_id], step_id, StepOutcome.ACTION, ran_at, action_id=action.id)
    result.actions += len(actions)

    runs = [run for item in work for run in item.runs]
    await insert_values(InvoiceStepRun, RUN_FIELDS, runs, connection, converted=True)
    result.customers += len(work)
    result.runs += len(runs)
    return result


def _email(settings: Settings, item: _CustomerWork, email_steps: list[ReminderStep],
           people: BatchPeople) -> OutboxEmail | None:
    """The customer's one reminder email (not yet saved) to their contacts, the primary one in To and the others in
    CC; None when there is nobody to send it to.

    One email per customer: the latest step's template and copy setting, every invoice it reminds of plus the
    customer's other overdue ones, so that the customer sees all they owe in one place."""
    contacts = people.contacts.get(item.customer.id, [])
    if not contacts:
        return None
    governing = max(email_steps, key=lambda s: (s.offset_days, s.id))
    reminded = {i.id for s in email_steps for i in item.to_run[s.id]}
    listed = [i for i in item.invoices if i.id in reminded or i.due_on < item.today]
    manager = people.managers.get(item.customer.id)
    language = people.languages.get(item.customer.id, "en")
    template = (governing.templates or {}).get(language) or {}
    rendered = render_reminder(
        language, organization=item.workflow.organization.name, customer=item.customer.name, today=item.today,
        invoices=[ReminderInvoice(i.number, i.due_on, i.open_amount, i.currency) for i in listed],
        link=f"{settings.public_url}/hub", first_name=contacts[0].first_name,
        account_manager_name=manager.full_name if manager else "",
        account_manager_email=manager.email if manager else "",
        subject=template.get("subject", ""), body=template.get("body", ""),
    )
    copy = governing.copy_account_manager if manager is not None else AccountManagerCopy.NONE
    cc = [c.email for c in contacts[1:] if c.email]
    return queued(
        to=str(contacts[0].email), subject=rendered.subject, html=rendered.html, text=rendered.text,
        kind="invoice_reminder", organization_id=item.customer.organization_id,
        cc=[*cc, manager.email] if manager is not None and copy is AccountManagerCopy.CC else cc,
        bcc=[manager.email] if manager is not None and copy is AccountManagerCopy.BCC else [],
        reply_to=manager.email if manager is not None else None,
    )


def _action(item: _CustomerWork, step: ReminderStep, reminded: list[Invoice], manager: Manager | None) -> Action:
    """The task of an action step for the customer's account manager (not yet saved)."""
    kind = step.action_kind or ActionKind.CUSTOM
    return Action(
        organization_id=item.customer.organization_id, customer_id=item.customer.id,
        assignee_id=manager.id if manager else None, kind=kind,
        text=placeholders.fill(step.action_text or DEFAULT_ACTION_TEXT[kind], {"customer": item.customer.name}),
        due_on=item.today + timedelta(days=step.action_due_days), step_id=step.id,
        invoice_id=reminded[0].id if len(reminded) == 1 else None,
    )
