"""Hubs (one per customer), their folders, the documents in them, shares, and uploads awaiting use."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class ClientAccess(StrEnum):
    """What the customer's contacts may do in a staff folder (seed 003)."""

    NONE = "NONE"
    VIEW = "VIEW"
    VIEW_AND_UPLOAD = "VIEW_AND_UPLOAD"


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
    """A node of a hub's folder tree.

    Two kinds share the tree: date folders, where shares land (one per sender per day: `date` and `sender` set,
    always at the top of the tree), and staff folders (`date` null), created, named, nested and moved by staff,
    each saying what the customer's contacts may do in it (`client_access`) and which contacts (`all_contacts`, or
    the chosen `contacts`). Date folders keep the visibility of their shares; the permissions apply to staff
    folders only (`portico.policy.folders_visible_to`).
    """

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
    # Database defaults too: existing rows get them when the columns are added.
    client_access = fields.CharEnumField(ClientAccess, max_length=16, default=ClientAccess.NONE, db_default="NONE")
    # True: every contact of the customer has `client_access`; False: only the chosen `contacts`.
    all_contacts = fields.BooleanField(default=True, db_default=True)
    contacts: fields.ManyToManyRelation = fields.ManyToManyField(
        "models.Contact", related_name="folders", through="folder_contact"
    )
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="created_folders", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    hub_id: int
    parent_id: int | None
    sender_id: int | None
    created_by_id: int | None

    class Meta:
        table = "folder"
        unique_together = (("hub", "sender", "date"),)

    @property
    def is_date_folder(self) -> bool:
        return self.date is not None


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
        # Foreign keys get no index of their own in PostgreSQL; these are the ones the policy and the hub page
        # look shares up by (a MEMBER's customers' shares, their own shares, a folder's shares).
        indexes = (("customer_id",), ("sender_id",), ("folder_id",))


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
    # The current version's number: 1 until the document is replaced (earlier ones are DocumentVersion rows).
    version = fields.IntField(default=1, db_default=1)
    # Who put the current version into a staff folder (null for documents that came with a share).
    uploaded_by_member: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="uploaded_documents", null=True, on_delete=fields.SET_NULL
    )
    uploaded_by_contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="uploaded_documents", null=True, on_delete=fields.SET_NULL
    )

    organization_id: int
    hub_id: int
    folder_id: int
    share_id: int | None
    publication_id: int | None
    uploaded_by_member_id: int | None
    uploaded_by_contact_id: int | None

    class Meta:
        table = "document"
        # A folder's keyset page (folder, id), a hub's documents, a share's documents (issue 8).
        indexes = (("folder_id", "id"), ("hub_id",), ("share_id",))


class DocumentVersion(Model):
    """An earlier version of a document, kept when it was replaced (history, seed 002/003).

    The document row always holds the current version; these hold the ones before it, each with its own stored
    object (counted toward the quota, downloadable by staff, never by contacts).
    """

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="document_versions", on_delete=fields.CASCADE
    )
    document: fields.ForeignKeyRelation[Document] = fields.ForeignKeyField(
        "models.Document", related_name="versions", on_delete=fields.CASCADE
    )
    number = fields.IntField()
    name = fields.CharField(max_length=300)
    storage_key = fields.CharField(max_length=300)
    content_type = fields.CharField(max_length=200)
    size_bytes = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    # When this version was uploaded (the document's created_at then), and by whom.
    created_at = fields.DatetimeField()
    replaced_at = fields.DatetimeField(auto_now_add=True)
    uploaded_by_member: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="uploaded_document_versions", null=True, on_delete=fields.SET_NULL
    )
    uploaded_by_contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="uploaded_document_versions", null=True, on_delete=fields.SET_NULL
    )

    organization_id: int
    document_id: int
    uploaded_by_member_id: int | None
    uploaded_by_contact_id: int | None

    class Meta:
        table = "document_version"
        unique_together = (("document", "number"),)


class StorageDeletion(Model):
    """A stored object to remove once the transaction that stopped using it has committed.

    Written in the same transaction as the deletion of the rows that pointed at the object: after the commit the
    object is removed and this row with it (`hubs/trash.py`); if that fails (storage down, process killed), the
    periodic sweep retries. A rolled-back deletion leaves no row, so no object is removed that a row still needs.
    """

    id = fields.IntField(primary_key=True)
    storage_key = fields.CharField(max_length=300)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "storage_deletion"


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


class WelcomeTemplate(Model):
    """The organization's welcome email per language (seed 001): subject and the text above the sign-in button,
    with the invitation's placeholders. Languages without a row use the built-in text."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="welcome_templates", on_delete=fields.CASCADE
    )
    language = fields.CharField(max_length=8)
    subject = fields.CharField(max_length=300)
    body = fields.TextField()
    updated_at = fields.DatetimeField(auto_now=True)

    organization_id: int

    class Meta:
        table = "welcome_template"
        unique_together = (("organization", "language"),)


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
    # The link of a welcome email: a contact has at most one, and sending the welcome again replaces it (the old
    # email's link stops working). Share emails' links all keep working.
    welcome = fields.BooleanField(default=False, db_default=False)
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
