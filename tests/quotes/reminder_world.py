"""The people and quotes the reminder and expiry tests share, built straight on the models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from portico.accounts.models import Member, Organization, Role
from portico.customers.models import Contact, Customer, CustomerKind
from portico.quotes.models import Quote, QuoteStatus, QuoteVisibility
from portico.settings import Settings, load_settings

SETTINGS: Settings = load_settings({"PUBLIC_URL": "http://testserver", "SECRET_KEY": "k" * 40})
# When the quotes were sent: a Tuesday, 10:30 in Copenhagen.
SENT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@dataclass
class RemindWorld:
    org: Organization
    sender: Member
    customer: Customer  # QUOTES module and hub access on
    contact: Contact
    colleague: Contact
    no_hub: Contact  # the customer's contact without hub access
    other_customer_contact: Contact
    foreign_contact: Contact  # another organization's


async def _customer(org: Organization, name: str, modules: list[str]) -> Customer:
    return await Customer.create(organization=org, kind=CustomerKind.COMPANY, name=name, name_key=name.lower(),
                                 hub_access=True, modules=modules)


async def _contact(customer: Customer, first: str, **fields: Any) -> Contact:
    return await Contact.create(customer=customer, organization_id=customer.organization_id, first_name=first,
                                last_name="Larsen", email=f"{first.lower()}@{customer.name_key}.example", **fields)


async def build_remind_world() -> RemindWorld:
    org = await Organization.create(name="Acme", storage_quota_bytes=10**9, timezone="Europe/Copenhagen")
    other_org = await Organization.create(name="Globex", storage_quota_bytes=10**9)
    sender = await Member.create(organization=org, email="rep@acme.example", first_name="Rasmus", last_name="Rep",
                                 password_hash="-", role=Role.MEMBER)
    customer = await _customer(org, "Fjord", ["DOCUMENTS", "QUOTES"])
    other_customer = await _customer(org, "Svea", ["QUOTES"])
    foreign = await _customer(other_org, "Foreign", ["QUOTES"])
    return RemindWorld(
        org=org, sender=sender, customer=customer,
        contact=await _contact(customer, "Mette"), colleague=await _contact(customer, "Jonas"),
        no_hub=await _contact(customer, "Ida", hub_access=False),
        other_customer_contact=await _contact(other_customer, "Sven"),
        foreign_contact=await _contact(foreign, "Fremd"),
    )


async def make_quote(world: RemindWorld, number: str, *, customer: Customer | None = None, **fields: Any) -> Quote:
    """A quote sent at SENT to all the customer's contacts, reminders off unless `fields` switch them on."""
    customer = customer or world.customer
    values: dict[str, Any] = {
        "visibility": QuoteVisibility.ALL_CONTACTS, "status": QuoteStatus.SENT, "sent_at": SENT,
        "amount": Decimal("12500.00"), "currency": "DKK", "version_number": 1, **fields,
    }
    return await Quote.create(organization_id=customer.organization_id, customer=customer, sender=world.sender,
                              number=number, title=f"Roof {number}", **values)
