"""Two organizations with staff of every role, customers and invoices, made through the models (service-level
receivables tests; the GraphQL tests build theirs through the API)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from portico.accounts.models import Member, Organization, Role
from portico.actors import Actor, ActorKind, Scope
from portico.customers.models import Contact, Customer, CustomerKind, CustomerModule
from portico.receivables.models import Invoice, InvoiceStatus


@dataclass
class Tenant:
    organization: Organization
    admin: Member
    manager: Member
    member: Member  # account manager of `managed`
    member2: Member  # account manager of nothing
    managed: Customer  # INVOICES on, hub access on, account-managed by `member`
    unmanaged: Customer  # INVOICES on, nobody's portfolio
    contact: Contact  # of `managed`
    invoices: dict[str, Invoice] = field(default_factory=dict)

    def as_member(self, member: Member) -> Actor:
        return Actor(kind=ActorKind.MEMBER, organization=self.organization, member=member)

    def as_key(self, scopes: set[Scope], member: Member | None = None) -> Actor:
        return Actor(kind=ActorKind.API_KEY, organization=self.organization, member=member, scopes=frozenset(scopes))

    def as_contact(self, contact: Contact | None = None) -> Actor:
        return Actor(kind=ActorKind.CONTACT, organization=self.organization, contact=contact or self.contact)


async def make_member(org: Organization, key: str, role: Role, account_manager: bool = True) -> Member:
    slug = org.name.lower().replace(" ", "")
    return await Member.create(organization=org, email=f"{key}@{slug}.example", first_name=key.title(),
                               last_name="Rep", password_hash="x", role=role, is_account_manager=account_manager)


async def make_customer(org: Organization, name: str, managers: list[Member], *, external_ref: str | None = None,
                        modules: list[CustomerModule] | None = None, hub_access: bool = True) -> Customer:
    customer = await Customer.create(
        organization=org, kind=CustomerKind.COMPANY, name=name, name_key=name.lower(), hub_access=hub_access,
        external_ref=external_ref, modules=[m.value for m in (modules or [CustomerModule.INVOICES])],
    )
    if managers:
        await customer.account_managers.add(*managers)
    return customer


async def make_invoice(tenant: Tenant, customer: Customer, number: str, amount: str = "100.00",
                       currency: str = "EUR", due_on: date = date(2026, 11, 1),
                       status: InvoiceStatus = InvoiceStatus.OPEN, paid: str = "0") -> Invoice:
    invoice = await Invoice.create(
        organization=tenant.organization, customer=customer, number=number, amount=Decimal(amount),
        currency=currency, issued_on=date(2026, 10, 1), due_on=due_on, status=status, paid_amount=Decimal(paid),
    )
    tenant.invoices[number] = invoice
    return invoice


async def make_tenant(name: str) -> Tenant:
    org = await Organization.create(name=name, storage_quota_bytes=10**9)
    admin = await make_member(org, "admin", Role.ADMIN)
    manager = await make_member(org, "manager", Role.MANAGER)
    member = await make_member(org, "member", Role.MEMBER)
    member2 = await make_member(org, "member2", Role.MEMBER)
    managed = await make_customer(org, f"{name} Managed", [member], external_ref="M-1")
    unmanaged = await make_customer(org, f"{name} Unmanaged", [], external_ref="U-1")
    contact = await Contact.create(customer=managed, organization=org, first_name="Ann", last_name="Buyer",
                                   email=f"ann@{name.lower()}.example")
    await contact.fetch_related("customer")
    tenant = Tenant(org, admin, manager, member, member2, managed, unmanaged, contact)
    await make_invoice(tenant, managed, f"{name}-1")
    await make_invoice(tenant, managed, f"{name}-void", status=InvoiceStatus.VOID)
    await make_invoice(tenant, unmanaged, f"{name}-2", currency="DKK")
    return tenant
