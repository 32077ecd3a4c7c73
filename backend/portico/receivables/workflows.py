"""Reminder workflows (issue 11, point 3): create, change, delete, the organization's default, and per customer
its own workflow and a pause. Administrators and managers edit workflows; pausing is for whoever may invoice the
customer (`policy.reminder_pausable_customers`).

A workflow is saved whole (name and the list of its steps): steps sent with an id are changed in place, which
keeps what already ran for them ("each step once per invoice" survives editing a step's day or text); steps
without an id are new; steps left out are deleted with their run records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tortoise.transactions import in_transaction

from portico import policy
from portico.actors import Actor
from portico.customers.models import Customer
from portico.errors import DomainError, NotFound
from portico.mail import placeholders
from portico.mail.templates import SUPPORTED_LANGUAGES
from portico.receivables.planning import MAX_OFFSET_DAYS
from portico.receivables.workflow_models import (
    AccountManagerCopy,
    ActionKind,
    ReminderStep,
    ReminderWorkflow,
    StepKind,
)
from portico.validation import Checker

MAX_STEPS = 20
MAX_SUBJECT_LENGTH = 300
MAX_BODY_LENGTH = 10000
MAX_ACTION_DUE_DAYS = 90


@dataclass(frozen=True)
class StepTemplate:
    language: str
    subject: str
    body: str


@dataclass(frozen=True)
class StepInput:
    offset_days: int
    kind: StepKind
    id: int | None = None
    copy_account_manager: AccountManagerCopy = AccountManagerCopy.NONE
    templates: list[StepTemplate] = field(default_factory=list)
    action_kind: ActionKind | None = None
    action_text: str = ""
    action_due_days: int = 0


def _check_steps(check: Checker, steps: list[StepInput]) -> list[dict[str, object]]:
    if len(steps) > MAX_STEPS:
        check.add("TOO_MANY", f"A workflow has at most {MAX_STEPS} steps.", "steps")
    seen: set[tuple[StepKind, int]] = set()
    cleaned: list[dict[str, object]] = []
    for index, step in enumerate(steps):
        at = f"steps.{index}"
        if abs(step.offset_days) > MAX_OFFSET_DAYS:
            check.add("OUT_OF_RANGE", f"A step is at most {MAX_OFFSET_DAYS} days from the due date.",
                      f"{at}.offsetDays")
        if (step.kind, step.offset_days) in seen:
            check.add("DUPLICATE_STEP", "Two steps of the same kind on the same day: merge them.", f"{at}.offsetDays")
        seen.add((step.kind, step.offset_days))
        templates: dict[str, dict[str, str]] = {}
        text = ""
        if step.kind is StepKind.EMAIL:
            for t in step.templates:
                if t.language not in SUPPORTED_LANGUAGES:
                    check.add("UNSUPPORTED_LANGUAGE",
                              f"Reminder emails are written in {', '.join(SUPPORTED_LANGUAGES)}.", f"{at}.templates")
                    continue
                subject = check.text(t.subject, f"{at}.templates.{t.language}.subject", "Subject",
                                     max_length=MAX_SUBJECT_LENGTH, required=False, single_line=True)
                body = check.text(t.body, f"{at}.templates.{t.language}.body", "Text", max_length=MAX_BODY_LENGTH,
                                  required=False)
                names = placeholders.REMINDER_PLACEHOLDER_NAMES
                check.problems += placeholders.problems_in(subject, names, f"{at}.templates.{t.language}.subject",
                                                           "Subject")
                check.problems += placeholders.problems_in(body, names, f"{at}.templates.{t.language}.body", "Text")
                if subject or body:
                    templates[t.language] = {"subject": subject, "body": body}
        else:
            if step.action_kind is None:
                check.add("REQUIRED", "An action step needs its kind: call, letter or custom.", f"{at}.actionKind")
            text = check.text(step.action_text, f"{at}.actionText", "Action text", max_length=500,
                              required=step.action_kind is ActionKind.CUSTOM, single_line=True)
            if not 0 <= step.action_due_days <= MAX_ACTION_DUE_DAYS:
                check.add("OUT_OF_RANGE", f"An action is due within 0 to {MAX_ACTION_DUE_DAYS} days.",
                          f"{at}.actionDueDays")
        cleaned.append({
            "offset_days": step.offset_days, "kind": step.kind, "templates": templates,
            "copy_account_manager": (
                step.copy_account_manager if step.kind is StepKind.EMAIL else AccountManagerCopy.NONE),
            "action_kind": step.action_kind if step.kind is StepKind.ACTION else None,
            "action_text": text, "action_due_days": step.action_due_days if step.kind is StepKind.ACTION else 0,
        })
    return cleaned


async def save_workflow(
    actor: Actor, *, name: str, steps: list[StepInput], workflow_id: int | None = None, is_default: bool | None = None
) -> ReminderWorkflow:
    """Create (no id) or replace a workflow with its steps, in one transaction."""
    policy.require_workflow_editor(actor)
    organization_id = actor.organization_id
    check = Checker()
    name = check.text(name, "name", "Name", max_length=200, single_line=True)
    cleaned = _check_steps(check, steps)
    check.raise_if_any()
    async with in_transaction():
        if workflow_id is None:
            workflow = ReminderWorkflow(organization_id=organization_id)
        else:
            found = await policy.reminder_workflows_visible_to(actor).filter(id=workflow_id).select_for_update().first()
            if found is None:
                raise NotFound("Reminder workflow", "workflowId")
            workflow = found
        clash = ReminderWorkflow.filter(organization_id=organization_id, name=name)
        if workflow.id is not None:
            clash = clash.exclude(id=workflow.id)
        if await clash.exists():
            raise DomainError("DUPLICATE_NAME", f"There is already a workflow named {name!r}.", "name")
        workflow.name = name
        if is_default is not None:
            workflow.is_default = is_default
        elif workflow.id is None:
            # The organization's first workflow is its default: otherwise nothing would be reminded of.
            workflow.is_default = not await ReminderWorkflow.filter(organization_id=organization_id).exists()
        await workflow.save()
        if workflow.is_default:
            await ReminderWorkflow.filter(organization_id=organization_id, is_default=True).exclude(
                id=workflow.id).update(is_default=False)
        existing = {s.id: s for s in await ReminderStep.filter(workflow_id=workflow.id)}
        kept: set[int] = set()
        for index, (given, values) in enumerate(zip(steps, cleaned, strict=True)):
            if given.id is not None:
                step = existing.get(given.id)
                if step is None:
                    raise NotFound("Step", f"steps.{index}.id")
                step.update_from_dict(values)
                await step.save()
                kept.add(step.id)
            else:
                await ReminderStep(workflow_id=workflow.id).update_from_dict(values).save()
        await ReminderStep.filter(workflow_id=workflow.id, id__in=[i for i in existing if i not in kept]).delete()
    return workflow


async def delete_workflow(actor: Actor, workflow_id: int) -> None:
    """Customers that followed it fall back to the default (their column is set null)."""
    policy.require_workflow_editor(actor)
    deleted = await policy.reminder_workflows_visible_to(actor).filter(id=workflow_id).delete()
    if not deleted:
        raise NotFound("Reminder workflow", "workflowId")


async def set_customer_reminders(
    actor: Actor, customer_id: int, *, workflow_id: int | None = None, set_workflow: bool = False,
    paused: bool | None = None,
) -> Customer:
    """Choose the customer's own workflow (`set_workflow` with None: back to the default) and/or pause it."""
    customer = await policy.customers_visible_to(actor).filter(id=customer_id).first()
    if customer is None:
        raise NotFound("Customer", "customerId")
    changes: dict[str, object] = {}
    if set_workflow:
        policy.require_workflow_editor(actor)
        if workflow_id is not None and not await policy.reminder_workflows_visible_to(actor).filter(
                id=workflow_id).exists():
            raise NotFound("Reminder workflow", "workflowId")
        changes["reminder_workflow_id"] = workflow_id
    if paused is not None:
        if not await policy.reminder_pausable_customers(actor).filter(id=customer_id).exists():
            raise NotFound("Customer", "customerId")
        changes["reminders_paused"] = paused
    if changes:
        await Customer.filter(id=customer.id).update(**changes)
        await customer.refresh_from_db()
    return customer
