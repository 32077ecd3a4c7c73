"""The people a reminder batch writes to and for, one query each for the whole batch (not one per customer):
each customer's account manager, the contacts that receive reminders (`policy.contacts_receiving_reminders_of`),
and the language they were last written to in."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Subquery
from tortoise.functions import Max

from portico import policy
from portico.accounts.models import Member
from portico.customers.models import Contact
from portico.hubs.models import Share
from portico.mail.templates import normalize_language


@dataclass(frozen=True)
class Manager:
    id: int
    email: str
    full_name: str


@dataclass
class BatchPeople:
    managers: dict[int, Manager] = field(default_factory=dict)  # customer id → the account manager
    contacts: dict[int, list[Contact]] = field(default_factory=dict)  # customer id → primary first, then by id
    languages: dict[int, str] = field(default_factory=dict)  # customer id → language (missing: English)


async def read_people(customer_ids: Sequence[int], emailed_ids: Sequence[int],
                      connection: BaseDBAsyncClient) -> BatchPeople:
    """Account managers of `customer_ids`; contacts and languages only of `emailed_ids` (who get an email)."""
    people = BatchPeople()
    if not customer_ids:
        return people
    people.managers = await _managers(customer_ids, connection)
    if emailed_ids:
        people.contacts = await _contacts(emailed_ids, connection)
        people.languages = await _languages(emailed_ids, connection)
    return people


async def _managers(customer_ids: Sequence[int], connection: BaseDBAsyncClient) -> dict[int, Manager]:
    """Each customer's active account manager; with several, the longest-standing member (lowest id)."""
    found: dict[int, Manager] = {}
    rows = await Member.filter(managed_customers__id__in=list(customer_ids), is_active=True).using_db(
        connection).order_by("id").values("id", "email", "first_name", "last_name", customer="managed_customers__id")
    for row in rows:
        name = f"{row['first_name']} {row['last_name']}".strip()
        found.setdefault(int(row["customer"]), Manager(int(row["id"]), str(row["email"]), name))
    return found


async def _contacts(customer_ids: Sequence[int], connection: BaseDBAsyncClient) -> dict[int, list[Contact]]:
    found: dict[int, list[Contact]] = defaultdict(list)
    for contact in await policy.contacts_receiving_reminders_of(customer_ids).using_db(connection).order_by(
            "customer_id", "-is_primary", "id"):
        found[contact.customer_id].append(contact)
    return dict(found)


async def _languages(customer_ids: Sequence[int], connection: BaseDBAsyncClient) -> dict[int, str]:
    """The language of each customer's newest share (customers without one are left out: English)."""
    newest = Subquery(Share.filter(customer_id__in=list(customer_ids)).group_by("customer_id")
                      .annotate(newest=Max("id")).values("newest"))
    rows = await Share.filter(id__in=newest).using_db(connection).values_list("customer_id", "language")
    return {int(customer_id): normalize_language(str(language) if language else None)  # type: ignore[call-overload]
            for customer_id, language in rows}
