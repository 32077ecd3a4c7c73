""""Today" for invoices is the organization's calendar day, in every view: the invoice list's `overdue`, the portfolio
and the aging report agree with the reminders. Late in the UTC evening, Copenhagen is already on the next day: an
invoice due on the UTC date is overdue there, while in Los Angeles, early in the UTC morning, it is not yet due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from portico.accounts.models import Organization
from tests.conftest import Clock, GraphQLClient, Org
from tests.graphql.helpers import pk_of
from tests.graphql.receivables.helpers import INVOICES, PORTFOLIO, create_invoice, make_world

AGING = """query { agingReport(currency: "EUR") { notDue days1To30 total } }"""


@pytest.fixture
def invoices_clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    from portico.notifications import clock

    fake = Clock()
    monkeypatch.setattr(clock, "now", fake.now)
    return fake


@pytest.mark.parametrize(("zone", "now", "overdue"), [
    ("Europe/Copenhagen", datetime(2026, 6, 30, 22, 30, tzinfo=UTC), True),  # 2026-07-01 00:30 there
    ("America/Los_Angeles", datetime(2026, 7, 1, 3, 0, tzinfo=UTC), False),  # 2026-06-30 20:00 there
])
async def test_due_today_in_utc_is_judged_by_the_organizations_day(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient], invoices_clock: Clock,
    zone: str, now: datetime, overdue: bool,
) -> None:
    acme = two_orgs[0]
    world = await make_world(acme, client_factory())
    await Organization.filter(id=pk_of(acme.organization_id)).update(timezone=zone)
    invoices_clock.current = now
    await create_invoice(acme.admin.client, world.managed, "D-1", amount="70.00", issued_on="2026-06-01",
                         due_on="2026-06-30")

    for person in (acme.admin, acme.member):
        listed = (await person.client(INVOICES, {"overdue": True}))["invoices"]
        assert [e["node"]["number"] for e in listed["edges"]] == (["D-1"] if overdue else [])
        aging = (await person.client(AGING))["agingReport"]
        # one row per account manager of the customer (its creator is one too), each with the whole invoice
        assert aging and {(Decimal(r["notDue"]), Decimal(r["days1To30"])) for r in aging} == (
            {(Decimal(0), Decimal(70))} if overdue else {(Decimal(70), Decimal(0))})
    rows = (await acme.member.client(PORTFOLIO))["portfolio"]["rows"]
    assert [[Decimal(o["amount"]) for o in r["overdue"]] for r in rows if r["customer"]["id"] == world.managed] == (
        [[Decimal(70)]] if overdue else [[]])
