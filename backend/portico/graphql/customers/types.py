"""GraphQL types of the customers domain: Customer, Contact."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from portico import policy
from portico.actors import Actor
from portico.customers import models
from portico.graphql import scopes
from portico.graphql.accounts.types import MemberType
from portico.graphql.context import Info
from portico.graphql.node import Node, register_node
from portico.graphql.relay import Edge, PageInfo, encode_id
from portico.hubs import welcome

if TYPE_CHECKING:
    from portico.graphql.hubs.types import HubType
    from portico.graphql.quotes.types import QuoteType
    from portico.graphql.receivables.workflows import ReminderWorkflowType

CustomerKind = strawberry.enum(models.CustomerKind, name="CustomerKind")
CustomerModule = strawberry.enum(models.CustomerModule, name="CustomerModule")
InvitationStatus = strawberry.enum(
    welcome.InvitationStatus, name="InvitationStatus",
    description="NEVER_INVITED: no email with a hub link yet; INVITED: sent one (invitedAt); SIGNED_IN: signed in "
    "to the hub (lastSignedInAt).",
)


@strawberry.type(name="Contact", description=f"A person at a customer who may sign in to its hub. {scopes.CUSTOMERS}")
class ContactType(Node):
    first_name: str
    last_name: str
    full_name: str
    email: str | None
    hub_access: bool
    is_primary: bool
    has_password: bool
    invitation_status: InvitationStatus  # type: ignore[valid-type]
    invited_at: datetime | None = strawberry.field(description="The newest email that carried a hub link to them.")
    last_signed_in_at: datetime | None
    created_at: datetime
    customer_id: strawberry.Private[int]
    model: strawberry.Private[models.Contact]

    @classmethod
    def from_model(cls, c: models.Contact) -> ContactType:
        return cls(
            id=encode_id("Contact", c.id),
            first_name=c.first_name,
            last_name=c.last_name,
            full_name=c.full_name,
            email=c.email,
            hub_access=c.hub_access,
            is_primary=c.is_primary,
            has_password=c.password_hash is not None,
            invitation_status=welcome.status_of(c).status,
            invited_at=c.invited_at,
            last_signed_in_at=c.last_signed_in_at,
            created_at=c.created_at,
            customer_id=c.customer_id,
            model=c,
        )

    @strawberry.field(
        description="Why no welcome email can be sent to this contact now (no email, hub access off), or null."
    )
    async def welcome_unavailable_reason(self, info: Info) -> str | None:
        customer = await info.context.loaders.customer_by_id.load(self.customer_id)
        assert customer is not None
        blocker = welcome.welcome_blocker(customer, self.model)
        return blocker.problems[0].message if blocker else None

    @strawberry.field
    async def customer(self, info: Info) -> CustomerType:
        customer = await info.context.loaders.customer_by_id.load(self.customer_id)
        assert customer is not None  # a visible contact belongs to a visible customer
        return CustomerType.from_model(customer)


@strawberry.type(
    name="Customer", description=f"A company or a private person the organization shares with. {scopes.CUSTOMERS}"
)
class CustomerType(Node):
    kind: CustomerKind  # type: ignore[valid-type]
    name: str
    hub_access: bool
    modules: list[CustomerModule]  # type: ignore[valid-type]
    created_at: datetime
    primary_contact_manages_permissions: bool = strawberry.field(
        description="Seed 003: the primary contact may change folder permissions for their co-contacts."
    )
    reminders_paused: bool = strawberry.field(description="Reminder workflows leave the customer alone (a dispute).")
    pk: strawberry.Private[int]
    reminder_workflow_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, c: models.Customer) -> CustomerType:
        return cls(
            id=encode_id("Customer", c.id),
            kind=c.kind,
            name=c.name,
            hub_access=c.hub_access,
            modules=[models.CustomerModule(m) for m in c.modules],
            created_at=c.created_at,
            primary_contact_manages_permissions=c.primary_contact_manages_permissions,
            reminders_paused=c.reminders_paused,
            pk=c.id,
            reminder_workflow_id=c.reminder_workflow_id,
        )

    @strawberry.field
    async def contacts(self, info: Info) -> list[ContactType]:
        return [ContactType.from_model(c) for c in await info.context.loaders.contacts_by_customer_id.load(self.pk)]

    @strawberry.field
    async def primary_contact(self, info: Info) -> ContactType | None:
        contacts = await info.context.loaders.contacts_by_customer_id.load(self.pk)
        primary = next((c for c in contacts if c.is_primary), None)
        return ContactType.from_model(primary) if primary else None

    @strawberry.field
    async def account_managers(self, info: Info) -> list[MemberType]:
        members = await info.context.loaders.account_managers_by_customer_id.load(self.pk)
        return [MemberType.from_model(m) for m in members]


    @strawberry.field(description="The customer's own reminder workflow; null: the organization's default. "
                      "API keys need INVOICES_READ.")
    async def reminder_workflow(
        self, info: Info
    ) -> Annotated[ReminderWorkflowType, strawberry.lazy("portico.graphql.receivables.workflows")] | None:
        from portico.graphql.receivables.workflows import ReminderWorkflowType, workflow_by_id

        if self.reminder_workflow_id is None:
            return None
        found = await workflow_by_id(info, self.reminder_workflow_id)
        return ReminderWorkflowType.from_model(found) if found else None

    @strawberry.field(description=f"The customer's hub; null until the first share. {scopes.DOCUMENTS}")
    async def hub(self, info: Info) -> Annotated[HubType, strawberry.lazy("portico.graphql.hubs.types")] | None:
        from portico.graphql.hubs.types import hub_of_customer

        return await hub_of_customer(info, self.pk)

    @strawberry.field(description="The customer's quotes the caller may see, newest first (at most 200; the "
                      "`quotes` query pages and filters). API keys need QUOTES_READ.")
    async def quotes(
        self, info: Info
    ) -> list[Annotated[QuoteType, strawberry.lazy("portico.graphql.quotes.types")]]:
        from portico.graphql.quotes.types import quotes_of_customer

        return await quotes_of_customer(info, self.pk)


@strawberry.type
class CustomerConnection:
    edges: list[Edge[CustomerType]]
    page_info: PageInfo
    total_count: int


async def _customer_node(actor: Actor, pk: int) -> CustomerType | None:
    c = await policy.customers_visible_to(actor).filter(id=pk).first()
    return CustomerType.from_model(c) if c else None


async def _contact_node(actor: Actor, pk: int) -> ContactType | None:
    c = await policy.contacts_visible_to(actor).filter(id=pk).first()
    return ContactType.from_model(c) if c else None


register_node("Customer", _customer_node)
register_node("Contact", _contact_node)
