"""Seed 000 "share with a colleague", issue 7 point 2: the colleague gets the ONE document that was shared (not the
whole share), becomes a tracked contact, and each contact may do it 10 times an hour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from portico.activity.models import ActivityEvent, ActivityKind
from portico.customers.models import Contact
from portico.hubs.models import DocumentGrant
from tests.hubs.helpers import (
    COLLEAGUE,
    NODE_DOC,
    PRINT,
    World,
    activity_of,
    events,
    my_documents,
    outbox_for,
    person,
    pk,
    share,
    share_to_contact,
    sign_in_contact,
)

OPEN_HUB = "mutation { openHub { ok } }"
MY_HUB_SENDERS = "{ myHub { folders { sender { fullName } documents { edges { node { name share { id } } } } } } }"
SHARE_NODE = "query($id: ID!) { node(id: $id) { id ... on Share { message recipients { email } } } }"


def _colleague(document_id: str, email: str = "Nina@Fjord.example", first: str = "Nina") -> dict[str, Any]:
    return {"input": {"documentId": document_id, "firstName": first, "lastName": "Holm", "email": email}}


async def test_the_colleague_gets_the_one_document_and_nothing_else(world: World, client_factory: Any) -> None:
    shared = await share_to_contact(world, client_factory)  # A's share: two publications and notes.txt
    price = shared.documents["Price list 2027"]
    before = await Contact.filter(customer_id=pk(world.customer_x)).count()

    result = await shared.contact(COLLEAGUE, _colleague(price["id"]))

    payload = result["shareWithColleague"]
    assert payload["errors"] == []
    assert payload["contact"]["email"] == "nina@fjord.example" and payload["contact"]["hubAccess"] is True
    assert payload["contact"]["customer"]["id"] == world.customer_x
    assert await Contact.filter(customer_id=pk(world.customer_x)).count() == before + 1
    nina_row = await Contact.get(email="nina@fjord.example")
    assert nina_row.invited_by_id == pk(shared.contact_id)  # type: ignore[attr-defined]
    [email] = await outbox_for("nina@fjord.example", kind="colleague_invitation")
    assert "Mette Larsen" in email.text and "Price list 2027" in email.text
    assert "Installation guide" not in email.text
    [event] = await events(kind=ActivityKind.SHARED_WITH_COLLEAGUE)
    assert (event.sender_id, event.share_id, event.contact_id, event.detail) == (
        pk(world.acme.member.member_id), pk(shared.share_id), pk(shared.contact_id), "nina@fjord.example")

    # Her hub: the price list, in the sender's folder (whose name she sees), and nothing else of the share.
    nina = client_factory()
    assert (await sign_in_contact(nina, "nina@fjord.example", kind="colleague_invitation"))["needsPassword"] is True
    assert list(await my_documents(nina)) == ["Price list 2027"]
    [folder] = (await nina(MY_HUB_SENDERS))["myHub"]["folders"]
    assert folder["sender"] == {"fullName": "Rita Rep"}
    assert folder["documents"]["edges"][0]["node"]["share"] is None  # the share's message and recipients are not hers
    assert (await nina(SHARE_NODE, {"id": shared.share_id}))["node"] is None
    for other in ("Installation guide", "notes.txt"):
        assert (await nina(NODE_DOC, {"id": shared.documents[other]["id"]}))["node"] is None
        printed = await nina(PRINT, {"id": shared.documents[other]["id"]})
        assert printed["recordDocumentPrint"]["errors"][0]["code"] == "NOT_FOUND"
        onward = await nina(COLLEAGUE, _colleague(shared.documents[other]["id"], "ola@fjord.example", "Ola"))
        assert onward["shareWithColleague"]["errors"][0]["code"] == "NOT_FOUND"
    # The share's recipients are unchanged (the rep sees who got the share, and the grant's event for the rest).
    recipients = await world.acme.member.client(SHARE_NODE, {"id": shared.share_id})
    assert [r["email"] for r in recipients["node"]["recipients"]] == ["mette@fjord.example"]

    # What she does is tracked for the share's sender (A), not for B.
    granted = (await my_documents(nina))["Price list 2027"]
    assert (await nina.http.get(granted["viewUrl"])).status_code == 200
    assert (await nina(OPEN_HUB))["openHub"]["ok"] is True
    a_kinds = {e["kind"] for e in await activity_of(world.acme.member.client) if e["actorName"] == "Nina Holm"}
    assert a_kinds == {"DOCUMENT_VIEWED", "HUB_OPENED"}
    assert [e for e in await activity_of(world.acme.member2.client) if e["actorName"] == "Nina Holm"] == []


async def test_an_existing_contact_gains_just_that_document(world: World, client_factory: Any) -> None:
    shared = await share_to_contact(world, client_factory)
    await share(world.acme.member2.client, world.customer_x, [person("Erik", "Lund", "erik@fjord.example")],
                [world.publications["Trailmaster 300 sheet"]])
    erik = client_factory()
    await sign_in_contact(erik, "erik@fjord.example")
    assert list(await my_documents(erik)) == ["Trailmaster 300 sheet"]
    for _ in range(2):  # twice: one grant, two emails
        result = await shared.contact(COLLEAGUE, _colleague(shared.documents["notes.txt"]["id"], "erik@fjord.example",
                                                            "Erik"))
        assert result["shareWithColleague"]["errors"] == []
    assert set(await my_documents(erik)) == {"Trailmaster 300 sheet", "notes.txt"}
    assert await DocumentGrant.filter(contact__email="erik@fjord.example").count() == 1
    assert len(await outbox_for("erik@fjord.example", kind="colleague_invitation")) == 2
    erik_row = await Contact.get(email="erik@fjord.example")
    assert (erik_row.first_name, erik_row.invited_by_id) == ("Erik", None)  # type: ignore[attr-defined]


async def test_ten_shares_an_hour_per_contact(world: World, client_factory: Any) -> None:
    shared = await share_to_contact(world, client_factory)
    doc = shared.documents["Price list 2027"]["id"]
    for i in range(10):
        ok = await shared.contact(COLLEAGUE, _colleague(doc, f"c{i}@fjord.example", f"C{i}"))
        assert ok["shareWithColleague"]["errors"] == [], i
    contacts = await Contact.all().count()

    refused = await shared.contact(COLLEAGUE, _colleague(doc, "c10@fjord.example", "C10"))

    [error] = refused["shareWithColleague"]["errors"]
    assert error["code"] == "TOO_MANY_SHARES" and "10" in error["message"]
    assert await Contact.all().count() == contacts
    assert await outbox_for("c10@fjord.example", kind="colleague_invitation") == []
    # Another contact of the same customer has their own allowance.
    other = await share_to_contact(world, client_factory, email="erik@fjord.example", first="Erik")
    ok = await other.contact(COLLEAGUE, _colleague(other.documents["notes.txt"]["id"], "d@fjord.example", "D"))
    assert ok["shareWithColleague"]["errors"] == []
    # An hour later the allowance is back.
    await ActivityEvent.filter(contact_id=pk(shared.contact_id)).update(
        occurred_at=datetime.now(UTC) - timedelta(minutes=61))
    again = await shared.contact(COLLEAGUE, _colleague(doc, "c10@fjord.example", "C10"))
    assert again["shareWithColleague"]["errors"] == []


async def test_refusals_write_nothing(world: World, client_factory: Any) -> None:
    shared = await share_to_contact(world, client_factory)
    doc = shared.documents["Price list 2027"]["id"]
    contacts = await Contact.all().count()
    bad = await shared.contact(COLLEAGUE, {"input": {"documentId": doc, "firstName": "", "lastName": "X",
                                                     "email": "not-an-email"}})
    codes = {(e["code"], e["field"]) for e in bad["shareWithColleague"]["errors"]}
    assert ("REQUIRED", "firstName") in codes and ("INVALID_EMAIL", "email") in codes
    own = await shared.contact(COLLEAGUE, _colleague(doc, "METTE@fjord.example", "Mette"))
    assert own["shareWithColleague"]["errors"][0]["code"] == "OWN_ADDRESS"
    await Contact.create(customer_id=pk(world.customer_x), organization_id=(await Contact.get(
        email="mette@fjord.example")).organization_id, first_name="Off", last_name="Line",
        email="off@fjord.example", hub_access=False)
    off = await shared.contact(COLLEAGUE, _colleague(doc, "off@fjord.example", "Off"))
    assert off["shareWithColleague"]["errors"][0]["code"] == "NO_HUB_ACCESS"
    assert await Contact.all().count() == contacts + 1
    assert await DocumentGrant.all().count() == 0
    assert await events(kind=ActivityKind.SHARED_WITH_COLLEAGUE) == []


async def test_documents_out_of_reach_are_not_found(world: World, client_factory: Any) -> None:
    x = await share_to_contact(world, client_factory)
    y = await share_to_contact(world, client_factory, customer_id=world.customer_y, email="sara@svea.example",
                               first="Sara")
    result = await x.contact(COLLEAGUE, _colleague(y.documents["notes.txt"]["id"], "n@fjord.example", "N"))
    assert result["shareWithColleague"]["errors"][0]["code"] == "NOT_FOUND"
    assert await Contact.filter(email="n@fjord.example").count() == 0
    assert await outbox_for("n@fjord.example", kind="colleague_invitation") == []
    # Staff, and the other organization's staff, cannot use it.
    for staff in (world.acme.member.client, world.globex.admin.client):
        refused = await staff(COLLEAGUE, _colleague(x.documents["notes.txt"]["id"], "n@fjord.example", "N"))
        assert refused["shareWithColleague"]["errors"][0]["code"] in ("NOT_ALLOWED", "NOT_FOUND")
    # A grant row can never reach outside the contact's own hub (policy checks the hub, not only the row).
    sara = await Contact.get(email="sara@svea.example")
    await DocumentGrant.create(organization_id=sara.organization_id, document_id=pk(x.documents["notes.txt"]["id"]),
                               contact=sara)
    assert (await y.contact(NODE_DOC, {"id": x.documents["notes.txt"]["id"]}))["node"] is None
    assert "notes.txt" in await my_documents(y.contact)  # her own notes.txt, from her own share
    assert (await my_documents(y.contact))["notes.txt"]["id"] == y.documents["notes.txt"]["id"]


async def test_a_grant_ends_with_the_hub_access(world: World, client_factory: Any) -> None:
    shared = await share_to_contact(world, client_factory)
    await shared.contact(COLLEAGUE, _colleague(shared.documents["Price list 2027"]["id"]))
    nina = client_factory()
    await sign_in_contact(nina, "nina@fjord.example", kind="colleague_invitation")
    url = (await my_documents(nina))["Price list 2027"]["viewUrl"]
    await world.acme.admin.client(
        "mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { errors { code } } }",
        {"input": {"customerId": world.customer_x, "hubAccess": False}})
    assert (await nina.http.get(url)).status_code == 404
    data = await nina.raw("{ myHub { id } }")
    assert data.get("errors") or data["data"]["myHub"] is None
