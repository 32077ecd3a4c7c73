"""A small receivables world made through the models, for the reminder sweep and action/report tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from portico.accounts.models import Member, Organization, Role
from portico.customers.models import Contact, Customer, CustomerKind, CustomerModule
from portico.receivables.models import Invoice, InvoiceStatus
from portico.receivables.planning import StepKind
from portico.receivables.workflow_models import AccountManagerCopy, ActionKind, ReminderStep, ReminderWorkflow
from portico.settings import load_settings

SETTINGS = load_settings({"PUBLIC_URL": "http://testserver", "SECRET_KEY": "k" * 40})


@dataclass
class Vendor:
    organization: Organization
    admin: Member
    manager: Member
    rita: Member  # MEMBER, account manager
    bob: Member  # MEMBER, account manager


async def make_vendor(name: str = "Acme Sales", timezone: str = "UTC") -> Vendor:
    organization = await Organization.create(name=name, storage_quota_bytes=10**9, timezone=timezone)
    slug = name.lower().replace(" ", "")

    async def member(key: str, role: Role) -> Member:
        return await Member.create(organization=organization, email=f"{key}@{slug}.example", first_name=key.title(),
                                   last_name="Rep", password_hash="-", role=role, is_account_manager=True)

    return Vendor(organization, await member("admin", Role.ADMIN), await member("manager", Role.MANAGER),
                  await member("rita", Role.MEMBER), await member("bob", Role.MEMBER))


async def make_customer(vendor: Vendor, name: str, managers: list[Member], *, emails: list[str] | None = None,
                        workflow: ReminderWorkflow | None = None) -> Customer:
    customer = await Customer.create(
        organization=vendor.organization, kind=CustomerKind.COMPANY, name=name, name_key=name.lower(),
        hub_access=True, modules=[CustomerModule.INVOICES.value], reminder_workflow=workflow,
    )
    if managers:
        await customer.account_managers.add(*managers)
    for index, email in enumerate(emails or []):
        await Contact.create(customer=customer, organization=vendor.organization, first_name=f"Person{index}",
                             last_name="X", email=email, is_primary=index == 0)
    return customer


async def make_invoice(customer: Customer, number: str, due_on: date, amount: str = "100.00",
                       currency: str = "EUR", *, paid: str = "0", status: InvoiceStatus = InvoiceStatus.OPEN,
                       paused: bool = False, opened: bool = False) -> Invoice:
    from datetime import UTC, datetime

    return await Invoice.create(
        organization_id=customer.organization_id, customer=customer, number=number, amount=Decimal(amount),
        currency=currency, issued_on=date(2026, 10, 1), due_on=due_on, status=status, paid_amount=Decimal(paid),
        paused=paused, first_opened_at=datetime(2026, 11, 2, tzinfo=UTC) if opened else None,
    )


async def standard_workflow(vendor: Vendor, name: str = "Standard", *, is_default: bool = True) -> ReminderWorkflow:
    """-3 email (account manager in BCC), +1 email (in CC), +7 call within 2 days, +15 email (not copied)."""
    workflow = await ReminderWorkflow.create(organization=vendor.organization, name=name, is_default=is_default)
    await ReminderStep.create(workflow=workflow, offset_days=-3, kind=StepKind.EMAIL,
                              copy_account_manager=AccountManagerCopy.BCC,
                              templates={"en": {"subject": "Soon due: {invoice_count} invoice(s)", "body": ""}})
    await ReminderStep.create(workflow=workflow, offset_days=1, kind=StepKind.EMAIL,
                              copy_account_manager=AccountManagerCopy.CC,
                              templates={"en": {"subject": "Overdue: {total}", "body": "Dear {first_name},"}})
    await ReminderStep.create(workflow=workflow, offset_days=7, kind=StepKind.ACTION, action_kind=ActionKind.CALL,
                              action_text="Call about {customer}", action_due_days=2)
    await ReminderStep.create(workflow=workflow, offset_days=15, kind=StepKind.EMAIL)
    return workflow
