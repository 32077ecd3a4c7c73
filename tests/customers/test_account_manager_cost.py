"""Account-manager assignment is set-based (issue 8, point 4): every mode of the bulk mutation (ADD, REMOVE,
REPLACE, and REPLACE's dry run) sends the same SQL statements for a selection of 50 customers as for 2, response
included (each customer's account managers), and does what it says for all 50."""

from __future__ import annotations

from portico.accounts.models import Member
from portico.customers.models import Customer, CustomerKind
from tests.conftest import Org
from tests.graphql.helpers import pk_of
from tests.sqlcount import count_sql

BULK = """mutation($input: AccountManagersInput!) { assignAccountManagers(input: $input) {
  customers { id accountManagers { id } } removedAssignments errors { code field message } } }"""


async def _customers(org_id: int, prefix: str, n: int) -> list[str]:
    from portico.graphql.relay import encode_id

    await Customer.bulk_create([
        Customer(organization_id=org_id, kind=CustomerKind.COMPANY, name=f"{prefix} {i:02d}",
                 name_key=f"{prefix.lower()} {i:02d}")
        for i in range(n)
    ])
    ids = await Customer.filter(organization_id=org_id, name__startswith=prefix).order_by("id").values_list(
        "id", flat=True)
    return [encode_id("Customer", int(i)) for i in ids]  # type: ignore[call-overload]


async def _managers(customer_ids: list[str]) -> list[set[int]]:
    pairs = await Customer.filter(id__in=[pk_of(c) for c in customer_ids]).values_list("id", "account_managers__id")
    by_customer: dict[int, set[int]] = {pk_of(c): set() for c in customer_ids}
    for customer, member in pairs:
        if member is not None:
            by_customer[int(customer)].add(int(member))  # type: ignore[call-overload]
    return list(by_customer.values())


async def test_every_mode_costs_the_same_for_50_customers_as_for_2(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    manager = acme.manager.client
    org_id = (await Member.get(id=pk_of(acme.manager.member_id))).organization_id
    few, many = await _customers(org_id, "Few", 2), await _customers(org_id, "Many", 50)
    rep, rep2, admin = (p.member_id for p in (acme.member, acme.member2, acme.admin))

    async def statements(customers: list[str], members: list[str], mode: str, dry_run: bool = False) -> int:
        variables = {"input": {"customerIds": customers, "memberIds": members, "mode": mode, "dryRun": dry_run}}
        with count_sql() as counter:
            data = await manager(BULK, variables)
        payload = data["assignAccountManagers"]
        assert payload["errors"] == [], payload
        if not dry_run:
            assert len(payload["customers"]) == len(customers)
        return len(counter.statements)

    ids = {name: pk_of(m) for name, m in (("rep", rep), ("rep2", rep2), ("admin", admin))}
    steps: list[tuple[list[str], str, bool, set[int]]] = [
        ([rep, rep2, admin], "ADD", False, {ids["rep"], ids["rep2"], ids["admin"]}),
        ([admin], "REMOVE", False, {ids["rep"], ids["rep2"]}),
        ([rep2], "REPLACE", True, {ids["rep"], ids["rep2"]}),  # the dry run changes nothing
        ([rep2], "REPLACE", False, {ids["rep2"]}),
    ]
    for members, mode, dry_run, expected in steps:
        small = await statements(few, members, mode, dry_run)
        large = await statements(many, members, mode, dry_run)
        assert small == large, (mode, dry_run, small, large)
        assert await _managers(few) == [expected] * 2 and await _managers(many) == [expected] * 50, mode
