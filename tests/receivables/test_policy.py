"""Who sees and changes invoices (issue 11): policy.py's receivables rules, across two organizations, for every
kind of caller. An account manager sees their portfolio; ADMIN and MANAGER all; a contact their own customer's."""

from __future__ import annotations

import pytest

from portico import policy
from portico.activity.models import ActivityEvent, ActivityKind
from portico.actors import Actor, ActorKind, Scope
from portico.customers.models import CustomerModule
from tests.receivables.helpers import Tenant, make_tenant


@pytest.fixture
async def tenants(db: str) -> tuple[Tenant, Tenant]:
    return await make_tenant("Acme"), await make_tenant("Globex")


async def _numbers(actor: Actor) -> set[str]:
    return set(await policy.invoices_visible_to(actor).values_list("number", flat=True))  # type: ignore[arg-type]


async def test_invoice_visibility_by_role(tenants: tuple[Tenant, Tenant]) -> None:
    acme, globex = tenants
    everything = {"Acme-1", "Acme-void", "Acme-2"}
    assert await _numbers(acme.as_member(acme.admin)) == everything
    assert await _numbers(acme.as_member(acme.manager)) == everything
    # an account manager sees their portfolio, a MEMBER with none sees nothing
    assert await _numbers(acme.as_member(acme.member)) == {"Acme-1", "Acme-void"}
    assert await _numbers(acme.as_member(acme.member2)) == set()
    # the contact sees their own customer's invoices, except void ones
    assert await _numbers(acme.as_contact()) == {"Acme-1"}
    # never another organization's
    assert await _numbers(globex.as_member(globex.admin)) == {"Globex-1", "Globex-void", "Globex-2"}
    assert await _numbers(Actor(kind=ActorKind.ANONYMOUS)) == set()


async def test_a_contact_sees_no_invoice_without_the_module_or_hub_access(tenants: tuple[Tenant, Tenant]) -> None:
    acme, _ = tenants
    acme.managed.modules = [CustomerModule.DOCUMENTS.value]
    await acme.managed.save(update_fields=["modules"])
    assert await _numbers(acme.as_contact()) == set()
    acme.managed.modules = [CustomerModule.INVOICES.value]
    acme.managed.hub_access = False
    await acme.managed.save(update_fields=["modules", "hub_access"])
    assert await _numbers(acme.as_contact()) == set()
    # staff still see them
    assert "Acme-1" in await _numbers(acme.as_member(acme.member))


async def test_a_contact_sees_their_invoice_openings_only_while_the_module_is_on(
    tenants: tuple[Tenant, Tenant],
) -> None:
    acme, _ = tenants
    opened = await ActivityEvent.create(
        organization=acme.organization, customer=acme.managed, kind=ActivityKind.INVOICE_OPENED,
        contact=acme.contact, invoice=acme.invoices["Acme-1"],
    )

    async def sees(actor: Actor) -> tuple[bool, bool]:
        listed = await policy.events_visible_to(actor).filter(id=opened.id).exists()
        return listed, policy.event_visible_to(actor, opened, ())

    assert await sees(acme.as_contact()) == (True, True)
    acme.managed.modules = [CustomerModule.DOCUMENTS.value]
    await acme.managed.save(update_fields=["modules"])
    await acme.contact.fetch_related("customer")  # as a new request's contact actor would load it
    assert await sees(acme.as_contact()) == (False, False)  # the query and the live feed's check agree
    assert await sees(acme.as_member(acme.admin)) == (True, True)  # staff still see it


async def test_api_keys_read_invoices_only_with_invoices_read(tenants: tuple[Tenant, Tenant]) -> None:
    acme, _ = tenants
    assert await _numbers(acme.as_key({Scope.ORG_READ, Scope.CUSTOMERS_READ})) == set()
    assert await _numbers(acme.as_key({Scope.ORG_READ, Scope.INVOICES_READ})) == {"Acme-1", "Acme-void", "Acme-2"}
    assert await _numbers(acme.as_key({Scope.INVOICES_READ}, acme.member)) == {"Acme-1", "Acme-void"}
    assert await _numbers(acme.as_key({Scope.INVOICES_WRITE}, acme.member)) == set()


async def test_who_may_write_invoices_and_for_which_customers(tenants: tuple[Tenant, Tenant]) -> None:
    acme, globex = tenants

    async def customers(actor: Actor) -> set[str]:
        return set(await policy.invoice_customers_for(actor).values_list("name", flat=True))  # type: ignore[arg-type]

    async def writable(actor: Actor) -> set[str]:
        return set(await policy.invoices_writable_by(actor).values_list("number", flat=True))  # type: ignore[arg-type]

    assert await customers(acme.as_member(acme.manager)) == {"Acme Managed", "Acme Unmanaged"}
    assert await customers(acme.as_member(acme.member)) == {"Acme Managed"}
    assert await customers(acme.as_member(acme.member2)) == set()
    assert await writable(acme.as_member(acme.member)) == {"Acme-1", "Acme-void"}
    # a partner's key: INVOICES_WRITE is enough to push (and find what it pushed), nothing without it
    partner = acme.as_key({Scope.INVOICES_WRITE}, acme.admin)
    assert policy.can_write_invoices(partner)
    assert await writable(partner) == {"Acme-1", "Acme-void", "Acme-2"}
    reader = acme.as_key({Scope.INVOICES_READ, Scope.CUSTOMERS_WRITE}, acme.admin)
    assert not policy.can_write_invoices(reader) and await writable(reader) == set()
    # an org-wide reader key acts as nobody: it writes nothing; contacts write nothing
    assert not policy.can_write_invoices(acme.as_key({Scope.ORG_READ, Scope.INVOICES_WRITE}))
    assert not policy.can_write_invoices(acme.as_contact())
    # an inactive member writes nothing
    acme.member.is_active = False
    assert not policy.can_write_invoices(acme.as_member(acme.member))
    # nothing of another organization, whatever the role
    assert not (await writable(globex.as_member(globex.admin))) & {"Acme-1", "Acme-2"}


async def test_payments_follow_their_invoices(tenants: tuple[Tenant, Tenant]) -> None:
    from datetime import date
    from decimal import Decimal

    from portico.receivables.models import Payment

    acme, globex = tenants
    for tenant, number in ((acme, "Acme-2"), (globex, "Globex-1")):
        invoice = tenant.invoices[number]
        await Payment.create(organization=tenant.organization, invoice=invoice, amount=Decimal("1.00"),
                             paid_on=date(2026, 11, 2))
    assert await policy.payments_visible_to(acme.as_member(acme.manager)).count() == 1
    assert await policy.payments_visible_to(acme.as_member(acme.member)).count() == 0  # Acme-2 is unmanaged
    assert await policy.payments_visible_to(acme.as_contact()).count() == 0
    assert await policy.payments_visible_to(globex.as_member(globex.admin)).count() == 1


async def test_portfolios_a_member_sees_only_their_own(tenants: tuple[Tenant, Tenant]) -> None:
    acme, globex = tenants

    async def whose(actor: Actor) -> set[int]:
        return set(await policy.portfolio_members_visible_to(actor).values_list("id", flat=True))  # type: ignore[arg-type]

    everyone = {acme.admin.id, acme.manager.id, acme.member.id, acme.member2.id}
    assert await whose(acme.as_member(acme.admin)) == everyone
    assert await whose(acme.as_member(acme.manager)) == everyone
    assert await whose(acme.as_member(acme.member)) == {acme.member.id}
    assert await whose(acme.as_contact()) == set()
    assert await whose(acme.as_key({Scope.INVOICES_READ}, acme.member2)) == {acme.member2.id}
    assert await whose(acme.as_key({Scope.CUSTOMERS_READ}, acme.member2)) == set()
    assert not (await whose(globex.as_member(globex.admin))) & everyone
