"""WHO SEES WHAT: the one place visibility is decided (the table in PRODUCT.md).

Every query, mutation, subscription, download, email and report asks these functions; nothing else decides
access. Querysets come back already restricted; single checks answer yes or no. What an actor may not see is
reported by callers as "not found", never "forbidden", so ids do not leak existence across organizations.

- ADMIN, MANAGER: every customer, document and event of their organization.
- MEMBER: customers they are account manager of or have shared to; the documents of those hubs (or, with the
  organization setting OWN_SHARES, only of their own shares); events on the shares they sent, and hub openings
  of contacts who can see one of their shares in that hub (`hub_opening_audience`).
- Contact: their own customer; shares addressed to them or to all contacts, single documents a colleague
  granted them, and the staff folders (with their documents) that give them VIEW or VIEW_AND_UPLOAD, to all
  contacts or to them by name; their own events. Each kind of hub content needs its module switched on for the
  customer (`customer_has_module`, `customers_with_module`): with DOCUMENTS off a contact finds no document, folder
  or share (nor the events about them); staff still see everything.
- Folders (seed 003): staff who reach a customer see every staff folder of its hub and every document in them
  (a MEMBER's OWN_SHARES setting limits shares, not folders); date folders are seen by whoever sees a document in
  them. A primary contact whose customer lets them manage permissions also sees every staff folder's name and
  settings (to manage them), but its documents only as their own access allows.
- Quotes (seed 002): ADMIN and MANAGER see every quote of the organization (every version); a MEMBER the quotes
  they sent and those of the customers they are account manager of. A contact sees a quote of their own customer
  once it is sent (never a draft), while the customer's QUOTES module and hub access are on and until it is removed
  from the portal, when it is addressed to all contacts or to them (ONE_CONTACT) - and only its newest version.
  A PUBLIC_LINK quote is not in anyone's hub: its sender chose a link and a password as the way in, often for
  someone outside the customer's contacts, so showing it to every contact would widen its audience beyond that
  choice (the link's visitor sees it: portico.quotes links).
- Public-link visitor (QUOTE_VISITOR, seed 002): gave a quote link's password; sees that link's quote (while the
  link is open, the quote published and not removed from the portal), its current version and attachments, its
  acceptance, and the sending organization's branding (display name and logo: `branding_visible_to`) - nothing
  else. Before the password, the link's token alone tells only the quote's language (`quote_link_intro`). Such an
  actor belongs to no organization (`organization` is None), so every rule that starts from the caller's
  organization answers nothing for it; the quote rules alone know the link.
  A quote's links are staff's (who see the quote); its acceptance (and certificate) is both sides'.
- API key: as the member it acts for, or org-wide with ORG_READ (acting as nobody); and within that reach only the
  kinds of data it holds a read scope for (`key_may_read`): customers and contacts need CUSTOMERS_READ; libraries,
  publications, hubs, folders, documents and shares need DOCUMENTS_READ; quotes need QUOTES_READ; activity needs
  ACTIVITY_READ; invoices, payments and portfolios need INVOICES_READ. A write scope reads nothing: a key that changes
  existing objects also needs the read scope to find them (except a partner's invoice upsert: see
  `invoices_writable_by`).
- Invoices (issue 11): ADMIN, MANAGER and org-wide keys see all of the organization's; a MEMBER only those of the
  customers they are account manager of (their portfolio: having shared to a customer is not enough); a contact
  their own customer's while its hub access and INVOICES module are on, void ones excepted (no longer owed).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from datetime import datetime
from typing import Any

from pypika_tortoise import Query, SqlContext, Table
from pypika_tortoise.queries import QueryBuilder
from pypika_tortoise.terms import Term
from tortoise.expressions import Q, RawSQL, Subquery
from tortoise.queryset import QuerySet

from portico.accounts.models import ApiKey, Invitation, Member, MemberDocumentVisibility, Organization, Role
from portico.activity.models import ActivityEvent, ActivityEventAudience
from portico.actors import Actor, ActorKind, Scope
from portico.branding.models import OrganizationLogo
from portico.customers.models import Contact, Customer, CustomerModule
from portico.errors import NotAllowed
from portico.hubs.models import (
    ClientAccess,
    Document,
    DocumentGrant,
    DocumentVersion,
    Folder,
    Hub,
    InvitationTemplate,
    Share,
)
from portico.libraries.models import Library, Publication
from portico.mail.models import OutboxEmail
from portico.quotes.acceptance_models import QuoteAcceptance, QuoteLink
from portico.quotes.models import Quote, QuoteAttachment, QuoteStatus, QuoteVersion, QuoteVisibility
from portico.quotes.reminder_models import QuoteReminder
from portico.receivables.models import Invoice, InvoiceStatus, Payment
from portico.receivables.workflow_models import Action, ReminderWorkflow

_NOTHING = Q(id__in=[])


# --- who the actor is, in policy terms -----------------------------------------------------------------------


def sees_whole_organization(actor: Actor) -> bool:
    """ADMIN and MANAGER members, and org-wide reader API keys (ORG_READ, acting as nobody)."""
    if actor.member is not None:
        return actor.member.role in (Role.ADMIN, Role.MANAGER)
    return actor.kind is ActorKind.API_KEY and Scope.ORG_READ in actor.scopes


def key_may_read(actor: Actor, scope: Scope) -> bool:
    """An API key reads a kind of data only with its read scope (issue 7, point 9). Members and contacts have no
    scopes: the rules of this module bound them. The organization itself, its members (who shared, who manages
    whom) and its invitation templates need no read scope."""
    return actor.kind is not ActorKind.API_KEY or scope in actor.scopes


def sees_vendor_internals(actor: Actor) -> bool:
    """Storage quota and usage, member roles, standard messages and organization settings: the vendor's staff (members
    and their API keys) see them; customer contacts get null."""
    return actor.is_staff and actor.organization is not None


def customer_has_module(customer: Customer, module: CustomerModule) -> bool:
    """Whether the module (DOCUMENTS, QUOTES, INVOICES) is switched on for this customer."""
    return module.value in (customer.modules or [])


def customers_with_module(module: CustomerModule) -> QuerySet[Customer]:
    """Customers with the module switched on, as a queryset to narrow (by organization, by id) or to use as a
    subquery of ids. Contacts of a customer without the module must find none of its data: the quotes and
    receivables domains filter their contact-facing querysets through this, as documents do here."""
    # `modules` is a JSON list of enum values; its text form contains the quoted name on both databases (SQLite
    # stores the text, PostgreSQL casts its jsonb), and no module's name is part of another's.
    switched_on = RawSQL(f"""CAST("modules" AS TEXT) LIKE '%"{module.value}"%'""")
    return Customer.annotate(module_on=switched_on).filter(module_on=True)


def _contact_customer_with(contact: Contact, module: CustomerModule) -> Subquery:
    """The contact's customer while its hub access and the module are on (else nothing), as a subquery of ids."""
    return Subquery(
        customers_with_module(module).filter(id=contact.customer_id, hub_access=True).values_list("id", flat=True)
    )


class _Select(Term):
    """A SELECT written with pypika as a subquery, its values bound as parameters like Tortoise's own: for a table
    without a model (a many-to-many's)."""

    def __init__(self, query: QueryBuilder) -> None:
        super().__init__()
        self.query = query

    def get_sql(self, ctx: SqlContext) -> str:
        sql: str = self.query.get_parameterized_sql(ctx)[0]
        return sql


def _managed_by(member: Member) -> _Select:
    """Ids of the customers `member` is account manager of, from Customer.account_managers' own table read alone:
    the same ids as filtering customers by account manager (its rows' customer and member exist: foreign keys,
    deleted with them), without joining customer, that table and member in every statement. Callers still check the
    organization."""
    through = Table("customer_account_manager")
    return _Select(Query.from_(through).select(through.customer_id).where(through.member_id == member.id))


def _member_customer_ids(member: Member) -> Subquery:
    """Customers a MEMBER is account manager of, or has shared to: two indexed lookups by the member (joining every
    customer of the organization with all its shares and account managers, then DISTINCT, made each MEMBER query
    cost the database work in proportion to the organization's shares)."""
    managed = _managed_by(member)
    shared = Subquery(Share.filter(sender_id=member.id).values_list("customer_id", flat=True))
    return Subquery(
        Customer.filter(organization_id=member.organization_id)
        .filter(Q(id__in=managed) | Q(id__in=shared))
        .values_list("id", flat=True)
    )


# --- querysets ------------------------------------------------------------------------------------------------


def organizations_visible_to(actor: Actor) -> QuerySet[Organization]:
    """Whoever is signed in sees their own organization (a contact sees whose hub it is); nobody sees another."""
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None:
        return Organization.filter(_NOTHING)
    return Organization.filter(id=actor.organization.id)


def customers_visible_to(actor: Actor) -> QuerySet[Customer]:
    if not key_may_read(actor, Scope.CUSTOMERS_READ):
        return Customer.filter(_NOTHING)
    return _customers_reached_by(actor)


def _customers_reached_by(actor: Actor) -> QuerySet[Customer]:
    """The customers within the actor's reach, whatever kind of data about them it may read (its hub, say)."""
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None:
        return Customer.filter(_NOTHING)
    org = Customer.filter(organization_id=actor.organization.id)
    if actor.contact is not None:
        return org.filter(id=actor.contact.customer_id, hub_access=True)
    if sees_whole_organization(actor):
        return org
    if actor.member is not None:
        return org.filter(id__in=_member_customer_ids(actor.member))
    return Customer.filter(_NOTHING)


def contacts_visible_to(actor: Actor) -> QuerySet[Contact]:
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None or not key_may_read(actor, Scope.CUSTOMERS_READ):
        return Contact.filter(_NOTHING)
    org = Contact.filter(organization_id=actor.organization.id)
    if actor.contact is not None:
        return org.filter(id=actor.contact.id)
    if sees_whole_organization(actor):
        return org
    if actor.member is not None:
        return org.filter(customer_id__in=_member_customer_ids(actor.member))
    return Contact.filter(_NOTHING)


def contacts_with_hub_access() -> QuerySet[Contact]:
    """Contacts who may sign in to a hub (with a link, a password, a code or a reset): their own hub access and
    their customer's are both on."""
    return Contact.filter(hub_access=True, customer__hub_access=True)


def contacts_receiving_reminders(customer_id: int) -> QuerySet[Contact]:
    """Who a reminder workflow emails about a customer's invoices: its contacts with an email address whose own
    hub access is on (switching a contact off is how staff say "this person no longer deals with us"). The
    customer's hub access does not matter: a customer without a hub still owes what it owes."""
    return contacts_receiving_reminders_of([customer_id])


def contacts_receiving_reminders_of(customer_ids: Sequence[int]) -> QuerySet[Contact]:
    """`contacts_receiving_reminders` for many customers at once (the reminder sweep's batch: one query)."""
    return Contact.filter(customer_id__in=list(customer_ids), hub_access=True, email__isnull=False).exclude(email="")


def members_visible_to(actor: Actor) -> QuerySet[Member]:
    """Staff see their colleagues (to pick account managers); contacts see only the senders of their shares and of
    the quotes they see."""
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None:
        return Member.filter(_NOTHING)
    org = Member.filter(organization_id=actor.organization.id)
    if actor.is_staff:
        return org
    if actor.contact is not None:
        senders = Subquery(shares_with_documents_visible_to(actor).values_list("sender_id", flat=True))
        quote_senders = Subquery(quotes_visible_to(actor).values_list("sender_id", flat=True))
        return org.filter(Q(id__in=senders) | Q(id__in=quote_senders))
    return Member.filter(_NOTHING)


def api_keys_visible_to(actor: Actor) -> QuerySet[ApiKey]:
    if actor.member is not None and actor.kind is ActorKind.MEMBER and actor.member.role is Role.ADMIN:
        return ApiKey.filter(organization_id=actor.member.organization_id)
    return ApiKey.filter(_NOTHING)


def invitations_visible_to(actor: Actor) -> QuerySet[Invitation]:
    """Member invitations: administrators of the organization."""
    if actor.member is not None and actor.kind is ActorKind.MEMBER and actor.member.role is Role.ADMIN:
        return Invitation.filter(organization_id=actor.member.organization_id)
    return Invitation.filter(_NOTHING)


def invitation_templates_visible_to(actor: Actor) -> QuerySet[InvitationTemplate]:
    """The organization's saved invitation emails: its staff, who pick one when sharing (only ADMINs change them)."""
    if actor.is_staff and actor.organization is not None:
        return InvitationTemplate.filter(organization_id=actor.organization.id)
    return InvitationTemplate.filter(_NOTHING)


def can_read_dev_mailbox(actor: Actor) -> bool:
    """The dev mailbox holds one-time links (password resets, invitations, hub links): whoever reads a colleague's
    reset link becomes that colleague. So only ADMIN members signed in with a session read it; never API keys,
    MEMBERs, MANAGERs or contacts. (Production has no mailbox at all: `portico.mail.devmailbox`.)"""
    member = actor.member
    return (
        actor.kind is ActorKind.MEMBER
        and actor.session_token is not None
        and member is not None
        and member.is_active
        and member.role is Role.ADMIN
    )


def outbox_visible_to(actor: Actor) -> QuerySet[OutboxEmail]:
    """The dev mailbox: an organization's administrators see the emails it sent."""
    if can_read_dev_mailbox(actor) and actor.organization is not None:
        return OutboxEmail.filter(organization_id=actor.organization.id)
    return OutboxEmail.filter(_NOTHING)


def logos_visible_to(actor: Actor) -> QuerySet[OrganizationLogo]:
    """The organization's logo: its members and API keys, and the contacts of its customers (their hub shows it,
    and a contact actor exists only while their hub access is on). Never another organization. A public-link
    visitor sees the logo of the organization whose quote they see (`branding_visible_to`)."""
    if actor.kind is ActorKind.QUOTE_VISITOR:
        return OrganizationLogo.filter(
            organization_id__in=Subquery(branding_visible_to(actor).values_list("id", flat=True))
        )
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None:
        return OrganizationLogo.filter(_NOTHING)
    return OrganizationLogo.filter(organization_id=actor.organization.id)


def branding_visible_to(actor: Actor) -> QuerySet[Organization]:
    """Organizations whose branding (display name and logo, what heads a hub) the caller may see: their own; for a
    public-link visitor, the organization that sent the quote they see, while they see it (the visit page's header,
    like the hub's). Only the branding: the visitor gets no Organization node, member or setting of it."""
    if actor.kind is ActorKind.QUOTE_VISITOR:
        return Organization.filter(id__in=Subquery(visited_quote(actor).values_list("organization_id", flat=True)))
    return organizations_visible_to(actor)


def libraries_visible_to(actor: Actor) -> QuerySet[Library]:
    if actor.is_staff and actor.organization is not None and key_may_read(actor, Scope.DOCUMENTS_READ):
        return Library.filter(organization_id=actor.organization.id)
    return Library.filter(_NOTHING)


def publications_visible_to(actor: Actor) -> QuerySet[Publication]:
    if actor.is_staff and actor.organization is not None and key_may_read(actor, Scope.DOCUMENTS_READ):
        return Publication.filter(organization_id=actor.organization.id)
    return Publication.filter(_NOTHING)


def hubs_visible_to(actor: Actor) -> QuerySet[Hub]:
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None or not key_may_read(actor, Scope.DOCUMENTS_READ):
        return Hub.filter(_NOTHING)
    visible_customers = Subquery(_customers_reached_by(actor).values_list("id", flat=True))
    return Hub.filter(organization_id=actor.organization.id, customer_id__in=visible_customers)


def _contact_share_filter(contact: Contact, prefix: str = "") -> Q:
    everyone: dict[str, Any] = {f"{prefix}all_contacts": True}
    addressed: dict[str, Any] = {f"{prefix}recipients__id": contact.id}
    return Q(**everyone) | Q(**addressed)


def shares_visible_to(actor: Actor) -> QuerySet[Share]:
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None or not key_may_read(actor, Scope.DOCUMENTS_READ):
        return Share.filter(_NOTHING)
    org = Share.filter(organization_id=actor.organization.id)
    if actor.contact is not None:
        ids = Subquery(
            Share.filter(customer_id__in=_contact_customer_with(actor.contact, CustomerModule.DOCUMENTS))
            .filter(_contact_share_filter(actor.contact))
            .distinct()
            .values_list("id", flat=True)
        )
        return org.filter(id__in=ids)
    if sees_whole_organization(actor):
        return org
    member = actor.member
    if member is None:
        return Share.filter(_NOTHING)
    if actor.organization.member_document_visibility is MemberDocumentVisibility.OWN_SHARES:
        return org.filter(sender_id=member.id)
    return org.filter(customer_id__in=_member_customer_ids(member))


def documents_visible_to(actor: Actor) -> QuerySet[Document]:
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None or not key_may_read(actor, Scope.DOCUMENTS_READ):
        return Document.filter(_NOTHING)
    org = Document.filter(organization_id=actor.organization.id)
    if sees_whole_organization(actor):
        return org
    in_visible_shares = Q(share_id__in=Subquery(shares_visible_to(actor).values_list("id", flat=True)))
    if actor.contact is not None:
        # A colleague's grant gives one document, in the contact's own hub. Whatever the way a contact reaches a
        # document, it shows only while their customer's hub access and DOCUMENTS module are on (the last filter).
        granted = Subquery(DocumentGrant.filter(contact_id=actor.contact.id).values_list("document_id", flat=True))
        documents_on = Subquery(
            Hub.filter(customer_id__in=_contact_customer_with(actor.contact, CustomerModule.DOCUMENTS))
            .values_list("id", flat=True)
        )
        in_folders = Q(folder_id__in=_contact_folder_ids(actor.contact, _VIEW_LEVELS))
        return org.filter(in_visible_shares | Q(id__in=granted) | in_folders).filter(hub_id__in=documents_on)
    if actor.member is not None:
        return org.filter(in_visible_shares | Q(folder_id__in=_member_staff_folder_ids(actor.member)))
    return org.filter(in_visible_shares)


def document_versions_visible_to(actor: Actor) -> QuerySet[DocumentVersion]:
    """Earlier versions of documents: the staff who see the document; contacts get the current version only."""
    if not actor.is_staff:
        return DocumentVersion.filter(_NOTHING)
    visible = Subquery(documents_visible_to(actor).values_list("id", flat=True))
    return DocumentVersion.filter(document_id__in=visible)


def shares_with_documents_visible_to(actor: Actor) -> QuerySet[Share]:
    """Shares of which the actor sees at least one document: a contact's own shares, and for a colleague the shares
    their granted documents came with (whose other documents, message and recipients they do not see)."""
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None:
        return Share.filter(_NOTHING)
    visible = Subquery(documents_visible_to(actor).values_list("share_id", flat=True))
    return Share.filter(organization_id=actor.organization.id, id__in=visible)


_VIEW_LEVELS = (ClientAccess.VIEW, ClientAccess.VIEW_AND_UPLOAD)
_UPLOAD_LEVELS = (ClientAccess.VIEW_AND_UPLOAD,)


def _contact_folder_ids(contact: Contact, levels: tuple[ClientAccess, ...]) -> Subquery:
    """Staff folders of the contact's own hub that give `levels` to all contacts or to this one by name, while the
    customer's hub access and DOCUMENTS module are on."""
    return Subquery(
        Folder.filter(
            organization_id=contact.organization_id,
            hub__customer_id__in=_contact_customer_with(contact, CustomerModule.DOCUMENTS),
            date__isnull=True,
            client_access__in=levels,
        )
        .filter(Q(all_contacts=True) | Q(contacts__id=contact.id))
        .distinct()
        .values_list("id", flat=True)
    )


def _member_staff_folder_ids(member: Member) -> Subquery:
    """Every staff folder in the hubs of the customers a MEMBER reaches (seed 003: "everyone at the firm with
    access to the client sees all")."""
    return Subquery(
        Folder.filter(
            organization_id=member.organization_id,
            date__isnull=True,
            hub__customer_id__in=_member_customer_ids(member),
        ).values_list("id", flat=True)
    )


def folders_visible_to(actor: Actor) -> QuerySet[Folder]:
    """Staff folders by the rules above; date folders holding at least one visible document."""
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None or not key_may_read(actor, Scope.DOCUMENTS_READ):
        return Folder.filter(_NOTHING)
    org = Folder.filter(organization_id=actor.organization.id)
    if sees_whole_organization(actor):
        return org
    contact = actor.contact
    if contact is not None:
        holding_visible = Q(id__in=Subquery(documents_visible_to(actor).values_list("folder_id", flat=True)))
        # Folders are documents' containers: none while the customer's DOCUMENTS module is off.
        org = org.filter(hub__customer_id__in=_contact_customer_with(contact, CustomerModule.DOCUMENTS))
        permitted = Q(id__in=_contact_folder_ids(contact, _VIEW_LEVELS))
        # A managing primary contact sees every staff folder of their hub (names and settings, not documents).
        managed = Q(id__in=Subquery(folders_with_permissions_managed_by(actor).values_list("id", flat=True)))
        return org.filter(holding_visible | permitted | managed)
    if actor.member is not None:
        # The same set as the folders of `documents_visible_to` plus the staff folders: a MEMBER's documents are
        # those of their visible shares or in their staff folders, and those folders are all ORed in here anyway.
        # Asked of each folder (correlated with the unaliased outer "folder": one index probe) rather than as the
        # set of every such folder, which PostgreSQL computed from every visible document of the organization in
        # each statement (bench/member_scale.py).
        in_the_folder = Document.filter(
            organization_id=actor.organization.id,
            folder_id=RawSQL('"folder"."id"'),
            share_id__in=Subquery(shares_visible_to(actor).values_list("id", flat=True)),
        )
        holding_shared = Q(id__in=Subquery(in_the_folder.values_list("folder_id", flat=True)))
        return org.filter(holding_shared | Q(id__in=_member_staff_folder_ids(actor.member)))
    return org.filter(id__in=Subquery(documents_visible_to(actor).values_list("folder_id", flat=True)))


def _managed_customer_ids_of(member: Member) -> Subquery:
    """Customers a member is account manager of (not merely shared to: a quote is the account manager's business)."""
    return Subquery(
        Customer.filter(organization_id=member.organization_id, id__in=_managed_by(member)).values_list("id", flat=True)
    )


def quotes_visible_to(actor: Actor) -> QuerySet[Quote]:
    """Quotes by the rules in this module's docstring (seed 002)."""
    if actor.kind is ActorKind.QUOTE_VISITOR:
        return visited_quote(actor)
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None or not key_may_read(actor, Scope.QUOTES_READ):
        return Quote.filter(_NOTHING)
    org = Quote.filter(organization_id=actor.organization.id)
    contact = actor.contact
    if contact is not None:
        addressed = Q(visibility=QuoteVisibility.ALL_CONTACTS) | Q(
            visibility=QuoteVisibility.ONE_CONTACT, contact_id=contact.id
        )
        return org.filter(
            addressed,
            customer_id__in=_contact_customer_with(contact, CustomerModule.QUOTES),
            removed_at__isnull=True,
        ).exclude(status=QuoteStatus.DRAFT)
    return _staff_quotes(actor, org)


def _staff_quotes(actor: Actor, org: QuerySet[Quote]) -> QuerySet[Quote]:
    if sees_whole_organization(actor):
        return org
    if actor.member is not None:
        return org.filter(Q(sender_id=actor.member.id) | Q(customer_id__in=_managed_customer_ids_of(actor.member)))
    return Quote.filter(_NOTHING)


def visited_quote(actor: Actor) -> QuerySet[Quote]:
    """A visitor's one quote (nothing for any other caller): their link's, while it is a published PUBLIC_LINK quote
    not removed from the portal (the link's own state is checked when the visitor is resolved:
    `actors.quote_visitor_actor`)."""
    link = actor.quote_link
    if link is None:
        return Quote.filter(_NOTHING)
    return Quote.filter(
        id=link.quote_id, organization_id=link.organization_id, visibility=QuoteVisibility.PUBLIC_LINK,
        removed_at__isnull=True,
    ).exclude(status=QuoteStatus.DRAFT)


# What a quote link's token alone tells, before its password is given: the quote's language, so that the password
# page speaks it - nothing else. Not the organization's name or logo, nor the quote's number or title: a link travels
# in emails that get forwarded, in browser histories and over shoulders, and it is the password that shows the link
# reached the person it was meant for. Naming the vendor to whoever holds a token would tell them whose quote it is
# (and which vendor to impersonate for the password); the visitor learns it one step later, with the quote.
QUOTE_LINK_INTRO_FIELDS = ("language",)


def quote_link_intro(link: QuoteLink, now: datetime) -> QuerySet[Quote]:
    """The quote behind a link, for its password page: only while the link is open (not revoked, not expired) and
    its visitor would see the quote (`visited_quote`); callers read QUOTE_LINK_INTRO_FIELDS of it, no more."""
    if not link.is_open(now):
        return Quote.filter(_NOTHING)
    return visited_quote(Actor(kind=ActorKind.QUOTE_VISITOR, quote_link=link))


def quote_links_visible_to(actor: Actor) -> QuerySet[QuoteLink]:
    """A quote's public links: the staff who see the quote (never its visitors or the customer's contacts)."""
    if not actor.is_staff or actor.organization is None:
        return QuoteLink.filter(_NOTHING)
    return QuoteLink.filter(
        organization_id=actor.organization.id,
        quote_id__in=Subquery(quotes_visible_to(actor).values_list("id", flat=True)),
    )


def quote_acceptances_visible_to(actor: Actor) -> QuerySet[QuoteAcceptance]:
    """A quote's acceptance and its certificate: both sides, i.e. whoever sees the quote."""
    return QuoteAcceptance.filter(quote_id__in=Subquery(quotes_visible_to(actor).values_list("id", flat=True)))


def quotes_open_for_change(actor: Actor) -> QuerySet[Quote]:
    """The quotes a sender may change (publish, new version, archive, update): the staff reach of
    `quotes_visible_to`, for whoever `can_send_quotes` - a partner's key with QUOTES_WRITE finds the quotes it
    upserts by external reference without also holding QUOTES_READ."""
    if not can_send_quotes(actor) or actor.organization is None:
        return Quote.filter(_NOTHING)
    return _staff_quotes(actor, Quote.filter(organization_id=actor.organization.id))


def quote_versions_visible_to(actor: Actor) -> QuerySet[QuoteVersion]:
    """Versions of the visible quotes: staff see every one (the history), contacts the current one only."""
    versions = QuoteVersion.filter(quote_id__in=Subquery(quotes_visible_to(actor).values_list("id", flat=True)))
    if not actor.is_staff:
        return versions.filter(superseded_at__isnull=True)
    return versions


def quote_attachments_visible_to(actor: Actor) -> QuerySet[QuoteAttachment]:
    """A version's attachments go with it: whoever sees the version sees them."""
    return QuoteAttachment.filter(
        version_id__in=Subquery(quote_versions_visible_to(actor).values_list("id", flat=True))
    )


def quote_reminders_visible_to(actor: Actor) -> QuerySet[QuoteReminder]:
    """The reminders sent about a quote are the vendor's follow-up, not the customer's business: staff who see the
    quote see them; contacts and public-link visitors see none (they saw the emails)."""
    if not actor.is_staff:
        return QuoteReminder.filter(_NOTHING)
    return QuoteReminder.filter(quote_id__in=Subquery(quotes_visible_to(actor).values_list("id", flat=True)))


async def can_see_quote(actor: Actor, quote: Quote) -> bool:
    return await quotes_visible_to(actor).filter(id=quote.id).exists()


def contacts_who_see_quote(quote: Quote) -> QuerySet[Contact]:
    """The contacts `quotes_visible_to` shows this quote to, as one queryset: the contact branch of that rule read
    the other way round (the quote fixed, the contacts open), so that a quote's emails and reminders check all
    their recipients in one query instead of one per contact. tests/quotes/test_recipients.py proves it answers
    what `can_see_quote` answers for each contact."""
    if quote.visibility is QuoteVisibility.PUBLIC_LINK or quote.removed_at is not None \
            or quote.status is QuoteStatus.DRAFT:
        return Contact.filter(_NOTHING)  # nobody's contact: a link's visitor; or not (or no longer) in the portal
    switched_on = Subquery(
        customers_with_module(CustomerModule.QUOTES).filter(id=quote.customer_id, hub_access=True)
        .values_list("id", flat=True)
    )
    contacts = Contact.filter(organization_id=quote.organization_id, customer_id__in=switched_on)
    if quote.visibility is QuoteVisibility.ONE_CONTACT:
        contacts = contacts.filter(id=quote.contact_id)
    return contacts


def can_send_quotes(actor: Actor) -> bool:
    """Creating, publishing, changing and archiving quotes: active members, and API keys acting as one with
    QUOTES_WRITE. To which customers: those `customers_visible_to` them (checked by the lookup); which quotes:
    `quotes_visible_to`."""
    member = actor.member
    if member is None or not member.is_active or actor.organization is None:
        return False
    return actor.kind is ActorKind.MEMBER or (actor.kind is ActorKind.API_KEY and Scope.QUOTES_WRITE in actor.scopes)


def customers_open_for_quotes(actor: Actor) -> QuerySet[Customer]:
    """The customers a quote sender may send a quote to: those within their reach (a MEMBER's: account-managed or
    shared to). A partner's key needs no CUSTOMERS_READ for this: QUOTES_WRITE names the customer by id."""
    if not can_send_quotes(actor):
        return Customer.filter(_NOTHING)
    return _customers_reached_by(actor)


def require_quote_sender(actor: Actor) -> Member:
    """`can_send_quotes`, raising NotAllowed (not signed in: NotAuthenticated) otherwise."""
    member = actor.require_member()
    actor.require_scope(Scope.QUOTES_WRITE)
    if not can_send_quotes(actor):
        raise NotAllowed("Only members of the organization can send quotes.")
    return member


def events_visible_to(actor: Actor) -> QuerySet[ActivityEvent]:
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None or not key_may_read(actor, Scope.ACTIVITY_READ):
        return ActivityEvent.filter(_NOTHING)
    org = ActivityEvent.filter(organization_id=actor.organization.id)
    if actor.contact is not None:
        # Their own events; those about documents and shares only while the DOCUMENTS module is on, about quotes
        # only while QUOTES is, about invoices only while INVOICES is.
        mine = org.filter(contact_id=actor.contact.id)
        documents_on = _contact_customer_with(actor.contact, CustomerModule.DOCUMENTS)
        quotes_on = _contact_customer_with(actor.contact, CustomerModule.QUOTES)
        invoices_on = _contact_customer_with(actor.contact, CustomerModule.INVOICES)
        return mine.filter(Q(document_id=None, share_id=None) | Q(customer_id__in=documents_on)).filter(
            Q(quote_id=None) | Q(customer_id__in=quotes_on)
        ).filter(Q(invoice_id=None) | Q(customer_id__in=invoices_on))
    if sees_whole_organization(actor):
        return org
    if actor.member is not None:
        # seed 000: "sales person B will only see the interactivity of customer A from his shared documents";
        # plus the events recorded with this member in their audience (a hub opening: see hub_opening_audience).
        audience = Subquery(ActivityEventAudience.filter(member_id=actor.member.id).values_list("event_id", flat=True))
        return org.filter(Q(sender_id=actor.member.id) | Q(id__in=audience))
    return ActivityEvent.filter(_NOTHING)


async def members_who_see_event(event: ActivityEvent, candidate_ids: Iterable[int]) -> list[int]:
    """Of `candidate_ids`, the members whose `events_visible_to` includes `event`: the same rules, for many members
    in one query (who to notify of an event). Active members of the event's organization only: ADMIN and MANAGER
    see every event, a MEMBER the events on their shares and those recorded with them in the audience."""
    ids = sorted(set(candidate_ids))
    if not ids:
        return []
    audience = Subquery(ActivityEventAudience.filter(event_id=event.id).values_list("member_id", flat=True))
    sees = Q(role__in=[Role.ADMIN, Role.MANAGER]) | Q(id__in=audience)
    if event.sender_id is not None:
        sees |= Q(id=event.sender_id)
    found = await Member.filter(id__in=ids, organization_id=event.organization_id, is_active=True).filter(
        sees
    ).values_list("id", flat=True)
    return sorted(int(m) for m in found)  # type: ignore[call-overload]


def event_visible_to(actor: Actor, event: ActivityEvent, audience: Collection[int]) -> bool:
    """`events_visible_to` for one event already loaded, with `audience` its ActivityEventAudience member ids.

    The live feed decides this for every subscriber of an event from one load of the event (issue 8, point 3)
    instead of a query per subscriber. It must answer exactly what `events_visible_to` answers: the two are checked
    against each other for every kind of caller in tests/activity/test_hub_opening_audience.py.
    """
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None or not key_may_read(actor, Scope.ACTIVITY_READ):
        return False
    if event.organization_id != actor.organization.id:
        return False
    if actor.contact is not None:
        if event.contact_id != actor.contact.id:
            return False
        # As in events_visible_to: events about documents and shares only while the DOCUMENTS module is on (a
        # contact actor comes with its customer loaded, and exists only while the customer's hub access is on).
        about_documents = event.document_id is not None or event.share_id is not None
        if about_documents and not customer_has_module(actor.contact.customer, CustomerModule.DOCUMENTS):
            return False
        if event.invoice_id is not None and not customer_has_module(actor.contact.customer, CustomerModule.INVOICES):
            return False
        return event.quote_id is None or customer_has_module(actor.contact.customer, CustomerModule.QUOTES)
    if sees_whole_organization(actor):
        return True
    if actor.member is not None:
        return event.sender_id == actor.member.id or actor.member.id in audience
    return False


def visibility_key(actor: Actor) -> Hashable:
    """Callers with equal keys see exactly the same rows under every rule of this module, so what was loaded for one
    of them (through its policy-restricted loaders) may be handed to the other: the live feed loads an event's
    contact, document and share once per key instead of once per subscriber.

    It holds everything the rules above read from an actor. A rule that starts reading something else (a member's
    own id for ADMINs, say) must add it here.
    """
    organization = actor.organization
    member, contact = actor.member, actor.contact
    return (
        actor.kind,
        organization.id if organization else None,
        organization.member_document_visibility if organization else None,
        # Whole-organization staff see the same whoever they are; MEMBERs' reach depends on who they are.
        None if member is None or sees_whole_organization(actor) else member.id,
        member.role if member else None,
        member.is_active if member else None,
        contact.id if contact else None,
        contact.customer_id if contact else None,
        contact.is_primary if contact else None,  # a primary contact may manage folder permissions
        tuple(contact.customer.modules or ()) if contact else None,
        actor.scopes,
        actor.session_token is not None,
        actor.quote_link.id if actor.quote_link else None,
    )


async def hub_opening_audience(actor: Actor, hub: Hub) -> list[int]:
    """The members told that this contact opened this hub: the sender of every share in it that the contact can
    see (a document of: a colleague's granted document counts).

    Opening the hub is not about one share, so it concerns every rep whose documents the contact now has in front
    of them, and nobody whose shares the contact cannot see.
    """
    if actor.contact is None:
        return []
    senders = await shares_with_documents_visible_to(actor).filter(hub_id=hub.id).values_list("sender_id", flat=True)
    return sorted({int(s) for s in senders})  # type: ignore[call-overload]


# --- single checks (the same rules, for one object) -----------------------------------------------------------


async def can_see_event(actor: Actor, event: ActivityEvent) -> bool:
    return await events_visible_to(actor).filter(id=event.id).exists()


async def can_read_document(actor: Actor, document: Document) -> bool:
    return await documents_visible_to(actor).filter(id=document.id).exists()


def may_export_customers(actor: Actor) -> bool:
    """The customer list as a file is a staff tool (members and API keys; what it holds is `customers_visible_to`).
    A contact's hub has no such thing: for them the route does not exist."""
    return actor.is_staff and actor.organization is not None


def _may_write_folders(actor: Actor) -> bool:
    """Staff who change folders and their contents: members, and API keys acting as one with SHARES_WRITE."""
    if actor.member is None or not actor.member.is_active:
        return False
    return actor.kind is ActorKind.MEMBER or Scope.SHARES_WRITE in actor.scopes


def folders_open_for_upload(actor: Actor) -> QuerySet[Folder]:
    """Staff folders the actor may upload into (date folders hold what was shared, never uploads): staff who see
    them and may write, and contacts they give VIEW_AND_UPLOAD (all contacts, or them by name)."""
    if actor.contact is not None:
        return Folder.filter(id__in=_contact_folder_ids(actor.contact, _UPLOAD_LEVELS))
    if _may_write_folders(actor):
        return folders_visible_to(actor).filter(date__isnull=True)
    return Folder.filter(_NOTHING)


async def can_upload_to(actor: Actor, folder: Folder) -> bool:
    return not folder.is_date_folder and await folders_open_for_upload(actor).filter(id=folder.id).exists()


def _managed_customer_ids(contact: Contact) -> Subquery:
    """The contact's customer, if they are its primary contact and it lets them manage folder permissions (while
    its hub access and DOCUMENTS module are on)."""
    managing = Customer.filter(_NOTHING) if not contact.is_primary else Customer.filter(
        id__in=_contact_customer_with(contact, CustomerModule.DOCUMENTS), primary_contact_manages_permissions=True
    )
    return Subquery(managing.values_list("id", flat=True))


def folders_with_permissions_managed_by(actor: Actor) -> QuerySet[Folder]:
    """Staff folders whose access level and contacts the actor may change: staff who see them and may write, and
    the customer's primary contact when the customer lets them (seed 003) - who changes that and nothing else."""
    if actor.contact is not None:
        customers = _managed_customer_ids(actor.contact)
        return Folder.filter(date__isnull=True, hub__customer_id__in=customers)
    if _may_write_folders(actor):
        return folders_visible_to(actor).filter(date__isnull=True)
    return Folder.filter(_NOTHING)


async def can_manage_folder_permissions(actor: Actor, folder: Folder) -> bool:
    return not folder.is_date_folder and await folders_with_permissions_managed_by(actor).filter(id=folder.id).exists()


def contacts_for_folder_permissions(actor: Actor) -> QuerySet[Contact]:
    """The contacts an actor may choose from when setting folder permissions: staff, those they see; a managing
    primary contact, their co-contacts (names only: the GraphQL type shows no email)."""
    if actor.contact is not None:
        customers = _managed_customer_ids(actor.contact)
        return Contact.filter(customer_id__in=customers)
    if _may_write_folders(actor):
        return contacts_visible_to(actor)
    return Contact.filter(_NOTHING)


def require_folder_editor(actor: Actor) -> Member:
    """Creating, renaming, moving and deleting folders, uploading and replacing as staff: any member (and API
    keys acting as one, with SHARES_WRITE); which hubs and folders is decided by the querysets above."""
    member = actor.require_member()
    actor.require_scope(Scope.SHARES_WRITE)
    return member


async def upload_audience(customer_id: int) -> list[int]:
    """Members told that a contact uploaded into this customer's hub: its active account managers (ADMIN and
    MANAGER see every event anyway). A rep who merely shared to the customer is not told: the upload is not on
    their share."""
    ids = await Member.filter(managed_customers__id=customer_id, is_active=True).values_list("id", flat=True)
    return sorted({int(i) for i in ids})  # type: ignore[call-overload]


# --- what an actor may change ---------------------------------------------------------------------------------


def require_notification_person(actor: Actor) -> Member | Contact:
    """Notification settings are personal (seed 003): a member signed in with a session, or a contact, changes their
    own and nobody else's. API keys have none: a partner integration is not a person to email."""
    actor.require_signed_in()
    if actor.kind is ActorKind.MEMBER and actor.member is not None:
        return actor.member
    if actor.kind is ActorKind.CONTACT and actor.contact is not None:
        return actor.contact
    raise NotAllowed("Notification settings belong to a person: sign in as a member or a contact.")


def require_admin(actor: Actor) -> Member:
    """Organization settings, members, templates, API keys: ADMIN members, signed in (never through an API key)."""
    member = actor.require_member()
    if actor.kind is not ActorKind.MEMBER or member.role is not Role.ADMIN:
        raise NotAllowed("Only an administrator of the organization can do this.")
    return member


def require_template_editor(actor: Actor) -> Member:
    """Invitation templates, their specification and their preview: administrators (they write them)."""
    return require_admin(actor)


def require_branding_editor(actor: Actor) -> Member:
    """The organization's logo: administrators."""
    return require_admin(actor)


def require_library_editor(actor: Actor) -> Member:
    """Libraries are curated by ADMIN and MANAGER members; every member shares from them."""
    member = actor.require_member()
    actor.require_scope(Scope.SHARES_WRITE)
    if member.role not in (Role.ADMIN, Role.MANAGER):
        raise NotAllowed("Only administrators and managers can change libraries.")
    return member


def require_customer_editor(actor: Actor) -> Member:
    """Any member may create customers and edit the ones they can see (visibility is checked by lookups)."""
    member = actor.require_member()
    actor.require_scope(Scope.CUSTOMERS_WRITE)
    return member


def require_welcome_sender(actor: Actor) -> Member:
    """Welcome emails: any member who may edit customers, to contacts they can see (checked by the lookup)."""
    return require_customer_editor(actor)


def require_sharer(actor: Actor) -> Member:
    member = actor.require_member()
    actor.require_scope(Scope.SHARES_WRITE)
    return member


def require_uploader(actor: Actor) -> Member:
    """`POST /uploads` feeds a share or a publication (SHARES_WRITE), a customer import (CUSTOMERS_WRITE), a quote
    (QUOTES_WRITE) or an invoice's PDF (INVOICES_WRITE): an API key needs one of them; whoever uses the upload checks
    their own scope again."""
    member = actor.require_member()
    writes = {Scope.SHARES_WRITE, Scope.CUSTOMERS_WRITE, Scope.QUOTES_WRITE, Scope.INVOICES_WRITE}
    if actor.kind is ActorKind.API_KEY and not writes & set(actor.scopes):
        raise NotAllowed("This API key lacks the SHARES_WRITE, CUSTOMERS_WRITE, QUOTES_WRITE or INVOICES_WRITE scope.")
    return member


def require_account_manager_editor(actor: Actor) -> Member:
    """Assigning account managers changes who sees a customer: ADMIN and MANAGER only."""
    member = actor.require_member()
    actor.require_scope(Scope.CUSTOMERS_WRITE)
    if member.role not in (Role.ADMIN, Role.MANAGER):
        raise NotAllowed("Only administrators and managers can assign account managers.")
    return member


# --- receivables (issue 11): invoices, payments, portfolios ------------------------------------------------------


def invoices_visible_to(actor: Actor) -> QuerySet[Invoice]:
    if actor.kind is ActorKind.ANONYMOUS or actor.organization is None or not key_may_read(actor, Scope.INVOICES_READ):
        return Invoice.filter(_NOTHING)
    org = Invoice.filter(organization_id=actor.organization.id)
    if actor.contact is not None:
        # Void invoices are no longer owed: the hub shows what the customer has to pay or has paid.
        customer = _contact_customer_with(actor.contact, CustomerModule.INVOICES)
        return org.filter(customer_id__in=customer).exclude(status=InvoiceStatus.VOID)
    if sees_whole_organization(actor):
        return org
    if actor.member is not None:
        return org.filter(customer_id__in=_managed_customer_ids_of(actor.member))
    return Invoice.filter(_NOTHING)


def payments_visible_to(actor: Actor) -> QuerySet[Payment]:
    """Payments of the invoices the actor sees (staff only: a contact sees the invoice's paid amount, not the
    ledger lines behind it)."""
    if not actor.is_staff:
        return Payment.filter(_NOTHING)
    return Payment.filter(invoice_id__in=Subquery(invoices_visible_to(actor).values_list("id", flat=True)))


def can_write_invoices(actor: Actor) -> bool:
    """Creating, changing, voiding invoices and recording payments: active members, and API keys acting as one with
    INVOICES_WRITE. Which invoices and customers is `invoices_writable_by` / `invoice_customers_for`."""
    member = actor.member
    if member is None or not member.is_active or actor.organization is None:
        return False
    return actor.kind is ActorKind.MEMBER or (actor.kind is ActorKind.API_KEY and Scope.INVOICES_WRITE in actor.scopes)


def require_invoice_editor(actor: Actor) -> Member:
    member = actor.require_member()
    actor.require_scope(Scope.INVOICES_WRITE)
    if not can_write_invoices(actor):
        raise NotAllowed("Only members of the organization can change invoices.")
    return member


def invoice_customers_for(actor: Actor) -> QuerySet[Customer]:
    """Customers the actor may create invoices for: the whole organization for ADMIN and MANAGER, their portfolio for
    a MEMBER. A partner's key pushing invoices needs INVOICES_WRITE only (not CUSTOMERS_READ): it names the customer
    by its external reference, which it already knows."""
    if not can_write_invoices(actor):
        return Customer.filter(_NOTHING)
    assert actor.member is not None and actor.organization is not None
    org = Customer.filter(organization_id=actor.organization.id)
    if actor.member.role in (Role.ADMIN, Role.MANAGER):
        return org
    return org.filter(id__in=_managed_customer_ids_of(actor.member))


def invoices_writable_by(actor: Actor) -> QuerySet[Invoice]:
    """Invoices the actor may change: those of `invoice_customers_for`. A partner upserting by number finds its own
    earlier invoice with INVOICES_WRITE alone (idempotency needs the lookup; the answer is what it wrote)."""
    if not can_write_invoices(actor):
        return Invoice.filter(_NOTHING)
    customers = Subquery(invoice_customers_for(actor).values_list("id", flat=True))
    assert actor.organization is not None
    return Invoice.filter(organization_id=actor.organization.id, customer_id__in=customers)


def portfolio_members_visible_to(actor: Actor) -> QuerySet[Member]:
    """Whose portfolio (customers, open and overdue amounts) the actor may look at: anyone's in the organization for
    ADMIN, MANAGER and org-wide keys; a MEMBER (or a key acting as one) only their own. Keys need INVOICES_READ."""
    if not actor.is_staff or actor.organization is None or not key_may_read(actor, Scope.INVOICES_READ):
        return Member.filter(_NOTHING)
    org = Member.filter(organization_id=actor.organization.id)
    if sees_whole_organization(actor):
        return org
    if actor.member is not None:
        return org.filter(id=actor.member.id)
    return Member.filter(_NOTHING)


async def invoice_opening_audience(invoice: Invoice) -> list[int]:
    """Members told that a contact opened an invoice: the customer's active account managers (ADMIN and MANAGER see
    every event anyway)."""
    return await upload_audience(invoice.customer_id)


# --- reminder workflows, actions, receivables reports (issue 11, points 3-5) -------------------------------------


def reminder_workflows_visible_to(actor: Actor) -> QuerySet[ReminderWorkflow]:
    """Every member sees the organization's workflows (which one reminds their customers, and how); keys need
    INVOICES_READ; contacts see none."""
    if not actor.is_staff or actor.organization is None or not key_may_read(actor, Scope.INVOICES_READ):
        return ReminderWorkflow.filter(_NOTHING)
    return ReminderWorkflow.filter(organization_id=actor.organization.id)


def require_workflow_editor(actor: Actor) -> Member:
    """Workflows, and which one a customer follows: ADMIN and MANAGER (keys acting as one need INVOICES_WRITE)."""
    member = actor.require_member()
    actor.require_scope(Scope.INVOICES_WRITE)
    if member.role not in (Role.ADMIN, Role.MANAGER):
        raise NotAllowed("Only administrators and managers can change reminder workflows.")
    return member


def reminder_pausable_customers(actor: Actor) -> QuerySet[Customer]:
    """Whose reminders the actor may pause and resume (a dispute, a payment plan): the customers they may invoice,
    so a MEMBER their own portfolio."""
    return invoice_customers_for(actor)


def actions_visible_to(actor: Actor) -> QuerySet[Action]:
    """ADMIN, MANAGER and org-wide keys: every action of the organization ("everyone's"); a MEMBER the ones assigned
    to them. Keys need INVOICES_READ; contacts see none."""
    if not actor.is_staff or actor.organization is None or not key_may_read(actor, Scope.INVOICES_READ):
        return Action.filter(_NOTHING)
    org = Action.filter(organization_id=actor.organization.id)
    if sees_whole_organization(actor):
        return org
    if actor.member is not None:
        return org.filter(assignee_id=actor.member.id)
    return Action.filter(_NOTHING)


def actions_changeable_by(actor: Actor) -> QuerySet[Action]:
    """Completing and reassigning: the assignee, and ADMIN and MANAGER for any action (keys acting as a member
    need INVOICES_WRITE)."""
    if not can_write_invoices(actor):
        return Action.filter(_NOTHING)
    assert actor.member is not None and actor.organization is not None
    org = Action.filter(organization_id=actor.organization.id)
    if actor.member.role in (Role.ADMIN, Role.MANAGER):
        return org
    return org.filter(assignee_id=actor.member.id)


def action_assignees(organization_id: int) -> QuerySet[Member]:
    """Who an action may be handed to: any active account manager of the organization, not only the customer's
    own (a colleague covers a holiday, or speaks the customer's language). Members without the flag do not chase
    invoices."""
    return Member.filter(organization_id=organization_id, is_active=True, is_account_manager=True)


def report_sees_unassigned(actor: Actor) -> bool:
    """The reports' row of customers without an account manager: for those who see the whole organization."""
    return sees_whole_organization(actor) and key_may_read(actor, Scope.INVOICES_READ)
