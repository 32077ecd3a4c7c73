"""Operations and a small world for the folder tests: customer X with three contacts (Mette the primary contact,
Erik and Nina), each signed in in a browser of their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.conftest import GraphQLClient
from tests.hubs.helpers import ADD_CONTACT, World, pk, switch_hub_access_on

ERRORS = "errors { code field message }"
FOLDER_FIELDS = """id name kind parentId clientAccess allContacts documentCount canUpload canManagePermissions
  contacts { id fullName }"""
CREATE_FOLDER = f"""mutation($input: CreateFolderInput!) {{ createFolder(input: $input) {{
  folder {{ {FOLDER_FIELDS} }} hub {{ id }} {ERRORS} }} }}"""
RENAME_FOLDER = f"""mutation($input: RenameFolderInput!) {{ renameFolder(input: $input) {{
  folder {{ id name }} {ERRORS} }} }}"""
MOVE_FOLDER = f"""mutation($input: MoveFolderInput!) {{ moveFolder(input: $input) {{
  folder {{ id parentId }} {ERRORS} }} }}"""
DELETE_FOLDER = f"""mutation($input: FolderIdInput!) {{ deleteFolder(input: $input) {{ ok {ERRORS} }} }}"""
SET_PERMISSIONS = f"""mutation($input: SetFolderPermissionsInput!) {{ setFolderPermissions(input: $input) {{
  folder {{ {FOLDER_FIELDS} }} {ERRORS} }} }}"""
MANAGES = f"""mutation($input: SetPrimaryContactManagesPermissionsInput!) {{
  setPrimaryContactManagesPermissions(input: $input) {{ ok {ERRORS} }} }}"""
UPLOAD_DOCUMENTS = f"""mutation($input: UploadDocumentsInput!) {{ uploadDocuments(input: $input) {{
  documents {{ id name contentType sizeBytes version uploadedByCustomer }} {ERRORS} }} }}"""
REPLACE_DOCUMENT = f"""mutation($input: ReplaceDocumentInput!) {{ replaceDocument(input: $input) {{
  document {{ id name version sizeBytes downloadUrl versions {{ id number name sizeBytes downloadUrl }} }}
  {ERRORS} }} }}"""
TREE = f"""query($id: ID!) {{ hub(id: $id) {{ id permissionContacts {{ id fullName }}
  folders {{ {FOLDER_FIELDS} }} }} }}"""
MY_TREE = f"""{{ myHub {{ id permissionContacts {{ id fullName }} folders {{ {FOLDER_FIELDS} }} }} }}"""
FOLDER_DOCUMENTS = """query($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on Folder {
  documentCount documents(first: $first, after: $after) {
    edges { cursor node { id name version downloadUrl versions { id number } } }
    pageInfo { hasNextPage endCursor } } } } }"""
NODE = "query($id: ID!) { node(id: $id) { __typename id } }"


def permissions(access: str = "VIEW", contacts: list[str] | None = None) -> dict[str, Any]:
    return {"clientAccess": access, "allContacts": contacts is None, "contactIds": contacts or []}


@dataclass
class Tree:
    """Customer X's contacts, signed in; folders are made by each test."""

    world: World
    mette: GraphQLClient  # the primary contact
    erik: GraphQLClient
    nina: GraphQLClient
    ids: dict[str, str]  # contact global ids by first name


async def contact_client(make_client: Any, contact_gid: str) -> GraphQLClient:
    """A browser signed in as the contact (a session, as the hub link or password sign-in would start)."""
    from portico.accounts.sessions import SESSION_COOKIE, start_session

    client: GraphQLClient = make_client()
    token = await start_session(contact_id=pk(contact_gid))
    client.http.cookies.set(SESSION_COOKIE, token)
    return client


async def build_tree(world: World, make_client: Any) -> Tree:
    ids = {}
    for first, primary in (("Mette", True), ("Erik", False), ("Nina", False)):
        data = await world.acme.admin.client(ADD_CONTACT, {"input": {
            "customerId": world.customer_x, "firstName": first, "lastName": "Larsen",
            "email": f"{first.lower()}@fjord.example", "isPrimary": primary,
        }})
        assert data["addContact"]["errors"] == [], data
        ids[first] = data["addContact"]["contact"]["id"]
    await switch_hub_access_on(world.acme.admin.client, world.customer_x)
    clients = [await contact_client(make_client, ids[n]) for n in ("Mette", "Erik", "Nina")]
    return Tree(world, *clients, ids=ids)


async def create_folder(client: GraphQLClient, customer_id: str, name: str, parent_id: str | None = None,
                        perms: dict[str, Any] | None = None) -> dict[str, Any]:
    data = await client(CREATE_FOLDER, {"input": {"customerId": customer_id, "name": name, "parentId": parent_id,
                                                  "permissions": perms or permissions("NONE")}})
    payload: dict[str, Any] = data["createFolder"]
    assert payload["errors"] == [], payload
    return payload


async def errors_of(client: GraphQLClient, mutation: str, field: str, payload: dict[str, Any]) -> list[str]:
    data = await client(mutation, {"input": payload})
    return [e["code"] for e in data[field]["errors"]]


async def names_in(client: GraphQLClient, hub_id: str | None = None) -> set[str]:
    if hub_id is None:
        hub = (await client(MY_TREE))["myHub"]
    else:
        hub = (await client(TREE, {"id": hub_id}))["hub"]
    return {f["name"] for f in hub["folders"]} if hub else set()


async def upload_into(client: GraphQLClient, folder_id: str, data: bytes, filename: str) -> Any:
    return await client.http.post("/uploads", params={"filename": filename, "folderId": folder_id}, content=data)


async def upload_documents(client: GraphQLClient, folder_id: str, upload_ids: list[str]) -> dict[str, Any]:
    data = await client(UPLOAD_DOCUMENTS, {"input": {"folderId": folder_id, "uploadIds": upload_ids}})
    payload: dict[str, Any] = data["uploadDocuments"]
    return payload
