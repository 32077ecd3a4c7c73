"""The reminder sweep (issue 11, point 3): runs each due workflow step once per invoice, as a PeriodicJob.

A run finds customers with a step due (one query per workflow step: the step's due-date bound is a constant,
`planning.latest_due_on`), then handles each customer in a transaction of its own that claims the customer row
(`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite runs one write transaction at a time). In it: the
customer's open, unpaused invoices, the steps already run for them, the plan (`planning.plan`), one reminder email
listing the invoices (queued in the outbox), one action per action step, and the `InvoiceStepRun` rows, unique per
invoice and step. Everything commits together or not at all: a crash sends nothing and records nothing; a second
worker skips the claimed customer, or meets the unique rows and rolls back.

Stops by themselves: paid and void invoices are not open; paused invoices and paused customers are left out
until resumed (then only the latest due step of each kind runs, see planning.py).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts.models import Member, Organization
from portico.customers.models import Contact, Customer
from portico.hubs.models import Share
from portico.mail import placeholders
from portico.mail.outbox import enqueue_rendered
from portico.mail.templates import normalize_language
from portico.notifications import clock
from portico.receivables.models import Invoice, InvoiceStatus
from portico.receivables.planning import PlannedStep, latest_due_on, plan
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


@dataclass
class SweepResult:
    customers: int = 0
    emails: int = 0
    actions: int = 0
    runs: int = 0
    skipped_customers: list[int] = field(default_factory=list)  # claimed by another worker, or a lost race


def _today(organization: Organization, now: datetime) -> date:
    """The organization's calendar day: a step "on the due date" runs on that date where the vendor is."""
    return now.astimezone(clock.zone(organization.timezone)).date()


async def run_due_steps(settings: Settings, *, now: datetime | None = None, batch: int = 200) -> SweepResult:
    """One pass: every customer with a due step (up to `batch` of them), each in its own transaction."""
    now = now or clock.now()
    result = SweepResult()
    workflows = await _Workflows.load()
    for customer_id, today in (await _due_customers(workflows, now, batch)).items():
        try:
            async with in_transaction() as connection:
                done = await _run_for_customer(settings, workflows, customer_id, today, now, connection, result)
        except IntegrityError:
            # Another worker recorded one of these runs first (the unique row): ours rolled back whole.
            log.info("reminder steps of customer %s were run by another worker", customer_id)
            done = False
        if not done:
            result.skipped_customers.append(customer_id)
    return result


@dataclass
class _Workflows:
    """Every workflow with its steps and organization, read once per run (not once per customer)."""

    by_id: dict[int, ReminderWorkflow]
    steps: dict[int, list[ReminderStep]]

    @classmethod
    async def load(cls) -> _Workflows:
        steps: dict[int, list[ReminderStep]] = defaultdict(list)
        for step in await ReminderStep.all():
            steps[step.workflow_id].append(step)
        return cls({w.id: w for w in await ReminderWorkflow.all().prefetch_related("organization")}, steps)

    def of(self, customer: Customer) -> ReminderWorkflow | None:
        if customer.reminder_workflow_id is not None:
            found = self.by_id.get(customer.reminder_workflow_id)
            return found if found is not None and found.organization_id == customer.organization_id else None
        return next((w for w in self.by_id.values()
                     if w.organization_id == customer.organization_id and w.is_default), None)


async def _due_customers(workflows: _Workflows, now: datetime, batch: int) -> dict[int, date]:
    """Customers with at least one step due and not yet run for one of their invoices, with their organization's
    today. One query per step of every workflow."""
    steps_of = workflows.steps
    found: dict[int, date] = {}
    for workflow in workflows.by_id.values():
        today = _today(workflow.organization, now)
        # Customers following this workflow: their own, or the organization's default when they have none.
        follows = Q(customer__reminder_workflow_id=workflow.id)
        if workflow.is_default:
            follows |= Q(customer__reminder_workflow_id__isnull=True)
        for step in steps_of[workflow.id]:
            ran = Subquery(InvoiceStepRun.filter(step_id=step.id).values_list("invoice_id", flat=True))
            ids = await (
                Invoice.filter(organization_id=workflow.organization_id, status__in=OPEN, paused=False,
                               due_on__lte=latest_due_on(today, step.offset_days), customer__reminders_paused=False)
                .filter(follows)
                .exclude(id__in=ran)
                .distinct()
                .limit(batch)
                .values_list("customer_id", flat=True)
            )
            for customer_id in map(int, ids):  # type: ignore[arg-type]
                found.setdefault(customer_id, today)
            if len(found) >= batch:
                return dict(list(found.items())[:batch])
    return found


async def _run_for_customer(
    settings: Settings, workflows: _Workflows, customer_id: int, today: date, now: datetime,
    connection: BaseDBAsyncClient, result: SweepResult,
) -> bool:
    """False when another worker holds the customer (nothing done here)."""
    customer = await (
        Customer.filter(id=customer_id).select_for_update(skip_locked=True).using_db(connection).first()
    )
    if customer is None:
        return False
    workflow = workflows.of(customer)
    if customer.reminders_paused or workflow is None:
        return True
    steps = {s.id: s for s in workflows.steps[workflow.id]}
    planned = [PlannedStep(s.id, s.offset_days, s.kind) for s in steps.values()]
    invoices = await Invoice.filter(customer_id=customer_id, status__in=OPEN, paused=False).using_db(
        connection).order_by("due_on", "id")
    done: dict[int, set[int]] = defaultdict(set)
    for invoice_id, step_id in await InvoiceStepRun.filter(
        invoice_id__in=[i.id for i in invoices], step_id__in=list(steps)
    ).using_db(connection).values_list("invoice_id", "step_id"):
        done[invoice_id].add(step_id)

    to_run: dict[int, list[Invoice]] = defaultdict(list)  # step id → invoices
    runs: list[InvoiceStepRun] = []
    for invoice in invoices:
        decided = plan(invoice.due_on, planned, today, done[invoice.id])
        for due in decided.run:
            to_run[due.id].append(invoice)
        runs += [InvoiceStepRun(organization_id=customer.organization_id, invoice_id=invoice.id, step_id=s.id,
                                outcome=StepOutcome.SKIPPED, ran_at=now) for s in decided.skip]
    if not to_run and not runs:
        return True
    manager = await Member.filter(managed_customers__id=customer_id, is_active=True).using_db(
        connection).order_by("id").first()
    email_steps = [steps[i] for i in to_run if steps[i].kind is StepKind.EMAIL]
    if email_steps:
        # One email per customer: the latest step's template and copy setting, every invoice it reminds of plus
        # the customer's other overdue ones, so that the customer sees all they owe in one place.
        governing = max(email_steps, key=lambda s: (s.offset_days, s.id))
        reminded = {i.id for s in email_steps for i in to_run[s.id]}
        listed = [i for i in invoices if i.id in reminded or i.due_on < today]
        email_id = await _queue_email(settings, workflow.organization, customer, governing, listed, manager, today,
                                      connection)
        outcome = StepOutcome.EMAILED if email_id is not None else StepOutcome.NO_RECIPIENT
        result.emails += email_id is not None
        for email_step in email_steps:
            runs += [InvoiceStepRun(organization_id=customer.organization_id, invoice_id=i.id, step_id=email_step.id,
                                    outcome=outcome, email_id=email_id, ran_at=now) for i in to_run[email_step.id]]
    for step_id, reminded_invoices in to_run.items():
        action_step = steps[step_id]
        if action_step.kind is not StepKind.ACTION:
            continue
        kind = action_step.action_kind or ActionKind.CUSTOM
        action = await Action.create(
            organization_id=customer.organization_id, customer_id=customer.id,
            assignee_id=manager.id if manager else None, kind=kind,
            text=placeholders.fill(action_step.action_text or DEFAULT_ACTION_TEXT[kind], {"customer": customer.name}),
            due_on=today + timedelta(days=action_step.action_due_days), step_id=action_step.id,
            invoice_id=reminded_invoices[0].id if len(reminded_invoices) == 1 else None, using_db=connection,
        )
        result.actions += 1
        runs += [InvoiceStepRun(organization_id=customer.organization_id, invoice_id=i.id, step_id=action_step.id,
                                outcome=StepOutcome.ACTION, action_id=action.id, ran_at=now)
                 for i in reminded_invoices]
    await InvoiceStepRun.bulk_create(runs, using_db=connection)
    result.customers += 1
    result.runs += len(runs)
    return True


async def _language(customer_id: int, connection: BaseDBAsyncClient) -> str:
    """The language the customer was last written to in (their newest share), else English."""
    language = await Share.filter(customer_id=customer_id).using_db(connection).order_by("-id").first().values_list(
        "language", flat=True)
    return normalize_language(str(language) if language else None)


async def _queue_email(
    settings: Settings, organization: Organization, customer: Customer, step: ReminderStep, invoices: list[Invoice],
    manager: Member | None, today: date, connection: BaseDBAsyncClient,
) -> int | None:
    """Queue the reminder to the customer's contacts (the primary one in To, the others in CC); None when there is
    nobody to send it to."""
    contacts: list[Contact] = await policy.contacts_receiving_reminders(customer.id).using_db(connection).order_by(
        "-is_primary", "id")
    if not contacts:
        return None
    language = await _language(customer.id, connection)
    template = (step.templates or {}).get(language) or {}
    rendered = render_reminder(
        language, organization=organization.name, customer=customer.name, today=today,
        invoices=[ReminderInvoice(i.number, i.due_on, i.open_amount, i.currency) for i in invoices],
        link=f"{settings.public_url}/hub", first_name=contacts[0].first_name,
        account_manager_name=manager.full_name if manager else "",
        account_manager_email=manager.email if manager else "",
        subject=template.get("subject", ""), body=template.get("body", ""),
    )
    copy = step.copy_account_manager if manager is not None else AccountManagerCopy.NONE
    cc = [c.email for c in contacts[1:] if c.email]
    email = await enqueue_rendered(
        rendered, to=str(contacts[0].email), kind="invoice_reminder", organization_id=customer.organization_id,
        cc=[*cc, manager.email] if manager is not None and copy is AccountManagerCopy.CC else cc,
        bcc=[manager.email] if manager is not None and copy is AccountManagerCopy.BCC else [],
        reply_to=manager.email if manager is not None else None, connection=connection,
    )
    return email.id
