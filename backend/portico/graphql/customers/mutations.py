"""Mutations of the customers domain."""

from __future__ import annotations

from enum import Enum

import strawberry

from portico.customers import services
from portico.customers.models import CustomerModule as ModuleEnum
from portico.graphql import scopes
from portico.graphql.context import Info
from portico.graphql.customers.types import ContactType, CustomerKind, CustomerModule, CustomerType
from portico.graphql.errors import UserError, mutate
from portico.graphql.relay import decode_id, decode_ids


@strawberry.input
class CreateCustomerInput:
    kind: CustomerKind  # type: ignore[valid-type]
    name: str = strawberry.field(description="The company's name, or the person's full name.")
    hub_access: bool = False
    modules: list[CustomerModule] = strawberry.field(default_factory=lambda: [ModuleEnum.DOCUMENTS])  # type: ignore[valid-type]
    first_name: str | None = strawberry.field(default=None, description="PERSON only: the person is the contact.")
    last_name: str | None = None
    email: str | None = strawberry.field(
        default=None, description="PERSON: the person's email; COMPANY: with the names, its first (primary) contact."
    )
    send_welcome: bool = strawberry.field(
        default=False, description="Send the contact's welcome email at once (needs hub access and an email)."
    )


@strawberry.input
class UpdateCustomerInput:
    customer_id: strawberry.ID
    name: str | None = None
    hub_access: bool | None = None
    modules: list[CustomerModule] | None = None  # type: ignore[valid-type]


@strawberry.type
class CustomerPayload:
    customer: CustomerType | None = None
    errors: list[UserError]


@strawberry.input
class AddContactInput:
    customer_id: strawberry.ID
    first_name: str
    last_name: str
    email: str | None = None
    hub_access: bool = True
    is_primary: bool = False


@strawberry.input
class UpdateContactInput:
    contact_id: strawberry.ID
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="Left out: unchanged. null or \"\": remove the address, where the organization allows contacts "
        "without email (else REQUIRED).",
    )
    hub_access: bool | None = None
    is_primary: bool | None = None


@strawberry.input
class DeleteContactInput:
    contact_id: strawberry.ID


@strawberry.type
class ContactPayload:
    contact: ContactType | None = None
    errors: list[UserError]


@strawberry.enum(description="ADD the members to each customer's account managers, REMOVE them, or REPLACE the "
                 "account managers with exactly them.")
class AccountManagerMode(Enum):
    ADD = "ADD"
    REMOVE = "REMOVE"
    REPLACE = "REPLACE"


@strawberry.input
class AccountManagersInput:
    customer_ids: list[strawberry.ID]
    member_ids: list[strawberry.ID]
    mode: AccountManagerMode = strawberry.field(
        default=AccountManagerMode.ADD, description="assignAccountManagers only (unassign always removes)."
    )
    dry_run: bool = strawberry.field(
        default=False, description="assignAccountManagers only: check everything and count `removedAssignments`, "
        "write nothing (the bulk dialog's confirmation of a REPLACE)."
    )


@strawberry.type
class AccountManagersPayload:
    customers: list[CustomerType] = strawberry.field(default_factory=list)
    removed_assignments: int | None = strawberry.field(
        default=None, description="With dryRun: how many current (customer, account manager) assignments the "
        "mode would remove (REPLACE: every other member's; REMOVE: these members'; ADD: none)."
    )
    errors: list[UserError]


@strawberry.type
class CustomerMutations:
    @strawberry.mutation(
        description="Create a company or a private person (who is then its own contact). API keys need CUSTOMERS_WRITE."
    )
    async def create_customer(self, info: Info, input: CreateCustomerInput) -> CustomerPayload:
        async def work() -> dict[str, object]:
            customer = await services.create_customer(
                info.context.actor.require_signed_in(),
                kind=input.kind,
                name=input.name,
                hub_access=input.hub_access,
                modules=list(input.modules),
                first_name=input.first_name,
                last_name=input.last_name,
                email=input.email,
                send_welcome=input.send_welcome,
                settings=info.context.settings,
            )
            return {"customer": CustomerType.from_model(customer)}

        return await mutate(CustomerPayload, work)

    @strawberry.mutation(description=scopes.CUSTOMERS_WRITE)
    async def update_customer(self, info: Info, input: UpdateCustomerInput) -> CustomerPayload:
        async def work() -> dict[str, object]:
            customer = await services.update_customer(
                info.context.actor.require_signed_in(),
                customer_id=decode_id(input.customer_id, "Customer", "customerId"),
                name=input.name,
                hub_access=input.hub_access,
                modules=list(input.modules) if input.modules is not None else None,
            )
            return {"customer": CustomerType.from_model(customer)}

        return await mutate(CustomerPayload, work)

    @strawberry.mutation(description=scopes.CUSTOMERS_WRITE)
    async def add_contact(self, info: Info, input: AddContactInput) -> ContactPayload:
        async def work() -> dict[str, object]:
            contact = await services.add_contact(
                info.context.actor.require_signed_in(),
                customer_id=decode_id(input.customer_id, "Customer", "customerId"),
                first_name=input.first_name,
                last_name=input.last_name,
                email=input.email,
                hub_access=input.hub_access,
                is_primary=input.is_primary,
            )
            return {"contact": ContactType.from_model(contact)}

        return await mutate(ContactPayload, work)

    @strawberry.mutation(description=scopes.CUSTOMERS_WRITE)
    async def update_contact(self, info: Info, input: UpdateContactInput) -> ContactPayload:
        # Left out (UNSET) keeps the address; an explicit null is "" here: a request to remove it.
        given = None if input.email is strawberry.UNSET else (input.email or "")

        async def work() -> dict[str, object]:
            contact = await services.update_contact(
                info.context.actor.require_signed_in(),
                contact_id=decode_id(input.contact_id, "Contact", "contactId"),
                first_name=input.first_name,
                last_name=input.last_name,
                email=None if given is None else given,
                clear_email=given is not None and not given.strip(),
                hub_access=input.hub_access,
                is_primary=input.is_primary,
            )
            return {"contact": ContactType.from_model(contact)}

        return await mutate(ContactPayload, work)

    @strawberry.mutation(description=scopes.CUSTOMERS_WRITE)
    async def delete_contact(self, info: Info, input: DeleteContactInput) -> ContactPayload:
        async def work() -> dict[str, object]:
            contact = await services.delete_contact(
                info.context.actor.require_signed_in(), contact_id=decode_id(input.contact_id, "Contact", "contactId")
            )
            return {"contact": ContactType.from_model(contact)}

        return await mutate(ContactPayload, work)

    @strawberry.mutation(
        description="Assign members (flagged as account managers) to customers, one or many at once: `mode` ADD, "
        f"REMOVE or REPLACE. ADMIN and MANAGER. {scopes.CUSTOMERS_WRITE}"
    )
    async def assign_account_managers(self, info: Info, input: AccountManagersInput) -> AccountManagersPayload:
        async def work() -> dict[str, object]:
            if input.dry_run:
                removed = await services.removed_assignments(
                    info.context.actor.require_signed_in(),
                    customer_ids=decode_ids(input.customer_ids, "Customer", "customerIds"),
                    member_ids=decode_ids(input.member_ids, "Member", "memberIds"), mode=input.mode.value,
                )
                return {"customers": [], "removed_assignments": removed}
            operation = {
                AccountManagerMode.ADD: services.assign_account_managers,
                AccountManagerMode.REMOVE: services.unassign_account_managers,
                AccountManagerMode.REPLACE: services.replace_account_managers,
            }[input.mode]
            customers = await operation(
                info.context.actor.require_signed_in(),
                customer_ids=decode_ids(input.customer_ids, "Customer", "customerIds"),
                member_ids=decode_ids(input.member_ids, "Member", "memberIds"),
            )
            return {"customers": [CustomerType.from_model(c) for c in customers]}

        return await mutate(AccountManagersPayload, work)

    @strawberry.mutation(description=scopes.CUSTOMERS_WRITE)
    async def unassign_account_managers(self, info: Info, input: AccountManagersInput) -> AccountManagersPayload:
        async def work() -> dict[str, object]:
            customers = await services.unassign_account_managers(
                info.context.actor.require_signed_in(),
                customer_ids=decode_ids(input.customer_ids, "Customer", "customerIds"),
                member_ids=decode_ids(input.member_ids, "Member", "memberIds"),
            )
            return {"customers": [CustomerType.from_model(c) for c in customers]}

        return await mutate(AccountManagersPayload, work)
