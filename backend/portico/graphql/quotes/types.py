"""GraphQL types of the quotes domain: Quote, QuoteVersion, QuoteAttachment (and their connection)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from portico import policy
from portico.graphql.accounts.types import MemberType
from portico.graphql.context import Info
from portico.graphql.customers.types import ContactType, CustomerType
from portico.graphql.hubs.types import ActivityEventType
from portico.graphql.node import Node, register_policy_node
from portico.graphql.quotes import acceptance_loaders
from portico.graphql.quotes import loaders as ql
from portico.graphql.quotes.acceptance_types import QuoteAcceptanceType, QuoteLinkType
from portico.graphql.quotes.reminders import QuoteReminderType, reminders_of
from portico.graphql.relay import Edge, PageInfo, encode_id
from portico.hubs.links import grant_for, sign_grant
from portico.quotes import models

QuoteStatus = strawberry.enum(
    models.QuoteStatus, name="QuoteStatus",
    description="Derived from the quote's events: DRAFT until published, then SENT, OPENED (a contact viewed it), "
    "DOWNLOADED, and the answer ACCEPTED / DECLINED, or EXPIRED; ARCHIVED at the end (history kept).",
)
QuoteVisibility = strawberry.enum(
    models.QuoteVisibility, name="QuoteVisibility",
    description="ONE_CONTACT: `contact` only; ALL_CONTACTS: every contact of the customer; PUBLIC_LINK: through a "
    "password-protected link only (not in the hub).",
)
QUOTES = "API keys need QUOTES_READ."
QUOTES_WRITE = "API keys need QUOTES_WRITE (act as a member)."
_STAFF = "Staff only (null for contacts)."


def _file_url(info: Info, kind: str, item_id: int, organization_id: int, attachment: bool) -> str:
    grant = grant_for(info.context.actor, kind=kind, item_id=item_id, organization_id=organization_id,
                      attachment=attachment)
    return f"/files/{sign_grant(info.context.settings.secret_key, grant)}"


@strawberry.type(name="QuoteAttachment", description=QUOTES)
class QuoteAttachmentType:
    id: strawberry.ID
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    model: strawberry.Private[models.QuoteAttachment]

    @classmethod
    def from_model(cls, a: models.QuoteAttachment) -> QuoteAttachmentType:
        return cls(id=encode_id("QuoteAttachment", a.id), filename=a.filename, content_type=a.content_type,
                   size_bytes=a.size, sha256=a.sha256, model=a)

    @strawberry.field(description="Short-lived signed link, shown inline.")
    def view_url(self, info: Info) -> str:
        return _file_url(info, "quote_attachment", self.model.id, self.model.organization_id, False)

    @strawberry.field(description="Short-lived signed link, downloaded as a file.")
    def download_url(self, info: Info) -> str:
        return _file_url(info, "quote_attachment", self.model.id, self.model.organization_id, True)


@strawberry.type(name="QuoteVersion", description=f"One PDF of a quote. {QUOTES}")
class QuoteVersionType(Node):
    number: int
    filename: str
    content_type: str
    size_bytes: int
    sha256: str = strawberry.field(description="SHA-256 of the PDF's bytes (hex): what an acceptance certifies.")
    created_at: datetime
    frozen: bool = strawberry.field(description="True for the version accepted: no version follows it.")
    is_current: bool
    model: strawberry.Private[models.QuoteVersion]

    @classmethod
    def from_model(cls, v: models.QuoteVersion) -> QuoteVersionType:
        return cls(id=encode_id("QuoteVersion", v.id), number=v.number, filename=v.filename,
                   content_type=v.content_type, size_bytes=v.size, sha256=v.sha256, created_at=v.created_at,
                   frozen=v.frozen, is_current=v.superseded_at is None, model=v)

    @strawberry.field(description="Short-lived signed link, shown inline. A contact's first view marks the quote "
                      "OPENED (recorded when the link is fetched).")
    def view_url(self, info: Info) -> str:
        return _file_url(info, "quote_version", self.model.id, self.model.organization_id, False)

    @strawberry.field(description="Short-lived signed link, downloaded as a file. A contact's download is recorded "
                      "(QUOTE_DOWNLOADED).")
    def download_url(self, info: Info) -> str:
        return _file_url(info, "quote_version", self.model.id, self.model.organization_id, True)

    @strawberry.field
    async def created_by(self, info: Info) -> MemberType | None:
        if self.model.created_by_id is None or not policy.sees_vendor_internals(info.context.actor):
            return None
        member = await info.context.loaders.member_by_id.load(self.model.created_by_id)
        return MemberType.from_model(member) if member else None

    @strawberry.field
    async def attachments(self, info: Info) -> list[QuoteAttachmentType]:
        rows = await ql.attachments_by_version_id(info.context.loaders).load(self.model.id)
        return [QuoteAttachmentType.from_model(a) for a in rows]


@strawberry.type(name="Quote", description=f"A document the customer can accept (seed 002). {QUOTES}")
class QuoteType(Node):
    number: str
    title: str
    amount: str | None = strawberry.field(description="A decimal as text (exact), e.g. \"1250.50\"; null: none.")
    currency: str | None = strawberry.field(description="ISO 4217 code of `amount`.")
    message: str
    language: str = strawberry.field(description="The language of the emails about this quote.")
    status: QuoteStatus  # type: ignore[valid-type]
    visibility: QuoteVisibility  # type: ignore[valid-type]
    expires_on: date | None = strawberry.field(description="The last day it can be accepted.")
    remove_after_days: int | None = strawberry.field(description="Contacts stop seeing it this many days after "
                                                     "expiry.")
    version_number: int = strawberry.field(description="The current version's number.")
    sent_at: datetime | None
    opened_at: datetime | None
    downloaded_at: datetime | None
    accepted_at: datetime | None
    declined_at: datetime | None
    decline_reason: str | None
    expired_at: datetime | None
    archived_at: datetime | None
    removed_at: datetime | None = strawberry.field(description="Removed from the portal (contacts no longer see "
                                                   "it; staff do).")
    created_at: datetime
    updated_at: datetime
    model: strawberry.Private[models.Quote]

    @classmethod
    def from_model(cls, q: models.Quote) -> QuoteType:
        return cls(
            id=encode_id("Quote", q.id), number=q.number, title=q.title,
            amount=None if q.amount is None else f"{q.amount:.2f}", currency=q.currency, message=q.message,
            language=q.language, status=q.status, visibility=q.visibility, expires_on=q.expires_on,
            remove_after_days=q.remove_after_days, version_number=q.version_number, sent_at=q.sent_at,
            opened_at=q.opened_at, downloaded_at=q.downloaded_at, accepted_at=q.accepted_at,
            declined_at=q.declined_at, decline_reason=q.decline_reason or None, expired_at=q.expired_at,
            archived_at=q.archived_at, removed_at=q.removed_at, created_at=q.created_at, updated_at=q.updated_at,
            model=q,
        )

    def _staff(self, info: Info) -> bool:
        return policy.sees_vendor_internals(info.context.actor)

    @strawberry.field(description=f"Reminder N days after sending while unopened. {_STAFF}")
    def remind_unopened_days(self, info: Info) -> int | None:
        return self.model.remind_unopened_days if self._staff(info) else None

    @strawberry.field(description=f"Reminder N days after opening while unanswered. {_STAFF}")
    def remind_unaccepted_days(self, info: Info) -> int | None:
        return self.model.remind_unaccepted_days if self._staff(info) else None

    @strawberry.field(description=f"Reminder N days before expiry. {_STAFF}")
    def remind_before_expiry_days(self, info: Info) -> int | None:
        return self.model.remind_before_expiry_days if self._staff(info) else None

    @strawberry.field(description=f"Whether publishing emailed the recipients. {_STAFF}")
    def notify_on_publish(self, info: Info) -> bool | None:
        return self.model.notify_on_publish if self._staff(info) else None

    @strawberry.field(description=f"The partner's reference (upsertQuote matches on it). {_STAFF}")
    def external_ref(self, info: Info) -> str | None:
        return self.model.external_ref if self._staff(info) else None

    @strawberry.field
    async def customer(self, info: Info) -> CustomerType | None:
        customer = await info.context.loaders.customer_by_id.load(self.model.customer_id)
        return CustomerType.from_model(customer) if customer else None

    @strawberry.field(description="The one contact of a ONE_CONTACT quote (null otherwise, or when not visible).")
    async def contact(self, info: Info) -> ContactType | None:
        if self.model.contact_id is None:
            return None
        contact = await info.context.loaders.contact_by_id.load(self.model.contact_id)
        return ContactType.from_model(contact) if contact else None

    @strawberry.field(description="The contacts the quote is addressed to, as far as the caller sees them: "
                      "ONE_CONTACT its contact, ALL_CONTACTS the customer's contacts with hub access, PUBLIC_LINK "
                      "none.")
    async def recipients(self, info: Info) -> list[ContactType]:
        q = self.model
        if q.visibility is models.QuoteVisibility.PUBLIC_LINK:
            return []
        contacts = await info.context.loaders.contacts_by_customer_id.load(q.customer_id)
        chosen = [c for c in contacts if c.hub_access and (
            q.visibility is models.QuoteVisibility.ALL_CONTACTS or c.id == q.contact_id)]
        return [ContactType.from_model(c) for c in chosen]

    @strawberry.field
    async def sender(self, info: Info) -> MemberType | None:
        if self.model.sender_id is None:
            return None
        member = await info.context.loaders.member_by_id.load(self.model.sender_id)
        return MemberType.from_model(member) if member else None

    @strawberry.field(description="The current version (the one contacts see).")
    async def current_version(self, info: Info) -> QuoteVersionType | None:
        rows = await ql.versions_by_quote_id(info.context.loaders).load(self.model.id)
        current = next((v for v in rows if v.superseded_at is None), None)
        return QuoteVersionType.from_model(current) if current else None

    @strawberry.field(description="Versions, newest first: staff see every one, contacts the current one.")
    async def versions(self, info: Info) -> list[QuoteVersionType]:
        rows = await ql.versions_by_quote_id(info.context.loaders).load(self.model.id)
        return [QuoteVersionType.from_model(v) for v in rows]

    @strawberry.field(description="The quote's timeline (its activity events the caller may see), newest first. "
                      "API keys need ACTIVITY_READ.")
    async def events(self, info: Info) -> list[ActivityEventType]:
        rows = await ql.events_by_quote_id(info.context.loaders).load(self.model.id)
        return [ActivityEventType.from_model(e) for e in rows]

    @strawberry.field(description="Who accepted which version, and the certificate: both sides (whoever sees the "
                      "quote). Null until accepted.")
    async def acceptance(self, info: Info) -> QuoteAcceptanceType | None:
        row = await acceptance_loaders.acceptance_by_quote_id(info.context.loaders).load(self.model.id)
        return QuoteAcceptanceType.from_model(row) if row else None

    @strawberry.field(description="The public links of a PUBLIC_LINK quote, newest first (their addresses were "
                      "shown once, at creation). Staff only: empty for anyone else.")
    async def links(self, info: Info) -> list[QuoteLinkType]:
        rows = await acceptance_loaders.links_by_quote_id(info.context.loaders).load(self.model.id)
        return [QuoteLinkType.from_model(link) for link in rows]

    @strawberry.field(description="The reminders sent about the quote, oldest first (each kind at most once). "
                      f"{_STAFF} Empty for contacts.")
    async def reminders(self, info: Info) -> list[QuoteReminderType]:
        return await reminders_of(info, self.model.id)


@strawberry.type
class QuoteConnection:
    edges: list[Edge[QuoteType]]
    page_info: PageInfo
    total_count: int


async def quotes_of_customer(info: Info, customer_id: int) -> list[QuoteType]:
    rows = await ql.quotes_by_customer_id(info.context.loaders).load(customer_id)
    return [QuoteType.from_model(q) for q in rows]


async def quote_of_event(info: Info, quote_id: int | None) -> QuoteType | None:
    if quote_id is None:
        return None
    quote = await ql.quote_by_id(info.context.loaders).load(quote_id)
    return QuoteType.from_model(quote) if quote else None


register_policy_node("Quote", policy.quotes_visible_to, QuoteType.from_model)
register_policy_node("QuoteVersion", policy.quote_versions_visible_to, QuoteVersionType.from_model)
