"""API-key scopes cover reads (issue 7, point 9): a key reads a kind of data only with its read scope, whatever its
reach (a member it acts as, or the whole organization with ORG_READ). Without it a list is empty and an object null,
as if there were none; a write scope reads nothing. The schema's descriptions say which scope each field needs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from portico.graphql.schema import build_schema
from tests.conftest import GraphQLClient, Org
from tests.graphql.helpers import ORG_READER, READ_SCOPES, create_api_key, key_client
from tests.hubs.helpers import (
    UPDATE_ORG,
    add_publication,
    create_customer,
    create_library,
    person,
    share,
    share_errors,
    sign_in_contact,
)

EVERYTHING = """query($customer: ID!, $hub: ID!, $document: ID!) {
  organization { name }
  members { edges { node { id } } }
  customers { totalCount edges { node { name contacts { email } } } }
  customer(id: $customer) { name }
  libraries { name }
  publications { totalCount }
  hub(id: $hub) { id folders { documents { edges { node { name } } } } insights { prints } }
  document: node(id: $document) { id }
  activity { edges { node { kind } } }
}"""
UPDATE_CUSTOMER = """mutation($id: ID!) { updateCustomer(input: {customerId: $id, name: "Renamed"}) {
  customer { name } errors { code } } }"""
CREATE_CUSTOMER = """mutation { createCustomer(input: {kind: COMPANY, name: "Via API"}) {
  customer { name contacts { id } } errors { code } } }"""
VIEW = """mutation($id: ID!) { recordDocumentPrint(input: {documentId: $id}) { errors { code } } }"""


async def _acme_world(acme: Org) -> dict[str, str]:
    """A customer with a hub and a shared document."""
    library = await create_library(acme.admin.client)
    publication = await add_publication(acme.admin.client, library, "Price list 2027")
    customer = await create_customer(acme.admin.client, "Fjord Logistics", [acme.member.member_id])
    sent = await share(acme.member.client, customer, [person("Mette", "Larsen", "mette@fjord.example")],
                       [publication])
    document = sent["share"]["documents"][0]["id"]
    return {"customer": customer, "hub": sent["hub"]["id"], "document": document, "publication": publication,
            "mette": "mette@fjord.example"}


async def _reads(client: GraphQLClient, ids: dict[str, str]) -> dict[str, Any]:
    data = await client(EVERYTHING, {"customer": ids["customer"], "hub": ids["hub"], "document": ids["document"]})
    return {
        "organization": data["organization"] is not None,
        "members": bool(data["members"]["edges"]),
        "customers": data["customers"]["totalCount"] > 0 and data["customer"] is not None,
        "contacts": any(c["contacts"] for c in (e["node"] for e in data["customers"]["edges"])),
        "documents": bool(data["libraries"]) and data["publications"]["totalCount"] > 0
        and data["hub"] is not None and data["document"] is not None,
        "activity": bool(data["activity"]["edges"]),
        # figures derive from activity: a hub read without ACTIVITY_READ counts nothing
        "figures": data["hub"] is not None and data["hub"]["insights"]["prints"] > 0,
    }


async def _key(admin: GraphQLClient, make: Callable[..., GraphQLClient], scopes: list[str],
               acts_as: str | None = None) -> GraphQLClient:
    _, secret = await create_api_key(admin, scopes, acts_as=acts_as)
    return key_client(make, secret)


async def test_each_kind_of_data_needs_its_read_scope(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, globex = two_orgs
    ids = await _acme_world(acme)
    # an event to read: the contact prints the document
    contact = client_factory()
    await sign_in_contact(contact, ids["mette"])
    assert (await contact(VIEW, {"id": ids["document"]}))["recordDocumentPrint"]["errors"] == []

    admin = acme.admin.client
    directory = {"organization": True, "members": True}
    nothing = {**directory, "customers": False, "contacts": False, "documents": False, "activity": False,
               "figures": False}
    cases: list[tuple[list[str], str | None, dict[str, bool]]] = [
        # a key with only ORG_READ, or only write scopes, reads the directory and nothing else
        (["ORG_READ"], None, nothing),
        (["CUSTOMERS_WRITE", "SHARES_WRITE"], acme.member.member_id, nothing),
        # each read scope opens its kind of data, and only that
        (["ORG_READ", "CUSTOMERS_READ"], None, {**nothing, "customers": True, "contacts": True}),
        (["ORG_READ", "DOCUMENTS_READ"], None, {**nothing, "documents": True}),
        (["ORG_READ", "ACTIVITY_READ"], None, {**nothing, "activity": True}),
        (ORG_READER, None,
         {**nothing, "customers": True, "contacts": True, "documents": True, "activity": True, "figures": True}),
        # a key acting as a member: the same, within that member's reach
        (READ_SCOPES, acme.member.member_id,
         {**nothing, "customers": True, "contacts": True, "documents": True, "activity": True, "figures": True}),
        (["DOCUMENTS_READ"], acme.member.member_id, {**nothing, "documents": True}),
    ]
    for scopes, acts_as, expected in cases:
        key = await _key(admin, client_factory, scopes, acts_as)
        assert await _reads(key, ids) == expected, scopes

    # the member's reach still bounds a key with every read scope: member2 manages no customer, sent no share
    as_member2 = await _key(admin, client_factory, READ_SCOPES, acme.member2.member_id)
    reads = await _reads(as_member2, ids)
    assert not reads["customers"] and not reads["activity"]

    # another organization's reader with every read scope sees none of it
    globex_reader = await _key(globex.admin.client, client_factory, ORG_READER)
    assert await _reads(globex_reader, ids) == {**nothing, "members": True}


async def test_a_write_scope_reads_nothing_but_what_it_writes(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, _ = two_orgs
    ids = await _acme_world(acme)
    writer = await _key(acme.admin.client, client_factory, ["CUSTOMERS_WRITE", "SHARES_WRITE"], acme.member.member_id)

    # it creates a customer (the payload is its own write), but reads no contacts of it
    created = (await writer(CREATE_CUSTOMER))["createCustomer"]
    assert created["errors"] == [] and created["customer"] == {"name": "Via API", "contacts": []}
    # an existing customer is found only with CUSTOMERS_READ: as if it did not exist
    assert [e["code"] for e in (await writer(UPDATE_CUSTOMER, {"id": ids["customer"]}))["updateCustomer"]["errors"]] \
        == ["NOT_FOUND"]
    assert [e["code"] for e in await share_errors(writer, ids["customer"], [person("A", "B", "a@fjord.example")],
                                                  [ids["publication"]])] == ["NOT_FOUND"]

    # with the read scopes that find its targets, the same writes go through
    able = await _key(acme.admin.client, client_factory, ["CUSTOMERS_WRITE", "SHARES_WRITE", "CUSTOMERS_READ",
                                                          "DOCUMENTS_READ"], acme.member.member_id)
    assert (await able(UPDATE_CUSTOMER, {"id": ids["customer"]}))["updateCustomer"]["errors"] == []
    await share(able, ids["customer"], [person("A", "B", "a@fjord.example")], [ids["publication"]])

    # organization settings stay out of any key's reach
    refused = await able(UPDATE_ORG, {"input": {"timezone": "Europe/Oslo"}})
    assert [e["code"] for e in refused["updateOrganization"]["errors"]] == ["NOT_ALLOWED"]


def test_the_schema_says_which_scope_each_field_needs() -> None:
    schema = build_schema()._schema
    query = schema.query_type
    assert query is not None
    fields = query.fields
    for name, scope in (("customers", "CUSTOMERS_READ"), ("customer", "CUSTOMERS_READ"),
                        ("libraries", "DOCUMENTS_READ"), ("publications", "DOCUMENTS_READ"),
                        ("hub", "DOCUMENTS_READ"), ("activity", "ACTIVITY_READ")):
        assert scope in (fields[name].description or ""), name
    assert "CUSTOMERS_READ" in (fields["node"].description or "")
    subscription = schema.subscription_type
    assert subscription is not None and "ACTIVITY_READ" in (subscription.fields["activity"].description or "")
    for type_name, scope in (("Customer", "CUSTOMERS_READ"), ("Contact", "CUSTOMERS_READ"),
                             ("Document", "DOCUMENTS_READ"), ("Hub", "DOCUMENTS_READ"), ("Share", "DOCUMENTS_READ"),
                             ("ActivityEvent", "ACTIVITY_READ"), ("Insights", "ACTIVITY_READ")):
        assert scope in (schema.type_map[type_name].description or ""), type_name
    mutation = schema.mutation_type
    assert mutation is not None
    assert "SHARES_WRITE" in (mutation.fields["shareDocuments"].description or "")
    assert "CUSTOMERS_WRITE" in (mutation.fields["updateCustomer"].description or "")
