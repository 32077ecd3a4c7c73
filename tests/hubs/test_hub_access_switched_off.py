"""Issue 7, point 6: a share never turns hub access back on after a member switched it off; it is refused."""

from __future__ import annotations

from typing import Any

from portico.customers.models import Customer
from tests.hubs.helpers import (
    CREATE_CUSTOMER,
    World,
    counts,
    person,
    pk,
    share,
    share_errors,
    sign_in_contact,
)

UPDATE_CUSTOMER = """mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) {
  customer { hubAccess } errors { code field message } } }"""
METTE = person("Mette", "Larsen", "mette@fjord.example")


async def _switch(client: Any, customer_id: str, on: bool) -> dict[str, Any]:
    data = await client(UPDATE_CUSTOMER, {"input": {"customerId": customer_id, "hubAccess": on}})
    return data["updateCustomer"]  # type: ignore[no-any-return]


async def test_a_share_to_a_switched_off_customer_is_refused_and_writes_nothing(
    world: World, client_factory: Any
) -> None:
    price = world.publications["Price list 2027"]
    await share(world.acme.member.client, world.customer_x, [METTE], [price])
    assert (await _switch(world.acme.admin.client, world.customer_x, False))["errors"] == []
    before = await counts()

    errors = await share_errors(world.acme.member.client, world.customer_x, [METTE], [price])

    assert [(e["code"], e["field"]) for e in errors] == [("NO_HUB_ACCESS", "customerId")]
    assert "switched off" in errors[0]["message"] and "Fjord Logistics" in errors[0]["message"]
    assert await counts() == before
    customer = await Customer.get(id=pk(world.customer_x))
    assert customer.hub_access is False and customer.hub_access_switched_off_at is not None
    # Mette's old link does not bring her back in either.
    anonymous = client_factory()
    data = await anonymous.raw("{ myHub { id } }")
    assert data.get("errors") or data["data"]["myHub"] is None

    # Switched on again by a member: sharing works, and the mark is gone.
    assert (await _switch(world.acme.admin.client, world.customer_x, True))["customer"]["hubAccess"] is True
    await share(world.acme.member.client, world.customer_x, [METTE], [price])
    assert (await Customer.get(id=pk(world.customer_x))).hub_access_switched_off_at is None
    await sign_in_contact(client_factory(), "mette@fjord.example")


async def test_a_customer_that_never_had_access_gets_it_with_the_first_share(world: World) -> None:
    created = await world.acme.admin.client(CREATE_CUSTOMER, {"input": {"kind": "COMPANY", "name": "New Co",
                                                                        "hubAccess": False}})
    customer_id = created["createCustomer"]["customer"]["id"]
    await share(world.acme.admin.client, customer_id, [person("Nils", "New", "nils@new.example")],
                [world.publications["Price list 2027"]])
    customer = await Customer.get(id=pk(customer_id))
    assert customer.hub_access is True and customer.hub_access_switched_off_at is None


async def test_switched_off_is_not_revealed_to_those_who_cannot_see_the_customer(world: World) -> None:
    price = world.publications["Price list 2027"]
    assert (await _switch(world.acme.admin.client, world.customer_x, False))["errors"] == []
    assert (await _switch(world.acme.admin.client, world.customer_x, False))["errors"] == []  # off twice: still off
    # Another organization's rep and admin: not found, as for any id they cannot see.
    for outsider in (world.globex.member.client, world.globex.admin.client):
        errors = await share_errors(outsider, world.customer_x, [METTE], [price])
        assert errors[0]["code"] == "NOT_FOUND"
        switched = await _switch(outsider, world.customer_x, True)
        assert switched["errors"][0]["code"] == "NOT_FOUND"
    assert (await Customer.get(id=pk(world.customer_x))).hub_access is False
