"""Seed 000, the customer side: the emailed link, passwords, the hub a contact sees, printing, sharing onward."""

from __future__ import annotations

from typing import Any

from portico.activity.models import ActivityKind
from tests.hubs.helpers import (
    CONTACT_PASSWORD,
    HUB_LOG_IN,
    MY_HUB,
    NODE_DOC,
    PRINT,
    REDEEM,
    SET_PASSWORD,
    World,
    events,
    latest_link,
    my_documents,
    person,
    pk,
    share,
    share_to_contact,
    sign_in_contact,
    token_of,
)


async def test_link_signs_in_once_then_password_and_log_in(world: World, client_factory: Any) -> None:
    await share(world.acme.member.client, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                [world.publications["Price list 2027"]])
    token = token_of(await latest_link("mette@fjord.example"))
    browser = client_factory()
    response = await browser.http.post("/graphql", json={"query": REDEEM, "variables": {"t": token}})
    assert response.status_code == 200
    payload = response.json()["data"]["redeemHubLink"]
    assert payload["errors"] == []
    assert payload["needsPassword"] is True
    assert payload["viewer"]["kind"] == "CONTACT"
    assert payload["viewer"]["contact"]["email"] == "mette@fjord.example"
    cookie = response.headers["set-cookie"]
    assert "portico_session=" in cookie and "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    assert token not in response.text
    me = await browser("{ me { kind contact { email } } }")
    assert me["me"]["kind"] == "CONTACT"

    # It signs in once: on another device it asks who is there (tests/hubs/test_hub_links.py has the rest).
    again = await client_factory()(REDEEM, {"t": token})
    assert again["redeemHubLink"]["viewer"] is None
    assert again["redeemHubLink"]["errors"] == []
    bogus = await client_factory()(REDEEM, {"t": "not-a-token"})
    assert bogus["redeemHubLink"]["errors"][0]["code"] == "INVALID_TOKEN"

    weak = await browser(SET_PASSWORD, {"p": "short"})
    assert weak["setContactPassword"]["errors"][0]["code"] == "WEAK_PASSWORD"
    ok = await browser(SET_PASSWORD, {"p": CONTACT_PASSWORD})
    assert ok["setContactPassword"] == {"ok": True, "errors": []}

    later = client_factory()
    wrong = await later(HUB_LOG_IN, {"e": "mette@fjord.example", "p": "wrong password 123"})
    assert wrong["hubLogIn"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    anonymous = await later.raw("{ myHub { id } }")
    assert anonymous["errors"] and not (anonymous.get("data") or {}).get("myHub")
    logged = await later(HUB_LOG_IN, {"e": "  Mette@Fjord.example ", "p": CONTACT_PASSWORD})
    assert logged["hubLogIn"]["errors"] == []
    assert logged["hubLogIn"]["viewer"]["contact"]["email"] == "mette@fjord.example"
    docs = await my_documents(later)
    assert list(docs) == ["Price list 2027"]

    # A second share: the new link signs in again, and a password is no longer needed.
    await share(world.acme.member.client, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                [world.publications["Installation guide"]])
    second = await sign_in_contact(client_factory(), "mette@fjord.example")
    assert second["needsPassword"] is False


async def test_staff_cannot_set_a_contact_password_nor_log_in_to_a_hub(world: World) -> None:
    result = await world.acme.member.client(SET_PASSWORD, {"p": CONTACT_PASSWORD})
    assert result["setContactPassword"]["errors"][0]["code"] == "NOT_ALLOWED"
    staff = await world.acme.member.client(HUB_LOG_IN, {"e": world.acme.member.email, "p": "correct horse battery"})
    assert staff["hubLogIn"]["errors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_my_hub_shows_only_shares_addressed_to_the_contact(world: World, client_factory: Any) -> None:
    a, b = world.acme.member.client, world.acme.member2.client
    pubs = world.publications
    await share(a, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")], [pubs["Price list 2027"]])
    await share(a, world.customer_x, [person("Erik", "Lund", "erik@fjord.example")], [pubs["Installation guide"]])
    await share(b, world.customer_x,
                [person("Mette", "Larsen", "mette@fjord.example"), person("Erik", "Lund", "erik@fjord.example")],
                [pubs["Trailmaster 300 sheet"]])
    mette, erik = client_factory(), client_factory()
    await sign_in_contact(mette, "mette@fjord.example")
    await sign_in_contact(erik, "erik@fjord.example")
    mette_hub = (await mette(MY_HUB))["myHub"]
    erik_hub = (await erik(MY_HUB))["myHub"]
    assert mette_hub["id"] == erik_hub["id"]  # one hub per customer
    assert set(await my_documents(mette)) == {"Price list 2027", "Trailmaster 300 sheet"}
    assert set(await my_documents(erik)) == {"Installation guide", "Trailmaster 300 sheet"}
    # Folders: only those holding something the contact may see (A's folder and B's folder).
    assert len(mette_hub["folders"]) == 2
    assert [f["name"].split(" · ")[1] for f in mette_hub["folders"]] in (["Rita Rep", "Bob Rep"],
                                                                           ["Bob Rep", "Rita Rep"])
    # Erik cannot reach Mette's document by id, nor view/print it.
    mette_only = (await my_documents(mette))["Price list 2027"]
    assert (await erik(NODE_DOC, {"id": mette_only["id"]}))["node"] is None
    printed = await erik(PRINT, {"id": mette_only["id"]})
    assert printed["recordDocumentPrint"]["errors"][0]["code"] == "NOT_FOUND"
    # The share's sender is visible to the contact; the staff list is not.
    members = await mette.raw("{ members { edges { node { id } } } }")
    assert members.get("errors") or len(members["data"]["members"]["edges"]) <= 2


async def test_contacts_of_one_customer_never_see_another_customers_hub(world: World, client_factory: Any) -> None:
    x = await share_to_contact(world, client_factory)
    y = await share_to_contact(world, client_factory, customer_id=world.customer_y, email="sara@svea.example",
                               first="Sara")
    assert x.hub_id != y.hub_id
    for doc in y.documents.values():
        assert (await x.contact(NODE_DOC, {"id": doc["id"]}))["node"] is None
    assert (await x.contact("query($id: ID!) { hub(id: $id) { id } }", {"id": y.hub_id}))["hub"] is None
    assert (await x.contact("query($id: ID!) { node(id: $id) { id } }", {"id": y.share_id}))["node"] is None
    assert (await x.contact("query($id: ID!) { customer(id: $id) { id } }", {"id": world.customer_y}))[
        "customer"] is None
    # Links issued to Y's contact do not work in X's browser... they are bearer links by design for 15 minutes,
    # but a link made out for X's contact to Y's document does not exist; X's own myHub is X's.
    assert (await x.contact(MY_HUB))["myHub"]["id"] == x.hub_id
    # The other organization's contacts and staff see none of it either.
    for doc in x.documents.values():
        assert (await world.globex.admin.client(NODE_DOC, {"id": doc["id"]}))["node"] is None


async def test_print_is_recorded_for_the_share_sender(world: World, client_factory: Any) -> None:
    shared = await share_to_contact(world, client_factory)
    doc = shared.documents["Installation guide"]
    result = await shared.contact(PRINT, {"id": doc["id"]})
    assert result["recordDocumentPrint"] == {"ok": True, "errors": []}
    [event] = await events(kind=ActivityKind.DOCUMENT_PRINTED)
    assert event.document_id == pk(doc["id"])
    assert event.share_id == pk(shared.share_id)
    assert event.sender_id == pk(world.acme.member.member_id)
    assert event.contact_id == pk(shared.contact_id)
    assert event.actor_name == "Mette Larsen"
    # Staff cannot record prints (that is customer activity).
    staff = await world.acme.member.client(PRINT, {"id": doc["id"]})
    assert staff["recordDocumentPrint"]["errors"][0]["code"] == "NOT_ALLOWED"
    assert len(await events(kind=ActivityKind.DOCUMENT_PRINTED)) == 1


async def test_switching_hub_access_off_ends_the_contacts_access(world: World, client_factory: Any) -> None:
    shared = await share_to_contact(world, client_factory)
    await world.acme.admin.client(
        """mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { errors { code } } }""",
        {"input": {"customerId": world.customer_x, "hubAccess": False}},
    )
    data = await shared.contact.raw("{ myHub { id } }")
    assert data.get("errors") or data["data"]["myHub"] is None
    response = await shared.contact.http.get(shared.documents["notes.txt"]["viewUrl"])
    assert response.status_code == 404
