"""Public links to a quote, their visitors' sessions, identity codes, and the acceptance record.

- `QuoteLink`: a PUBLIC_LINK quote's way in: a random token in the URL (stored hashed) plus a password (argon2id),
  with its own expiry, revocable. A quote may have several (a new one after a revocation, or one per recipient).
- `QuoteVisitSession`: a browser that gave a link's password: a short-lived session bound to that one link.
- `QuoteIdentityCode`: a 6-digit code emailed to confirm who accepts (stored as an HMAC; expiring; single use).
- `QuoteAcceptance`: who accepted which version (with its SHA-256), when, from where, how it was confirmed, and the
  certificate PDF that states it. One per quote; never changed or deleted.
"""

from __future__ import annotations

from datetime import datetime

from tortoise import fields
from tortoise.models import Model


class QuoteLink(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="quote_links", on_delete=fields.CASCADE
    )
    quote: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Quote", related_name="links", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    password_hash = fields.CharField(max_length=200)
    expires_at = fields.DatetimeField(null=True)  # the link's own expiry (null: until the quote's validity ends)
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="created_quote_links", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)
    revoked_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="revoked_quote_links", null=True, on_delete=fields.SET_NULL
    )
    last_opened_at = fields.DatetimeField(null=True)

    organization_id: int
    quote_id: int
    created_by_id: int | None
    revoked_by_id: int | None

    class Meta:
        table = "quote_link"

    def is_open(self, now: datetime) -> bool:
        """Not revoked and not past its own expiry (what the quote itself allows is the policy's business)."""
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class QuoteVisitSession(Model):
    """A visitor's session: the browser holds the raw token in an HttpOnly cookie, this table its hash."""

    id = fields.IntField(primary_key=True)
    link: fields.ForeignKeyRelation[QuoteLink] = fields.ForeignKeyField(
        "models.QuoteLink", related_name="sessions", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    created_at = fields.DatetimeField(auto_now_add=True)
    ip = fields.CharField(max_length=64, default="")
    user_agent = fields.CharField(max_length=300, default="")

    link_id: int

    class Meta:
        table = "quote_visit_session"


class QuoteIdentityCode(Model):
    """A code emailed to whoever is about to accept: a contact (to their own address) or a link's visitor (to the
    address they typed, with the name they typed). Bound to the quote, the person and, for a visitor, the link."""

    id = fields.IntField(primary_key=True)
    quote: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Quote", related_name="identity_codes", on_delete=fields.CASCADE
    )
    contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="quote_identity_codes", null=True, on_delete=fields.CASCADE
    )
    link: fields.ForeignKeyNullableRelation[QuoteLink] = fields.ForeignKeyField(
        "models.QuoteLink", related_name="identity_codes", null=True, on_delete=fields.CASCADE
    )
    email = fields.CharField(max_length=254)
    full_name = fields.CharField(max_length=200, default="")
    code_hash = fields.CharField(max_length=64)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    failed_attempts = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    ip = fields.CharField(max_length=64, default="")

    quote_id: int
    contact_id: int | None
    link_id: int | None

    class Meta:
        table = "quote_identity_code"
        indexes = (("quote_id", "email", "created_at"),)


class QuoteAcceptance(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="quote_acceptances", on_delete=fields.CASCADE
    )
    quote: fields.OneToOneRelation = fields.OneToOneField(
        "models.Quote", related_name="acceptance", on_delete=fields.CASCADE
    )
    version: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.QuoteVersion", related_name="acceptances", on_delete=fields.CASCADE
    )
    version_number = fields.IntField()
    version_sha256 = fields.CharField(max_length=64)
    full_name = fields.CharField(max_length=200)
    email = fields.CharField(max_length=254)
    contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="quote_acceptances", null=True, on_delete=fields.SET_NULL
    )
    link: fields.ForeignKeyNullableRelation[QuoteLink] = fields.ForeignKeyField(
        "models.QuoteLink", related_name="acceptances", null=True, on_delete=fields.SET_NULL
    )
    accepted_at = fields.DatetimeField()
    ip = fields.CharField(max_length=64, default="")
    user_agent = fields.CharField(max_length=300, default="")
    code_sent_to = fields.CharField(max_length=254)
    certificate_id = fields.CharField(max_length=40, unique=True)
    certificate_key = fields.CharField(max_length=300)
    certificate_size = fields.BigIntField()
    certificate_sha256 = fields.CharField(max_length=64)

    organization_id: int
    quote_id: int
    version_id: int
    contact_id: int | None
    link_id: int | None

    class Meta:
        table = "quote_acceptance"
