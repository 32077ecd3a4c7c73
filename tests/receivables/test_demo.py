"""`portico seed-demo` gives `make run` reminder workflows and what their first sweep did: the default workflow
(four steps), one customer's own, actions for both reps and reminder emails in the dev mailbox."""

from __future__ import annotations

from pathlib import Path

from portico.customers.models import Customer
from portico.demo import seed_demo
from portico.mail.models import OutboxEmail
from portico.receivables.demo import DEFAULT_WORKFLOW, KEY_ACCOUNT_STEPS, KEY_ACCOUNT_WORKFLOW, STANDARD_STEPS
from portico.receivables.reminders import run_due_steps
from portico.receivables.workflow_models import Action, ActionStatus, InvoiceStepRun, ReminderStep, ReminderWorkflow
from portico.receivables.workflows import StepInput, StepTemplate, _check_steps
from portico.settings import load_settings
from portico.storage.local import LocalStorage
from portico.validation import Checker


def test_the_demo_steps_pass_the_editors_checks() -> None:
    """The demo writes its rows directly: they must be what saveReminderWorkflow would accept."""
    for steps in (STANDARD_STEPS, KEY_ACCOUNT_STEPS):
        inputs = [StepInput(**{k: v for k, v in s.items() if k != "templates"},  # type: ignore[arg-type]
                            templates=[StepTemplate(language, t["subject"], t["body"])
                                       for language, t in s.get("templates", {}).items()])  # type: ignore[attr-defined]
                  for s in steps]
        check = Checker()
        _check_steps(check, inputs)
        assert check.problems == []


async def test_the_demo_has_workflows_and_their_first_sweep(db: str, tmp_path: Path) -> None:
    settings = load_settings({"DATABASE_URL": db, "DATA_DIR": str(tmp_path)})
    storage = LocalStorage(tmp_path / "files")
    await storage.start()
    await seed_demo(settings, storage)

    workflows = {w.name: w for w in await ReminderWorkflow.all()}
    assert {n: w.is_default for n, w in workflows.items()} == {DEFAULT_WORKFLOW: True, KEY_ACCOUNT_WORKFLOW: False}
    offsets = await ReminderStep.filter(workflow_id=workflows[DEFAULT_WORKFLOW].id).order_by("offset_days")
    assert [(s.offset_days, s.kind.value) for s in offsets] == [(-3, "EMAIL"), (1, "EMAIL"), (7, "EMAIL"),
                                                               (15, "ACTION")]
    own = {c.name: c.reminder_workflow_id for c in await Customer.all()}
    assert own == {"Fjord Logistics A/S": None, "Svea Bygg AB": workflows[KEY_ACCOUNT_WORKFLOW].id,
                   "Harbor Foods Ltd": None}

    # the sweep ran: both reps have actions to do, from both workflows; reminder emails wait in the outbox
    actions = await Action.filter(status=ActionStatus.TODO).prefetch_related("assignee", "customer", "step")
    assert {a.assignee.email for a in actions} == {"anna@northwind.example", "ben@northwind.example"}
    assert {(await a.step.workflow).name for a in actions} == {DEFAULT_WORKFLOW, KEY_ACCOUNT_WORKFLOW}
    assert all(a.customer.name != "Harbor Foods Ltd" for a in actions)  # nothing there is 15 days late
    emails = await OutboxEmail.filter(kind="invoice_reminder")
    recipients = {e.to_address for e in emails}
    assert {"mette@fjord-logistics.example", "erik@sveabygg.example", "olivia@harborfoods.example"} <= recipients
    svea = [e for e in emails if e.to_address == "erik@sveabygg.example"]
    assert svea and all(e.subject.startswith("Svea Bygg AB: ") for e in svea)  # the key account's own wording
    assert all(e.bcc == ["ben@northwind.example"] for e in svea)  # its account manager, blind
    runs = await InvoiceStepRun.all().count()
    assert runs > 0

    # the server's own first sweep then finds every due step done; a second seed changes nothing
    again = await run_due_steps(settings)
    assert (again.emails, again.actions, await InvoiceStepRun.all().count()) == (0, 0, runs)
    assert (await seed_demo(settings, storage))[0] == "Demo data already present."
    assert await ReminderWorkflow.all().count() == 2
