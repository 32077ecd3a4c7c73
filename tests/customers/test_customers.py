"""Customers (seed 001): create, update, search, filters and keyset pagination."""

from __future__ import annotations

from portico.customers.models import Contact, Customer
from tests.conftest import Org
from tests.graphql.helpers import (
    CREATE_CUSTOMER,
    add_contact,
    assign,
    codes,
    create_customer,
    pk_of,
)

UPDATE_CUSTOMER = """mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) {
  customer { id name hubAccess modules } errors { code field message } } }"""
SEARCH = """query($search: String, $kind: CustomerKind, $hubAccess: Boolean, $am: ID) {
  customers(search: $search, kind: $kind, hubAccess: $hubAccess, accountManagerId: $am) {
    totalCount edges { node { name } } } }"""
PAGE = """query($first: Int, $after: String) { customers(first: $first, after: $after) {
  totalCount edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""


async def _names(client, **variables) -> list[str]:  # type: ignore[no-untyped-def]
    data = await client(SEARCH, variables)
    names = [e["node"]["name"] for e in data["customers"]["edges"]]
    assert data["customers"]["totalCount"] == len(names)
    return names


async def test_create_company_and_person(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs

    # when
    company = await acme.member.client(CREATE_CUSTOMER, {"input": {
        "kind": "COMPANY", "name": "  Nordic Widgets A/S ", "modules": ["QUOTES", "DOCUMENTS"]}})
    person = await acme.member.client(CREATE_CUSTOMER, {"input": {
        "kind": "PERSON", "name": "", "firstName": "Carla", "lastName": "Jensen", "email": "Carla@Jensen.example"}})

    # then the company has no contact yet; the creator is its account manager
    c = company["createCustomer"]
    assert c["errors"] == []
    assert (c["customer"]["kind"], c["customer"]["name"], c["customer"]["hubAccess"]) == (
        "COMPANY", "Nordic Widgets A/S", False)
    assert c["customer"]["modules"] == ["DOCUMENTS", "QUOTES"]
    assert c["customer"]["contacts"] == [] and c["customer"]["primaryContact"] is None
    assert c["customer"]["accountManagers"] == [{"id": acme.member.member_id}]
    # the person is its own, primary, contact; its name defaults to the person's full name
    p = person["createCustomer"]
    assert p["errors"] == []
    assert (p["customer"]["kind"], p["customer"]["name"], p["customer"]["hubAccess"]) == (
        "PERSON", "Carla Jensen", False)
    assert p["customer"]["modules"] == ["DOCUMENTS"]
    primary = p["customer"]["primaryContact"]
    assert (primary["firstName"], primary["lastName"], primary["email"], primary["isPrimary"]) == (
        "Carla", "Jensen", "carla@jensen.example", True)
    assert p["customer"]["contacts"] == [{"id": primary["id"]}]


async def test_create_customer_validation_writes_nothing(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    cases = [
        ({"kind": "COMPANY", "name": "   "}, {("REQUIRED", "name")}),
        ({"kind": "COMPANY", "name": "n" * 201}, {("TOO_LONG", "name")}),
        ({"kind": "PERSON", "name": "Someone", "firstName": "", "lastName": "x" * 101, "email": "bad@"},
         {("REQUIRED", "firstName"), ("TOO_LONG", "lastName"), ("INVALID_EMAIL", "email")}),
    ]
    for given, expected in cases:
        data = await acme.admin.client(CREATE_CUSTOMER, {"input": given})
        assert data["createCustomer"]["customer"] is None
        assert codes(data["createCustomer"]["errors"]) == expected, given
    assert await Customer.all().count() == 0
    assert await Contact.all().count() == 0


async def test_update_customer(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    customer = await create_customer(acme.member.client, "Old Name")
    await add_contact(acme.member.client, customer, "Ann", "Buyer", "ann@old.example")

    # when
    data = await acme.member.client(UPDATE_CUSTOMER, {"input": {
        "customerId": customer, "name": "New Name", "hubAccess": True, "modules": ["INVOICES", "INVOICES"]}})

    # then
    assert data["updateCustomer"] == {"customer": {"id": customer, "name": "New Name", "hubAccess": True,
                                                   "modules": ["INVOICES"]}, "errors": []}
    assert await _names(acme.admin.client, search="new name") == ["New Name"]

    # a bad name changes nothing
    update = {"input": {"customerId": customer, "name": "", "hubAccess": False}}
    data = await acme.member.client(UPDATE_CUSTOMER, update)
    assert codes(data["updateCustomer"]["errors"]) == {("REQUIRED", "name")}
    stored = await Customer.get(id=pk_of(customer))
    assert (stored.name, stored.hub_access) == ("New Name", True)

    # a customer of another organization, or a member who does not manage it: not found
    for client in (globex.admin.client, acme.member2.client):
        data = await client(UPDATE_CUSTOMER, {"input": {"customerId": customer, "name": "Hijacked"}})
        assert codes(data["updateCustomer"]["errors"]) == {("NOT_FOUND", "customerId")}
    assert (await Customer.get(id=pk_of(customer))).name == "New Name"


async def test_search_and_filters(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    # given
    alpha = await create_customer(acme.admin.client, "Alpha Industries", hubAccess=True, firstName="Al",
                                  lastName="Pha", email="al@alpha.example")
    await create_customer(acme.admin.client, "beta works")
    await create_customer(acme.admin.client, "Carla Jensen", kind="PERSON", firstName="Carla", lastName="Jensen",
                          email="carla@jensen.example")
    delta = await create_customer(acme.admin.client, "Delta")
    await add_contact(acme.admin.client, delta, "Bo", "Buyer", "Buyer@AlphaMail.example")
    await create_customer(globex.admin.client, "Alpha Globex")
    await assign(acme.admin.client, [alpha, delta], [acme.member2.member_id])

    # by name or contact email, case-insensitive; never another organization's customers
    assert await _names(acme.admin.client, search="ALPHA") == ["Alpha Industries", "Delta"]
    assert await _names(acme.admin.client, search="  jensen.EXAMPLE ") == ["Carla Jensen"]
    assert await _names(acme.admin.client, search="WORKS") == ["beta works"]
    assert await _names(acme.admin.client, search="nothing like it") == []
    assert await _names(acme.admin.client, search="") == ["Alpha Industries", "beta works", "Carla Jensen", "Delta"]
    assert await _names(globex.admin.client, search="alpha") == ["Alpha Globex"]
    # filters, alone and combined
    assert await _names(acme.admin.client, kind="PERSON") == ["Carla Jensen"]
    assert await _names(acme.admin.client, kind="COMPANY") == ["Alpha Industries", "beta works", "Delta"]
    assert await _names(acme.admin.client, hubAccess=True) == ["Alpha Industries"]
    assert await _names(acme.admin.client, hubAccess=False, search="a") == ["beta works", "Carla Jensen", "Delta"]
    assert await _names(acme.admin.client, am=acme.member2.member_id) == ["Alpha Industries", "Delta"]
    assert await _names(acme.admin.client, am=acme.member2.member_id, search="delta") == ["Delta"]
    assert await _names(acme.admin.client, am=acme.admin.member_id, kind="PERSON") == ["Carla Jensen"]
    assert await _names(acme.admin.client, am=globex.admin.member_id) == []
    # a MEMBER searches only among their own customers
    assert await _names(acme.member2.client, search="a") == ["Alpha Industries", "Delta"]
    assert await _names(acme.member.client, search="a") == []


async def test_keyset_pagination_is_complete_and_stable(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    # given
    for name in ("Cust 4", "cust 2", "Cust 5", "Cust 1", "Cust 3"):
        await create_customer(acme.admin.client, name)

    # when paging two at a time, with customers created mid-way before and after the cursor
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        data = (await acme.admin.client(PAGE, {"first": 2, "after": after}))["customers"]
        pages += 1
        seen += [e["node"]["name"] for e in data["edges"]]
        assert data["pageInfo"]["hasPreviousPage"] is (after is not None)
        assert data["pageInfo"]["endCursor"] == data["edges"][-1]["cursor"]
        assert data["pageInfo"]["startCursor"] == data["edges"][0]["cursor"]
        if pages == 1:
            await create_customer(acme.admin.client, "Cust 0")  # sorts before the cursor: not on later pages
            await create_customer(acme.admin.client, "Cust 9")  # sorts after it: appears at the end
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
        assert pages < 10

    # then nothing is duplicated or skipped, in case-insensitive name order
    assert seen == ["Cust 1", "cust 2", "Cust 3", "Cust 4", "Cust 5", "Cust 9"]
    assert data["totalCount"] == 7

    # names that tie are ordered by id and still paged without loss
    for _ in range(3):
        await create_customer(acme.admin.client, "Same")
    same: list[str] = []
    after = None
    while True:
        page = (await acme.admin.client(PAGE, {"first": 1, "after": after}))["customers"]
        same += [e["node"]["id"] for e in page["edges"] if e["node"]["name"] == "Same"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(same) == 3 and len(set(same)) == 3 and same == sorted(same, key=pk_of)

    # a cursor this API did not give out is refused
    body = await acme.admin.client.raw(PAGE, {"first": 2, "after": "not-a-cursor!"})
    assert body["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"
