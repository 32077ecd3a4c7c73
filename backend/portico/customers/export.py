"""Export of the customer list (issue 9, point 4): the customers the caller sees, filtered like the `customers`
query, one row per contact (a customer without contacts has one row with the contact columns empty), in the column
order and with the headers of `columns.COLUMNS`, so that the file imports back unchanged. The "Account Manager"
column holds the customer's account managers' emails separated by ";" (account_manager_column.py).

Rows are produced a page at a time (keyset over name, id), with the page's contacts in one query: memory stays flat
whatever the number of customers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from portico import policy
from portico.actors import Actor
from portico.customers import account_manager_column
from portico.customers.columns import COLUMNS, ImportField, format_bool
from portico.customers.models import Contact, Customer

PAGE = 500


def _customer_values(customer: Customer, managers: tuple[str, ...]) -> dict[ImportField, str]:
    return {
        ImportField.ACCOUNT_MANAGERS: account_manager_column.format_cell(managers),
        ImportField.EXTERNAL_REF: customer.external_ref or "",
        ImportField.CUSTOMER_NAME: customer.name,
        ImportField.CUSTOMER_KIND: customer.kind.value,
        ImportField.CUSTOMER_HUB_ACCESS: format_bool(customer.hub_access),
    }


def _contact_values(contact: Contact | None) -> dict[ImportField, str]:
    if contact is None:
        return {}
    return {
        ImportField.CONTACT_FIRST_NAME: contact.first_name,
        ImportField.CONTACT_LAST_NAME: contact.last_name,
        ImportField.CONTACT_EMAIL: contact.email or "",
        ImportField.CONTACT_HUB_ACCESS: format_bool(contact.hub_access),
    }


async def export_rows(actor: Actor, customers: QuerySet[Customer]) -> AsyncIterator[list[str]]:
    """The rows (no header) for `customers`, a queryset already restricted by `policy.customers_visible_to`
    (`services.search_customers` gives one). Contacts come through `policy.contacts_visible_to` too."""
    after: tuple[str, int] | None = None
    while True:
        page = customers.order_by("name_key", "id")
        if after is not None:
            page = page.filter(Q(name_key__gt=after[0]) | Q(name_key=after[0], id__gt=after[1]))
        batch = await page.limit(PAGE)
        if not batch:
            return
        contacts: dict[int, list[Contact]] = defaultdict(list)
        for found in await policy.contacts_visible_to(actor).filter(
            customer_id__in=[c.id for c in batch]
        ).order_by("id"):
            contacts[found.customer_id].append(found)
        managers = await account_manager_column.current_managers([c.id for c in batch], None)
        for customer in batch:
            people: list[Contact | None] = [*contacts.get(customer.id, [])] or [None]
            for contact in people:
                values = {**_customer_values(customer, managers.get(customer.id, ())), **_contact_values(contact)}
                yield [values.get(column.field, "") for column in COLUMNS]
        after = (batch[-1].name_key, batch[-1].id)
