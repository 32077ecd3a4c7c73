"""Helpers shared by the hubs, activity, libraries and GraphQL hub tests: everything goes through the public API
(GraphQL and the HTTP file endpoints), the database is only read to check what was (not) written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlparse

from portico.demo import demo_pdf
from tests.conftest import GraphQLClient, Org

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000"
                    "0500010d0a2db40000000049454e44ae426082")
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + bytes(range(256)) * 4
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(range(256)) * 4

CREATE_LIBRARY = """mutation($input: CreateLibraryInput!) { createLibrary(input: $input) {
  library { id name publicationCount } errors { code field message } } }"""
ADD_PUBLICATION = """mutation($input: AddPublicationInput!) { addPublication(input: $input) {
  publication { id title contentType sizeBytes library { id } } errors { code field message } } }"""
CREATE_CUSTOMER = """mutation($input: CreateCustomerInput!) { createCustomer(input: $input) {
  customer { id name } errors { code field message } } }"""
ASSIGN = """mutation($input: AccountManagersInput!) { assignAccountManagers(input: $input) {
  errors { code field message } } }"""
ADD_CONTACT = """mutation($input: AddContactInput!) { addContact(input: $input) {
  contact { id email } errors { code field message } } }"""
SHARE = """mutation($input: ShareInput!) { shareDocuments(input: $input) {
  share { id language message recipients { id email } documents { id name contentType sizeBytes } sender { id } }
  hub { id folders { id name date sender { id } documents(first: 200) { edges { node { id name } } } } }
  errors { code field message } } }"""
PREVIEW = """query($input: ShareInput!) { previewShare(input: $input) { subject html text } }"""
REDEEM = """mutation($t: String!) { redeemHubLink(input: {token: $t}) {
  viewer { kind contact { id email } } needsPassword errors { code field message } } }"""
SET_PASSWORD = """mutation($p: String!) { setContactPassword(input: {password: $p}) { ok errors { code field } } }"""
HUB_LOG_IN = """mutation($e: String!, $p: String!) { hubLogIn(input: {email: $e, password: $p}) {
  viewer { kind contact { id email } } errors { code field message } } }"""
MY_HUB = """{ myHub { id folders { id name documents(first: 200) { edges { node { id name contentType viewUrl
  downloadUrl share { id } } } } } } }"""
HUB = """query($id: ID!) { hub(id: $id) { id folders { id name sender { id } documents(first: 200) { edges { node {
  id name insights { views downloads prints uniqueViewers lastActivityAt viewsPerDay { date count } } } } } }
  insights { views downloads prints sharedWithColleagues uniqueViewers lastActivityAt } } }"""
ACTIVITY = """query($first: Int) { activity(first: $first) { edges { node { id kind actorName detail
  document { id } share { id } contact { id } } } } }"""
PRINT = """mutation($id: ID!) { recordDocumentPrint(input: {documentId: $id}) { ok errors { code field } } }"""
COLLEAGUE = """mutation($input: ShareWithColleagueInput!) { shareWithColleague(input: $input) {
  contact { id email hubAccess customer { id } } errors { code field message } } }"""
NODE_DOC = """query($id: ID!) { node(id: $id) { id ... on Document { name viewUrl } } }"""
UPDATE_ORG = """mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) {
  organization { id memberDocumentVisibility timezone } errors { code field message } } }"""

CONTACT_PASSWORD = "contact password 123"

SAVE_TEMPLATE = """mutation($input: SaveInvitationTemplateInput!) { saveInvitationTemplate(input: $input) {
  invitationTemplate { id language subject body builtIn missingFixedTexts fixedTexts { key text } }
  errors { code field message } } }"""
# Every fixed text of the invitation email, in German: an admin-defined language must provide them all.
GERMAN = {
    "greeting": "Guten Tag {first_name},",
    "greeting_anonymous": "Guten Tag,",
    "preheader": "{sender_name} hat Ihnen Dokumente freigegeben ({count}).",
    "message_from": "Nachricht von {sender_name}",
    "documents_heading": "Für Sie freigegebene Dokumente: {count}",
    "button": "Ihren Kundenbereich öffnen",
    "button_fallback": "Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:",
    "questions": "Fragen? Schreiben Sie an {sender_name}:",
    "footer_reason": "Sie erhalten diese E-Mail, weil {sender_name} von {organization} Dokumente freigegeben hat.",
    "sent_by": "Gesendet von {organization} mit Portico",
}
GERMAN_FIXED_TEXTS = [{"key": k, "text": v} for k, v in GERMAN.items()]


async def upload(client: GraphQLClient, data: bytes, filename: str = "file.pdf", **headers: str) -> Any:
    """POST /uploads; returns the httpx response."""
    return await client.http.post("/uploads", params={"filename": filename}, content=data, headers=headers)


async def upload_ok(client: GraphQLClient, data: bytes, filename: str = "file.pdf") -> str:
    response = await upload(client, data, filename)
    assert response.status_code == 201, response.text
    return str(response.json()["uploadId"])


async def create_library(admin: GraphQLClient, name: str = "Product sheets") -> str:
    data = await admin(CREATE_LIBRARY, {"input": {"name": name, "description": ""}})
    assert data["createLibrary"]["errors"] == []
    return str(data["createLibrary"]["library"]["id"])


async def add_publication(admin: GraphQLClient, library_id: str, title: str, content: bytes | None = None) -> str:
    upload_id = await upload_ok(admin, content if content is not None else demo_pdf(title), f"{title}.pdf")
    data = await admin(ADD_PUBLICATION, {"input": {"libraryId": library_id, "uploadId": upload_id, "title": title,
                                                   "tags": ["sheet"]}})
    assert data["addPublication"]["errors"] == [], data
    return str(data["addPublication"]["publication"]["id"])


async def create_customer(admin: GraphQLClient, name: str, managers: list[str] = ()) -> str:  # type: ignore[assignment]
    data = await admin(CREATE_CUSTOMER, {"input": {"kind": "COMPANY", "name": name}})
    assert data["createCustomer"]["errors"] == [], data
    customer_id = str(data["createCustomer"]["customer"]["id"])
    if managers:
        assigned = await admin(ASSIGN, {"input": {"customerIds": [customer_id], "memberIds": list(managers)}})
        assert assigned["assignAccountManagers"]["errors"] == []
    return customer_id


UPDATE_CUSTOMER_HUB_ACCESS = """mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) {
  errors { code field message } } }"""


async def switch_hub_access_on(client: GraphQLClient, customer_id: str) -> None:
    """A company gets hub access once it has a contact (issue 9 point 1): add the contact first."""
    data = await client(UPDATE_CUSTOMER_HUB_ACCESS, {"input": {"customerId": customer_id, "hubAccess": True}})
    assert data["updateCustomer"]["errors"] == [], data


def share_input(customer_id: str, recipients: list[dict[str, Any]], publication_ids: list[str] = (),  # type: ignore[assignment]
                upload_ids: list[str] = (), language: str = "en",  # type: ignore[assignment]
                message: str = "Here are the documents we talked about.") -> dict[str, Any]:
    return {"input": {"customerId": customer_id, "recipients": recipients, "language": language, "message": message,
                      "publicationIds": list(publication_ids), "uploadIds": list(upload_ids)}}


async def share(client: GraphQLClient, *args: Any, **kwargs: Any) -> dict[str, Any]:
    data = await client(SHARE, share_input(*args, **kwargs))
    payload: dict[str, Any] = data["shareDocuments"]
    assert payload["errors"] == [], payload["errors"]
    return payload


async def share_errors(client: GraphQLClient, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
    data = await client(SHARE, share_input(*args, **kwargs))
    assert data["shareDocuments"]["share"] is None
    errors: list[dict[str, Any]] = data["shareDocuments"]["errors"]
    return errors


def person(first: str, last: str, email: str) -> dict[str, str]:
    return {"firstName": first, "lastName": last, "email": email}


LINK_RE = re.compile(r"(http://testserver/hub/welcome\?token=[A-Za-z0-9_\-]+)")


def hub_link_in(text: str) -> str:
    found = LINK_RE.findall(text)
    assert found, text
    assert len(set(found)) == 1
    return str(found[0])


def token_of(link: str) -> str:
    return parse_qs(urlparse(link).query)["token"][0]


async def outbox_for(address: str, kind: str = "hub_share") -> list[Any]:
    from portico.mail.models import OutboxEmail

    return list(await OutboxEmail.filter(to_address=address, kind=kind).order_by("id"))


async def latest_link(address: str, kind: str = "hub_share") -> str:
    emails = await outbox_for(address, kind)
    assert emails, f"no {kind} email to {address}"
    return hub_link_in(emails[-1].text)


async def sign_in_contact(client: GraphQLClient, address: str, kind: str = "hub_share") -> dict[str, Any]:
    """Redeem the newest emailed link of `address` in `client` (its cookie jar becomes the contact's)."""
    data = await client(REDEEM, {"t": token_of(await latest_link(address, kind))})
    payload: dict[str, Any] = data["redeemHubLink"]
    assert payload["errors"] == [], payload
    return payload


async def my_documents(client: GraphQLClient) -> dict[str, dict[str, Any]]:
    """The signed-in contact's visible documents by name."""
    data = await client(MY_HUB)
    if data["myHub"] is None:
        return {}
    return {d["name"]: d for f in data["myHub"]["folders"] for d in folder_documents(f)}


def folder_documents(folder: dict[str, Any]) -> list[dict[str, Any]]:
    """The documents of one page of a folder (`documents { edges { node } }`)."""
    return [edge["node"] for edge in folder["documents"]["edges"]]


async def activity_of(client: GraphQLClient) -> list[dict[str, Any]]:
    data = await client(ACTIVITY, {"first": 100})
    return [e["node"] for e in data["activity"]["edges"]]


async def counts() -> dict[str, int]:
    """Rows of every table a share writes, to check that a refused share wrote nothing."""
    from portico.customers.models import Contact
    from portico.hubs.models import Document, Folder, Hub, Share, Upload
    from portico.mail.models import OutboxEmail

    return {
        "share": await Share.all().count(),
        "document": await Document.all().count(),
        "contact": await Contact.all().count(),
        "outbox": await OutboxEmail.all().count(),
        "hub": await Hub.all().count(),
        "folder": await Folder.all().count(),
        "used_uploads": await Upload.filter(used_at__not_isnull=True).count(),
    }


@dataclass
class World:
    """Org A (acme) and org B (globex); acme has a library with three publications, customers X and Y (both
    managed by both reps), globex has a customer Z and a publication of its own."""

    acme: Org
    globex: Org
    library_id: str
    publications: dict[str, str]
    customer_x: str
    customer_y: str
    globex_customer: str
    globex_publication: str
    extra: dict[str, Any] = field(default_factory=dict)


PUBLICATION_TITLES = ("Price list 2027", "Trailmaster 300 sheet", "Installation guide")


async def build_world(acme: Org, globex: Org) -> World:
    library_id = await create_library(acme.admin.client)
    publications = {t: await add_publication(acme.admin.client, library_id, t) for t in PUBLICATION_TITLES}
    reps = [acme.member.member_id, acme.member2.member_id]
    x = await create_customer(acme.admin.client, "Fjord Logistics", reps)
    y = await create_customer(acme.admin.client, "Svea Bygg", reps)
    g_library = await create_library(globex.admin.client, "Globex library")
    g_publication = await add_publication(globex.admin.client, g_library, "Globex secret")
    z = await create_customer(globex.admin.client, "Harbor Foods", [globex.member.member_id])
    return World(acme, globex, library_id, publications, x, y, z, g_publication)


async def stored_keys(app: Any) -> list[str]:
    """Everything the app's storage physically holds (objects, temp files, pending multipart uploads)."""
    from portico.storage import LocalStorage, S3Storage

    storage = app.state.services.storage
    if isinstance(storage, LocalStorage):
        if not storage.root.exists():
            return []
        return sorted(str(p.relative_to(storage.root)) for p in storage.root.rglob("*") if not p.is_dir())
    assert isinstance(storage, S3Storage)
    objects = await storage.client.list_objects_v2(Bucket=storage.bucket)
    uploads = await storage.client.list_multipart_uploads(Bucket=storage.bucket)
    return sorted([o["Key"] for o in objects.get("Contents", [])]
                  + [f"pending:{u['Key']}" for u in uploads.get("Uploads", [])])


@dataclass
class Shared:
    """What `share_to_contacts` set up: A's share to Mette (customer X) and a signed-in browser for her."""

    share_id: str
    hub_id: str
    contact: GraphQLClient
    contact_id: str
    documents: dict[str, dict[str, Any]]  # by name, as the contact sees them (with viewUrl / downloadUrl)
    upload_bytes: bytes


UPLOADED = b"Meeting notes\nline two\n" * 50


async def share_to_contact(world: World, make_client: Any, *, rep: GraphQLClient | None = None,
                           customer_id: str | None = None, email: str = "mette@fjord.example",
                           first: str = "Mette") -> Shared:
    rep = rep or world.acme.member.client
    extra = await upload_ok(rep, UPLOADED, "notes.txt")
    payload = await share(rep, customer_id or world.customer_x, [person(first, "Larsen", email)],
                          [world.publications["Price list 2027"], world.publications["Installation guide"]], [extra])
    contact = make_client()
    signed = await sign_in_contact(contact, email)
    return Shared(payload["share"]["id"], payload["hub"]["id"], contact, signed["viewer"]["contact"]["id"],
                  await my_documents(contact), UPLOADED)


async def events(**filters: Any) -> list[Any]:
    from portico.activity.models import ActivityEvent

    return list(await ActivityEvent.filter(**filters).order_by("id"))


def pk(global_id: str) -> int:
    """The database id inside a global id ("Type:123", base64)."""
    import base64

    return int(base64.b64decode(global_id).decode().rsplit(":", 1)[1])


async def leave_free(organization_name: str, free_bytes: int) -> int:
    """Fill the organization's storage (its counter) until only `free_bytes` are free; returns its quota.

    Quotas are plans of 1 GiB and more, so tests that need a nearly full storage set the usage, not the quota."""
    from portico.accounts.models import Organization, StorageAccount
    from portico.hubs.quota import quota_bytes, storage_account

    org = await Organization.get(name=organization_name)
    quota = quota_bytes(await storage_account(org.id))
    await StorageAccount.filter(organization_id=org.id).update(used_bytes=quota - free_bytes)
    return quota
