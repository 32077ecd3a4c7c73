"""Hubs (one per customer), their folders, the documents in them, shares, and uploads awaiting use."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Hub(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="hubs", on_delete=fields.CASCADE
    )
    customer: fields.OneToOneRelation = fields.OneToOneField(
        "models.Customer", related_name="hub", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    customer_id: int

    class Meta:
        table = "hub"


class Folder(Model):
    """A node of a hub's folder tree. Shares land in the sender's folder for the day (sender + date unique)."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="folders", on_delete=fields.CASCADE
    )
    hub: fields.ForeignKeyRelation[Hub] = fields.ForeignKeyField(
        "models.Hub", related_name="folders", on_delete=fields.CASCADE
    )
    parent: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Folder", related_name="children", null=True, on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=200)
    date = fields.DateField(null=True)
    sender: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="folders", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    hub_id: int
    sender_id: int | None

    class Meta:
        table = "folder"
        unique_together = (("hub", "sender", "date"),)


class Share(Model):
    """One send: who sent what to which contacts of a customer, in which language, with which message."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="shares", on_delete=fields.CASCADE
    )
    hub: fields.ForeignKeyRelation[Hub] = fields.ForeignKeyField(
        "models.Hub", related_name="shares", on_delete=fields.CASCADE
    )
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Customer", related_name="shares", on_delete=fields.CASCADE
    )
    folder: fields.ForeignKeyRelation[Folder] = fields.ForeignKeyField(
        "models.Folder", related_name="shares", on_delete=fields.CASCADE
    )
    sender: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Member", related_name="shares", on_delete=fields.CASCADE
    )
    language = fields.CharField(max_length=8)
    message = fields.TextField(default="")
    # True: every contact of the customer sees it; False: only its recipients.
    all_contacts = fields.BooleanField(default=False)
    recipients: fields.ManyToManyRelation = fields.ManyToManyField(
        "models.Contact", related_name="shares", through="share_recipient"
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    hub_id: int
    customer_id: int
    folder_id: int
    sender_id: int

    class Meta:
        table = "share"


class Document(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="documents", on_delete=fields.CASCADE
    )
    hub: fields.ForeignKeyRelation[Hub] = fields.ForeignKeyField(
        "models.Hub", related_name="documents", on_delete=fields.CASCADE
    )
    folder: fields.ForeignKeyRelation[Folder] = fields.ForeignKeyField(
        "models.Folder", related_name="documents", on_delete=fields.CASCADE
    )
    share: fields.ForeignKeyNullableRelation[Share] = fields.ForeignKeyField(
        "models.Share", related_name="documents", null=True, on_delete=fields.SET_NULL
    )
    # A document shared from a library points at the publication's stored object instead of copying it.
    publication: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Publication", related_name="documents", null=True, on_delete=fields.SET_NULL
    )
    name = fields.CharField(max_length=300)
    storage_key = fields.CharField(max_length=300)
    content_type = fields.CharField(max_length=200)
    size_bytes = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    hub_id: int
    folder_id: int
    share_id: int | None
    publication_id: int | None

    class Meta:
        table = "document"


class Upload(Model):
    """A file received through POST /uploads, waiting for a mutation to use it (a share, a publication).

    It counts toward the organization's quota from the moment it is stored, unused uploads are swept.
    """

    id = fields.UUIDField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="uploads", on_delete=fields.CASCADE
    )
    member: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="uploads", null=True, on_delete=fields.CASCADE
    )
    contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="uploads", null=True, on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=300)
    storage_key = fields.CharField(max_length=300)
    content_type = fields.CharField(max_length=200)
    size_bytes = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)
    used_at = fields.DatetimeField(null=True)

    organization_id: int
    member_id: int | None
    contact_id: int | None

    class Meta:
        table = "upload"


class InvitationTemplate(Model):
    """The organization's invitation email per language (seed 000: "predefined by the admin")."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="invitation_templates", on_delete=fields.CASCADE
    )
    language = fields.CharField(max_length=8)
    subject = fields.CharField(max_length=300)
    body = fields.TextField()
    # The email's fixed texts by `portico.mail.placeholders.FixedText.key`: every one for an admin-defined
    # language, only the changed ones for a built-in language.
    fixed_texts: fields.JSONField[dict[str, str]] = fields.JSONField(default=dict)
    updated_at = fields.DatetimeField(auto_now=True)

    organization_id: int

    class Meta:
        table = "invitation_template"
        unique_together = (("organization", "language"),)


class DocumentGrant(Model):
    """One document given to one contact by a colleague ("share with a colleague", seed 000).

    The colleague sees that document and nothing else of its share (not its other documents, message or
    recipients); `policy.documents_visible_to` reads these rows.
    """

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="document_grants", on_delete=fields.CASCADE
    )
    document: fields.ForeignKeyRelation[Document] = fields.ForeignKeyField(
        "models.Document", related_name="grants", on_delete=fields.CASCADE
    )
    contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Contact", related_name="document_grants", on_delete=fields.CASCADE
    )
    granted_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="granted_documents", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    document_id: int
    contact_id: int
    granted_by_id: int | None

    class Meta:
        table = "document_grant"
        # Led by contact: "the documents granted to this contact" is the query policy asks.
        unique_together = (("contact", "document"),)


class HubLink(Model):
    """A contact's personal hub link, the one in a share email (issue 7, point 1).

    Only the SHA-256 of its token is stored. It works for as long as the contact has hub access: the first use
    signs the contact in on that device; after that, opening it on a device that is not signed in asks for the
    contact's password or a sign-in code emailed to the contact's own address (`hubs/signin.py`).
    """

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="hub_links", on_delete=fields.CASCADE
    )
    contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Contact", related_name="hub_links", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # Set by the one use that signs in without asking anything; from then on the link asks.
    first_used_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)

    organization_id: int
    contact_id: int

    class Meta:
        table = "hub_link"


class HubSignInCode(Model):
    """A one-time 6-digit code emailed to a contact who opened their hub link on a new device.

    Only a hash is stored; it expires after 10 minutes and after a few wrong tries.
    """

    id = fields.IntField(primary_key=True)
    contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Contact", related_name="hub_sign_in_codes", on_delete=fields.CASCADE
    )
    link: fields.ForeignKeyRelation[HubLink] = fields.ForeignKeyField(
        "models.HubLink", related_name="sign_in_codes", on_delete=fields.CASCADE
    )
    code_hash = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    expires_at = fields.DatetimeField()
    failed_attempts = fields.IntField(default=0)
    used_at = fields.DatetimeField(null=True)

    contact_id: int
    link_id: int

    class Meta:
        table = "hub_sign_in_code"
