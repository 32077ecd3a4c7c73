"""Account-manager assignments (seed 004): one by one and in bulk, by ADMIN and MANAGER; they decide what a MEMBER
sees."""

from __future__ import annotations

from portico.customers.models import Customer
from tests.conftest import Org
from tests.graphql.helpers import (
    ASSIGN,
    UNASSIGN,
    add_contact,
    codes,
    create_customer,
    customer_names,
    pk_of,
)

CUSTOMER = "query($id: ID!) { customer(id: $id) { id name contacts { id } accountManagers { id } } }"
NODE = "query($id: ID!) { node(id: $id) { id } }"
BY_MANAGER = "query($am: ID!) { customers(accountManagerId: $am) { edges { node { name } } } }"


async def _manager_ids(customer_id: str) -> set[int]:
    customer = await Customer.get(id=pk_of(customer_id))
    return set(await customer.account_managers.all().values_list("id", flat=True))


async def test_assigning_one_account_manager_shows_and_hides_the_customer(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    # given a customer created by the admin, with a contact
    customer = await create_customer(acme.admin.client, "Nordic Widgets")
    contact = await add_contact(acme.admin.client, customer, "Ann", "Buyer", "ann@nordic.example")
    assert (await acme.member.client(CUSTOMER, {"id": customer}))["customer"] is None
    assert (await acme.member.client(NODE, {"id": contact["id"]}))["node"] is None
    assert await customer_names(acme.member.client) == set()
    one = {"input": {"customerIds": [customer], "memberIds": [acme.member.member_id]}}

    # a MEMBER may not assign or unassign
    for operation, name in ((ASSIGN, "assignAccountManagers"), (UNASSIGN, "unassignAccountManagers")):
        data = await acme.member2.client(operation, one)
        assert [e["code"] for e in data[name]["errors"]] == ["NOT_ALLOWED"]
    assert await _manager_ids(customer) == {pk_of(acme.admin.member_id)}

    # when a MANAGER assigns the member (twice: already assigned is fine)
    for _ in range(2):
        data = await acme.manager.client(ASSIGN, one)
        assert data["assignAccountManagers"]["errors"] == []
    assert {m["id"] for m in data["assignAccountManagers"]["customers"][0]["accountManagers"]} == {
        acme.admin.member_id, acme.member.member_id}

    # then the member sees the customer and its contacts
    seen = (await acme.member.client(CUSTOMER, {"id": customer}))["customer"]
    assert seen["name"] == "Nordic Widgets" and seen["contacts"] == [{"id": contact["id"]}]
    assert (await acme.member.client(NODE, {"id": contact["id"]}))["node"] == {"id": contact["id"]}
    assert await customer_names(acme.member.client) == {"Nordic Widgets"}
    assert await customer_names(acme.member2.client) == set()

    # when the ADMIN unassigns them
    data = await acme.admin.client(UNASSIGN, one)

    # then it is hidden again
    assert data["unassignAccountManagers"]["errors"] == []
    assert data["unassignAccountManagers"]["customers"][0]["accountManagers"] == [{"id": acme.admin.member_id}]
    assert (await acme.member.client(CUSTOMER, {"id": customer}))["customer"] is None
    assert (await acme.member.client(NODE, {"id": contact["id"]}))["node"] is None
    assert await customer_names(acme.member.client) == set()


async def test_bulk_assignment_and_refusals(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    customers = [await create_customer(acme.manager.client, f"Bulk {i}") for i in range(3)]
    foreign_customer = await create_customer(globex.admin.client, "Globex Customer")
    members = [acme.member.member_id, acme.member2.member_id]

    # when
    data = await acme.manager.client(ASSIGN, {"input": {"customerIds": customers, "memberIds": members}})

    # then every member manages every customer
    assert data["assignAccountManagers"]["errors"] == []
    assert len(data["assignAccountManagers"]["customers"]) == 3
    for customer in customers:
        assert await _manager_ids(customer) == {pk_of(acme.manager.member_id), *map(pk_of, members)}
    for person in (acme.member, acme.member2):
        assert await customer_names(person.client) == {"Bulk 0", "Bulk 1", "Bulk 2"}
        listed = await acme.admin.client(BY_MANAGER, {"am": person.member_id})
        assert [e["node"]["name"] for e in listed["customers"]["edges"]] == ["Bulk 0", "Bulk 1", "Bulk 2"]

    # when two are unassigned from one member in bulk
    data = await acme.admin.client(UNASSIGN, {"input": {"customerIds": customers[:2],
                                                        "memberIds": [acme.member2.member_id]}})

    # then
    assert data["unassignAccountManagers"]["errors"] == []
    assert await customer_names(acme.member2.client) == {"Bulk 2"}
    assert await customer_names(acme.member.client) == {"Bulk 0", "Bulk 1", "Bulk 2"}

    # another organization's customers and members are not found, and nothing is half-done
    refusals = [
        ({"customerIds": [customers[0], foreign_customer], "memberIds": [acme.member2.member_id]},
         {("NOT_FOUND", "customerIds")}),
        ({"customerIds": [customers[0]], "memberIds": [acme.member2.member_id, globex.member.member_id]},
         {("NOT_FOUND", "memberIds")}),
        ({"customerIds": [], "memberIds": [acme.member2.member_id]}, {("REQUIRED", "customerIds")}),
        ({"customerIds": [customers[0]], "memberIds": []}, {("REQUIRED", "memberIds")}),
        ({"customerIds": ["garbage"], "memberIds": [acme.member2.member_id]}, {("NOT_FOUND", "customerIds")}),
    ]
    for given, expected in refusals:
        data = await acme.admin.client(ASSIGN, {"input": given})
        assert codes(data["assignAccountManagers"]["errors"]) == expected, given
    assert await customer_names(acme.member2.client) == {"Bulk 2"}
    assert pk_of(acme.admin.member_id) not in await _manager_ids(foreign_customer)
    # another organization's manager cannot touch these customers
    data = await globex.manager.client(ASSIGN, {"input": {"customerIds": customers[:1],
                                                          "memberIds": [globex.member.member_id]}})
    assert codes(data["assignAccountManagers"]["errors"]) == {("NOT_FOUND", "customerIds")}
    assert await customer_names(globex.member.client) == set()
