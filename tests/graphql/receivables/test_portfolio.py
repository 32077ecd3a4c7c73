"""An account manager's portfolio (issue 11, point 1): open and overdue per currency, last contact activity; a
MEMBER sees only their own, ADMIN and MANAGER anyone's, never across organizations."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import GraphQLClient, Org
from tests.graphql.receivables.helpers import PORTFOLIO, RECORD_PAYMENT, World, create_invoice, make_world


@pytest.fixture
async def world(two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]) -> World:
    return await make_world(two_orgs[0], client_factory())


async def test_portfolio_figures(two_orgs: tuple[Org, Org], world: World) -> None:
    acme, _ = two_orgs
    admin = acme.admin.client
    # overdue (due long ago), not yet due, and another currency; a paid one counts nowhere
    overdue = await create_invoice(admin, world.managed, "P-1", amount="200.00", due_on="2026-10-31")
    await create_invoice(admin, world.managed, "P-2", amount="50.55", issued_on="2026-10-01", due_on="2036-10-01")
    await create_invoice(admin, world.managed, "P-3", amount="700", currency="DKK", due_on="2026-10-31")
    paid = await create_invoice(admin, world.managed, "P-4", amount="10.00")
    for invoice_id, amount in ((overdue["id"], "20.01"), (paid["id"], "10.00")):
        data = await admin(RECORD_PAYMENT, {"input": {"invoiceId": invoice_id, "amount": amount,
                                                      "paidOn": "2026-11-01"}})
        assert data["recordPayment"]["errors"] == []
    await create_invoice(admin, world.unmanaged, "U-1", amount="999.00")  # nobody's portfolio

    data = (await acme.member.client(PORTFOLIO, {}))["portfolio"]
    assert data["member"]["id"] == acme.member.member_id
    [row] = data["rows"]
    assert row["customer"]["id"] == world.managed
    assert row["open"] == [{"currency": "DKK", "amount": "700.00"}, {"currency": "EUR", "amount": "230.54"}]
    assert row["overdue"] == [{"currency": "DKK", "amount": "700.00"}, {"currency": "EUR", "amount": "179.99"}]
    assert row["openInvoices"] == 3
    assert data["open"] == row["open"] and data["overdue"] == row["overdue"]

    # ADMIN and MANAGER look at anyone's; the same figures
    for client in (acme.admin.client, acme.manager.client):
        seen = (await client(PORTFOLIO, {"memberId": acme.member.member_id}))["portfolio"]
        assert seen["rows"] == data["rows"]


async def test_a_member_never_sees_another_portfolio(two_orgs: tuple[Org, Org], world: World) -> None:
    acme, globex = two_orgs
    await create_invoice(acme.admin.client, world.managed, "P-1")
    assert (await acme.member2.client(PORTFOLIO, {"memberId": acme.member.member_id}))["portfolio"] is None
    assert (await acme.member2.client(PORTFOLIO, {}))["portfolio"]["rows"] == []
    assert (await globex.admin.client(PORTFOLIO, {"memberId": acme.member.member_id}))["portfolio"] is None
    assert (await globex.manager.client(PORTFOLIO, {"memberId": acme.member.member_id}))["portfolio"] is None
    assert (await world.contact(PORTFOLIO, {}))["portfolio"] is None
