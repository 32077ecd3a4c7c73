"""The demo's reminder workflows (`portico seed-demo`): the organization's default, with the four steps a vendor
typically uses, and one key account's own, so that `make run` shows actions and sent reminders from the start.

The steps are ordinary rows, run by the ordinary sweep (`reminders.run_due_steps`) right after seeding: what the
demo shows is what the product does, not hand-made history.
"""

from __future__ import annotations

from typing import Any

from portico.accounts.models import Organization
from portico.customers.models import Customer
from portico.receivables.workflow_models import (
    AccountManagerCopy,
    ActionKind,
    ReminderStep,
    ReminderWorkflow,
    StepKind,
)

DEFAULT_WORKFLOW = "Standard reminders"
KEY_ACCOUNT_WORKFLOW = "Key account: call first"

# The SPA's "New workflow" starts from the same four (workflowForm.ts): a friendly note before the due date, a
# reminder the day after, a second one a week late with the account manager in CC, a call after two weeks.
STANDARD_STEPS: list[dict[str, Any]] = [
    {"offset_days": -3, "kind": StepKind.EMAIL},
    {"offset_days": 1, "kind": StepKind.EMAIL},
    {"offset_days": 7, "kind": StepKind.EMAIL, "copy_account_manager": AccountManagerCopy.CC},
    {"offset_days": 15, "kind": StepKind.ACTION, "action_kind": ActionKind.CALL, "action_due_days": 3},
]

# A large customer the account manager would rather call than email: a check-in call before the due date, an email
# (own wording, in the customer's Swedish too) with the account manager in BCC, then a letter.
KEY_ACCOUNT_STEPS: list[dict[str, Any]] = [
    {"offset_days": -7, "kind": StepKind.ACTION, "action_kind": ActionKind.CUSTOM, "action_due_days": 2,
     "action_text": "Check that the invoice reached their accounts payable"},
    {"offset_days": 3, "kind": StepKind.EMAIL, "copy_account_manager": AccountManagerCopy.BCC, "templates": {
        "en": {"subject": "{customer}: {invoice_count} invoice(s) from {organization} are due",
               "body": "Hi {first_name},\n\nAccording to our books {total} is still open. If it is on its way, "
                       "thank you; otherwise {account_manager} is happy to help.\n\nBest regards,\n{organization}"},
        "sv": {"subject": "{customer}: {invoice_count} faktura(or) från {organization} har förfallit",
               "body": "Hej {first_name},\n\nEnligt vår bokföring är {total} fortfarande obetalt. Är betalningen "
                       "redan på väg, tack! Annars hjälper {account_manager} gärna till.\n\nVänliga hälsningar,\n"
                       "{organization}"},
    }},
    {"offset_days": 10, "kind": StepKind.ACTION, "action_kind": ActionKind.CALL, "action_due_days": 2},
    {"offset_days": 30, "kind": StepKind.ACTION, "action_kind": ActionKind.LETTER, "action_due_days": 5},
]


async def seed_demo_workflows(org: Organization, key_account: Customer) -> None:
    """The default workflow for every customer, and the key account's own (inside seed_demo's transaction)."""
    standard = await ReminderWorkflow.create(organization=org, name=DEFAULT_WORKFLOW, is_default=True)
    own = await ReminderWorkflow.create(organization=org, name=KEY_ACCOUNT_WORKFLOW, is_default=False)
    for workflow, steps in ((standard, STANDARD_STEPS), (own, KEY_ACCOUNT_STEPS)):
        for values in steps:
            await ReminderStep.create(workflow=workflow, **values)
    await Customer.filter(id=key_account.id).update(reminder_workflow_id=own.id)
