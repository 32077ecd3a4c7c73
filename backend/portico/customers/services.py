"""Customer and contact operations (seed 001) and account-manager assignments (seed 004)."""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts.models import Member, Organization
from portico.actors import Actor
from portico.customers import rules
from portico.customers.models import Contact, Customer, CustomerKind, CustomerModule
from portico.errors import DomainError, NotFound
from portico.hubs import welcome
from portico.settings import Settings
from portico.validation import Checker, search_term

MAX_BULK = 500


def search_customers(
    actor: Actor,
    *,
    search: str | None = None,
    kind: CustomerKind | None = None,
    hub_access: bool | None = None,
    account_manager_id: int | None = None,
) -> QuerySet[Customer]:
    """Visible customers matching the filters (name or a contact's name/email contains `search`)."""
    qs = policy.customers_visible_to(actor)
    term = search_term(search)
    if term:
        # Only the contacts the caller may see: a contact searching must not learn co-contacts' addresses by
        # probing which strings still match their own customer.
        matching = Subquery(
            policy.contacts_visible_to(actor).filter(email__icontains=term).values_list("customer_id", flat=True)
        )
        qs = qs.filter(Q(name_key__contains=term) | Q(id__in=matching))
    if kind is not None:
        qs = qs.filter(kind=kind)
    if hub_access is not None:
        qs = qs.filter(hub_access=hub_access)
    if account_manager_id is not None:
        qs = qs.filter(
            id__in=Subquery(Customer.filter(account_managers__id=account_manager_id).values_list("id", flat=True))
        )
    return qs


async def get_customer(actor: Actor, customer_id: int, field: str = "customerId") -> Customer:
    customer = await policy.customers_visible_to(actor).filter(id=customer_id).first()
    if customer is None:
        raise NotFound("Customer", field)
    return customer


def _modules(values: list[CustomerModule]) -> list[str]:
    return sorted({m.value for m in values})


async def _allows_missing_email(actor: Actor) -> bool:
    """Read fresh: an admin may have just switched the setting in another tab."""
    org = await Organization.get(id=actor.organization_id)
    return org.allow_contacts_without_email


async def require_contact_for_hub_access(customer: Customer) -> None:
    """Seed 001: a company needs at least one contact with hub access before hub access can be switched on (a
    private person is their own contact)."""
    if customer.kind is CustomerKind.COMPANY and not await Contact.filter(
        customer_id=customer.id, hub_access=True
    ).exists():
        raise DomainError(
            "NEEDS_CONTACT", "Add a contact with hub access before switching on hub access for this company.",
            "hubAccess",
        )


async def create_customer(
    actor: Actor,
    *,
    kind: CustomerKind,
    name: str,
    hub_access: bool,
    modules: list[CustomerModule],
    first_name: str | None = None,
    last_name: str | None = None,
    email: str | None = None,
    send_welcome: bool = False,
    settings: Settings | None = None,
) -> Customer:
    """A company (optionally with its first, primary, contact), or a private person who is also the customer's
    single (primary) contact; with `send_welcome`, that contact's welcome email too, all in one transaction.

    The member who creates a customer becomes its account manager, so a MEMBER keeps seeing what they created.
    """
    member = policy.require_customer_editor(actor)
    check = Checker()
    person: rules.ContactFields | None = None
    gave_contact = any((value or "").strip() for value in (first_name, last_name, email))
    if kind is CustomerKind.PERSON or gave_contact:
        person = rules.contact_fields(
            check, first=first_name, last=last_name, email=email,
            allow_missing_email=await _allows_missing_email(actor),
        )
    if kind is CustomerKind.PERSON:
        assert person is not None
        display = (name or "").strip() or f"{person.first_name} {person.last_name}".strip()
        rules.customer_name(check, display)
    else:
        display = rules.customer_name(check, name)
    if hub_access and person is None and kind is CustomerKind.COMPANY:
        check.add("NEEDS_CONTACT", "Add a contact to give this company hub access.", "hubAccess")
    if send_welcome and not hub_access:
        check.add("HUB_ACCESS_OFF", "Switch on hub access to send the welcome email.", "sendWelcome")
    check.raise_if_any()
    async with in_transaction():
        customer = await Customer.create(
            organization_id=actor.organization_id,
            kind=kind,
            name=display,
            name_key=display.lower(),
            hub_access=hub_access,
            modules=_modules(modules),
            created_by=member,
        )
        await customer.account_managers.add(member)
        if person is not None:
            contact = await Contact.create(
                customer=customer,
                organization_id=customer.organization_id,
                first_name=person.first_name,
                last_name=person.last_name,
                email=person.email,
                hub_access=True,
                is_primary=True,
            )
            if send_welcome:
                assert settings is not None and actor.organization is not None
                await welcome.enqueue_welcome(settings, actor.organization, member, customer, contact)
    return customer


async def update_customer(
    actor: Actor,
    *,
    customer_id: int,
    name: str | None,
    hub_access: bool | None,
    modules: list[CustomerModule] | None,
) -> Customer:
    policy.require_customer_editor(actor)
    customer = await get_customer(actor, customer_id)
    check = Checker()
    if name is not None:
        customer.name = rules.customer_name(check, name)
        customer.name_key = customer.name.lower()
    if modules is not None:
        customer.modules = _modules(modules)
    check.raise_if_any()
    if hub_access is not None and hub_access != customer.hub_access:
        if hub_access:
            await require_contact_for_hub_access(customer)
        customer.hub_access = hub_access
        customer.hub_access_switched_off_at = None if hub_access else datetime.now(UTC)
    await customer.save()
    return customer


async def add_contact(
    actor: Actor,
    *,
    customer_id: int,
    first_name: str,
    last_name: str,
    email: str | None,
    hub_access: bool,
    is_primary: bool,
) -> Contact:
    policy.require_customer_editor(actor)
    customer = await get_customer(actor, customer_id)
    if customer.kind is CustomerKind.PERSON and await Contact.filter(customer_id=customer.id).exists():
        raise DomainError("PERSON_HAS_ONE_CONTACT", "A private person is their own single contact.", "customerId")
    check = Checker()
    fields = rules.contact_fields(
        check, first=first_name, last=last_name, email=email, allow_missing_email=await _allows_missing_email(actor)
    )
    check.raise_if_any()
    try:
        async with in_transaction():
            if is_primary or not await Contact.filter(customer_id=customer.id).exists():
                await Contact.filter(customer_id=customer.id).update(is_primary=False)
                is_primary = True
            return await Contact.create(
                customer=customer,
                organization_id=customer.organization_id,
                first_name=fields.first_name,
                last_name=fields.last_name,
                email=fields.email,
                hub_access=hub_access,
                is_primary=is_primary,
            )
    except IntegrityError:
        raise DomainError("EMAIL_TAKEN", "This customer already has a contact with this email.", "email") from None


async def get_contact(actor: Actor, contact_id: int) -> Contact:
    contact = await policy.contacts_visible_to(actor).filter(id=contact_id).first()
    if contact is None:
        raise NotFound("Contact", "contactId")
    return contact


async def update_contact(
    actor: Actor,
    *,
    contact_id: int,
    first_name: str | None,
    last_name: str | None,
    email: str | None,
    hub_access: bool | None,
    is_primary: bool | None,
    clear_email: bool = False,
) -> Contact:
    """Change what is given (None: unchanged). An email is cleared only by asking (`clear_email`, the API's explicit
    null or ""), and only where the organization allows contacts without email; else that is an error."""
    policy.require_customer_editor(actor)
    contact = await get_contact(actor, contact_id)
    check = Checker()
    if first_name is not None:
        contact.first_name = rules.first_name(check, first_name)
    if last_name is not None:
        contact.last_name = rules.last_name(check, last_name)
    if clear_email or email is not None:
        contact.email = rules.contact_email(
            check, None if clear_email else email, required=not await _allows_missing_email(actor)
        )
    if hub_access is not None:
        contact.hub_access = hub_access
    check.raise_if_any()
    try:
        async with in_transaction():
            if is_primary:
                await Contact.filter(customer_id=contact.customer_id).update(is_primary=False)
                contact.is_primary = True
            await contact.save()
    except IntegrityError:
        raise DomainError("EMAIL_TAKEN", "This customer already has a contact with this email.", "email") from None
    if hub_access is False:
        from portico.accounts.sessions import end_all_sessions

        await end_all_sessions(contact_id=contact.id)
    return contact


async def delete_contact(actor: Actor, *, contact_id: int) -> Contact:
    policy.require_customer_editor(actor)
    contact = await get_contact(actor, contact_id)
    customer = await Customer.get(id=contact.customer_id)
    if customer.kind is CustomerKind.PERSON:
        raise DomainError("PERSON_CONTACT", "A private person's contact is the customer itself.", "contactId")
    async with in_transaction():
        await contact.delete()
        if contact.is_primary:
            successor = await Contact.filter(customer_id=customer.id).order_by("id").first()
            if successor is not None:
                successor.is_primary = True
                await successor.save(update_fields=["is_primary"])
    return contact


# The through table of Customer.account_managers (see its model): written set-based below.
ACCOUNT_MANAGERS_TABLE = "customer_account_manager"


async def _bulk_targets(
    actor: Actor, customer_ids: list[int], member_ids: list[int], *, assigning: bool = True
) -> tuple[list[Customer], list[Member]]:
    if not customer_ids:
        raise DomainError("REQUIRED", "Choose at least one customer.", "customerIds")
    if not member_ids:
        raise DomainError("REQUIRED", "Choose at least one account manager.", "memberIds")
    if len(customer_ids) > MAX_BULK:
        raise DomainError("TOO_MANY", f"At most {MAX_BULK} customers at once.", "customerIds")
    wanted = set(customer_ids)
    customers = await policy.customers_visible_to(actor).filter(id__in=wanted)
    if len(customers) != len(wanted):
        raise NotFound("Customer", "customerIds")
    members = await policy.members_visible_to(actor).filter(id__in=set(member_ids), is_active=True)
    if len(members) != len(set(member_ids)):
        raise NotFound("Member", "memberIds")
    if assigning and (not_flagged := sorted(m.email for m in members if not m.is_account_manager)):
        # Issue 11: only members flagged as account managers get a portfolio (removing anyone is fine).
        raise DomainError("NOT_AN_ACCOUNT_MANAGER", f"Not an account manager: {', '.join(not_flagged)}.",
                          "memberIds")
    return customers, members


async def assign_account_managers(actor: Actor, *, customer_ids: list[int], member_ids: list[int]) -> list[Customer]:
    """Assign every member to every customer (one by one, or a bulk selection); already assigned is fine.

    One statement for the whole selection, whatever its size (issue 8, point 4): the pairs already assigned are
    left alone by the unique index, which also makes two concurrent assignments of the same pair harmless."""
    policy.require_account_manager_editor(actor)
    customers, members = await _bulk_targets(actor, customer_ids, member_ids)
    async with in_transaction() as connection:
        await add_account_manager_pairs(connection, [(c.id, m.id) for c in customers for m in members])
    return customers


async def add_account_manager_pairs(connection: BaseDBAsyncClient, pairs: list[tuple[int, int]]) -> None:
    """(customer id, member id) pairs into the through table in one statement (the import uses it too); pairs
    already there are left alone. The ids come from the database, never from input: they are formatted as ints."""
    if not pairs:
        return
    values = ", ".join(f"({int(c)}, {int(m)})" for c, m in pairs)
    await connection.execute_query(
        f'INSERT INTO "{ACCOUNT_MANAGERS_TABLE}" ("customer_id", "member_id") VALUES {values} ON CONFLICT DO NOTHING'
    )


async def unassign_account_managers(
    actor: Actor, *, customer_ids: list[int], member_ids: list[int]
) -> list[Customer]:
    """Remove every member from every customer, in one statement."""
    policy.require_account_manager_editor(actor)
    customers, members = await _bulk_targets(actor, customer_ids, member_ids, assigning=False)
    async with in_transaction() as connection:
        await connection.execute_query(
            f'DELETE FROM "{ACCOUNT_MANAGERS_TABLE}" WHERE {_pairs_leaving(customers, members, replacing=False)}'
        )
    return customers


async def replace_account_managers(
    actor: Actor, *, customer_ids: list[int], member_ids: list[int]
) -> list[Customer]:
    """Make the members the only account managers of every customer (issue 11, bulk from a selection): one DELETE and
    one INSERT for the whole selection, in one transaction."""
    policy.require_account_manager_editor(actor)
    customers, members = await _bulk_targets(actor, customer_ids, member_ids)
    async with in_transaction() as connection:
        # Only the pairs that go: the kept ones stay (the INSERT skips them), so the DELETE removes exactly what
        # `removed_assignments` counted for the dialog's confirmation.
        await connection.execute_query(
            f'DELETE FROM "{ACCOUNT_MANAGERS_TABLE}" WHERE {_pairs_leaving(customers, members, replacing=True)}'
        )
        await add_account_manager_pairs(connection, [(c.id, m.id) for c in customers for m in members])
    return customers


def _pairs_leaving(customers: list[Customer], members: list[Member], *, replacing: bool) -> str:
    """The through table's rows REPLACE (every other member's) or REMOVE (these members') takes off these customers.
    The ids come from the database, never from input: they are formatted as ints."""
    customer_list = ", ".join(str(int(c.id)) for c in customers)
    member_list = ", ".join(str(int(m.id)) for m in members)
    return f'"customer_id" IN ({customer_list}) AND "member_id" {"NOT IN" if replacing else "IN"} ({member_list})'


async def removed_assignments(actor: Actor, *, customer_ids: list[int], member_ids: list[int], mode: str) -> int:
    """How many current (customer, account manager) assignments `mode` (ADD, REMOVE or REPLACE) would take off this
    selection, checked exactly as the write is (same errors), writing nothing: what the bulk dialog confirms."""
    policy.require_account_manager_editor(actor)
    customers, members = await _bulk_targets(actor, customer_ids, member_ids, assigning=mode != "REMOVE")
    if mode == "ADD":
        return 0
    _, rows = await connections.get("default").execute_query(
        f'SELECT COUNT(*) AS "n" FROM "{ACCOUNT_MANAGERS_TABLE}" WHERE '
        f'{_pairs_leaving(customers, members, replacing=mode == "REPLACE")}'
    )
    return int(rows[0]["n"])
