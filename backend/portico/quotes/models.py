"""A quote, its versions (the PDF, history kept) and each version's attachments.

The quote row carries its status and the time of each step (sent, opened, ...) so that lists filter and sort on
indexed columns; the steps themselves are ActivityEvents (`quote` set), written with the status change in one
transaction by `portico.quotes.events.record_event`. Nothing here is ever deleted: a quote is archived or removed
from the portal (contacts stop seeing it), never dropped.
"""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class QuoteVisibility(StrEnum):
    ONE_CONTACT = "ONE_CONTACT"  # `Quote.contact` only
    ALL_CONTACTS = "ALL_CONTACTS"  # every contact of the customer with hub access
    PUBLIC_LINK = "PUBLIC_LINK"  # a password-protected link (quote-accept's QuoteLink); not shown in the hub


class QuoteStatus(StrEnum):
    DRAFT = "DRAFT"
    SENT = "SENT"
    OPENED = "OPENED"
    DOWNLOADED = "DOWNLOADED"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    EXPIRED = "EXPIRED"
    ARCHIVED = "ARCHIVED"


# Statuses after which the customer can no longer act on the quote (no acceptance, no reminders).
CLOSED_STATUSES = frozenset({QuoteStatus.ACCEPTED, QuoteStatus.DECLINED, QuoteStatus.EXPIRED, QuoteStatus.ARCHIVED})


class Quote(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="quotes", on_delete=fields.CASCADE
    )
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Customer", related_name="quotes", on_delete=fields.CASCADE
    )
    # The member who sent it (or the member a partner's API key acts as): "events on what they sent" (policy).
    sender: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="sent_quotes", null=True, on_delete=fields.SET_NULL
    )
    number = fields.CharField(max_length=64)
    title = fields.CharField(max_length=200)
    amount = fields.DecimalField(max_digits=16, decimal_places=2, null=True)
    currency = fields.CharField(max_length=3, null=True)  # ISO 4217, validated by the services
    message = fields.TextField(default="")
    # The language of the emails about this quote (publish, change, reminders, acceptance).
    language = fields.CharField(max_length=8, default="en")
    visibility = fields.CharEnumField(QuoteVisibility, max_length=16)
    # ONE_CONTACT: the one contact (of `customer`) who sees it. Null for the other visibilities.
    contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="quotes", null=True, on_delete=fields.SET_NULL
    )
    status = fields.CharEnumField(QuoteStatus, max_length=16, default=QuoteStatus.DRAFT)
    expires_on = fields.DateField(null=True)  # the last day it can be accepted (in the organization's zone)
    remove_after_days = fields.IntField(null=True)  # contacts stop seeing it this many days after expiry
    # The quote's id in the partner's system: what `upsertQuote` matches on (unique per organization).
    external_ref = fields.CharField(max_length=100, null=True)
    notify_on_publish = fields.BooleanField(default=True)
    # Reminders (null = off): N days after sending while unopened, N days after opening while unaccepted, N days
    # before expiry. Sent by portico.quotes.reminders, each once.
    remind_unopened_days = fields.IntField(null=True)
    remind_unaccepted_days = fields.IntField(null=True)
    remind_before_expiry_days = fields.IntField(null=True)
    # The number of the newest version (0 while it has none): the one contacts see.
    version_number = fields.IntField(default=0)
    sent_at = fields.DatetimeField(null=True)
    opened_at = fields.DatetimeField(null=True)
    # A version sent after the first one restarts the "not opened" and "not answered" reminders (reminder_plan):
    # when it reached the customer, and when it was first opened. Both null while the customer has only ever had
    # the version the quote was sent with (its dates are sent_at and opened_at).
    version_sent_at = fields.DatetimeField(null=True)
    version_opened_at = fields.DatetimeField(null=True)
    downloaded_at = fields.DatetimeField(null=True)
    accepted_at = fields.DatetimeField(null=True)
    declined_at = fields.DatetimeField(null=True)
    decline_reason = fields.TextField(default="")
    expired_at = fields.DatetimeField(null=True)
    archived_at = fields.DatetimeField(null=True)
    removed_at = fields.DatetimeField(null=True)  # removed from the portal: contacts no longer see it
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    organization_id: int
    customer_id: int
    sender_id: int | None
    contact_id: int | None

    class Meta:
        table = "quote"
        unique_together = (("organization", "number"), ("organization", "external_ref"))
        # The quotes list filters an organization's quotes by status and walks them newest first.
        indexes = (("organization_id", "status", "id"), ("customer_id", "id"))


class QuoteVersion(Model):
    """One PDF of a quote. A new version supersedes the previous one (kept: staff see every version, contacts the
    newest). `frozen` is set on the version accepted: no version follows it."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="quote_versions", on_delete=fields.CASCADE
    )
    quote: fields.ForeignKeyRelation[Quote] = fields.ForeignKeyField(
        "models.Quote", related_name="versions", on_delete=fields.CASCADE
    )
    number = fields.IntField()
    storage_key = fields.CharField(max_length=300)
    filename = fields.CharField(max_length=300)
    content_type = fields.CharField(max_length=200)
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)  # hex of the PDF's bytes: what an acceptance certifies
    created_at = fields.DatetimeField(auto_now_add=True)
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="created_quote_versions", null=True, on_delete=fields.SET_NULL
    )
    frozen = fields.BooleanField(default=False)
    superseded_at = fields.DatetimeField(null=True)  # null: the current version

    organization_id: int
    quote_id: int
    created_by_id: int | None

    class Meta:
        table = "quote_version"
        unique_together = (("quote", "number"),)


class QuoteAttachment(Model):
    """A file sent with a version of a quote (terms, drawings): shown beside the PDF, read like it."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="quote_attachments", on_delete=fields.CASCADE
    )
    version: fields.ForeignKeyRelation[QuoteVersion] = fields.ForeignKeyField(
        "models.QuoteVersion", related_name="attachments", on_delete=fields.CASCADE
    )
    storage_key = fields.CharField(max_length=300)
    filename = fields.CharField(max_length=300)
    content_type = fields.CharField(max_length=200)
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    version_id: int

    class Meta:
        table = "quote_attachment"
