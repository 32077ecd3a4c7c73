"""The outbox: every email is a row first, then sent (or, in the embedded default, kept for the dev mailbox)."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class OutboxStatus(StrEnum):
    QUEUED = "QUEUED"
    SENT = "SENT"
    FAILED = "FAILED"


class OutboxEmail(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Organization", related_name="emails", null=True, on_delete=fields.CASCADE
    )
    to_address = fields.CharField(max_length=254)
    cc: fields.JSONField[list[str]] = fields.JSONField(default=list)
    # The person a reply should reach (the rep who shared), since From is our no-reply address.
    reply_to = fields.CharField(max_length=254, null=True)
    bcc: fields.JSONField[list[str]] = fields.JSONField(default=list)
    subject = fields.CharField(max_length=300)
    html = fields.TextField()
    text = fields.TextField()
    kind = fields.CharField(max_length=40)
    # One-time tokens in the body (reset, invitation, hub links): cut out of the stored copy once the email is
    # delivered (or, in the embedded default, first shown in the dev mailbox), then emptied. See outbox.redact.
    secrets: fields.JSONField[list[str]] = fields.JSONField(default=list, db_default=[])
    # Extra message headers, only those `outbox.EXTRA_HEADERS` allows (List-Unsubscribe of notification emails).
    headers: fields.JSONField[dict[str, str]] = fields.JSONField(default=dict, db_default={})
    status = fields.CharEnumField(OutboxStatus, max_length=16, default=OutboxStatus.QUEUED)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(null=True)
    last_error = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    organization_id: int | None

    class Meta:
        table = "outbox_email"
