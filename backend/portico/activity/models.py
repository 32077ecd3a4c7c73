"""Activity events: an append-only record of what happened in hubs."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class ActivityKind(StrEnum):
    HUB_OPENED = "HUB_OPENED"
    DOCUMENT_VIEWED = "DOCUMENT_VIEWED"
    DOCUMENT_DOWNLOADED = "DOCUMENT_DOWNLOADED"
    DOCUMENT_PRINTED = "DOCUMENT_PRINTED"
    SHARED_WITH_COLLEAGUE = "SHARED_WITH_COLLEAGUE"
    DOCUMENT_UPLOADED = "DOCUMENT_UPLOADED"
    QUOTE_PUBLISHED = "QUOTE_PUBLISHED"
    QUOTE_OPENED = "QUOTE_OPENED"
    QUOTE_DOWNLOADED = "QUOTE_DOWNLOADED"
    QUOTE_VERSION_ADDED = "QUOTE_VERSION_ADDED"
    QUOTE_ACCEPTED = "QUOTE_ACCEPTED"
    QUOTE_DECLINED = "QUOTE_DECLINED"
    QUOTE_EXPIRED = "QUOTE_EXPIRED"
    QUOTE_ARCHIVED = "QUOTE_ARCHIVED"
    INVOICE_OPENED = "INVOICE_OPENED"


class ActivityEvent(Model):
    """Never updated or deleted. `sender` is the member whose share the event belongs to (copied from the share
    so that "only events on the shares they sent" is one indexed column)."""

    id = fields.BigIntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="activity_events", on_delete=fields.CASCADE
    )
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Customer", related_name="activity_events", on_delete=fields.CASCADE
    )
    hub: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Hub", related_name="activity_events", null=True, on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(ActivityKind, max_length=32)
    occurred_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="activity_events", null=True, on_delete=fields.SET_NULL
    )
    document: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Document", related_name="activity_events", null=True, on_delete=fields.SET_NULL
    )
    share: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Share", related_name="activity_events", null=True, on_delete=fields.SET_NULL
    )
    # A quote's events carry the quote, and as `sender` the quote's sender (the same "what they sent" rule).
    quote: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Quote", related_name="activity_events", null=True, on_delete=fields.SET_NULL
    )
    sender: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="activity_on_shares", null=True, on_delete=fields.SET_NULL
    )
    # INVOICE_OPENED: the invoice a contact opened in the hub (issue 11).
    invoice: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Invoice", related_name="activity_events", null=True, on_delete=fields.SET_NULL
    )
    actor_name = fields.CharField(max_length=200, default="")
    detail = fields.CharField(max_length=300, default="")
    ip = fields.CharField(max_length=64, default="")
    user_agent = fields.CharField(max_length=300, default="")

    organization_id: int
    customer_id: int
    hub_id: int | None
    contact_id: int | None
    document_id: int | None
    share_id: int | None
    quote_id: int | None
    sender_id: int | None
    invoice_id: int | None

    class Meta:
        table = "activity_event"
        # The reads over events: the activity list and live feed's newest first per organization, the insight
        # figures per hub, document, share and customer, and a MEMBER's own shares' events (issue 8).
        indexes = (
            ("organization_id", "id"), ("hub_id",), ("document_id",), ("share_id",), ("customer_id",), ("sender_id",),
        )


class ActivityEventAudience(Model):
    """Members besides the share's sender who see an event, decided by `policy` when the event is recorded.

    A HUB_OPENED belongs to the whole hub, not to one share: every rep with a share in that hub the contact can see
    is told (issue 7, point 3). Written with the event, never updated.
    """

    id = fields.BigIntField(primary_key=True)
    event: fields.ForeignKeyRelation[ActivityEvent] = fields.ForeignKeyField(
        "models.ActivityEvent", related_name="audience", on_delete=fields.CASCADE
    )
    member: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Member", related_name="event_audience", on_delete=fields.CASCADE
    )

    event_id: int
    member_id: int

    class Meta:
        table = "activity_event_audience"
        # Led by member: "the events this member is in the audience of" is the query policy asks.
        unique_together = (("member", "event"),)
