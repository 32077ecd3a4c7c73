"""A person's notification settings, and the notifications waiting to be emailed."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from portico.notifications.kinds import Delivery, NotificationKind

DEFAULT_DIGEST_MINUTE = 8 * 60  # 08:00 in the person's time zone


class NotificationSettings(Model):
    """One row per person (a member or a contact), created on first need. `choices` holds only what the person
    changed ({kind: delivery}); every other kind has its default (`kinds.KINDS`), so a new kind needs no data
    migration. `next_due_at` is the earliest `due_at` of their pending notifications: the delivery job claims this
    row (FOR UPDATE SKIP LOCKED), so one person's emails are composed by one worker at a time."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="notification_settings", on_delete=fields.CASCADE
    )
    member: fields.OneToOneNullableRelation = fields.OneToOneField(
        "models.Member", related_name="notification_settings", null=True, on_delete=fields.CASCADE
    )
    contact: fields.OneToOneNullableRelation = fields.OneToOneField(
        "models.Contact", related_name="notification_settings", null=True, on_delete=fields.CASCADE
    )
    choices: fields.JSONField[dict[str, str]] = fields.JSONField(default=dict)
    # An IANA zone name; null means the organization's time zone.
    timezone = fields.CharField(max_length=64, null=True)
    digest_minute = fields.IntField(default=DEFAULT_DIGEST_MINUTE)  # minutes after local midnight
    next_due_at = fields.DatetimeField(null=True, db_index=True)
    updated_at = fields.DatetimeField(auto_now=True)

    organization_id: int
    member_id: int | None
    contact_id: int | None

    class Meta:
        table = "notification_settings"


class NotificationStatus(StrEnum):
    PENDING = "PENDING"
    SENT = "SENT"
    # Not sent, on purpose: the person chose NEVER meanwhile, or may no longer see what it was about.
    DROPPED = "DROPPED"


class Notification(Model):
    """One thing to tell one person: an activity event (staff) or a share (contacts). Written after the event's
    commit by `fanout`, emailed by `delivery` once `due_at` has passed (now, or the person's next digest time)."""

    id = fields.BigIntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="notifications", on_delete=fields.CASCADE
    )
    member: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="notifications", null=True, on_delete=fields.CASCADE
    )
    contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="notifications", null=True, on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(NotificationKind, max_length=40)
    delivery = fields.CharEnumField(Delivery, max_length=16)
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Customer", related_name="notifications", on_delete=fields.CASCADE
    )
    event: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.ActivityEvent", related_name="notifications", null=True, on_delete=fields.CASCADE
    )
    share: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Share", related_name="notifications", null=True, on_delete=fields.CASCADE
    )
    status = fields.CharEnumField(NotificationStatus, max_length=16, default=NotificationStatus.PENDING)
    created_at = fields.DatetimeField(auto_now_add=True)
    due_at = fields.DatetimeField()
    sent_at = fields.DatetimeField(null=True)
    email: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.OutboxEmail", related_name="notifications", null=True, on_delete=fields.SET_NULL
    )

    organization_id: int
    member_id: int | None
    contact_id: int | None
    customer_id: int
    event_id: int | None
    share_id: int | None
    email_id: int | None

    class Meta:
        table = "notification"
        # The job's question, "this person's pending notifications, by due time", must not scan the history.
        indexes = (("member_id", "status", "due_at"), ("contact_id", "status", "due_at"))
