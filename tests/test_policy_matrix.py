"""Who sees what, as a matrix (issue 7, point 11): every `Node` type of the schema x every kind of caller.

The types come from the exported schema itself, so the day a type starts implementing `Node` this test fails until
EXPECTED says who may see it and `build_world` creates one. Each cell is one `node(id)` lookup through GraphQL:
allowed answers the object, denied answers null, exactly like an id that does not exist. Runs on SQLite and
PostgreSQL (the `app` fixture).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from graphql import GraphQLObjectType
from portico.actors import Scope
from portico.demo import demo_pdf
from portico.graphql.schema import build_schema
from portico.mail.models import OutboxEmail
from portico.receivables.workflow_models import Action, ActionKind
from tests.conftest import GraphQLClient, Org
from tests.graphql.helpers import ORG_READER, create_api_key, gid, key_client, pk_of
from tests.graphql.receivables.helpers import CREATE_INVOICE, invoice_input
from tests.hubs.folder_helpers import REPLACE_DOCUMENT, create_folder, permissions, upload_documents
from tests.hubs.helpers import (
    ACTIVITY,
    COLLEAGUE,
    PRINT,
    add_publication,
    create_customer,
    create_library,
    person,
    share,
    sign_in_contact,
    upload_ok,
)

NODE = "query($id: ID!) { node(id: $id) { __typename id } }"
OPEN_QUOTE_LINK = """mutation($t: String!, $p: String!) { openQuoteLink(input: {token: $t, password: $p}) {
  errors { code } } }"""
UPDATE_MODULES = """mutation($id: ID!) { updateCustomer(input: {customerId: $id, modules: [DOCUMENTS, INVOICES,
  QUOTES]}) {
  errors { code } } }"""
INVITE = """mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id }
  errors { code } } }"""
CREATE_QUOTE = """mutation($input: CreateQuoteInput!) { createQuote(input: $input) {
  quote { id currentVersion { id } } errors { code field message } } }"""
ADD_QUOTE_VERSION = """mutation($input: AddQuoteVersionInput!) { addQuoteVersion(input: $input) {
  errors { code field message } } }"""
SAVE_WORKFLOW = """mutation($input: SaveReminderWorkflowInput!) { saveReminderWorkflow(input: $input) {
  reminderWorkflow { id } errors { code } } }"""
SAVE_TEMPLATE = """mutation($input: SaveInvitationTemplateInput!) { saveInvitationTemplate(input: $input) {
  invitationTemplate { id } errors { code } } }"""

# The callers. All of them but the last two belong to Acme, whose objects are looked up.
ACTORS = (
    "admin",  # ADMIN member
    "manager",  # MANAGER member
    "member",  # MEMBER rep: account manager of customer X, sent the share to X
    "member_other",  # MEMBER rep of the same organization with no customer and no share
    "contact",  # contact of customer X, the share's recipient
    "colleague",  # contact of customer X to whom `contact` gave the shared document ("share with a colleague")
    "contact_other",  # contact of customer Y (same organization), with a share of their own
    "reader_key",  # API key acting as nobody: ORG_READ with CUSTOMERS_READ and DOCUMENTS_READ (no ACTIVITY_READ)
    "member_key",  # API key acting as `member`, with every scope a member's key can hold
    "org_read_only_key",  # API key with ORG_READ and no read scope: reads the organization's directory only
    "write_only_key",  # API key acting as `member` with write scopes only: reads what needs no read scope
    "other_admin",  # ADMIN of another organization
    "other_key",  # ORG_READ key of another organization
    # a public-link visitor of an Acme quote of customer X (gave the link's password): sees that quote, nothing else
    "visitor",
)
# Keys read a kind of data only with its read scope (issue 7, point 9); the directory needs none.
SCOPELESS_KEYS = {"org_read_only_key", "write_only_key"}
STAFF = {"admin", "manager", "member", "member_other", "reader_key", "member_key"}
CUSTOMER_X = {"admin", "manager", "member", "contact", "reader_key", "member_key"}

# Node type -> who may look the one object of that type up. Everyone else gets null.
EXPECTED: dict[str, set[str]] = {
    "Organization": STAFF | SCOPELESS_KEYS | {"contact", "colleague", "contact_other"},
    # the rep who shared: a contact sees who sent their documents
    "Member": STAFF | SCOPELESS_KEYS | {"contact", "colleague"},
    "ApiKey": {"admin"},  # administrators signed in, never a key
    "Invitation": {"admin"},
    "InvitationTemplate": STAFF | SCOPELESS_KEYS,  # a saved one; staff pick it when sharing
    # Dev mailbox emails carry one-time links: they are read through `devMailbox` only (which knows production
    # turns it off), never through `node`.
    "OutboxEmail": set(),
    "Library": STAFF,
    "Publication": STAFF,
    "Customer": CUSTOMER_X | {"colleague"},
    "Contact": CUSTOMER_X,  # a contact sees themself, not their co-contacts
    "Hub": CUSTOMER_X | {"colleague"},
    "Folder": CUSTOMER_X | {"colleague"},
    "Document": CUSTOMER_X | {"colleague"},  # the colleague's one granted document...
    "Share": CUSTOMER_X,  # ...but not the share it came with
    # an earlier version of a document in a staff folder of X that every contact may view: staff only
    "DocumentVersion": CUSTOMER_X - {"contact"},
    # the contact's print of the shared document: its sender sees it, an org reader key needs ACTIVITY_READ
    "ActivityEvent": CUSTOMER_X - {"reader_key"},
    # an invoice of X (INVOICES on): staff who see X's invoices (the member: their portfolio), keys with
    # INVOICES_READ (not the reader key), and every contact of X (the colleague too)
    "Invoice": (CUSTOMER_X - {"reader_key"}) | {"colleague"},
    # a quote `member` sent to all contacts of X (QUOTES module on): the reader key lacks QUOTES_READ
    "Quote": CUSTOMER_X - {"reader_key"} | {"colleague"},
    # its first version, superseded by a second: staff only (contacts see the current version)
    "QuoteVersion": CUSTOMER_X - {"reader_key", "contact"},
    # receivables (issue 11): every member sees the workflows; keys need INVOICES_READ (reader_key lacks it)
    "ReminderWorkflow": {"admin", "manager", "member", "member_other", "member_key"},
    # an action assigned to `member` about customer X: the assignee and those who see everyone's
    "Action": {"admin", "manager", "member", "member_key"},
}


def node_types() -> list[str]:
    """Every object type of the exported schema that implements Node."""
    schema = build_schema()._schema
    return sorted(
        t.name for t in schema.type_map.values()
        if isinstance(t, GraphQLObjectType) and any(i.name == "Node" for i in t.interfaces)
    )


@dataclass
class World:
    objects: dict[str, str]  # node type -> global id of one Acme object of that type
    actors: dict[str, GraphQLClient]


async def build_world(acme: Org, globex: Org, make_client: Callable[..., GraphQLClient]) -> World:
    """One object of every Node type in Acme, through the public API, and a signed-in client for every caller."""
    admin = acme.admin.client
    library = await create_library(admin)
    publication = await add_publication(admin, library, "Price list 2027")
    customer_x = await create_customer(admin, "Fjord Logistics", [acme.member.member_id])
    customer_y = await create_customer(admin, "Svea Bygg")
    sent = await share(acme.member.client, customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                       [publication])
    await share(acme.manager.client, customer_y, [person("Sven", "Berg", "sven@svea.example")], [publication])
    contact, contact_other = make_client(), make_client()
    await sign_in_contact(contact, "mette@fjord.example")
    await sign_in_contact(contact_other, "sven@svea.example")
    document = sent["share"]["documents"][0]["id"]
    assert (await contact(PRINT, {"id": document}))["recordDocumentPrint"]["errors"] == []
    given = await contact(COLLEAGUE, {"input": {"documentId": document, "firstName": "Nina", "lastName": "Holm",
                                                "email": "nina@fjord.example"}})
    assert given["shareWithColleague"]["errors"] == []
    colleague = make_client()
    await sign_in_contact(colleague, "nina@fjord.example", kind="colleague_invitation")
    events = (await acme.member.client(ACTIVITY, {"first": 50}))["activity"]["edges"]
    printed = next(e["node"]["id"] for e in events if e["node"]["kind"] == "DOCUMENT_PRINTED")
    invited = await admin(INVITE, {"input": {"email": "newbie@acme.example", "role": "MEMBER"}})
    assert invited["inviteMember"]["errors"] == []
    # A saved template of a built-in language (another language must also provide every fixed text of the email).
    template = await admin(SAVE_TEMPLATE, {"input": {"language": "en", "subject": "Documents", "body": "Hello"}})
    assert template["saveInvitationTemplate"]["errors"] == []
    version = await _replaced_document_version(admin, customer_x)
    invoice = await _invoice(admin, customer_x)
    quote, quote_version = await _quote_with_two_versions(acme.member.client, customer_x)
    outbox = await OutboxEmail.filter(organization_id=pk_of(acme.organization_id)).order_by("-id").first()
    assert outbox is not None
    _, reader_secret = await create_api_key(admin, ["ORG_READ", "CUSTOMERS_READ", "DOCUMENTS_READ"])
    member_key, member_secret = await create_api_key(
        admin, [s.value for s in Scope if s is not Scope.ORG_READ], acts_as=acme.member.member_id
    )
    _, org_read_only_secret = await create_api_key(admin, [Scope.ORG_READ.value])
    _, write_only_secret = await create_api_key(
        admin, [Scope.CUSTOMERS_WRITE.value, Scope.SHARES_WRITE.value], acts_as=acme.member.member_id
    )
    _, other_secret = await create_api_key(globex.admin.client, ORG_READER)
    visitor = await _quote_link_visitor(make_client, acme, customer_x)
    workflow = await admin(SAVE_WORKFLOW, {"input": {"name": "Standard", "steps": []}})
    assert workflow["saveReminderWorkflow"]["errors"] == []
    action = await Action.create(organization_id=pk_of(acme.organization_id), customer_id=pk_of(customer_x),
                                 assignee_id=pk_of(acme.member.member_id), kind=ActionKind.CALL,
                                 due_on=date(2026, 12, 10))
    objects = {
        "ReminderWorkflow": workflow["saveReminderWorkflow"]["reminderWorkflow"]["id"],
        "Action": gid("Action", action.id),
        "Organization": acme.organization_id,
        "Member": acme.member.member_id,
        "ApiKey": member_key,
        "Invitation": invited["inviteMember"]["invitation"]["id"],
        "InvitationTemplate": template["saveInvitationTemplate"]["invitationTemplate"]["id"],
        "OutboxEmail": gid("OutboxEmail", outbox.id),
        "Library": library,
        "Publication": publication,
        "Customer": customer_x,
        "Contact": sent["share"]["recipients"][0]["id"],
        "Hub": sent["hub"]["id"],
        "Folder": sent["hub"]["folders"][0]["id"],
        "Document": document,
        "Share": sent["share"]["id"],
        "DocumentVersion": version,
        "ActivityEvent": printed,
        "Invoice": invoice,
        "Quote": quote,
        "QuoteVersion": quote_version,
    }
    actors = {
        "admin": admin,
        "manager": acme.manager.client,
        "member": acme.member.client,
        "member_other": acme.member2.client,
        "contact": contact,
        "colleague": colleague,
        "contact_other": contact_other,
        "reader_key": key_client(make_client, reader_secret),
        "member_key": key_client(make_client, member_secret),
        "org_read_only_key": key_client(make_client, org_read_only_secret),
        "write_only_key": key_client(make_client, write_only_secret),
        "other_admin": globex.admin.client,
        "other_key": key_client(make_client, other_secret),
        "visitor": visitor,
    }
    return World(objects, actors)


async def _quote_link_visitor(make_client: Callable[..., GraphQLClient], acme: Org, customer_id: str) -> GraphQLClient:
    """A browser that opened a public link to a quote of the customer with its password (the visit cookie)."""
    from portico.accounts.passwords import hash_password
    from portico.accounts.tokens import new_token, token_hash
    from portico.quotes.acceptance_models import QuoteLink
    from portico.quotes.models import Quote, QuoteStatus, QuoteVisibility

    quote = await Quote.create(
        organization_id=pk_of(acme.organization_id), customer_id=pk_of(customer_id), number="PL-1",
        title="Public quote", visibility=QuoteVisibility.PUBLIC_LINK, status=QuoteStatus.SENT,
    )
    token = new_token()
    await QuoteLink.create(organization_id=quote.organization_id, quote_id=quote.id, token_hash=token_hash(token),
                           password_hash=await hash_password("visitor password"))
    visitor = make_client()
    opened = await visitor(OPEN_QUOTE_LINK, {"t": token, "p": "visitor password"})
    assert opened["openQuoteLink"]["errors"] == []
    return visitor


async def _replaced_document_version(admin: GraphQLClient, customer_id: str) -> str:
    """A document in a staff folder every contact of the customer may view, replaced once: its first version."""
    folder = await create_folder(admin, customer_id, "Contracts", perms=permissions("VIEW"))
    folder_id = folder["folder"]["id"]
    [document] = (await upload_documents(admin, folder_id, [await upload_ok(admin, b"v1\n", "c.txt")]))["documents"]
    replaced = await admin(REPLACE_DOCUMENT, {"input": {"documentId": document["id"],
                                                        "uploadId": await upload_ok(admin, b"v2\n", "c.txt")}})
    return str(replaced["replaceDocument"]["document"]["versions"][0]["id"])


async def _invoice(admin: GraphQLClient, customer_id: str) -> str:
    """An open invoice of the customer, with its INVOICES module switched on (contacts see invoices only then)."""
    modules = await admin(UPDATE_MODULES, {"id": customer_id})
    assert modules["updateCustomer"]["errors"] == []
    created = await admin(CREATE_INVOICE, {"input": invoice_input(customer_id, "INV-1")})
    assert created["createInvoice"]["errors"] == []
    return str(created["createInvoice"]["invoice"]["id"])

async def _quote_with_two_versions(rep: GraphQLClient, customer_id: str) -> tuple[str, str]:
    """A quote sent to every contact of the customer (its QUOTES module switched on), then given a second PDF:
    the quote and its first version."""
    switched = await rep(UPDATE_MODULES, {"id": customer_id})
    assert switched["updateCustomer"]["errors"] == []
    made = await rep(CREATE_QUOTE, {"input": {
        "customerId": customer_id, "number": "Q-1", "title": "Racking", "visibility": "ALL_CONTACTS", "publish": True,
        "uploadId": await upload_ok(rep, demo_pdf("Quote v1"), "q1.pdf")}})
    assert made["createQuote"]["errors"] == [], made
    quote = made["createQuote"]["quote"]
    added = await rep(ADD_QUOTE_VERSION, {"input": {"quoteId": quote["id"], "notify": False,
                                                    "uploadId": await upload_ok(rep, demo_pdf("Quote v2"), "q2.pdf")}})
    assert added["addQuoteVersion"]["errors"] == []
    return str(quote["id"]), str(quote["currentVersion"]["id"])


def test_every_node_type_of_the_schema_has_expectations() -> None:
    types = node_types()
    assert "Document" in types and "Customer" in types  # the introspection found the Node types
    missing = sorted(set(types) - set(EXPECTED))
    assert not missing, f"new Node types: say who may see them in EXPECTED (and create one in build_world): {missing}"
    assert not set(EXPECTED) - set(types), "EXPECTED names types that no longer implement Node"
    assert all(allowed <= set(ACTORS) for allowed in EXPECTED.values())


async def test_node_lookup_matrix(two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]) -> None:
    world = await build_world(*two_orgs, client_factory)
    types = node_types()
    assert sorted(world.objects) == types, "build_world must create one object of every Node type"

    wrong = []
    for type_name in types:
        global_id = world.objects[type_name]
        for actor in ACTORS:
            found = (await world.actors[actor](NODE, {"id": global_id}))["node"]
            if found is not None:
                assert found == {"__typename": type_name, "id": global_id}
            allowed = actor in EXPECTED[type_name]
            if (found is not None) != allowed:
                wrong.append(f"{type_name} / {actor}: expected {'allowed' if allowed else 'denied'}")

    assert not wrong, "policy differs from the matrix:\n" + "\n".join(wrong)
