"""Modules per customer really gate the hub (issue 9, point 3), on SQLite and PostgreSQL.

With DOCUMENTS switched off a contact finds no document, folder, share or document event of their hub, and every
download link 404s; staff see everything as before; switching it on again gives it all back. A share to such a
customer is refused. QUOTES and INVOICES have no data yet: `policy.customers_with_module` is what their issues
filter by, tested here on its own.
"""

from __future__ import annotations

from typing import Any

import pytest

from portico import policy
from portico.customers.models import Customer, CustomerKind, CustomerModule
from tests.hubs.helpers import (
    ACTIVITY,
    HUB,
    MY_HUB,
    NODE_DOC,
    PRINT,
    Shared,
    World,
    folder_documents,
    person,
    share_input,
    share_to_contact,
)

SET_MODULES = """mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) {
  customer { id modules } errors { code field message } } }"""
MY_HUB_MODULES = "{ myHub { id modules folders { id } } }"
SHARE = """mutation($input: ShareInput!) { shareDocuments(input: $input) {
  share { id } errors { code field message } } }"""


async def _modules(world: World, modules: list[str], customer: str | None = None) -> None:
    done = await world.acme.admin.client(
        SET_MODULES, {"input": {"customerId": customer or world.customer_x, "modules": modules}})
    assert done["updateCustomer"]["errors"] == []
    assert done["updateCustomer"]["customer"]["modules"] == sorted(modules)


async def _contact_sees(shared: Shared) -> dict[str, Any]:
    """Everything a contact could reach of their hub's documents, through every door."""
    contact = shared.contact
    hub = (await contact(MY_HUB))["myHub"]
    documents = {d["name"] for f in hub["folders"] for d in folder_documents(f)} if hub else set()
    nodes = [(await contact(NODE_DOC, {"id": d["id"]}))["node"] for d in shared.documents.values()]
    activity = (await contact(ACTIVITY, {"first": 50}))["activity"]["edges"]
    downloads = [(await contact.http.get(d["downloadUrl"])).status_code for d in shared.documents.values()]
    return {"documents": documents, "nodes": [n for n in nodes if n], "activity": len(activity), "downloads": downloads}


@pytest.fixture
async def shared(world: World, client_factory: Any) -> Shared:
    result = await share_to_contact(world, client_factory)
    # the contact has viewed a document: an event of their own, about a document
    first = next(iter(result.documents.values()))
    assert (await result.contact.http.get(first["viewUrl"])).status_code == 200
    return result


async def test_documents_off_hides_everything_from_the_contact_and_on_gives_it_back(
    world: World, shared: Shared
) -> None:
    # given a contact who sees three documents, and the hub saying DOCUMENTS is on
    before = await _contact_sees(shared)
    assert before["documents"] == {"Price list 2027", "Installation guide", "notes.txt"}
    assert len(before["nodes"]) == 3 and before["activity"] >= 1 and before["downloads"] == [200] * 3
    hub = (await shared.contact(MY_HUB_MODULES))["myHub"]
    assert hub["modules"] == ["DOCUMENTS"] and hub["folders"]

    # when staff switch the customer's DOCUMENTS module off
    await _modules(world, [])

    # then the contact finds nothing: no folders, documents, nodes, document events; downloads are 404
    off = await _contact_sees(shared)
    assert off == {"documents": set(), "nodes": [], "activity": 0, "downloads": [404] * 3}
    hub = (await shared.contact(MY_HUB_MODULES))["myHub"]
    assert hub == {"id": hub["id"], "modules": [], "folders": []}  # the hub itself remains (for other modules)
    printed = await shared.contact(PRINT, {"id": next(iter(shared.documents.values()))["id"]})
    assert printed["recordDocumentPrint"]["errors"][0]["code"] == "NOT_FOUND"

    # and switching it on again gives everything back
    await _modules(world, ["DOCUMENTS", "QUOTES"])
    again = await _contact_sees(shared)
    assert (again["documents"], len(again["nodes"]), again["downloads"]) == (before["documents"], 3, [200] * 3)
    assert again["activity"] > before["activity"]  # the earlier events are back, with the new downloads
    assert (await shared.contact(MY_HUB_MODULES))["myHub"]["modules"] == ["DOCUMENTS", "QUOTES"]


async def test_staff_are_unaffected(world: World, shared: Shared) -> None:
    await _modules(world, [])
    for person_ in (world.acme.admin, world.acme.manager, world.acme.member):
        hub = (await person_.client(HUB, {"id": shared.hub_id}))["hub"]
        names = {d["name"] for f in hub["folders"] for d in folder_documents(f)}
        assert names == {"Price list 2027", "Installation guide", "notes.txt"}, person_.email
    doc = await world.acme.member.client(NODE_DOC, {"id": shared.documents["notes.txt"]["id"]})
    assert (await world.acme.member.client.http.get(doc["node"]["viewUrl"])).status_code == 200


async def test_the_other_organization_sees_nothing_either_way(world: World, shared: Shared) -> None:
    for modules in (["DOCUMENTS"], []):
        await _modules(world, modules)
        globex = world.globex.admin.client
        assert (await globex(HUB, {"id": shared.hub_id}))["hub"] is None
        assert (await globex(NODE_DOC, {"id": shared.documents["notes.txt"]["id"]}))["node"] is None


async def test_a_share_to_a_customer_without_documents_is_refused(world: World) -> None:
    await _modules(world, ["QUOTES"])
    rep = world.acme.member.client
    variables = share_input(world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                            [world.publications["Price list 2027"]])
    done = await rep(SHARE, variables)
    assert done["shareDocuments"]["errors"] == [{
        "code": "MODULE_OFF", "field": "customerId",
        "message": "Documents are switched off for this customer. Switch the Documents module on to share with them.",
    }]
    assert done["shareDocuments"]["share"] is None
    # the other customer, with DOCUMENTS on, is shared to as usual
    other = share_input(world.customer_y, [person("Sven", "Berg", "sven@svea.example")],
                        [world.publications["Price list 2027"]])
    assert (await rep(SHARE, other))["shareDocuments"]["errors"] == []


async def test_a_colleague_grant_follows_the_module(world: World, shared: Shared, client_factory: Any) -> None:
    """A document a colleague was given is a document too: hidden while DOCUMENTS is off."""
    from tests.hubs.helpers import COLLEAGUE, sign_in_contact

    doc = shared.documents["notes.txt"]
    given = await shared.contact(COLLEAGUE, {"input": {"documentId": doc["id"], "firstName": "Ola",
                                                       "lastName": "Berg", "email": "ola@fjord.example"}})
    assert given["shareWithColleague"]["errors"] == []
    colleague = client_factory()
    await sign_in_contact(colleague, "ola@fjord.example", kind="colleague_invitation")
    assert (await colleague(NODE_DOC, {"id": doc["id"]}))["node"]["name"] == "notes.txt"
    await _modules(world, [])
    assert (await colleague(NODE_DOC, {"id": doc["id"]}))["node"] is None


async def test_customers_with_module_filters_on_both_databases(db: str) -> None:
    from portico.accounts.models import Organization

    org = await Organization.create(name="Acme", storage_quota_bytes=1)
    other = await Organization.create(name="Other", storage_quota_bytes=1)
    made = {}
    for name, modules, owner in (("docs", ["DOCUMENTS"], org), ("none", [], org), ("all", ["DOCUMENTS", "INVOICES",
                                 "QUOTES"], org), ("quotes", ["QUOTES"], org), ("foreign", ["QUOTES"], other)):
        made[name] = await Customer.create(organization=owner, kind=CustomerKind.COMPANY, name=name, name_key=name,
                                           modules=modules)

    async def names(module: CustomerModule) -> set[str]:
        return set(await policy.customers_with_module(module).filter(organization_id=org.id)
                   .values_list("name", flat=True))

    assert await names(CustomerModule.DOCUMENTS) == {"docs", "all"}
    assert await names(CustomerModule.QUOTES) == {"all", "quotes"}
    assert await names(CustomerModule.INVOICES) == {"all"}
    assert policy.customer_has_module(made["quotes"], CustomerModule.QUOTES)
    assert not policy.customer_has_module(made["none"], CustomerModule.DOCUMENTS)
    # usable as a subquery of ids, the way contact-facing querysets use it
    from tortoise.expressions import Subquery

    ids = Subquery(policy.customers_with_module(CustomerModule.QUOTES).values_list("id", flat=True))
    assert await Customer.filter(organization_id=other.id, id__in=ids).count() == 1
