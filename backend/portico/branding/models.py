"""An organization's logo: one per organization, replaced by the next upload."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class OrganizationLogo(Model):
    """An organization's logo: one per organization, replaced by the next upload."""

    # A random id: the logo's URL changes with each upload (so it can be cached) and cannot be guessed.
    id = fields.UUIDField(primary_key=True)
    organization: fields.OneToOneRelation = fields.OneToOneField(
        "models.Organization", related_name="logo", on_delete=fields.CASCADE
    )
    storage_key = fields.CharField(max_length=300)
    content_type = fields.CharField(max_length=100)
    size_bytes = fields.IntField()
    sha256 = fields.CharField(max_length=64)
    uploaded_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="logos", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    uploaded_by_id: int | None

    class Meta:
        table = "organization_logo"
