"""Reminder workflows, their steps, the record of each step run per invoice, and the actions steps create
(issue 11, points 3 and 4).

"Exactly once per invoice and step" is the `InvoiceStepRun` row: UNIQUE (invoice, step), inserted in the same
transaction as the email it queues (the outbox delivers it later) or the action it creates. A crash before the
commit leaves neither, so the next sweep does the step; after the commit the row says it is done. A second worker
that gets that far anyway fails on the unique constraint and rolls its own copy back.
"""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from portico.receivables.planning import StepKind

__all__ = ["AccountManagerCopy", "Action", "ActionKind", "ActionStatus", "InvoiceStepRun", "ReminderStep",
           "ReminderWorkflow", "StepKind", "StepOutcome"]


class AccountManagerCopy(StrEnum):
    """Whether the customer's account manager gets the reminder email too: not at all, visibly, or blind."""

    NONE = "NONE"
    CC = "CC"
    BCC = "BCC"


class ActionKind(StrEnum):
    CALL = "CALL"
    LETTER = "LETTER"
    CUSTOM = "CUSTOM"


class ActionStatus(StrEnum):
    TODO = "TODO"
    DONE = "DONE"


class StepOutcome(StrEnum):
    EMAILED = "EMAILED"  # the reminder email was queued in the outbox
    NO_RECIPIENT = "NO_RECIPIENT"  # an email step, but the customer has no contact with an email to send it to
    ACTION = "ACTION"  # an action was created
    SKIPPED = "SKIPPED"  # a later step of the same kind was due as well and ran instead (planning.py)


class ReminderWorkflow(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="reminder_workflows", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=200)
    # The organization's workflow for customers without one of their own (at most one per organization: services
    # clear the others in the same transaction).
    is_default = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    organization_id: int

    class Meta:
        table = "reminder_workflow"
        unique_together = (("organization", "name"),)


class ReminderStep(Model):
    id = fields.IntField(primary_key=True)
    workflow: fields.ForeignKeyRelation[ReminderWorkflow] = fields.ForeignKeyField(
        "models.ReminderWorkflow", related_name="steps", on_delete=fields.CASCADE
    )
    # Days relative to the invoice's due date: -3 is three days before, +7 a week after.
    offset_days = fields.IntField()
    kind = fields.CharEnumField(StepKind, max_length=16)
    # EMAIL: {"en": {"subject": ..., "body": ...}, ...}; a language without an entry uses the built-in text.
    templates: fields.JSONField[dict[str, dict[str, str]]] = fields.JSONField(default=dict)
    copy_account_manager = fields.CharEnumField(AccountManagerCopy, max_length=8, default=AccountManagerCopy.NONE)
    # ACTION: what the account manager is to do, and within how many days of the step's day.
    action_kind = fields.CharEnumField(ActionKind, max_length=16, null=True)
    action_text = fields.CharField(max_length=500, default="")
    action_due_days = fields.IntField(default=0)

    workflow_id: int

    class Meta:
        table = "reminder_step"


class InvoiceStepRun(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="invoice_step_runs", on_delete=fields.CASCADE
    )
    invoice: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Invoice", related_name="step_runs", on_delete=fields.CASCADE
    )
    step: fields.ForeignKeyRelation[ReminderStep] = fields.ForeignKeyField(
        "models.ReminderStep", related_name="runs", on_delete=fields.CASCADE
    )
    outcome = fields.CharEnumField(StepOutcome, max_length=16)
    email: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.OutboxEmail", related_name="step_runs", null=True, on_delete=fields.SET_NULL
    )
    action: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Action", related_name="step_runs", null=True, on_delete=fields.SET_NULL
    )
    ran_at = fields.DatetimeField()

    organization_id: int
    invoice_id: int
    step_id: int
    email_id: int | None
    action_id: int | None

    class Meta:
        table = "invoice_step_run"
        unique_together = (("invoice", "step"),)


class Action(Model):
    """A task for an account manager: call the customer, send a letter, or what the step's text says."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="actions", on_delete=fields.CASCADE
    )
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Customer", related_name="actions", on_delete=fields.CASCADE
    )
    # Null: the customer had no account manager when the step ran; managers see it and assign it.
    assignee: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="assigned_actions", null=True, on_delete=fields.SET_NULL
    )
    kind = fields.CharEnumField(ActionKind, max_length=16)
    text = fields.CharField(max_length=500, default="")
    due_on = fields.DateField()
    status = fields.CharEnumField(ActionStatus, max_length=8, default=ActionStatus.TODO)
    done_at = fields.DatetimeField(null=True)
    done_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="completed_actions", null=True, on_delete=fields.SET_NULL
    )
    note = fields.TextField(default="")
    # The invoice it is about when there is one (a step that ran for several invoices of the customer leaves it
    # null; `InvoiceStepRun.action` links each of them), and the step that created it (null: made by hand).
    invoice: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Invoice", related_name="actions", null=True, on_delete=fields.SET_NULL
    )
    step: fields.ForeignKeyNullableRelation[ReminderStep] = fields.ForeignKeyField(
        "models.ReminderStep", related_name="actions", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    customer_id: int
    assignee_id: int | None
    done_by_id: int | None
    invoice_id: int | None
    step_id: int | None

    class Meta:
        table = "action"
        indexes = (("organization_id", "status", "assignee_id"), ("organization_id", "due_on"))
