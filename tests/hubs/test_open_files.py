"""`openPublication` and `openDocumentVersion` mint a library publication's or an earlier document version's signed
links when it is opened (issue 8: lists no longer sign one per item). Who may is policy's
(`publications_visible_to`, `document_versions_visible_to`): staff of the organization; never a contact, never the
other organization, nor an API key without DOCUMENTS_READ. The /files route still refuses a forged, altered or
expired link, and a link whose holder has lost access since it was minted."""

from __future__ import annotations

import base64
import json
from types import SimpleNamespace
from typing import Any

import pytest

from portico.activity.models import ActivityEvent
from portico.demo import demo_pdf
from portico.hubs import links
from tests.graphql.helpers import ORG_READER, UNASSIGN, create_api_key, key_client
from tests.hubs.folder_helpers import REPLACE_DOCUMENT, Tree, build_tree, create_folder, permissions, upload_documents
from tests.hubs.helpers import UPDATE_ORG, World, pk, share_to_contact, upload_ok

OPEN_PUBLICATION = """mutation($id: ID!) { openPublication(input: {publicationId: $id}) {
  publication { id title } viewUrl downloadUrl expiresAt errors { code field message } } }"""
OPEN_VERSION = """mutation($id: ID!) { openDocumentVersion(input: {versionId: $id}) {
  version { id number name } viewUrl downloadUrl expiresAt errors { code field message } } }"""
V1 = b"%PDF-1.4\nversion one\n%%EOF\n"
V2 = b"%PDF-1.4\nversion two, longer\n%%EOF\n"


async def _open_publication(client: Any, publication_id: str) -> dict[str, Any]:
    payload: dict[str, Any] = (await client(OPEN_PUBLICATION, {"id": publication_id}))["openPublication"]
    return payload


async def _open_version(client: Any, version_id: str) -> dict[str, Any]:
    payload: dict[str, Any] = (await client(OPEN_VERSION, {"id": version_id}))["openDocumentVersion"]
    return payload


def _refused(payload: dict[str, Any], field: str, message: str) -> None:
    assert payload["errors"] == [{"code": "NOT_FOUND", "field": field, "message": message}], payload
    assert payload["viewUrl"] is None and payload["downloadUrl"] is None and payload["expiresAt"] is None
    assert payload.get("publication") is None and payload.get("version") is None


def _publication_refused(payload: dict[str, Any]) -> None:
    _refused(payload, "publicationId", "Publication not found.")


def _version_refused(payload: dict[str, Any]) -> None:
    _refused(payload, "versionId", "Document version not found.")


async def test_staff_preview_a_publication_and_nobody_else_gets_a_link(
    world: World, client_factory: Any
) -> None:
    acme, globex = world.acme, world.globex
    price = world.publications["Price list 2027"]
    for staff in (acme.admin.client, acme.manager.client, acme.member.client):
        opened = await _open_publication(staff, price)
        assert opened["errors"] == [] and opened["publication"] == {"id": price, "title": "Price list 2027"}
        view = await staff.http.get(opened["viewUrl"])
        assert view.status_code == 200 and view.content == demo_pdf("Price list 2027")
        assert view.headers["content-disposition"].startswith("inline;")
        download = await staff.http.get(opened["downloadUrl"])
        assert download.status_code == 200 and download.headers["content-disposition"].startswith("attachment;")
    # A MEMBER previews whichever documents setting the organization has (it concerns hubs, not the library).
    settings = await acme.admin.client(UPDATE_ORG, {"input": {"memberDocumentVisibility": "OWN_SHARES"}})
    assert settings["updateOrganization"]["errors"] == []
    assert (await _open_publication(acme.member2.client, price))["errors"] == []
    assert await ActivityEvent.all().count() == 0  # a staff preview is no customer activity

    # The other organization, either way round.
    _publication_refused(await _open_publication(globex.admin.client, price))
    _publication_refused(await _open_publication(globex.member.client, price))
    _publication_refused(await _open_publication(acme.admin.client, world.globex_publication))
    # A contact, even one this publication was shared to (as a document of her hub: that is what she opens).
    shared = await share_to_contact(world, client_factory)
    _publication_refused(await _open_publication(shared.contact, price))
    # API keys: with DOCUMENTS_READ as the organization's reader; without it, as if there were none.
    _, reader = await create_api_key(acme.admin.client, ORG_READER)
    assert (await _open_publication(key_client(client_factory, reader), price))["errors"] == []
    _, blind = await create_api_key(acme.admin.client, ["ORG_READ", "CUSTOMERS_READ"], name="No documents")
    _publication_refused(await _open_publication(key_client(client_factory, blind), price))
    # Not a publication id at all, or another type's id.
    _publication_refused(await _open_publication(acme.admin.client, "not-an-id"))
    _publication_refused(await _open_publication(acme.admin.client, world.library_id))


async def test_opening_needs_a_signed_in_caller(world: World, client_factory: Any) -> None:
    anonymous = client_factory()
    for operation, variables in ((OPEN_PUBLICATION, {"id": world.publications["Price list 2027"]}),
                                 (OPEN_VERSION, {"id": "not-an-id"})):
        body = await anonymous.raw(operation, variables)
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.fixture
async def tree(world: World, client_factory: Any) -> Tree:
    return await build_tree(world, client_factory)


async def _replaced(t: Tree) -> tuple[str, str]:
    """A document of customer X's staff folder "Reports" (every contact views it), replaced once: (document id,
    the id of its version 1)."""
    rep = t.world.acme.member.client
    reports = await create_folder(rep, t.world.customer_x, "Reports", perms=permissions("VIEW"))
    uploaded = await upload_documents(rep, reports["folder"]["id"], [await upload_ok(rep, V1, "terms.pdf")])
    document = uploaded["documents"][0]["id"]
    replaced = await rep(REPLACE_DOCUMENT, {"input": {"documentId": document,
                                                      "uploadId": await upload_ok(rep, V2, "terms-v2.pdf")}})
    assert replaced["replaceDocument"]["errors"] == [], replaced
    [old] = replaced["replaceDocument"]["document"]["versions"]
    return document, old["id"]


async def test_staff_download_an_earlier_version_and_contacts_and_other_orgs_never_do(
    tree: Tree, client_factory: Any
) -> None:
    t = tree
    acme, globex = t.world.acme, t.world.globex
    document, old = await _replaced(t)
    for staff in (acme.member.client, acme.manager.client, acme.admin.client):
        opened = await _open_version(staff, old)
        assert opened["errors"] == [] and opened["version"] == {"id": old, "number": 1, "name": "terms.pdf"}
        download = await staff.http.get(opened["downloadUrl"])
        assert download.status_code == 200 and download.content == V1
        assert download.headers["content-disposition"].startswith("attachment;")
        assert (await staff.http.get(opened["viewUrl"])).headers["content-disposition"].startswith("inline;")
    # Both documents settings: a MEMBER who reaches the customer sees its staff folders' history.
    for setting in ("OWN_SHARES", "ALL_HUB_DOCUMENTS"):
        changed = await acme.admin.client(UPDATE_ORG, {"input": {"memberDocumentVisibility": setting}})
        assert changed["updateOrganization"]["errors"] == []
        assert (await _open_version(acme.member2.client, old))["errors"] == []

    # Contacts get the current version only, though they view the document itself.
    for contact in (t.mette, t.nina):
        assert (await contact("query($id: ID!) { node(id: $id) { id } }", {"id": document}))["node"] is not None
        _version_refused(await _open_version(contact, old))
    # The other organization.
    _version_refused(await _open_version(globex.admin.client, old))
    _version_refused(await _open_version(globex.member.client, old))
    # API keys: an organization reader may; a key without DOCUMENTS_READ may not.
    _, reader = await create_api_key(acme.admin.client, ORG_READER)
    assert (await _open_version(key_client(client_factory, reader), old))["errors"] == []
    _, blind = await create_api_key(acme.admin.client, ["ORG_READ", "CUSTOMERS_READ"], name="No documents")
    _version_refused(await _open_version(key_client(client_factory, blind), old))
    # A document's id is no version's id.
    _version_refused(await _open_version(acme.admin.client, document))

    # A MEMBER who no longer reaches the customer: no new link, and the one minted before stops working.
    minted = await _open_version(acme.member2.client, old)
    assert (await acme.member2.client.http.get(minted["downloadUrl"])).status_code == 200
    removed = await acme.admin.client(UNASSIGN, {"input": {"customerIds": [t.world.customer_x],
                                                           "memberIds": [acme.member2.member_id]}})
    assert removed["unassignAccountManagers"]["errors"] == []
    _version_refused(await _open_version(acme.member2.client, old))
    assert (await acme.member2.client.http.get(minted["downloadUrl"])).status_code == 404


async def test_the_file_route_refuses_forged_altered_and_expired_links(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = world.acme.admin.client
    opened = await _open_publication(admin, world.publications["Price list 2027"])
    url: str = opened["viewUrl"]
    body, _, signature = url.removeprefix("/files/").partition(".")
    assert (await admin.http.get(url)).status_code == 200
    grant = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    # Another publication named in the body, under the signature of this one.
    altered = {**grant, "document_id": pk(world.globex_publication)}
    altered_body = base64.urlsafe_b64encode(json.dumps(altered, separators=(",", ":")).encode()).rstrip(b"=").decode()
    refused = [
        f"/files/{body}.{signature[:-2]}{'AA' if not signature.endswith('AA') else 'BB'}",  # signature altered
        f"/files/{altered_body}.{signature}",
        f"/files/{links.sign_grant('not the secret', links.FileGrant(**altered))}",  # signed with another key
        "/files/not-a-token",
    ]
    for link in refused:
        response = await admin.http.get(link)
        assert response.status_code == 404 and "invalid or has expired" in response.text, link
    # Expired: the same link once its lifetime is over.
    now = links.time.time
    monkeypatch.setattr(links, "time", SimpleNamespace(time=lambda: now() + links.LINK_LIFETIME_SECONDS + 5))
    response = await admin.http.get(url)
    assert response.status_code == 404 and "invalid or has expired" in response.text
