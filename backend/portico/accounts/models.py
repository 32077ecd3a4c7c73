"""Organizations, their members, and how members and contacts sign in (sessions, API keys, one-time tokens)."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class Role(StrEnum):
    ADMIN = "ADMIN"
    MANAGER = "MANAGER"
    MEMBER = "MEMBER"


class MemberDocumentVisibility(StrEnum):
    """What a MEMBER sees of a hub they may open: every document, or only the ones they shared."""

    ALL_HUB_DOCUMENTS = "ALL_HUB_DOCUMENTS"
    OWN_SHARES = "OWN_SHARES"


class StoragePlan(StrEnum):
    """The storage plans an organization can be on (seed 003: "1 GB on one plan, 5 GB on another"); their sizes are
    `portico.hubs.quota.PLAN_BYTES`. Extra storage is bought on top of either."""

    STANDARD = "STANDARD"
    PLUS = "PLUS"


class Organization(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    timezone = fields.CharField(max_length=64, default="UTC")
    # The quota given when the organization was created (DEFAULT_STORAGE_QUOTA_BYTES). Its StorageAccount starts
    # from it (the largest plan that fits, the rest as extra storage) and is what counts from then on.
    storage_quota_bytes = fields.BigIntField()
    member_document_visibility = fields.CharEnumField(
        MemberDocumentVisibility, max_length=32, default=MemberDocumentVisibility.ALL_HUB_DOCUMENTS
    )
    # Seed 003: some clients' users have no email (they sign in another way and give one at first sign-in).
    # Off by default, so a contact without an email is a typo caught at once, not a contact nobody can invite.
    allow_contacts_without_email = fields.BooleanField(default=False, db_default=False)
    # Issue 10, point 6: a quote accepted is archived at once ("archived on completion"), when the admin wants it.
    archive_quotes_on_acceptance = fields.BooleanField(default=False, db_default=False)
    # Issue 10, point 4: quotes accepted, declined or expired are archived this many days later (null: never
    # automatically). Archiving hides nothing from staff and deletes nothing; it takes the quote out of the way.
    archive_quotes_after_days = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "organization"


class StorageAccount(Model):
    """An organization's storage: its plan, the extra storage it bought, and the bytes it stores (issue 9, point 7).

    `used_bytes` is a kept counter, changed only by `portico.hubs.quota` in the same transaction as the rows that
    store bytes (uploads, hub documents, publications), with this row locked: two uploads cannot both take the last
    free space, and showing usage costs one row read. It lives apart from Organization so that saving the
    organization's settings can never write back a stale count. `portico reconcile-storage` recounts it.
    """

    id = fields.IntField(primary_key=True)
    organization: fields.OneToOneRelation[Organization] = fields.OneToOneField(
        "models.Organization", related_name="storage_account", on_delete=fields.CASCADE
    )
    plan = fields.CharEnumField(StoragePlan, max_length=16)
    extra_bytes = fields.BigIntField(default=0)
    used_bytes = fields.BigIntField(default=0)
    # The usage alert reached (0, 80 or 100 percent) and the one administrators were emailed about; an alert is
    # due while alert_level > alerted_level, and both drop again when usage falls below (re-armed).
    alert_level = fields.SmallIntField(default=0)
    alerted_level = fields.SmallIntField(default=0)
    updated_at = fields.DatetimeField(auto_now=True)

    organization_id: int

    class Meta:
        table = "storage_account"


class Member(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="members", on_delete=fields.CASCADE
    )
    # Stored lower-cased; unique within the organization only. The same person may be staff of two organizations,
    # and signing up or inviting must not reveal whether an address is known elsewhere (issue 7, point 10).
    email = fields.CharField(max_length=254, db_index=True)
    first_name = fields.CharField(max_length=100)
    last_name = fields.CharField(max_length=100)
    password_hash = fields.CharField(max_length=200)
    role = fields.CharEnumField(Role, max_length=16, default=Role.MEMBER)
    is_account_manager = fields.BooleanField(default=False)
    is_active = fields.BooleanField(default=True)
    language = fields.CharField(max_length=8, default="en")
    standard_message = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int

    class Meta:
        table = "member"
        unique_together = (("organization", "email"),)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Session(Model):
    """A signed-in browser. The cookie holds a random token, only its SHA-256 is stored."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    member: fields.ForeignKeyNullableRelation[Member] = fields.ForeignKeyField(
        "models.Member", related_name="sessions", null=True, on_delete=fields.CASCADE
    )
    contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="sessions", null=True, on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    last_seen_at = fields.DatetimeField(auto_now_add=True)
    ip = fields.CharField(max_length=64, default="")
    user_agent = fields.CharField(max_length=300, default="")

    member_id: int | None
    contact_id: int | None

    class Meta:
        table = "session"


class ApiKey(Model):
    """A partner's key: `ptc_<prefix>_<secret>`, the prefix finds the row, the hash of the whole key proves it."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="api_keys", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=100)
    prefix = fields.CharField(max_length=16, unique=True)
    key_hash = fields.CharField(max_length=64)
    scopes: fields.JSONField[list[str]] = fields.JSONField(default=list)
    acts_as: fields.ForeignKeyNullableRelation[Member] = fields.ForeignKeyField(
        "models.Member", related_name="api_keys", null=True, on_delete=fields.CASCADE
    )
    created_by: fields.ForeignKeyNullableRelation[Member] = fields.ForeignKeyField(
        "models.Member", related_name="created_api_keys", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    organization_id: int
    acts_as_id: int | None

    class Meta:
        table = "api_key"


class TokenPurpose(StrEnum):
    PASSWORD_RESET = "PASSWORD_RESET"
    INVITATION = "INVITATION"
    HUB_LINK = "HUB_LINK"  # issued before personal hub links (hubs.models.HubLink); adopted when opened
    CONTACT_RESET = "CONTACT_RESET"  # a contact's "forgot password" link


class OneTimeToken(Model):
    """An emailed link: password reset, member invitation, or a contact's first sign-in to the hub.

    Only the SHA-256 of the token is stored, `used_at` makes it single-use.
    """

    id = fields.IntField(primary_key=True)
    purpose = fields.CharEnumField(TokenPurpose, max_length=16)
    token_hash = fields.CharField(max_length=64, unique=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="tokens", on_delete=fields.CASCADE
    )
    member: fields.ForeignKeyNullableRelation[Member] = fields.ForeignKeyField(
        "models.Member", related_name="tokens", null=True, on_delete=fields.CASCADE
    )
    contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="tokens", null=True, on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    organization_id: int
    member_id: int | None
    contact_id: int | None

    class Meta:
        table = "one_time_token"


class Invitation(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="invitations", on_delete=fields.CASCADE
    )
    email = fields.CharField(max_length=254)
    role = fields.CharEnumField(Role, max_length=16)
    is_account_manager = fields.BooleanField(default=False)
    language = fields.CharField(max_length=8, default="en")
    token: fields.ForeignKeyRelation[OneTimeToken] = fields.ForeignKeyField(
        "models.OneTimeToken", related_name="invitations", on_delete=fields.CASCADE
    )
    invited_by: fields.ForeignKeyNullableRelation[Member] = fields.ForeignKeyField(
        "models.Member", related_name="sent_invitations", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    accepted_at = fields.DatetimeField(null=True)

    organization_id: int

    class Meta:
        table = "invitation"


class ThrottleBucket(Model):
    """Failed sign-in attempts per key (an account or a client address), shared by every server process.

    `failures` counts reserved attempts that did not succeed; it decays to zero after a quiet window that starts
    at `last_attempt_at` or at the end of the lock, whichever is later (see portico.accounts.throttle).
    """

    key = fields.CharField(max_length=300, primary_key=True)
    failures = fields.IntField(default=0)
    locked_until = fields.DatetimeField(null=True)
    last_attempt_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "throttle_bucket"
