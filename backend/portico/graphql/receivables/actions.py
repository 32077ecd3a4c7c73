"""GraphQL of the Actions tab (issue 11, point 4): actions to do and done, mine or (ADMIN, MANAGER) everyone's,
completed with a note, reassigned. Thin: `receivables.actions` does the work, `policy` decides who sees what."""

from __future__ import annotations

from datetime import date, datetime

import strawberry
from strawberry.dataloader import DataLoader

from portico import policy
from portico.actors import Actor
from portico.graphql.accounts.types import MemberType
from portico.graphql.context import Info
from portico.graphql.customers.types import CustomerType
from portico.graphql.errors import UserError, mutate
from portico.graphql.node import Node, register_node
from portico.graphql.receivables.workflows import ActionKind
from portico.graphql.relay import Edge, PageInfo, decode_id, edges, encode_id, keyset_page
from portico.receivables import actions as services
from portico.receivables import workflow_models as models

READ = "API keys need INVOICES_READ."

ActionStatus = strawberry.enum(models.ActionStatus, name="ActionStatus")


@strawberry.type(name="Action", description=f"A task for an account manager, made by a reminder step. {READ}")
class ActionType(Node):
    kind: ActionKind  # type: ignore[valid-type]
    text: str
    due_on: date
    status: ActionStatus  # type: ignore[valid-type]
    done_at: datetime | None
    note: str = strawberry.field(description="What came of it, written when it was completed.")
    created_at: datetime
    model: strawberry.Private[models.Action]

    @classmethod
    def from_model(cls, a: models.Action) -> ActionType:
        return cls(id=encode_id("Action", a.id), kind=a.kind, text=a.text, due_on=a.due_on, status=a.status,
                   done_at=a.done_at, note=a.note, created_at=a.created_at, model=a)

    @strawberry.field
    async def customer(self, info: Info) -> CustomerType | None:
        found = await info.context.loaders.customer_by_id.load(self.model.customer_id)
        return CustomerType.from_model(found) if found else None

    @strawberry.field(description="null: nobody yet (the customer had no account manager).")
    async def assignee(self, info: Info) -> MemberType | None:
        return await _member(info, self.model.assignee_id)

    @strawberry.field
    async def done_by(self, info: Info) -> MemberType | None:
        return await _member(info, self.model.done_by_id)

    @strawberry.field(description="The invoice's global id when the action is about one invoice.")
    def invoice_id(self) -> strawberry.ID | None:
        return encode_id("Invoice", self.model.invoice_id) if self.model.invoice_id else None

    @strawberry.field(description="The invoice's number, when the action is about one invoice the caller sees.")
    async def invoice_number(self, info: Info) -> str | None:
        if self.model.invoice_id is None:
            return None
        loader = info.context.loaders.get("invoice_number_by_id", lambda: _invoice_numbers(info.context.actor))
        number: str | None = await loader.load(self.model.invoice_id)
        return number


def _invoice_numbers(actor: Actor) -> DataLoader[int, str | None]:
    async def load(ids: list[int]) -> list[str | None]:
        rows = dict(await policy.invoices_visible_to(actor).filter(id__in=list(set(ids))).values_list("id", "number"))
        return [rows.get(i) for i in ids]  # type: ignore[misc]

    return DataLoader(load)


async def _member(info: Info, member_id: int | None) -> MemberType | None:
    if member_id is None:
        return None
    found = await info.context.loaders.member_by_id.load(member_id)
    return MemberType.from_model(found) if found else None


@strawberry.type
class ActionConnection:
    edges: list[Edge[ActionType]]
    page_info: PageInfo
    total_count: int


async def _action_node(actor: Actor, pk: int) -> ActionType | None:
    found = await policy.actions_visible_to(actor).filter(id=pk).first()
    return ActionType.from_model(found) if found else None


register_node("Action", _action_node)


@strawberry.input
class CompleteActionInput:
    action_id: strawberry.ID
    note: str = ""


@strawberry.input
class ReassignActionInput:
    action_id: strawberry.ID
    member_id: strawberry.ID = strawberry.field(description="An active account manager of the organization.")


@strawberry.type
class ActionPayload:
    action: ActionType | None = None
    errors: list[UserError]


@strawberry.type
class ActionQueries:
    @strawberry.field(description="Actions by due date: a MEMBER's own; ADMIN and MANAGER everyone's (`mine` for "
                      f"their own, `assigneeId` for one account manager's). {READ}")
    async def actions(
        self, info: Info, first: int | None = 50, after: str | None = None,
        status: ActionStatus | None = None,  # type: ignore[valid-type]
        mine: bool = False, assignee_id: strawberry.ID | None = None, customer_id: strawberry.ID | None = None,
    ) -> ActionConnection:
        actor = info.context.actor.require_signed_in()
        qs = services.search_actions(
            actor, status=status, mine=mine,
            assignee_id=decode_id(assignee_id, "Member", "assigneeId") if assignee_id else None,
            customer_id=decode_id(customer_id, "Customer", "customerId") if customer_id else None,
        )
        pairs, page = await keyset_page(qs, first=first, after=after, order=("due_on", "id"))
        return ActionConnection(edges=edges(pairs, ActionType.from_model), page_info=page,
                                total_count=await qs.count())


@strawberry.type
class ActionMutations:
    @strawberry.mutation(description="Mark an action done, with a note: the assignee, or an ADMIN or MANAGER.")
    async def complete_action(self, info: Info, input: CompleteActionInput) -> ActionPayload:
        async def work() -> dict[str, object]:
            action = await services.complete_action(info.context.actor.require_signed_in(),
                                                    decode_id(input.action_id, "Action", "actionId"), input.note)
            return {"action": ActionType.from_model(action)}

        return await mutate(ActionPayload, work)

    @strawberry.mutation(description="Hand an action to another account manager: the assignee, or an ADMIN or "
                         "MANAGER.")
    async def reassign_action(self, info: Info, input: ReassignActionInput) -> ActionPayload:
        async def work() -> dict[str, object]:
            action = await services.reassign_action(info.context.actor.require_signed_in(),
                                                    decode_id(input.action_id, "Action", "actionId"),
                                                    decode_id(input.member_id, "Member", "memberId"))
            return {"action": ActionType.from_model(action)}

        return await mutate(ActionPayload, work)
