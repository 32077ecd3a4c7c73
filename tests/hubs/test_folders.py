"""The folder tree with permissions (seed 003, issue 9 point 5), through GraphQL on SQLite and PostgreSQL.

Staff build the tree in a customer's hub; each staff folder says what the customer's contacts may do and which of
them; staff who reach the customer see every folder; the primary contact may be allowed to set permissions for
their co-contacts and nothing else; date folders of shares sit at the top of the same tree, unchanged.
"""

from __future__ import annotations

from typing import Any

import pytest

from portico.hubs.models import Document, Folder, StorageDeletion
from tests.hubs.folder_helpers import (
    CREATE_FOLDER,
    DELETE_FOLDER,
    FOLDER_DOCUMENTS,
    MANAGES,
    MOVE_FOLDER,
    MY_TREE,
    NODE,
    RENAME_FOLDER,
    SET_PERMISSIONS,
    TREE,
    Tree,
    build_tree,
    create_folder,
    errors_of,
    names_in,
    permissions,
    upload_documents,
)
from tests.hubs.helpers import World, create_customer, person, share, stored_keys, upload_ok


@pytest.fixture
async def tree(world: World, client_factory: Any) -> Tree:
    return await build_tree(world, client_factory)


async def _standard_folders(t: Tree) -> dict[str, str]:
    """Contracts (VIEW, everyone) > 2027 (VIEW, everyone); Payroll (VIEW_AND_UPLOAD, Erik); Internal (NONE)."""
    rep, x = t.world.acme.member.client, t.world.customer_x
    contracts = await create_folder(rep, x, "Contracts", perms=permissions("VIEW"))
    year = await create_folder(rep, x, "2027", contracts["folder"]["id"], permissions("VIEW"))
    payroll = await create_folder(rep, x, "Payroll", perms=permissions("VIEW_AND_UPLOAD", [t.ids["Erik"]]))
    internal = await create_folder(rep, x, "Internal")
    return {"hub": contracts["hub"]["id"], "Contracts": contracts["folder"]["id"], "2027": year["folder"]["id"],
            "Payroll": payroll["folder"]["id"], "Internal": internal["folder"]["id"]}


async def test_staff_build_a_tree_and_each_contact_sees_what_it_gives_them(tree: Tree) -> None:
    t, acme = tree, tree.world.acme
    # The customer had no hub: the first folder creates it.
    f = await _standard_folders(t)
    staff_tree = (await acme.member.client(TREE, {"id": f["hub"]}))["hub"]
    by_name = {x["name"]: x for x in staff_tree["folders"]}
    assert list(by_name) == ["2027", "Contracts", "Internal", "Payroll"]  # staff folders by name
    assert by_name["2027"]["parentId"] == f["Contracts"] and by_name["Contracts"]["parentId"] is None
    assert by_name["Payroll"]["clientAccess"] == "VIEW_AND_UPLOAD" and not by_name["Payroll"]["allContacts"]
    assert [c["fullName"] for c in by_name["Payroll"]["contacts"]] == ["Erik Larsen"]
    assert all(x["kind"] == "STAFF" and x["canUpload"] and x["canManagePermissions"] for x in by_name.values())
    assert {c["fullName"] for c in staff_tree["permissionContacts"]} == {"Mette Larsen", "Erik Larsen", "Nina Larsen"}

    # Every member who reaches the customer sees every folder, whatever the contacts may do.
    everything = {"Contracts", "2027", "Payroll", "Internal"}
    for who in (acme.admin, acme.manager, acme.member, acme.member2):
        assert await names_in(who.client, f["hub"]) == everything
    # Contacts: what the folders give them.
    assert await names_in(t.mette) == {"Contracts", "2027"}
    assert await names_in(t.nina) == {"Contracts", "2027"}
    assert await names_in(t.erik) == {"Contracts", "2027", "Payroll"}
    erik_tree = {x["name"]: x for x in (await t.erik(MY_TREE))["myHub"]["folders"]}
    assert erik_tree["Payroll"]["canUpload"] and not erik_tree["Contracts"]["canUpload"]
    assert not any(x["canManagePermissions"] for x in erik_tree.values())
    # Co-contacts' names and the chosen contacts are not shown to contacts who do not manage permissions.
    assert erik_tree["Payroll"]["contacts"] == [] and (await t.erik(MY_TREE))["myHub"]["permissionContacts"] == []
    # Not visible is not found, by id too.
    for contact, folder in ((t.mette, "Payroll"), (t.nina, "Internal"), (t.erik, "Internal")):
        assert (await contact(NODE, {"id": f[folder]}))["node"] is None
    assert (await t.mette(NODE, {"id": f["Contracts"]}))["node"]["__typename"] == "Folder"


async def test_other_organizations_and_members_out_of_reach_see_nothing(tree: Tree) -> None:
    t, acme, globex = tree, tree.world.acme, tree.world.globex
    f = await _standard_folders(t)
    # A customer only Rita (member) manages: Bob (member2) does not reach it, nor its folders.
    own = await create_customer(acme.admin.client, "Rita's own", [acme.member.member_id])
    mine = await create_folder(acme.member.client, own, "Rita's folder", perms=permissions("VIEW"))
    assert (await acme.member2.client(NODE, {"id": mine["folder"]["id"]}))["node"] is None
    assert (await acme.member2.client(TREE, {"id": mine["hub"]["id"]}))["hub"] is None
    assert await errors_of(acme.member2.client, CREATE_FOLDER, "createFolder",
                           {"customerId": own, "name": "Sneaky"}) == ["NOT_FOUND"]
    # Another organization: nothing, and nothing changes.
    g = globex.admin.client
    assert (await g(TREE, {"id": f["hub"]}))["hub"] is None
    for folder in ("Contracts", "Payroll"):
        assert (await g(NODE, {"id": f[folder]}))["node"] is None
    assert await errors_of(g, CREATE_FOLDER, "createFolder",
                           {"customerId": t.world.customer_x, "name": "x"}) == ["NOT_FOUND"]
    assert await errors_of(g, RENAME_FOLDER, "renameFolder", {"folderId": f["Internal"], "name": "x"}) == ["NOT_FOUND"]
    assert await errors_of(g, MOVE_FOLDER, "moveFolder", {"folderId": f["2027"], "parentId": None}) == ["NOT_FOUND"]
    assert await errors_of(g, DELETE_FOLDER, "deleteFolder", {"folderId": f["Internal"]}) == ["NOT_FOUND"]
    assert await errors_of(g, SET_PERMISSIONS, "setFolderPermissions",
                           {"folderId": f["Internal"], "permissions": permissions("VIEW")}) == ["NOT_FOUND"]
    # Globex's own folder cannot become a parent in Acme's tree, nor the reverse.
    gf = await create_folder(g, t.world.globex_customer, "Globex folder")
    assert await errors_of(acme.admin.client, MOVE_FOLDER, "moveFolder",
                           {"folderId": f["2027"], "parentId": gf["folder"]["id"]}) == ["NOT_FOUND"]
    assert await Folder.filter(name__in=["Sneaky", "x"]).count() == 0


async def test_rename_move_and_the_rules_of_the_tree(tree: Tree) -> None:
    t = tree
    rep = t.world.acme.member.client
    f = await _standard_folders(t)
    assert (await rep(RENAME_FOLDER, {"input": {"folderId": f["Internal"], "name": "  Board  "}}))[
        "renameFolder"]["folder"]["name"] == "Board"
    assert await errors_of(rep, RENAME_FOLDER, "renameFolder", {"folderId": f["Internal"], "name": " "}) == [
        "REQUIRED"]
    assert await errors_of(rep, RENAME_FOLDER, "renameFolder", {"folderId": f["Internal"], "name": "payroll"}) == [
        "NAME_TAKEN"]  # siblings' names differ, whatever the case
    # No cycles: not into itself, not into its own subfolder.
    for parent in (f["Contracts"], f["2027"]):
        assert await errors_of(rep, MOVE_FOLDER, "moveFolder",
                               {"folderId": f["Contracts"], "parentId": parent}) == ["CYCLE"]
    moved = await rep(MOVE_FOLDER, {"input": {"folderId": f["Payroll"], "parentId": f["2027"]}})
    assert moved["moveFolder"]["folder"]["parentId"] == f["2027"]
    back = await rep(MOVE_FOLDER, {"input": {"folderId": f["Payroll"], "parentId": None}})
    assert back["moveFolder"]["folder"]["parentId"] is None
    # Folders nest at most 8 deep.
    parent = f["2027"]  # depth 2
    for i in range(6):
        parent = (await create_folder(rep, t.world.customer_x, f"level {i}", parent))["folder"]["id"]
    assert await errors_of(rep, CREATE_FOLDER, "createFolder",
                           {"customerId": t.world.customer_x, "name": "too deep", "parentId": parent}) == ["TOO_DEEP"]
    assert await errors_of(rep, MOVE_FOLDER, "moveFolder", {"folderId": f["Payroll"], "parentId": parent}) == [
        "TOO_DEEP"]


async def test_date_folders_of_shares_sit_at_the_top_of_the_same_tree_unchanged(tree: Tree) -> None:
    t, rep = tree, tree.world.acme.member.client
    sent = await share(rep, t.world.customer_x, [{"contactId": t.ids["Mette"]}],
                       [t.world.publications["Price list 2027"]])
    f = await _standard_folders(t)
    assert sent["hub"]["id"] == f["hub"]  # one hub per customer: the share's
    day = sent["hub"]["folders"][0]
    staff_tree = (await rep(TREE, {"id": f["hub"]}))["hub"]["folders"]
    assert staff_tree[-1]["id"] == day["id"]  # date folders after the staff folders
    assert staff_tree[-1]["kind"] == "DATE" and staff_tree[-1]["parentId"] is None
    assert staff_tree[-1]["clientAccess"] is None and not staff_tree[-1]["canUpload"]
    assert not staff_tree[-1]["canManagePermissions"]
    # The share's recipient sees it; Erik, who was not addressed, does not.
    assert day["name"] in await names_in(t.mette) and day["name"] not in await names_in(t.erik)
    for mutation, field, payload in (
        (RENAME_FOLDER, "renameFolder", {"folderId": day["id"], "name": "Mine now"}),
        (MOVE_FOLDER, "moveFolder", {"folderId": day["id"], "parentId": f["Contracts"]}),
        (MOVE_FOLDER, "moveFolder", {"folderId": f["Internal"], "parentId": day["id"]}),
        (CREATE_FOLDER, "createFolder", {"customerId": t.world.customer_x, "name": "In a day", "parentId": day["id"]}),
        (DELETE_FOLDER, "deleteFolder", {"folderId": day["id"]}),
        (SET_PERMISSIONS, "setFolderPermissions", {"folderId": day["id"], "permissions": permissions("VIEW")}),
    ):
        assert await errors_of(rep, mutation, field, payload) == ["DATE_FOLDER"], mutation
    assert await Document.filter(folder_id=pk_of(day["id"])).count() == 1


def pk_of(gid: str) -> int:
    from tests.hubs.helpers import pk

    return pk(gid)


async def test_deleting_a_folder_takes_its_subfolders_documents_and_files(tree: Tree, app: Any) -> None:
    t, rep = tree, tree.world.acme.member.client
    f = await _standard_folders(t)
    before = set(await stored_keys(app))
    upload_id = await upload_ok(rep, b"signed contract\n" * 100, "contract.txt")
    assert (await upload_documents(rep, f["2027"], [upload_id]))["errors"] == []
    doc_key = (await Document.get(folder_id=pk_of(f["2027"]))).storage_key
    assert doc_key in await stored_keys(app)
    data = await rep(DELETE_FOLDER, {"input": {"folderId": f["Contracts"]}})
    assert data["deleteFolder"] == {"ok": True, "errors": []}
    assert await Folder.filter(id__in=[pk_of(f["Contracts"]), pk_of(f["2027"])]).count() == 0
    assert await Document.filter(storage_key=doc_key).count() == 0
    assert set(await stored_keys(app)) == before  # the file went too, after the commit
    assert await StorageDeletion.all().count() == 0
    assert await names_in(rep, f["hub"]) == {"Payroll", "Internal"}


async def test_a_contact_changes_nothing_of_the_tree(tree: Tree) -> None:
    t = tree
    f = await _standard_folders(t)
    for mutation, field, payload in (
        (CREATE_FOLDER, "createFolder", {"customerId": t.world.customer_x, "name": "Mine"}),
        (RENAME_FOLDER, "renameFolder", {"folderId": f["Contracts"], "name": "Mine"}),
        (MOVE_FOLDER, "moveFolder", {"folderId": f["2027"], "parentId": None}),
        (DELETE_FOLDER, "deleteFolder", {"folderId": f["Contracts"]}),
    ):
        body = await t.mette.raw(mutation, {"input": payload})
        # A contact is not staff: refused outright (a top-level error or a payload error, never a change).
        assert body.get("errors") or body["data"][field]["errors"], body
    assert await names_in(t.world.acme.admin.client, f["hub"]) == {"Contracts", "2027", "Payroll", "Internal"}


async def test_the_primary_contact_may_manage_permissions_for_co_contacts_only(tree: Tree) -> None:
    t, rep = tree, tree.world.acme.member.client
    f = await _standard_folders(t)
    grant = {"folderId": f["Internal"], "permissions": permissions("VIEW", [t.ids["Nina"]])}
    # Not allowed yet: Mette sees Contracts but may not change it; Internal she does not even see.
    assert await errors_of(t.mette, SET_PERMISSIONS, "setFolderPermissions",
                           {"folderId": f["Contracts"], "permissions": permissions("NONE")}) == ["NOT_ALLOWED"]
    assert await errors_of(t.mette, SET_PERMISSIONS, "setFolderPermissions", grant) == ["NOT_FOUND"]
    # Staff let her; another organization cannot, nor can a contact.
    x = t.world.customer_x
    assert await errors_of(t.world.globex.admin.client, MANAGES, "setPrimaryContactManagesPermissions",
                           {"customerId": x, "allowed": True}) == ["NOT_FOUND"]
    by_contact = await t.mette.raw(MANAGES, {"input": {"customerId": x, "allowed": True}})
    assert by_contact.get("errors") or by_contact["data"]["setPrimaryContactManagesPermissions"]["errors"]
    allow = {"customerId": x, "allowed": True}
    assert await errors_of(rep, MANAGES, "setPrimaryContactManagesPermissions", allow) == []

    # Now she sees every staff folder (to manage it) and her co-contacts' names...
    mine = (await t.mette(MY_TREE))["myHub"]
    assert {x["name"] for x in mine["folders"]} == {"Contracts", "2027", "Payroll", "Internal"}
    assert all(x["canManagePermissions"] for x in mine["folders"])
    assert {c["fullName"] for c in mine["permissionContacts"]} == {"Mette Larsen", "Erik Larsen", "Nina Larsen"}
    # ... but not the documents of folders that do not give her access.
    upload_id = await upload_ok(rep, b"salaries\n", "salaries.txt")
    assert (await upload_documents(rep, f["Payroll"], [upload_id]))["errors"] == []
    payroll = (await t.mette(FOLDER_DOCUMENTS, {"id": f["Payroll"], "first": 10}))["node"]
    assert payroll["documentCount"] == 0 and payroll["documents"]["edges"] == []

    # She gives Nina access to Internal: Nina sees it, Erik does not, and Mette herself still does not.
    changed = await t.mette(SET_PERMISSIONS, {"input": grant})
    assert changed["setFolderPermissions"]["errors"] == []
    assert "Internal" in await names_in(t.nina) and "Internal" not in await names_in(t.erik)
    internal = await Folder.get(id=pk_of(f["Internal"]))
    assert {c.first_name for c in await internal.contacts.all()} == {"Nina"}
    # She cannot give herself access: neither by name (ignored) nor through "all contacts" (refused).
    await t.mette(SET_PERMISSIONS, {"input": {"folderId": f["Internal"], "permissions": permissions(
        "VIEW", [t.ids["Nina"], t.ids["Mette"]])}})
    assert {c.first_name for c in await internal.contacts.all()} == {"Nina"}
    assert await errors_of(t.mette, SET_PERMISSIONS, "setFolderPermissions",
                           {"folderId": f["Internal"], "permissions": permissions("VIEW")}) == ["NOT_ALLOWED"]
    # Taking Erik off Payroll keeps nobody but... nobody: Mette was not chosen there either.
    await t.mette(SET_PERMISSIONS, {"input": {"folderId": f["Payroll"], "permissions": permissions(
        "VIEW_AND_UPLOAD", [t.ids["Nina"]])}})
    assert "Payroll" not in await names_in(t.erik) and "Payroll" in await names_in(t.nina)
    # Where she was included, she stays included when she narrows the folder to a colleague.
    await t.mette(SET_PERMISSIONS, {"input": {"folderId": f["Contracts"], "permissions": permissions(
        "VIEW", [t.ids["Erik"]])}})
    contracts = await Folder.get(id=pk_of(f["Contracts"]))
    assert {c.first_name for c in await contracts.contacts.all()} == {"Erik", "Mette"}
    assert "Contracts" not in await names_in(t.nina)
    # Contacts of another customer cannot be chosen.
    other = await create_customer(t.world.acme.admin.client, "Other customer")
    from tests.hubs.helpers import ADD_CONTACT

    stranger = (await t.world.acme.admin.client(ADD_CONTACT, {"input": {
        "customerId": other, "firstName": "Stranger", "lastName": "S", "email": "s@other.example"}}))
    assert await errors_of(t.mette, SET_PERMISSIONS, "setFolderPermissions", {"folderId": f["Internal"],
        "permissions": permissions("VIEW", [stranger["addContact"]["contact"]["id"]])}) == ["NOT_FOUND"]
    # A co-contact who is not the primary contact manages nothing; and the setting only permits permissions.
    assert await errors_of(t.erik, SET_PERMISSIONS, "setFolderPermissions",
                           {"folderId": f["Contracts"], "permissions": permissions("VIEW")}) == ["NOT_ALLOWED"]
    rename = await t.mette.raw(RENAME_FOLDER, {"input": {"folderId": f["Internal"], "name": "Mine"}})
    assert rename.get("errors") or rename["data"]["renameFolder"]["errors"]
    # Staff switch it off again: she is back to her own access.
    await rep(MANAGES, {"input": {"customerId": x, "allowed": False}})
    assert await names_in(t.mette) == {"Contracts", "2027"}
    assert await errors_of(t.mette, SET_PERMISSIONS, "setFolderPermissions",
                           {"folderId": f["Contracts"], "permissions": permissions("VIEW")}) == ["NOT_ALLOWED"]


async def test_a_folders_documents_come_in_keyset_pages(tree: Tree) -> None:
    t, rep = tree, tree.world.acme.member.client
    f = await _standard_folders(t)
    uploads = [await upload_ok(rep, f"file {i}\n".encode(), f"file-{i}.txt") for i in range(5)]
    assert (await upload_documents(rep, f["Contracts"], uploads))["errors"] == []
    seen: list[str] = []
    after = None
    while True:
        data = (await t.nina(FOLDER_DOCUMENTS, {"id": f["Contracts"], "first": 2, "after": after}))["node"]
        assert data["documentCount"] == 5
        seen += [e["node"]["name"] for e in data["documents"]["edges"]]
        if not data["documents"]["pageInfo"]["hasNextPage"]:
            break
        after = data["documents"]["pageInfo"]["endCursor"]
    assert seen == [f"file-{i}.txt" for i in range(5)]
    # The whole tree's counts in one request, for staff and contacts alike.
    counts = {x["name"]: x["documentCount"] for x in (await rep(TREE, {"id": f["hub"]}))["hub"]["folders"]}
    assert counts == {"Contracts": 5, "2027": 0, "Payroll": 0, "Internal": 0}
    assert (await t.nina(FOLDER_DOCUMENTS, {"id": f["Payroll"], "first": 2}))["node"] is None
    too_many = await t.erik.raw(FOLDER_DOCUMENTS, {"id": f["Contracts"], "first": 500})
    assert too_many["errors"][0]["extensions"]["code"] == "INVALID_PAGE_SIZE"


async def test_a_share_after_folders_lands_in_the_same_hub(tree: Tree) -> None:
    t = tree
    f = await _standard_folders(t)
    sent = await share(t.world.acme.member.client, t.world.customer_x, [person("Ole", "Dahl", "ole@fjord.example")],
                       [t.world.publications["Installation guide"]])
    assert sent["hub"]["id"] == f["hub"]
