"""Content libraries and the publications in them, which reps share from."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Library(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="libraries", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int

    class Meta:
        table = "library"


class Publication(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="publications", on_delete=fields.CASCADE
    )
    library: fields.ForeignKeyRelation[Library] = fields.ForeignKeyField(
        "models.Library", related_name="publications", on_delete=fields.CASCADE
    )
    title = fields.CharField(max_length=300)
    title_key = fields.CharField(max_length=300, db_index=True)
    tags: fields.JSONField[list[str]] = fields.JSONField(default=list)
    # Lower-cased title and "#tag" words: one portable column for search and tag filters on both databases.
    search_text = fields.CharField(max_length=1500, default="")
    storage_key = fields.CharField(max_length=300)
    content_type = fields.CharField(max_length=200)
    size_bytes = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="publications", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    library_id: int

    class Meta:
        table = "publication"
