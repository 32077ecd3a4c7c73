"""Who sees what (PRODUCT.md), checked through GraphQL for two organizations and every staff role.

Anything outside an actor's view is "not found": `node(id)` and `customer(id)` answer null, and mutations answer
NOT_FOUND with the very message a made-up id gets, so ids do not leak existence across organizations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from tests.conftest import GraphQLClient, Org, Person
from tests.graphql.helpers import (
    ADD_CONTACT,
    ASSIGN,
    ORG_READER,
    add_contact,
    create_api_key,
    create_customer,
    customer_names,
    gid,
    key_client,
)

NODE = "query($id: ID!) { node(id: $id) { __typename id } }"
CUSTOMER = "query($id: ID!) { customer(id: $id) { id contacts { id } } }"
MEMBERS = "{ members(first: 100) { edges { node { id } } } }"
API_KEYS = "{ apiKeys { id } }"
UPDATE_CUSTOMER = """mutation($id: ID!) { updateCustomer(input: {customerId: $id, name: "Hijacked"}) {
  customer { id } errors { code field message } } }"""
UPDATE_CONTACT = """mutation($id: ID!) { updateContact(input: {contactId: $id, firstName: "Hijacked"}) {
  contact { id } errors { code field message } } }"""
DELETE_CONTACT = """mutation($id: ID!) { deleteContact(input: {contactId: $id}) { contact { id }
  errors { code field message } } }"""
CHANGE_ROLE = """mutation($id: ID!) { changeMemberRole(input: {memberId: $id, role: ADMIN}) { member { id }
  errors { code field message } } }"""
DEACTIVATE = """mutation($id: ID!) { deactivateMember(input: {memberId: $id}) { member { id }
  errors { code field message } } }"""
REVOKE = """
mutation($id: ID!) { revokeApiKey(input: {apiKeyId: $id}) { apiKey { id } errors { code field message } } }
"""


@dataclass
class Tenant:
    org: Org
    label: str
    admin_customer: str  # created by the ADMIN: not account-managed by any MEMBER
    admin_contact: str
    rep_customer: str  # created by `member`, who thereby account-manages it
    rep_contact: str
    api_key: str

    def people(self) -> dict[str, Person]:
        return {"admin": self.org.admin, "manager": self.org.manager, "member": self.org.member,
                "member2": self.org.member2}

    def member_ids(self) -> set[str]:
        return {p.member_id for p in self.people().values()}


async def _tenant(org: Org, label: str) -> Tenant:
    admin_customer = await create_customer(org.admin.client, f"{label} Admin Co")
    admin_contact = (await add_contact(org.admin.client, admin_customer, "Ann", label, f"ann@{label}.example"))["id"]
    rep_customer = await create_customer(org.member.client, f"{label} Rep Co")
    rep_contact = (await add_contact(org.member.client, rep_customer, "Rob", label, f"rob@{label}.example"))["id"]
    key_id, _ = await create_api_key(org.admin.client, ["ORG_READ"])
    return Tenant(org, label, admin_customer, admin_contact, rep_customer, rep_contact, key_id)


@pytest.fixture
async def tenants(two_orgs: tuple[Org, Org]) -> tuple[Tenant, Tenant]:
    acme, globex = two_orgs
    return await _tenant(acme, "acme"), await _tenant(globex, "globex")


def _customers_for(tenant: Tenant, role: str) -> set[str]:
    return {
        "admin": {tenant.admin_customer, tenant.rep_customer},
        "manager": {tenant.admin_customer, tenant.rep_customer},
        "member": {tenant.rep_customer},
        "member2": set(),
    }[role]


async def _visible(client: GraphQLClient, global_id: str) -> bool:
    node = (await client(NODE, {"id": global_id}))["node"]
    assert node is None or node["id"] == global_id
    return node is not None


async def test_customer_and_contact_visibility_matrix(tenants: tuple[Tenant, Tenant]) -> None:
    for mine, theirs in (tenants, tenants[::-1]):
        for role, person in mine.people().items():
            allowed = _customers_for(mine, role)
            # the list
            expected_names = {f"{mine.label} {n}" for c, n in ((mine.admin_customer, "Admin Co"),
                                                                (mine.rep_customer, "Rep Co")) if c in allowed}
            assert await customer_names(person.client) == expected_names, role
            # single lookups, own organization and the other one
            for customer, contact in ((mine.admin_customer, mine.admin_contact),
                                      (mine.rep_customer, mine.rep_contact),
                                      (theirs.admin_customer, theirs.admin_contact),
                                      (theirs.rep_customer, theirs.rep_contact)):
                expected = customer in allowed
                found = (await person.client(CUSTOMER, {"id": customer}))["customer"]
                assert (found is not None) is expected, (role, customer)
                if found is not None:
                    assert found["contacts"] == [{"id": contact}]
                assert await _visible(person.client, customer) is expected, (role, customer)
                assert await _visible(person.client, contact) is expected, (role, contact)


async def test_a_member_sees_what_they_create_and_nothing_else(tenants: tuple[Tenant, Tenant]) -> None:
    acme, _ = tenants
    member2 = acme.org.member2

    # when member2 creates a customer, they are its account manager and see it
    created = await create_customer(member2.client, "Mine")
    assert await customer_names(member2.client) == {"Mine"}
    assert await _visible(member2.client, created)

    # but a customer of their organization they do not manage is "not found" for writes, like a missing one
    hidden = await member2.client(UPDATE_CUSTOMER, {"id": acme.admin_customer})
    missing = await member2.client(UPDATE_CUSTOMER, {"id": gid("Customer", 987654321)})
    assert [e["code"] for e in hidden["updateCustomer"]["errors"]] == ["NOT_FOUND"]
    assert hidden["updateCustomer"]["errors"] == missing["updateCustomer"]["errors"]
    hidden = await member2.client(UPDATE_CONTACT, {"id": acme.admin_contact})
    assert [e["code"] for e in hidden["updateContact"]["errors"]] == ["NOT_FOUND"]
    # and ADMIN and MANAGER see it too, the other MEMBER does not
    assert "Mine" in await customer_names(acme.org.admin.client)
    assert "Mine" in await customer_names(acme.org.manager.client)
    assert "Mine" not in await customer_names(acme.org.member.client)


async def test_member_visibility_matrix(tenants: tuple[Tenant, Tenant]) -> None:
    for mine, theirs in (tenants, tenants[::-1]):
        for role, person in mine.people().items():
            listed = {e["node"]["id"] for e in (await person.client(MEMBERS))["members"]["edges"]}
            assert listed == mine.member_ids(), role
            for member_id in mine.member_ids():
                assert await _visible(person.client, member_id), (role, member_id)
            for member_id in theirs.member_ids():
                assert not await _visible(person.client, member_id), (role, member_id)


async def test_api_key_visibility_matrix(tenants: tuple[Tenant, Tenant],
                                         client_factory: Callable[..., GraphQLClient]) -> None:
    for mine, theirs in (tenants, tenants[::-1]):
        for role, person in mine.people().items():
            if role == "admin":
                assert (await person.client(API_KEYS))["apiKeys"] == [{"id": mine.api_key}]
                assert await _visible(person.client, mine.api_key)
            else:
                body = await person.client.raw(API_KEYS)
                assert body["errors"][0]["extensions"]["code"] == "NOT_ALLOWED", role
                assert not await _visible(person.client, mine.api_key), role
            assert not await _visible(person.client, theirs.api_key), role

    # an API key (even an org-wide reader) sees no keys, and the customers and colleagues of its organization only
    acme, globex = tenants
    _, secret = await create_api_key(acme.org.admin.client, ORG_READER)
    reader = key_client(client_factory, secret)
    assert not await _visible(reader, acme.api_key)
    assert (await reader.raw(API_KEYS))["errors"][0]["extensions"]["code"] == "NOT_ALLOWED"
    assert await _visible(reader, acme.admin_customer) and await _visible(reader, acme.rep_contact)
    assert not await _visible(reader, globex.admin_customer) and not await _visible(reader, globex.rep_contact)
    assert await _visible(reader, acme.org.member.member_id)
    assert not await _visible(reader, globex.org.member.member_id)


async def test_mutations_on_another_organization_are_not_found(tenants: tuple[Tenant, Tenant]) -> None:
    acme, globex = tenants
    admin = globex.org.admin.client
    cases = [
        (UPDATE_CUSTOMER, "updateCustomer", acme.admin_customer, "Customer"),
        (UPDATE_CONTACT, "updateContact", acme.admin_contact, "Contact"),
        (DELETE_CONTACT, "deleteContact", acme.rep_contact, "Contact"),
        (CHANGE_ROLE, "changeMemberRole", acme.org.member.member_id, "Member"),
        (DEACTIVATE, "deactivateMember", acme.org.member.member_id, "Member"),
        (REVOKE, "revokeApiKey", acme.api_key, "ApiKey"),
    ]
    for operation, name, foreign_id, type_name in cases:
        foreign = (await admin(operation, {"id": foreign_id}))[name]
        missing = (await admin(operation, {"id": gid(type_name, 987654321)}))[name]
        assert [e["code"] for e in foreign["errors"]] == ["NOT_FOUND"], name
        assert foreign["errors"] == missing["errors"], name
        assert "Hijacked" not in str(foreign)

    data = await admin(ADD_CONTACT, {"input": {"customerId": acme.admin_customer, "firstName": "X", "lastName": "Y"}})
    missing = await admin(ADD_CONTACT, {"input": {"customerId": gid("Customer", 987654321), "firstName": "X",
                                                  "lastName": "Y"}})
    assert data["addContact"]["errors"] == missing["addContact"]["errors"]
    data = await admin(ASSIGN, {"input": {"customerIds": [acme.admin_customer],
                                          "memberIds": [globex.org.member.member_id]}})
    assert [e["code"] for e in data["assignAccountManagers"]["errors"]] == ["NOT_FOUND"]

    # nothing changed at acme
    assert await customer_names(acme.org.admin.client) == {"acme Admin Co", "acme Rep Co"}
    assert await _visible(acme.org.member.client, acme.rep_contact)
    assert (await acme.org.member.client("{ me { member { role isActive } } }"))["me"]["member"] == {
        "role": "MEMBER", "isActive": True}
    assert (await acme.org.admin.client(API_KEYS))["apiKeys"] == [{"id": acme.api_key}]
    assert await customer_names(globex.org.member.client) == {"globex Rep Co"}
