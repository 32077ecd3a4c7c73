"""A small world of quotes built straight on the models (no HTTP): two organizations, their people and actors.

For policy and service tests of the quote domain; GraphQL tests build theirs through the API instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from portico.accounts.models import Member, Organization, Role
from portico.actors import Actor, ActorKind, Scope
from portico.customers.models import Contact, Customer, CustomerKind
from portico.quotes.models import Quote, QuoteStatus, QuoteVersion, QuoteVisibility


@dataclass
class QuoteWorld:
    org: Organization
    other_org: Organization
    admin: Member
    manager: Member
    rep: Member  # account manager of `customer`, sender of the quotes
    rep_other: Member  # a MEMBER with no customer
    account_manager: Member  # a second account manager of `customer`, who sent nothing
    customer: Customer  # QUOTES module on, hub access on
    customer_other: Customer  # same organization, another customer
    contact: Contact
    colleague: Contact  # the customer's second contact
    contact_other: Contact  # contact of `customer_other`
    foreign_admin: Member
    foreign_contact: Contact
    quotes: dict[str, Quote] = field(default_factory=dict)


async def _member(org: Organization, email: str, role: Role) -> Member:
    return await Member.create(organization=org, email=email, first_name=email.split("@")[0], last_name="Staff",
                               password_hash="x", role=role)


async def _customer(org: Organization, name: str, modules: list[str]) -> Customer:
    return await Customer.create(organization=org, kind=CustomerKind.COMPANY, name=name, name_key=name.lower(),
                                 hub_access=True, modules=modules)


async def _contact(customer: Customer, first: str) -> Contact:
    return await Contact.create(customer=customer, organization_id=customer.organization_id, first_name=first,
                                last_name="Contact", email=f"{first.lower()}@{customer.name_key}.example")


async def make_quote(world: QuoteWorld, number: str, *, customer: Customer | None = None,
                     sender: Member | None = None, status: QuoteStatus = QuoteStatus.SENT,
                     **fields: Any) -> Quote:
    customer = customer or world.customer
    quote = await Quote.create(
        organization_id=customer.organization_id, customer=customer, sender=sender or world.rep, number=number,
        title=f"Quote {number}", amount=Decimal("100.00"), currency="EUR",
        visibility=fields.pop("visibility", QuoteVisibility.ALL_CONTACTS), status=status, **fields,
    )
    world.quotes[number] = quote
    return quote


async def add_version(quote: Quote, number: int, **fields: Any) -> QuoteVersion:
    return await QuoteVersion.create(
        organization_id=quote.organization_id, quote=quote, number=number, storage_key=f"quotes/{quote.id}/{number}",
        filename=f"{quote.number}.pdf", content_type="application/pdf", size=10, sha256="0" * 64, **fields,
    )


async def build_quote_world() -> QuoteWorld:
    org = await Organization.create(name="Acme", storage_quota_bytes=10**9)
    other_org = await Organization.create(name="Globex", storage_quota_bytes=10**9)
    rep = await _member(org, "rep@acme.example", Role.MEMBER)
    account_manager = await _member(org, "am@acme.example", Role.MEMBER)
    customer = await _customer(org, "Fjord", ["DOCUMENTS", "QUOTES"])
    await customer.account_managers.add(rep, account_manager)
    customer_other = await _customer(org, "Svea", ["QUOTES"])
    foreign_customer = await _customer(other_org, "Foreign", ["QUOTES"])
    return QuoteWorld(
        org=org, other_org=other_org,
        admin=await _member(org, "admin@acme.example", Role.ADMIN),
        manager=await _member(org, "manager@acme.example", Role.MANAGER),
        rep=rep, rep_other=await _member(org, "other@acme.example", Role.MEMBER), account_manager=account_manager,
        customer=customer, customer_other=customer_other,
        contact=await _contact(customer, "Mette"), colleague=await _contact(customer, "Nina"),
        contact_other=await _contact(customer_other, "Sven"),
        foreign_admin=await _member(other_org, "admin@globex.example", Role.ADMIN),
        foreign_contact=await _contact(foreign_customer, "Hans"),
    )


def member_actor(member: Member, org: Organization) -> Actor:
    member.organization = org
    return Actor(kind=ActorKind.MEMBER, organization=org, member=member)


def contact_actor(contact: Contact, org: Organization, customer: Customer) -> Actor:
    contact.customer = customer
    return Actor(kind=ActorKind.CONTACT, organization=org, contact=contact)


def key_actor(org: Organization, scopes: set[Scope], member: Member | None = None) -> Actor:
    return Actor(kind=ActorKind.API_KEY, organization=org, member=member, scopes=frozenset(scopes))


async def pdf_upload(member: Member, content: bytes = b"%PDF-1.7 quote", *, name: str = "quote.pdf",
                     content_type: str = "application/pdf") -> str:
    """An unused upload of this member, as POST /uploads leaves it (the stored object is not needed here)."""
    import hashlib
    import uuid

    from portico.hubs.models import Upload

    upload_id = uuid.uuid4()
    await Upload.create(
        id=upload_id, organization_id=member.organization_id, member_id=member.id, name=name,
        storage_key=f"org/{member.organization_id}/uploads/{upload_id}", content_type=content_type,
        size_bytes=len(content), sha256=hashlib.sha256(content).hexdigest(),
    )
    return str(upload_id)
