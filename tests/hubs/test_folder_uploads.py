"""Uploads into folders and new versions (seed 003, issue 9 point 6): on local storage and on S3 (moto's server),
SQLite and PostgreSQL.

Staff and contacts the folder lets upload send files to POST /uploads (streamed, typed from content, quota checked
as bytes arrive), then `uploadDocuments` puts them in the folder. A contact's upload is a DOCUMENT_UPLOADED event
for the customer's account managers and ADMIN/MANAGER. Documents get new versions; staff download every version,
contacts the current one.
"""

from __future__ import annotations

from typing import Any

import pytest

from portico.hubs import trash
from portico.hubs.models import Document, DocumentVersion, StorageDeletion, Upload
from portico.hubs.quota import recount_storage_bytes, storage_used_bytes
from tests.hubs.conftest import use_s3
from tests.hubs.folder_helpers import (
    FOLDER_DOCUMENTS,
    NODE,
    REPLACE_DOCUMENT,
    SET_PERMISSIONS,
    Tree,
    build_tree,
    contact_client,
    create_folder,
    permissions,
    upload_documents,
    upload_into,
)
from tests.hubs.helpers import (
    ADD_CONTACT,
    PNG,
    World,
    activity_of,
    create_customer,
    leave_free,
    pk,
    stored_keys,
    switch_hub_access_on,
    upload_ok,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(params=["local", "s3"])
def app_env(app_env: dict[str, str], request: pytest.FixtureRequest) -> dict[str, str]:
    if request.param == "s3":
        use_s3(app_env, request.getfixturevalue("s3_endpoint"))
    return app_env


@pytest.fixture
async def tree(world: World, client_factory: Any) -> Tree:
    return await build_tree(world, client_factory)


async def _folders(t: Tree) -> dict[str, str]:
    """Inbox: Erik and Nina may upload; Reports: everyone views."""
    rep, x = t.world.acme.member.client, t.world.customer_x
    inbox = await create_folder(rep, x, "Inbox", perms=permissions("VIEW_AND_UPLOAD", [t.ids["Erik"], t.ids["Nina"]]))
    reports = await create_folder(rep, x, "Reports", perms=permissions("VIEW"))
    return {"Inbox": inbox["folder"]["id"], "Reports": reports["folder"]["id"], "hub": inbox["hub"]["id"]}


async def _contact_upload(client: Any, folder_id: str, data: bytes, name: str) -> str:
    response = await upload_into(client, folder_id, data, name)
    assert response.status_code == 201, response.text
    return str(response.json()["uploadId"])


async def test_a_permitted_contact_uploads_several_files_and_the_staff_are_told(tree: Tree, app: Any) -> None:
    t, acme = tree, tree.world.acme
    f = await _folders(t)
    ids = [await _contact_upload(t.erik, f["Inbox"], PNG, "scan.png"),
           await _contact_upload(t.erik, f["Inbox"], PDF, "invoice.pdf")]
    rows = await Upload.filter(id__in=ids)
    assert {r.contact_id for r in rows} == {pk(t.ids["Erik"])} and {r.member_id for r in rows} == {None}
    payload = await upload_documents(t.erik, f["Inbox"], ids)
    assert payload["errors"] == []
    docs = {d["name"]: d for d in payload["documents"]}
    assert docs["scan.png"]["contentType"] == "image/png"  # from the content, not the name
    assert docs["invoice.pdf"]["contentType"] == "application/pdf"
    assert all(d["uploadedByCustomer"] and d["version"] == 1 for d in docs.values())
    # The uploads were used once: again is not found, and nothing more is written.
    again = await upload_documents(t.erik, f["Inbox"], ids[:1])
    assert [e["code"] for e in again["errors"]] == ["NOT_FOUND"]
    assert await Document.filter(folder_id=pk(f["Inbox"])).count() == 2

    # Nina (chosen too) sees them; Mette (not chosen) does not see the folder at all.
    nina = (await t.nina(FOLDER_DOCUMENTS, {"id": f["Inbox"], "first": 10}))["node"]
    assert {e["node"]["name"] for e in nina["documents"]["edges"]} == {"scan.png", "invoice.pdf"}
    assert (await t.mette(FOLDER_DOCUMENTS, {"id": f["Inbox"], "first": 10}))["node"] is None
    doc_url = nina["documents"]["edges"][0]["node"]["downloadUrl"]
    assert (await t.nina.http.get(doc_url)).status_code == 200
    # Staff take Nina off the folder: her link stops working at once (access is checked on every download).
    narrowed = await acme.member.client(SET_PERMISSIONS, {"input": {
        "folderId": f["Inbox"], "permissions": permissions("VIEW_AND_UPLOAD", [t.ids["Erik"]])}})
    assert narrowed["setFolderPermissions"]["errors"] == []
    assert (await t.nina.http.get(doc_url)).status_code == 404

    # One DOCUMENT_UPLOADED per file, for the account managers (both reps manage X) and ADMIN/MANAGER.
    for who in (acme.member, acme.member2, acme.admin, acme.manager):
        uploaded = [e for e in await activity_of(who.client) if e["kind"] == "DOCUMENT_UPLOADED"]
        assert sorted(e["detail"] for e in uploaded) == ["invoice.pdf", "scan.png"], who.email
        assert {e["contact"]["id"] for e in uploaded} == {t.ids["Erik"]}
    assert [e for e in await activity_of(t.world.globex.admin.client) if e["kind"] == "DOCUMENT_UPLOADED"] == []
    # A contact sees their own events only.
    assert len([e for e in await activity_of(t.erik) if e["kind"] == "DOCUMENT_UPLOADED"]) == 2
    assert [e for e in await activity_of(t.nina) if e["kind"] == "DOCUMENT_UPLOADED"] == []


async def test_an_upload_is_told_only_to_account_managers_among_members(tree: Tree, client_factory: Any) -> None:
    acme = tree.world.acme
    # A customer only Rita manages: Bob (a MEMBER who does not manage it) is not told.
    own = await create_customer(acme.admin.client, "Rita's own", [acme.member.member_id])
    added = await acme.admin.client(ADD_CONTACT, {"input": {"customerId": own, "firstName": "Ulla", "lastName": "U",
                                                            "email": "ulla@own.example"}})
    await switch_hub_access_on(acme.admin.client, own)
    ulla = await contact_client(client_factory, added["addContact"]["contact"]["id"])
    folder = await create_folder(acme.member.client, own, "Drop box", perms=permissions("VIEW_AND_UPLOAD"))
    upload_id = await _contact_upload(ulla, folder["folder"]["id"], PDF, "ulla.pdf")
    assert (await upload_documents(ulla, folder["folder"]["id"], [upload_id]))["errors"] == []
    kinds = {who: [e["kind"] for e in await activity_of(getattr(acme, who).client)]
             for who in ("member", "member2", "manager")}
    assert kinds["member"].count("DOCUMENT_UPLOADED") == 1 and kinds["manager"].count("DOCUMENT_UPLOADED") == 1
    assert "DOCUMENT_UPLOADED" not in kinds["member2"]


async def test_contacts_without_upload_permission_store_nothing(tree: Tree, app: Any) -> None:
    t = tree
    f = await _folders(t)
    before_keys, before_rows = await stored_keys(app), await Upload.all().count()
    # Mette does not see Inbox (not found); everyone only views Reports (not allowed); no folder: not found.
    assert (await upload_into(t.mette, f["Inbox"], PNG, "x.png")).status_code == 404
    refused = await upload_into(t.erik, f["Reports"], PNG, "x.png")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "NOT_ALLOWED"
    assert (await upload_into(t.erik, "not-an-id", PNG, "x.png")).status_code == 404
    # Another organization's folder id: not found.
    g = await create_folder(t.world.globex.admin.client, t.world.globex_customer, "Globex inbox",
                            perms=permissions("VIEW_AND_UPLOAD"))
    assert (await upload_into(t.erik, g["folder"]["id"], PNG, "x.png")).status_code == 404
    assert await stored_keys(app) == before_keys and await Upload.all().count() == before_rows
    # A staff upload cannot be put into a folder by a contact, nor a contact's into a folder they cannot upload to.
    staff_upload = await upload_ok(t.world.acme.member.client, PNG, "staff.png")
    assert [e["code"] for e in (await upload_documents(t.erik, f["Inbox"], [staff_upload]))["errors"]] == [
        "NOT_FOUND"]
    mine = await _contact_upload(t.erik, f["Inbox"], PNG, "mine.png")
    assert [e["code"] for e in (await upload_documents(t.erik, f["Reports"], [mine]))["errors"]] == ["NOT_ALLOWED"]
    assert [e["code"] for e in (await upload_documents(t.mette, f["Inbox"], [mine]))["errors"]] == ["NOT_FOUND"]
    assert await Document.filter(folder_id__in=[pk(f["Inbox"]), pk(f["Reports"])]).count() == 0


async def test_a_contacts_upload_is_refused_when_the_quota_is_full(tree: Tree, app: Any) -> None:
    t = tree
    f = await _folders(t)
    await leave_free("Acme Sales", 100)
    before = await stored_keys(app)
    refused = await upload_into(t.erik, f["Inbox"], PDF * 10, "big.pdf")
    assert refused.status_code == 413 and refused.json()["error"]["code"] == "QUOTA_EXCEEDED"
    assert "full" in refused.json()["error"]["message"].lower() or "quota" in refused.json()["error"]["message"].lower()
    assert await stored_keys(app) == before


async def test_staff_upload_into_any_staff_folder_without_an_event(tree: Tree) -> None:
    t, rep = tree, tree.world.acme.member.client
    f = await _folders(t)
    upload_id = await upload_ok(rep, PDF, "terms.pdf")
    payload = await upload_documents(rep, f["Reports"], [upload_id])
    assert payload["errors"] == [] and not payload["documents"][0]["uploadedByCustomer"]
    assert "DOCUMENT_UPLOADED" not in [e["kind"] for e in await activity_of(t.world.acme.admin.client)]
    # Everyone views Reports.
    for contact in (t.mette, t.erik, t.nina):
        node = (await contact(FOLDER_DOCUMENTS, {"id": f["Reports"], "first": 5}))["node"]
        assert [e["node"]["name"] for e in node["documents"]["edges"]] == ["terms.pdf"]


async def test_replacing_keeps_every_version_for_staff_and_the_latest_for_contacts(tree: Tree, app: Any) -> None:
    t, rep = tree, tree.world.acme.member.client
    f = await _folders(t)
    v1 = b"%PDF-1.4\nversion one\n%%EOF\n"
    v2 = b"%PDF-1.4\nversion two, longer\n%%EOF\n"
    doc = (await upload_documents(rep, f["Reports"], [await upload_ok(rep, v1, "terms.pdf")]))["documents"][0]
    replaced = await rep(REPLACE_DOCUMENT, {"input": {"documentId": doc["id"],
                                                      "uploadId": await upload_ok(rep, v2, "terms-v2.pdf")}})
    payload = replaced["replaceDocument"]
    assert payload["errors"] == []
    assert payload["document"]["version"] == 2 and payload["document"]["name"] == "terms.pdf"
    [old] = payload["document"]["versions"]
    assert old["number"] == 1 and old["name"] == "terms.pdf" and old["sizeBytes"] == len(v1)
    # Staff download both; the old one through the same download route.
    assert (await rep.http.get(old["downloadUrl"])).content == v1
    assert (await rep.http.get(payload["document"]["downloadUrl"])).content == v2
    # A contact gets the current version only: no history, the old version's id is not found.
    seen = (await t.nina(FOLDER_DOCUMENTS, {"id": f["Reports"], "first": 5}))["node"]["documents"]["edges"][0]["node"]
    assert seen["version"] == 2 and seen["versions"] == []
    assert (await t.nina.http.get(seen["downloadUrl"])).content == v2
    assert (await t.nina(NODE, {"id": old["id"]}))["node"] is None
    assert (await t.world.acme.admin.client(NODE, {"id": old["id"]}))["node"]["__typename"] == "DocumentVersion"
    assert (await t.world.globex.admin.client(NODE, {"id": old["id"]}))["node"] is None
    # Another org's admin cannot replace it; a contact cannot replace a document staff uploaded.
    other = await t.world.globex.admin.client(REPLACE_DOCUMENT, {"input": {
        "documentId": doc["id"], "uploadId": await upload_ok(t.world.globex.admin.client, v1, "x.pdf")}})
    assert [e["code"] for e in other["replaceDocument"]["errors"]] == ["NOT_FOUND"]
    # Every version's file is stored, and counted toward the quota.
    keys = {d.storage_key for d in await DocumentVersion.all()} | {d.storage_key for d in await Document.all()}
    assert keys <= set(await stored_keys(app))
    org_id = pk(t.world.acme.organization_id)
    assert await storage_used_bytes(org_id) == await recount_storage_bytes(org_id)  # a replacement hands bytes over


async def test_a_contact_replaces_what_they_uploaded_and_nothing_else(tree: Tree) -> None:
    t, rep = tree, tree.world.acme.member.client
    f = await _folders(t)
    mine = (await upload_documents(t.erik, f["Inbox"], [await _contact_upload(t.erik, f["Inbox"], PDF, "a.pdf")]))
    staff = (await upload_documents(rep, f["Inbox"], [await upload_ok(rep, PDF, "b.pdf")]))
    new = await _contact_upload(t.erik, f["Inbox"], PDF + b"2", "a2.pdf")
    refused = await t.erik(REPLACE_DOCUMENT, {"input": {"documentId": staff["documents"][0]["id"], "uploadId": new}})
    assert [e["code"] for e in refused["replaceDocument"]["errors"]] == ["NOT_ALLOWED"]
    ok = await t.erik(REPLACE_DOCUMENT, {"input": {"documentId": mine["documents"][0]["id"], "uploadId": new}})
    assert ok["replaceDocument"]["errors"] == [] and ok["replaceDocument"]["document"]["version"] == 2
    assert ok["replaceDocument"]["document"]["versions"] == []  # contacts never see the history
    uploaded = [e for e in await activity_of(rep) if e["kind"] == "DOCUMENT_UPLOADED"]
    assert any("version 2" in e["detail"] for e in uploaded)


async def test_files_of_a_deleted_folder_are_removed_after_commit_and_retried(
    tree: Tree, app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    t, rep = tree, tree.world.acme.member.client
    f = await _folders(t)
    doc = (await upload_documents(rep, f["Reports"], [await upload_ok(rep, PDF, "r.pdf")]))["documents"][0]
    await rep(REPLACE_DOCUMENT, {"input": {"documentId": doc["id"], "uploadId": await upload_ok(rep, PDF * 2, "r2")}})
    keys = {d.storage_key for d in await Document.filter(folder_id=pk(f["Reports"]))}
    keys |= {v.storage_key for v in await DocumentVersion.all()}
    assert len(keys) == 2 and keys <= set(await stored_keys(app))
    storage = app.state.services.storage

    # The store fails right after the commit: the rows are gone, the objects wait in StorageDeletion.
    from portico.storage.errors import StorageUnavailable

    async def down(key: str) -> None:
        raise StorageUnavailable("store down")

    monkeypatch.setattr(storage, "delete", down)
    data = await rep("""mutation($id: ID!) { deleteFolder(input: {folderId: $id}) { ok errors { code } } }""",
                     {"id": f["Reports"]})
    assert data["deleteFolder"]["ok"] is True
    assert await Document.filter(folder_id=pk(f["Reports"])).count() == 0
    assert {d.storage_key for d in await StorageDeletion.all()} == keys
    assert keys <= set(await stored_keys(app))
    # The freed bytes left the quota counter in the same transaction: it equals a recount of the tables.
    org_id = pk(t.world.acme.organization_id)
    assert await storage_used_bytes(org_id) == await recount_storage_bytes(org_id)
    monkeypatch.undo()
    assert await trash.sweep_storage_deletions(storage) == 2
    assert not keys & set(await stored_keys(app)) and await StorageDeletion.all().count() == 0
