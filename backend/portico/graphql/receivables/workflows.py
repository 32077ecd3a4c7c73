"""GraphQL of reminder workflows (issue 11, point 3): the organization's workflows, saving one whole (name and
steps), deleting, and per customer its own workflow and a pause. Thin: `receivables.workflows` does the work."""

from __future__ import annotations

import strawberry

from portico import policy
from portico.actors import Actor
from portico.graphql.context import Info
from portico.graphql.customers.types import CustomerType
from portico.graphql.errors import UserError, mutate
from portico.graphql.node import Node, register_node
from portico.graphql.relay import decode_id, encode_id
from portico.receivables import workflow_models as models
from portico.receivables import workflows as services

READ = "API keys need INVOICES_READ."
WRITE = "ADMIN and MANAGER members (API keys acting as one need INVOICES_WRITE)."

StepKind = strawberry.enum(models.StepKind, name="ReminderStepKind",
                           description="EMAIL: a reminder email to the customer's contacts; ACTION: a task for the "
                           "account manager.")
AccountManagerCopy = strawberry.enum(models.AccountManagerCopy, name="AccountManagerCopy",
                                     description="Whether the account manager gets the email too: NONE, CC or BCC.")
ActionKind = strawberry.enum(models.ActionKind, name="ActionKind")


@strawberry.type
class ReminderStepTemplate:
    language: str
    subject: str = strawberry.field(description="Empty: the built-in subject of the language.")
    body: str = strawberry.field(description="Empty: the built-in text of the language.")


@strawberry.type(name="ReminderStep")
class ReminderStepType:
    id: strawberry.ID
    offset_days: int = strawberry.field(description="Days from the invoice's due date: -3 before, 7 after.")
    kind: StepKind  # type: ignore[valid-type]
    copy_account_manager: AccountManagerCopy  # type: ignore[valid-type]
    templates: list[ReminderStepTemplate]
    action_kind: ActionKind | None  # type: ignore[valid-type]
    action_text: str
    action_due_days: int = strawberry.field(description="An action is due this many days after its step's day.")

    @classmethod
    def from_model(cls, s: models.ReminderStep) -> ReminderStepType:
        return cls(
            id=encode_id("ReminderStep", s.id), offset_days=s.offset_days, kind=s.kind,
            copy_account_manager=s.copy_account_manager,
            templates=[ReminderStepTemplate(language=lang, subject=t.get("subject", ""), body=t.get("body", ""))
                       for lang, t in sorted((s.templates or {}).items())],
            action_kind=s.action_kind, action_text=s.action_text, action_due_days=s.action_due_days,
        )


@strawberry.type(name="ReminderWorkflow", description=f"Named steps relative to invoices' due dates. {READ}")
class ReminderWorkflowType(Node):
    name: str
    is_default: bool = strawberry.field(description="Followed by customers without a workflow of their own.")
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, w: models.ReminderWorkflow) -> ReminderWorkflowType:
        return cls(id=encode_id("ReminderWorkflow", w.id), name=w.name, is_default=w.is_default, pk=w.id)

    @strawberry.field(description="In order of their day.")
    async def steps(self, info: Info) -> list[ReminderStepType]:
        steps = await info.context.loaders.get("reminder_steps_by_workflow_id", _steps_loader).load(self.pk)
        return [ReminderStepType.from_model(s) for s in steps]


def _steps_loader():  # type: ignore[no-untyped-def]
    from collections import defaultdict

    from strawberry.dataloader import DataLoader

    async def load(ids: list[int]) -> list[list[models.ReminderStep]]:
        grouped: dict[int, list[models.ReminderStep]] = defaultdict(list)
        for step in await models.ReminderStep.filter(workflow_id__in=list(set(ids))).order_by("offset_days", "id"):
            grouped[step.workflow_id].append(step)
        return [grouped.get(i, []) for i in ids]

    return DataLoader(load)


async def workflow_by_id(info: Info, pk: int) -> models.ReminderWorkflow | None:
    """Through a per-request loader restricted by policy (a customer list asks once for all its rows)."""
    from strawberry.dataloader import DataLoader

    actor = info.context.actor

    async def load(ids: list[int]) -> list[models.ReminderWorkflow | None]:
        rows = {w.id: w for w in await policy.reminder_workflows_visible_to(actor).filter(id__in=list(set(ids)))}
        return [rows.get(i) for i in ids]

    loader = info.context.loaders.get("reminder_workflow_by_id", lambda: DataLoader(load))
    found: models.ReminderWorkflow | None = await loader.load(pk)
    return found


async def _workflow_node(actor: Actor, pk: int) -> ReminderWorkflowType | None:
    found = await policy.reminder_workflows_visible_to(actor).filter(id=pk).first()
    return ReminderWorkflowType.from_model(found) if found else None


register_node("ReminderWorkflow", _workflow_node)


@strawberry.input
class ReminderStepTemplateInput:
    language: str
    subject: str = ""
    body: str = ""


@strawberry.input
class ReminderStepInput:
    id: strawberry.ID | None = strawberry.field(default=None, description="An existing step to keep (what ran for "
                                                "it stays done); null: a new step.")
    offset_days: int
    kind: StepKind  # type: ignore[valid-type]
    copy_account_manager: AccountManagerCopy = models.AccountManagerCopy.NONE  # type: ignore[valid-type]
    templates: list[ReminderStepTemplateInput] = strawberry.field(default_factory=list)
    action_kind: ActionKind | None = None  # type: ignore[valid-type]
    action_text: str = ""
    action_due_days: int = 0


@strawberry.input
class SaveReminderWorkflowInput:
    workflow_id: strawberry.ID | None = strawberry.field(default=None, description="null: a new workflow.")
    name: str
    is_default: bool | None = strawberry.field(default=None, description="null: unchanged (a new organization's "
                                               "first workflow becomes the default).")
    steps: list[ReminderStepInput] = strawberry.field(description="The whole list: steps left out are deleted.")


@strawberry.type
class ReminderWorkflowPayload:
    reminder_workflow: ReminderWorkflowType | None = None
    errors: list[UserError]


@strawberry.input
class DeleteReminderWorkflowInput:
    workflow_id: strawberry.ID


@strawberry.type
class DeleteReminderWorkflowPayload:
    deleted_id: strawberry.ID | None = None
    errors: list[UserError]


@strawberry.input
class SetCustomerRemindersInput:
    customer_id: strawberry.ID
    workflow_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description=f"Left out: unchanged; null: the default workflow. {WRITE}")
    paused: bool | None = strawberry.field(
        default=None, description="Pause or resume reminders to the customer (whoever may invoice it).")


@strawberry.type
class CustomerRemindersPayload:
    customer: CustomerType | None = None
    errors: list[UserError]


def _step_input(index: int, s: ReminderStepInput) -> services.StepInput:
    return services.StepInput(
        id=decode_id(s.id, "ReminderStep", f"steps.{index}.id", "Step") if s.id else None,
        offset_days=s.offset_days, kind=s.kind, copy_account_manager=s.copy_account_manager,
        templates=[services.StepTemplate(t.language.strip().lower(), t.subject, t.body) for t in s.templates],
        action_kind=s.action_kind, action_text=s.action_text, action_due_days=s.action_due_days,
    )


@strawberry.type
class WorkflowQueries:
    @strawberry.field(description=f"The organization's reminder workflows, by name. {READ}")
    async def reminder_workflows(self, info: Info) -> list[ReminderWorkflowType]:
        actor = info.context.actor.require_signed_in()
        return [ReminderWorkflowType.from_model(w)
                for w in await policy.reminder_workflows_visible_to(actor).order_by("name", "id")]


@strawberry.type
class WorkflowMutations:
    @strawberry.mutation(description=f"Create or change a workflow with all its steps. {WRITE}")
    async def save_reminder_workflow(self, info: Info, input: SaveReminderWorkflowInput) -> ReminderWorkflowPayload:
        async def work() -> dict[str, object]:
            workflow = await services.save_workflow(
                info.context.actor.require_signed_in(), name=input.name, is_default=input.is_default,
                workflow_id=decode_id(input.workflow_id, "ReminderWorkflow", "workflowId") if input.workflow_id
                else None,
                steps=[_step_input(i, s) for i, s in enumerate(input.steps)],
            )
            return {"reminder_workflow": ReminderWorkflowType.from_model(workflow)}

        return await mutate(ReminderWorkflowPayload, work)

    @strawberry.mutation(description=f"Delete a workflow; its customers follow the default again. {WRITE}")
    async def delete_reminder_workflow(
        self, info: Info, input: DeleteReminderWorkflowInput
    ) -> DeleteReminderWorkflowPayload:
        async def work() -> dict[str, object]:
            await services.delete_workflow(info.context.actor.require_signed_in(),
                                           decode_id(input.workflow_id, "ReminderWorkflow", "workflowId"))
            return {"deleted_id": input.workflow_id}

        return await mutate(DeleteReminderWorkflowPayload, work)

    @strawberry.mutation(description="A customer's own workflow, and pausing its reminders (a dispute).")
    async def set_customer_reminders(self, info: Info, input: SetCustomerRemindersInput) -> CustomerRemindersPayload:
        async def work() -> dict[str, object]:
            given = input.workflow_id
            customer = await services.set_customer_reminders(
                info.context.actor.require_signed_in(), decode_id(input.customer_id, "Customer", "customerId"),
                set_workflow=given is not strawberry.UNSET,
                workflow_id=decode_id(given, "ReminderWorkflow", "workflowId") if given else None,
                paused=input.paused,
            )
            return {"customer": CustomerType.from_model(customer)}

        return await mutate(CustomerRemindersPayload, work)
