"""GraphQL types of the hubs domain: Library, Publication, Hub, Folder, Document, Share, Insights, ActivityEvent."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types.nodes import get_variable_values

from graphql import FieldNode, GraphQLInt, GraphQLString, Undefined, value_from_ast
from portico import policy
from portico.activity import insights
from portico.activity import models as activity_models
from portico.actors import Actor
from portico.customers import models as customer_models
from portico.customers.models import Contact
from portico.errors import DomainError
from portico.graphql import scopes
from portico.graphql.accounts.types import MemberType
from portico.graphql.branding.types import OrganizationBranding, branding_by_organization_id
from portico.graphql.context import Info
from portico.graphql.customers.types import ContactType, CustomerModule, CustomerType
from portico.graphql.hubs import folder_loaders as fl
from portico.graphql.hubs import loaders as hl
from portico.graphql.node import Node, register_node, register_node_reader, register_policy_node
from portico.graphql.relay import Edge, PageInfo, encode_id
from portico.hubs import models, reads
from portico.hubs.links import grant_for, sign_grant
from portico.libraries import models as library_models
from portico.mail.templates import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from portico.graphql.quotes.types import QuoteType

ActivityKind = strawberry.enum(activity_models.ActivityKind, name="ActivityKind")
ClientAccess = strawberry.enum(
    models.ClientAccess, name="ClientAccess",
    description="What the customer's contacts may do in a staff folder: nothing, view, or view and upload.",
)


@strawberry.enum(description="DATE: where shares land, one per sender per day, at the top of the tree; STAFF: "
                 "created by staff, with permissions for the customer's contacts.")
class FolderKind(Enum):
    DATE = "DATE"
    STAFF = "STAFF"


def file_url(info: Info, kind: str, item_id: int, organization_id: int, *, attachment: bool) -> str:
    grant = grant_for(info.context.actor, kind=kind, item_id=item_id, organization_id=organization_id,
                      attachment=attachment)
    return f"/files/{sign_grant(info.context.settings.secret_key, grant)}"


@strawberry.type
class DayCount:
    date: date
    count: int


@strawberry.type(description=scopes.ACTIVITY)
class Insights:
    """Figures over the activity the caller may see, for one hub, share, document or customer.

    Plain fields, filled from one batched query: a hub page with hundreds of documents resolves them without an
    awaitable per figure (that cost dominated the page before).
    """

    hub_opens: int
    views: int
    downloads: int
    prints: int
    shared_with_colleagues: int
    unique_viewers: int
    last_activity_at: datetime | None
    scope: strawberry.Private[str]
    pk: strawberry.Private[int]
    days: strawberry.Private[list[tuple[date, int]] | None] = None  # loaded with the figures when asked

    @classmethod
    def of(cls, scope: str, pk: int, figures: insights.Figures) -> Insights:
        c = figures.counts
        return cls(
            hub_opens=c.get("HUB_OPENED", 0),
            views=c.get("DOCUMENT_VIEWED", 0),
            downloads=c.get("DOCUMENT_DOWNLOADED", 0),
            prints=c.get("DOCUMENT_PRINTED", 0),
            shared_with_colleagues=c.get("SHARED_WITH_COLLEAGUE", 0),
            unique_viewers=figures.unique_viewers,
            last_activity_at=figures.last_activity_at,
            scope=scope,
            pk=pk,
            days=figures.views_per_day,
        )

    @strawberry.field(description="The last 30 days, oldest first.")
    def views_per_day(self, info: Info) -> list[DayCount]:
        if self.days is not None:
            return [DayCount(date=d, count=n) for d, n in self.days]
        return self._load_days(info)  # type: ignore[return-value]

    async def _load_days(self, info: Info) -> list[DayCount]:
        days = await hl.views_per_day_by(info.context.loaders, self.scope).load(self.pk)
        return [DayCount(date=d, count=n) for d, n in days]


def _selections(info: Info) -> list[Any]:
    """The selections right under the field being resolved, from the query's own syntax tree. (Strawberry's
    `info.selected_fields` converts the whole selection below the field on every access: for `hub`, the page's
    entire query, twice per request.)"""
    return [s for node in info._raw_info.field_nodes if node.selection_set for s in node.selection_set.selections]


def asks(info: Info, name: str) -> bool:
    """Whether the selection under this field asks the field `name` (a fragment counts as asking: reading a little
    more is harmless, missing it would cost a statement)."""
    return any(not isinstance(s, FieldNode) or s.name.value == name for s in _selections(info))


def start_insights(info: Info, scope: str, pk: int) -> None:
    """When the field being resolved (a hub, say) asks its `insights`, start loading them now: their statement then
    runs beside the item's own read instead of after it, and `insights_of` finds them in the same loader. Skipped
    when the insights come through a fragment (they load when resolved, as usual)."""
    for s in _selections(info):
        if isinstance(s, FieldNode) and s.name.value == "insights":
            under = s.selection_set.selections if s.selection_set else ()
            with_days = any(not isinstance(d, FieldNode) or d.name.value == "viewsPerDay" for d in under)
            hl.figures_by(info.context.loaders, scope, with_days=with_days).load(pk)
            return


async def insights_of(info: Info, scope: str, pk: int) -> Insights:
    """An item's figures, with its views per day in the same statement when the query asks them."""
    loader = hl.figures_by(info.context.loaders, scope, with_days=asks(info, "viewsPerDay"))
    return Insights.of(scope, pk, await loader.load(pk))


async def documents_with_insights(info: Info, rows: list[models.Document]) -> list[DocumentType]:
    """Documents with their figures loaded for the whole list at once (one query, no awaitable per document)."""
    figures = await hl.figures_by(info.context.loaders, "document").load_many([d.id for d in rows])
    return [DocumentType.from_model(d, Insights.of("document", d.id, f)) for d, f in zip(rows, figures, strict=True)]


@strawberry.type(name="Library", description=scopes.DOCUMENTS)
class LibraryType(Node):
    name: str
    description: str
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, lib: library_models.Library) -> LibraryType:
        return cls(id=encode_id("Library", lib.id), name=lib.name, description=lib.description, pk=lib.id)

    @strawberry.field
    async def publication_count(self, info: Info) -> int:
        return await hl.publication_count_by_library_id(info.context.loaders).load(self.pk)


@strawberry.type(name="Publication", description=scopes.DOCUMENTS)
class PublicationType(Node):
    title: str
    tags: list[str]
    content_type: str
    size_bytes: float
    created_at: datetime
    library_id: strawberry.Private[int]
    pk: strawberry.Private[int]
    organization_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, p: library_models.Publication) -> PublicationType:
        return cls(
            id=encode_id("Publication", p.id), title=p.title, tags=list(p.tags), content_type=p.content_type,
            size_bytes=float(p.size_bytes), created_at=p.created_at, library_id=p.library_id, pk=p.id,
            organization_id=p.organization_id,
        )

    @strawberry.field
    async def library(self, info: Info) -> LibraryType:
        lib = await hl.library_by_id(info.context.loaders).load(self.library_id)
        assert lib is not None
        return LibraryType.from_model(lib)

    # Lists should not ask this: the library page signed a link for every publication it showed (issue 8).
    @strawberry.field(description="Short-lived link to view the publication (staff preview).",
                      deprecation_reason="Use openPublication when the publication is opened.")
    def view_url(self, info: Info) -> str:
        return file_url(info, "publication", self.pk, self.organization_id, attachment=False)


@strawberry.type
class PublicationConnection:
    edges: list[Edge[PublicationType]]
    page_info: PageInfo
    total_count: int


@strawberry.type(name="Document", description=scopes.DOCUMENTS)
class DocumentType(Node):
    name: str
    content_type: str
    size_bytes: float
    sha256: str
    created_at: datetime
    model: strawberry.Private[models.Document]
    prefetched: strawberry.Private[Insights | None] = None

    @classmethod
    def from_model(cls, d: models.Document, prefetched: Insights | None = None) -> DocumentType:
        return cls(
            id=encode_id("Document", d.id), name=d.name, content_type=d.content_type, size_bytes=float(d.size_bytes),
            sha256=d.sha256, created_at=d.created_at, model=d, prefetched=prefetched,
        )

    def _url(self, info: Info, attachment: bool) -> str:
        return file_url(info, "document", self.model.id, self.model.organization_id, attachment=attachment)

    # Lists should not ask these: every document of a page signed two links nobody used (issue 8).
    @strawberry.field(description="Short-lived signed link, shown inline. A contact's view is recorded.",
                      deprecation_reason="Use openDocument when the document is opened (links minted per list "
                      "item cost the page its speed).")
    def view_url(self, info: Info) -> str:
        return self._url(info, attachment=False)

    @strawberry.field(description="Short-lived signed link, downloaded as a file. A contact's download is recorded.",
                      deprecation_reason="Use openDocument when the document is opened.")
    def download_url(self, info: Info) -> str:
        return self._url(info, attachment=True)

    @strawberry.field
    async def folder(self, info: Info) -> FolderType:
        folder = await hl.folder_by_id(info.context.loaders).load(self.model.folder_id)
        assert folder is not None
        return FolderType.from_model(folder)

    @strawberry.field(description="The current version's number: 1 until the document is replaced.")
    def version(self) -> int:
        return self.model.version

    @strawberry.field(description="Earlier versions, newest first: staff only (contacts get the current one).")
    async def versions(self, info: Info) -> list[DocumentVersionType]:
        rows = await fl.versions_by_document_id(info.context.loaders).load(self.model.id)
        return [DocumentVersionType.from_model(v) for v in rows]

    @strawberry.field(description="True when a contact of the customer uploaded the current version.")
    def uploaded_by_customer(self) -> bool:
        return self.model.uploaded_by_contact_id is not None

    @strawberry.field
    async def share(self, info: Info) -> ShareType | None:
        if self.model.share_id is None:
            return None
        share = await hl.share_by_id(info.context.loaders).load(self.model.share_id)
        return ShareType.from_model(share) if share else None

    @strawberry.field
    def insights(self, info: Info) -> Insights:
        # Lists prefetch their documents' figures; a single document loads them on demand (an awaitable).
        if self.prefetched is not None:
            return self.prefetched
        return insights_of(info, "document", self.model.id)  # type: ignore[return-value]


@strawberry.type(name="DocumentVersion", description=scopes.DOCUMENTS)
class DocumentVersionType(Node):
    """An earlier version of a document, kept when it was replaced. Staff only."""

    number: int
    name: str
    content_type: str
    size_bytes: float
    created_at: datetime
    replaced_at: datetime
    model: strawberry.Private[models.DocumentVersion]

    @classmethod
    def from_model(cls, v: models.DocumentVersion) -> DocumentVersionType:
        return cls(
            id=encode_id("DocumentVersion", v.id), number=v.number, name=v.name, content_type=v.content_type,
            size_bytes=float(v.size_bytes), created_at=v.created_at, replaced_at=v.replaced_at, model=v,
        )

    # A folder page signed one for every earlier version of every document it listed (issue 8).
    @strawberry.field(description="Short-lived signed link, downloaded as a file.",
                      deprecation_reason="Use openDocumentVersion when the version is downloaded.")
    def download_url(self, info: Info) -> str:
        return file_url(info, "version", self.model.id, self.model.organization_id, attachment=True)


@strawberry.type
class DocumentConnection:
    edges: list[Edge[DocumentType]]
    page_info: PageInfo


@strawberry.type(description="A contact as the folder permissions show them: a name to choose (no email).")
class PermissionContact:
    id: strawberry.ID
    full_name: str

    @classmethod
    def from_model(cls, c: Contact) -> PermissionContact:
        return cls(id=encode_id("Contact", c.id), full_name=c.full_name)


@strawberry.type(name="Folder", description=scopes.DOCUMENTS)
class FolderType(Node):
    name: str
    date: date | None
    created_at: datetime
    model: strawberry.Private[models.Folder]
    # The hub's tree loads each folder's sender and count with the folders (one statement): no awaitable per folder.
    prefetched: strawberry.Private[reads.TreeFolder | None] = None

    @classmethod
    def from_model(cls, f: models.Folder, prefetched: reads.TreeFolder | None = None) -> FolderType:
        return cls(id=encode_id("Folder", f.id), name=f.name, date=f.date, created_at=f.created_at, model=f,
                   prefetched=prefetched)

    @classmethod
    def in_tree(cls, t: reads.TreeFolder) -> FolderType:
        return cls.from_model(t.folder, t)

    @strawberry.field
    def kind(self) -> FolderKind:
        return FolderKind.DATE if self.model.is_date_folder else FolderKind.STAFF

    @strawberry.field(description="The parent folder's id; null at the top of the tree (every date folder).")
    def parent_id(self) -> strawberry.ID | None:
        return encode_id("Folder", self.model.parent_id) if self.model.parent_id is not None else None

    @strawberry.field(description="What the customer's contacts may do here; null for date folders (their "
                      "shares say who sees them).")
    def client_access(self) -> ClientAccess | None:  # type: ignore[valid-type]
        return None if self.model.is_date_folder else self.model.client_access

    @strawberry.field(description="True: every contact of the customer has `clientAccess`; false: only `contacts`.")
    def all_contacts(self) -> bool:
        return self.model.all_contacts

    @strawberry.field(description="The chosen contacts, for whoever may change the folder's permissions (else []).")
    async def contacts(self, info: Info) -> list[PermissionContact]:
        rows = await fl.chosen_contacts_by_folder_id(info.context.loaders).load(self.model.id)
        return [PermissionContact.from_model(c) for c in rows]

    @strawberry.field(description="Documents in this folder the caller may see (not counting subfolders).")
    def document_count(self, info: Info) -> int:
        if self.prefetched is not None:
            return self.prefetched.document_count
        return fl.document_count_by_folder_id(info.context.loaders).load(self.model.id)  # type: ignore[return-value]

    @strawberry.field(description="Whether the caller may upload into this folder.")
    async def can_upload(self, info: Info) -> bool:
        return await fl.may_upload_by_folder_id(info.context.loaders).load(self.model.id)

    @strawberry.field(description="Whether the caller may change this folder's access level and contacts.")
    async def can_manage_permissions(self, info: Info) -> bool:
        return await fl.manages_permissions_by_folder_id(info.context.loaders).load(self.model.id)

    @strawberry.field
    def sender(self, info: Info) -> MemberType | None:
        if self.prefetched is not None:
            sender = self.prefetched.sender
            return MemberType.from_model(sender) if sender else None
        if self.model.sender_id is None:
            return None
        return self._load_sender(info)  # type: ignore[return-value]

    async def _load_sender(self, info: Info) -> MemberType | None:
        assert self.model.sender_id is not None
        member = await info.context.loaders.member_by_id.load(self.model.sender_id)
        return MemberType.from_model(member) if member else None

    @strawberry.field(description="The documents the caller may see, in upload order, a keyset page at a time "
                      "(load them when the folder is opened; `documentCount` tells how many there are).")
    async def documents(
        self, info: Info, first: int | None = fl.DEFAULT_PAGE, after: str | None = None
    ) -> DocumentConnection:
        # The page and its documents' figures come in one statement.
        triples, page = await fl.document_page_by_folder(info.context.loaders).load((self.model.id, first, after))
        return DocumentConnection(
            edges=[Edge(cursor=c, node=DocumentType.from_model(d, Insights.of("document", d.id, f)))
                   for c, d, f in triples],
            page_info=page,
        )

    @strawberry.field(description="The shares in this folder the caller may see, newest first (each with the "
                      "rep's message and its documents).")
    async def shares(self, info: Info) -> list[ShareType]:
        rows = await hl.shares_by_folder_id(info.context.loaders).load(self.model.id)
        return [ShareType.from_model(s) for s in rows]


@strawberry.type(name="Share", description=scopes.DOCUMENTS)
class ShareType(Node):
    language: str
    message: str
    all_contacts: bool
    created_at: datetime
    model: strawberry.Private[models.Share]

    @classmethod
    def from_model(cls, s: models.Share) -> ShareType:
        return cls(
            id=encode_id("Share", s.id), language=s.language, message=s.message, all_contacts=s.all_contacts,
            created_at=s.created_at, model=s,
        )

    @strawberry.field
    async def sender(self, info: Info) -> MemberType | None:
        member = await info.context.loaders.member_by_id.load(self.model.sender_id)
        return MemberType.from_model(member) if member else None

    @strawberry.field
    async def customer(self, info: Info) -> CustomerType:
        customer = await info.context.loaders.customer_by_id.load(self.model.customer_id)
        assert customer is not None
        return CustomerType.from_model(customer)

    @strawberry.field
    async def recipients(self, info: Info) -> list[ContactType]:
        rows = await hl.recipients_by_share_id(info.context.loaders).load(self.model.id)
        return [ContactType.from_model(c) for c in rows]

    @strawberry.field
    async def documents(self, info: Info) -> list[DocumentType]:
        rows = await hl.documents_by_share_id(info.context.loaders).load(self.model.id)
        return await documents_with_insights(info, rows)

    @strawberry.field
    async def insights(self, info: Info) -> Insights:
        return await insights_of(info, "share", self.model.id)


@strawberry.type(name="Hub", description=scopes.DOCUMENTS)
class HubType(Node):
    created_at: datetime
    model: strawberry.Private[models.Hub]

    @classmethod
    def from_model(cls, h: models.Hub) -> HubType:
        return cls(id=encode_id("Hub", h.id), created_at=h.created_at, model=h)

    @strawberry.field
    async def customer(self, info: Info) -> CustomerType:
        customer = await info.context.loaders.customer_by_id.load(self.model.customer_id)
        assert customer is not None
        return CustomerType.from_model(customer)

    @strawberry.field(description="The folder tree the caller may see, flat (each folder names its `parentId`): "
                      "staff folders by name, then date folders newest first. Ask for `documentCount` here and "
                      "for `documents` when a folder is opened.")
    async def folders(self, info: Info) -> list[FolderType]:
        rows = await fl.folder_tree_by_hub_id(info.context.loaders).load(self.model.id)
        return [FolderType.in_tree(t) for t in rows]

    @strawberry.field(description="The contacts folder permissions may name: for staff, and for a primary contact "
                      "who manages permissions (else []).")
    async def permission_contacts(self, info: Info) -> list[PermissionContact]:
        rows = await fl.permission_contacts_by_customer_id(info.context.loaders).load(self.model.customer_id)
        return [PermissionContact.from_model(c) for c in rows]

    @strawberry.field
    async def insights(self, info: Info) -> Insights:
        return await insights_of(info, "hub", self.model.id)

    @strawberry.field(description="The modules switched on for the hub's customer: the sections the hub shows its "
                      "contacts (with DOCUMENTS off they find no documents, folders or shares).")
    async def modules(self, info: Info) -> list[CustomerModule]:  # type: ignore[valid-type]
        customer = await info.context.loaders.customer_by_id.load(self.model.customer_id)
        assert customer is not None
        return [m for m in customer_models.CustomerModule if policy.customer_has_module(customer, m)]

    @strawberry.field(description="The organization that runs the hub, as the hub shows it: name and logo.")
    async def branding(self, info: Info) -> OrganizationBranding:
        branding = await branding_by_organization_id(info.context.loaders).load(self.model.organization_id)
        assert branding is not None
        return branding

    @strawberry.field(description="The language the hub speaks to the caller: that of the newest share they may "
                      "see in it (the organization's invitation language), 'en' when there is none.")
    async def language(self, info: Info) -> str:
        return await hl.language_by_hub_id(info.context.loaders).load(self.model.id) or DEFAULT_LANGUAGE


@strawberry.type(name="ActivityEvent", description=scopes.ACTIVITY)
class ActivityEventType(Node):
    kind: ActivityKind  # type: ignore[valid-type]
    occurred_at: datetime
    actor_name: str
    detail: str | None
    model: strawberry.Private[activity_models.ActivityEvent]

    @classmethod
    def from_model(cls, e: activity_models.ActivityEvent) -> ActivityEventType:
        return cls(
            id=encode_id("ActivityEvent", e.id), kind=e.kind, occurred_at=e.occurred_at, actor_name=e.actor_name,
            detail=e.detail or None, model=e,
        )

    @strawberry.field
    async def contact(self, info: Info) -> ContactType | None:
        if self.model.contact_id is None:
            return None
        contact = await info.context.loaders.contact_by_id.load(self.model.contact_id)
        return ContactType.from_model(contact) if contact else None

    @strawberry.field
    async def customer(self, info: Info) -> CustomerType | None:
        customer = await info.context.loaders.customer_by_id.load(self.model.customer_id)
        return CustomerType.from_model(customer) if customer else None

    @strawberry.field
    async def document(self, info: Info) -> DocumentType | None:
        if self.model.document_id is None:
            return None
        doc = await hl.document_by_id(info.context.loaders).load(self.model.document_id)
        return DocumentType.from_model(doc) if doc else None

    @strawberry.field
    async def share(self, info: Info) -> ShareType | None:
        if self.model.share_id is None:
            return None
        share = await hl.share_by_id(info.context.loaders).load(self.model.share_id)
        return ShareType.from_model(share) if share else None

    @strawberry.field(description="The quote the event is about (null for other events, or when not visible).")
    async def quote(
        self, info: Info
    ) -> Annotated[QuoteType, strawberry.lazy("portico.graphql.quotes.types")] | None:
        from portico.graphql.quotes.types import quote_of_event

        return await quote_of_event(info, self.model.quote_id)

    @strawberry.field(description="For a quote event: the number of the quote's version that was current when it "
                      "happened (what was opened, accepted, sent); null for other events and for versions the caller "
                      "does not see (contacts see the current version only).")
    async def quote_version(self, info: Info) -> int | None:
        from portico.graphql.quotes.loaders import version_number_at

        if self.model.quote_id is None:
            return None
        return await version_number_at(info.context.loaders).load((self.model.quote_id, self.model.occurred_at))


@strawberry.type
class ActivityEventConnection:
    edges: list[Edge[ActivityEventType]]
    page_info: PageInfo


@strawberry.type
class EmailPreview:
    subject: str
    html: str
    text: str


async def hub_of_customer(info: Info, customer_id: int) -> HubType | None:
    hub = await hl.hub_by_customer_id(info.context.loaders).load(customer_id)
    return HubType.from_model(hub) if hub else None


register_policy_node("Library", policy.libraries_visible_to, LibraryType.from_model)
register_policy_node("Publication", policy.publications_visible_to, PublicationType.from_model)


def _fast_node(type_name: str, rule: Any, model: type[Any], convert: Any) -> None:
    """`node(id)` through the policy's rule compiled once per caller shape (`reads.find`), not rebuilt per request."""

    async def resolve(actor: Actor, pk: int) -> Any:
        row = await reads.find(actor, rule, model, pk)
        return convert(row) if row else None

    register_node(type_name, resolve)


_fast_node("Hub", policy.hubs_visible_to, models.Hub, HubType.from_model)
_fast_node("Folder", policy.folders_visible_to, models.Folder, FolderType.from_model)


def _folder_with_first_page(info: Info, selections: list[Any], pk: int) -> Awaitable[FolderType | None] | None:
    """`node(id) { ... on Folder { documents(first: $n) } }`, how the SPA opens a folder: the folder and its first
    page in one statement, the page primed under the key `FolderType.documents` loads. Only a well-formed first page
    (a later one, or a size the resolver would refuse with its error, goes the usual way)."""
    variables = get_variable_values(info._raw_info)

    def argument(arguments: dict[str, Any], name: str, kind: Any, default: Any) -> Any:
        # What the resolver gets: the literal's value (text in the syntax tree) or the variable's; the default when
        # the argument, or the variable it names, is left out (a validated query has no other Undefined).
        value = value_from_ast(arguments[name], kind, variables) if name in arguments else Undefined
        return default if value is Undefined else value

    for s in selections:
        if not (isinstance(s, FieldNode) and s.name.value == "documents"):
            continue
        arguments = {a.name.value: a.value for a in s.arguments or ()}
        first = argument(arguments, "first", GraphQLInt, fl.DEFAULT_PAGE)
        if argument(arguments, "after", GraphQLString, None) is not None:
            continue
        try:
            size = fl.page_size(first)
        except DomainError:
            continue
        return _read_folder_with_first_page(info, pk, first, size)
    return None


async def _read_folder_with_first_page(info: Info, pk: int, first: int, size: int) -> FolderType | None:
    found = await reads.folder_with_first_page(info.context.actor, pk, size)
    if found is None:
        return None
    folder, page = found
    fl.document_page_by_folder(info.context.loaders).prime((pk, first, None), fl.page_of(page))
    return FolderType.from_model(folder)


register_node_reader("Folder", _folder_with_first_page)
_fast_node("Document", policy.documents_visible_to, models.Document, DocumentType.from_model)
_fast_node("Share", policy.shares_visible_to, models.Share, ShareType.from_model)
register_policy_node("DocumentVersion", policy.document_versions_visible_to, DocumentVersionType.from_model)
register_policy_node("ActivityEvent", policy.events_visible_to, ActivityEventType.from_model)
