"""What a customer contact does not learn (issue 7, point 10): the vendor's internals (storage quota and usage, member
roles, standard messages, organization settings) come back null, and searching customers does not match the emails
of their co-contacts. Staff, and their API keys, still see all of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import GraphQLClient, Org
from tests.graphql.helpers import add_contact, create_api_key, key_client
from tests.hubs.helpers import create_customer, person, share, sign_in_contact, upload_ok

ORG_FIELDS = "id name timezone storageQuotaBytes storageUsedBytes memberDocumentVisibility"
MEMBER_FIELDS = "id fullName email role isAccountManager standardMessage"
INTERNALS = f"""query($sender: ID!) {{
  organization {{ {ORG_FIELDS} }}
  me {{ organization {{ {ORG_FIELDS} }} }}
  node(id: $sender) {{ ... on Member {{ {MEMBER_FIELDS} }} }}
  myHub {{ folders {{ sender {{ {MEMBER_FIELDS} }} }} }}
}}"""
SEARCH = "query($s: String) { customers(search: $s) { totalCount edges { node { name } } } }"
SETTINGS = """mutation($m: String) { updateMySettings(input: {standardMessage: $m}) { errors { code } } }"""
ORG_INTERNALS = ("timezone", "storageQuotaBytes", "storageUsedBytes", "memberDocumentVisibility")
MEMBER_INTERNALS = ("role", "isAccountManager", "standardMessage")


async def _contact_of_fjord(acme: Org, make_client: Callable[..., GraphQLClient]) -> tuple[GraphQLClient, str]:
    """Mette, a signed-in contact of customer Fjord, whose co-contact is ole.secret@fjord.example."""
    await acme.member.client(SETTINGS, {"m": "Internal: offer at most 10 % discount."})
    customer = await create_customer(acme.admin.client, "Fjord Logistics", [acme.member.member_id])
    await add_contact(acme.admin.client, customer, "Ole", "Secret", "ole.secret@fjord.example")
    upload = await upload_ok(acme.member.client, b"Meeting notes\n" * 20, "notes.txt")
    await share(acme.member.client, customer, [person("Mette", "Larsen", "mette@fjord.example")], [], [upload])
    contact = make_client()
    await sign_in_contact(contact, "mette@fjord.example")
    return contact, customer


def _members(data: dict[str, Any]) -> list[dict[str, Any]]:
    senders = [f["sender"] for f in (data["myHub"] or {"folders": []})["folders"]]
    return [data["node"], *senders]


async def test_a_contact_gets_null_for_vendor_internals(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, _ = two_orgs
    contact, _ = await _contact_of_fjord(acme, client_factory)

    data = await contact(INTERNALS, {"sender": acme.member.member_id})
    for org in (data["organization"], data["me"]["organization"]):
        assert org["name"] == "Acme Sales"
        assert all(org[name] is None for name in ORG_INTERNALS), org
    members = _members(data)
    assert len(members) == 2 and all(m["id"] == acme.member.member_id for m in members)
    for member in members:
        assert member["fullName"] == "Rita Rep" and member["email"] == acme.member.email  # who shared: shown
        assert all(member[name] is None for name in MEMBER_INTERNALS), member


async def test_staff_and_their_api_keys_still_see_the_internals(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, _ = two_orgs
    await _contact_of_fjord(acme, client_factory)
    _, secret = await create_api_key(acme.admin.client, ["ORG_READ"], name="Reader")
    for staff in (acme.admin.client, acme.member.client, key_client(client_factory, secret)):
        data = await staff(INTERNALS, {"sender": acme.member.member_id})
        assert all(data["organization"][name] is not None for name in ORG_INTERNALS)
        assert data["node"]["role"] == "MEMBER" and data["node"]["isAccountManager"] is True
        assert data["node"]["standardMessage"] == "Internal: offer at most 10 % discount."


async def test_a_contacts_search_does_not_match_co_contacts_emails(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, _ = two_orgs
    contact, _ = await _contact_of_fjord(acme, client_factory)

    async def found(client: GraphQLClient, term: str) -> list[str]:
        data = await client(SEARCH, {"s": term})
        return [e["node"]["name"] for e in data["customers"]["edges"]]

    # Probing letter by letter would spell out a co-contact's address: it matches nothing.
    assert await found(contact, "ole.secret") == []
    assert await found(contact, "ole.secret@fjord.example") == []
    # Their own customer, by name or by their own address, still matches.
    assert await found(contact, "fjord") == ["Fjord Logistics"]
    assert await found(contact, "mette@") == ["Fjord Logistics"]
    # Staff who see the customer find it by any of its contacts' emails.
    assert await found(acme.member.client, "ole.secret") == ["Fjord Logistics"]
