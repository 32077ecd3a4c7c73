"""`openDocument` mints one document's signed links when it is opened (issue 8: lists no longer sign links for
every document): for whoever may see it (policy.documents_visible_to), NOT_FOUND for anyone else, across two
organizations; minting records nothing, fetching the link records the contact's view as before."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from portico.activity.models import ActivityKind
from portico.demo import demo_pdf
from portico.hubs.links import LINK_LIFETIME_SECONDS
from tests.hubs.helpers import UPDATE_ORG, World, events, person, pk, share, share_to_contact, sign_in_contact

OPEN = """mutation($id: ID!) { openDocument(input: {documentId: $id}) {
  document { id name } viewUrl downloadUrl expiresAt errors { code field message } } }"""


async def _open(client: Any, document_id: str) -> dict[str, Any]:
    data = await client(OPEN, {"id": document_id})
    payload: dict[str, Any] = data["openDocument"]
    return payload


def _refused(payload: dict[str, Any]) -> None:
    assert payload["errors"] == [{"code": "NOT_FOUND", "field": "documentId", "message": "Document not found."}]
    assert payload["viewUrl"] is None and payload["downloadUrl"] is None and payload["document"] is None


async def test_a_contact_opens_a_document_and_only_fetching_it_is_a_view(
    world: World, app: Any, client_factory: Any
) -> None:
    shared = await share_to_contact(world, client_factory)
    price = shared.documents["Price list 2027"]
    before = time.time()
    opened = await _open(shared.contact, price["id"])
    assert opened["errors"] == [] and opened["document"] == {"id": price["id"], "name": "Price list 2027"}
    expires = datetime.fromisoformat(opened["expiresAt"]).timestamp()
    assert before + LINK_LIFETIME_SECONDS - 2 <= expires <= time.time() + LINK_LIFETIME_SECONDS
    assert await events(kind=ActivityKind.DOCUMENT_VIEWED) == []  # minting a link is not a view

    view = await shared.contact.http.get(opened["viewUrl"])
    assert view.status_code == 200 and view.content == demo_pdf("Price list 2027")
    assert view.headers["content-disposition"].startswith("inline;")
    download = await shared.contact.http.get(opened["downloadUrl"])
    assert download.status_code == 200 and download.headers["content-disposition"].startswith("attachment;")
    viewed = await events(kind=ActivityKind.DOCUMENT_VIEWED, document_id=pk(price["id"]))
    assert [e.contact_id for e in viewed] == [pk(shared.contact_id)]
    assert len(await events(kind=ActivityKind.DOCUMENT_DOWNLOADED, document_id=pk(price["id"]))) == 1


async def test_staff_open_what_they_may_see_and_nobody_else_gets_a_link(
    world: World, app: Any, client_factory: Any
) -> None:
    acme, globex = world.acme, world.globex
    shared = await share_to_contact(world, client_factory)
    notes = shared.documents["notes.txt"]

    # The sharing rep and the admin get links that serve the bytes (a staff view is no customer activity).
    for staff in (acme.member.client, acme.admin.client):
        opened = await _open(staff, notes["id"])
        assert opened["errors"] == [], opened
        assert (await staff.http.get(opened["downloadUrl"])).content == shared.upload_bytes
    assert await events(kind=ActivityKind.DOCUMENT_VIEWED) == []

    # The other organization: its admin and its rep are told "not found", as for a document that does not exist.
    _refused(await _open(globex.admin.client, notes["id"]))
    _refused(await _open(globex.member.client, notes["id"]))
    # The other rep of the same customer, once members see only their own shares.
    assert (await acme.member2.client(UPDATE_ORG, {"input": {"memberDocumentVisibility": "OWN_SHARES"}})
            )["updateOrganization"]["errors"] != []  # a MEMBER may not change it
    settings = await acme.admin.client(UPDATE_ORG, {"input": {"memberDocumentVisibility": "OWN_SHARES"}})
    assert settings["updateOrganization"]["errors"] == []
    _refused(await _open(acme.member2.client, notes["id"]))
    assert (await _open(acme.member.client, notes["id"]))["errors"] == []  # the sender still may

    # A contact of another customer of the same organization.
    await share(acme.member.client, world.customer_y, [person("Olle", "Berg", "olle@svea.example")],
                [world.publications["Installation guide"]])
    olle = client_factory()
    await sign_in_contact(olle, "olle@svea.example")
    _refused(await _open(olle, notes["id"]))
    # Not a document id at all, or another type's id.
    _refused(await _open(shared.contact, "not-an-id"))
    _refused(await _open(shared.contact, shared.share_id))


async def test_opening_needs_a_signed_in_caller(world: World, app: Any, client_factory: Any) -> None:
    shared = await share_to_contact(world, client_factory)
    anonymous = client_factory()
    body = await anonymous.raw(OPEN, {"id": shared.documents["notes.txt"]["id"]})
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
