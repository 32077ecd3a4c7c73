"""Documents in staff folders: uploaded by staff and permitted contacts, replaced by new versions (seed 003).

The bytes arrive first through `POST /uploads` (streamed, typed from content, quota admitted); these operations
turn the caller's uploads into documents of a folder. A contact's upload is an activity event (DOCUMENT_UPLOADED)
for the customer's account managers (and ADMIN/MANAGER); the caller publishes the returned events after commit.
"""

from __future__ import annotations

from typing import Any

from tortoise.transactions import in_transaction

from portico import policy
from portico.activity import services as activity
from portico.activity.models import ActivityEvent, ActivityKind
from portico.actors import Actor
from portico.errors import DomainError, NotAllowed, NotFound
from portico.hubs.folders import visible_folder
from portico.hubs.models import Document, DocumentVersion, Folder, Hub
from portico.libraries.services import claim_upload

MAX_FILES = 100


async def _upload_target(actor: Actor, folder_id: int) -> Folder:
    """The folder, if the caller may upload into it: not found when they cannot see it, refused when they only
    view it (or it is a date folder)."""
    if actor.member is not None:
        policy.require_folder_editor(actor)
    folder = await visible_folder(actor, folder_id)
    if folder.is_date_folder:
        raise DomainError("DATE_FOLDER", "Files cannot be uploaded into a folder of shared documents.", "folderId")
    if not await policy.can_upload_to(actor, folder):
        raise NotAllowed("You may view this folder but not upload into it.", "folderId")
    return folder


async def _uploaded_event(actor: Actor, hub: Hub, document: Document, detail: str = "") -> ActivityEvent | None:
    if actor.contact is None:
        return None  # staff uploads are not customer activity
    return await activity.record(
        actor, ActivityKind.DOCUMENT_UPLOADED, customer_id=hub.customer_id, hub_id=hub.id, document=document,
        detail=detail or document.name, audience=await policy.upload_audience(hub.customer_id),
    )


def _uploader(actor: Actor) -> dict[str, Any]:
    return {
        "uploaded_by_member_id": actor.member.id if actor.member else None,
        "uploaded_by_contact_id": actor.contact.id if actor.contact else None,
    }


async def upload_documents(
    actor: Actor, *, folder_id: int, upload_ids: list[str]
) -> tuple[list[Document], list[ActivityEvent]]:
    """Put the caller's uploads into a staff folder, all or none. Returns the documents and the events to publish."""
    if not upload_ids:
        raise DomainError("REQUIRED", "Add at least one file.", "uploadIds")
    if len(upload_ids) > MAX_FILES:
        raise DomainError("TOO_MANY", f"At most {MAX_FILES} files at once.", "uploadIds")
    folder = await _upload_target(actor, folder_id)
    hub = await Hub.get(id=folder.hub_id)
    documents: list[Document] = []
    events: list[ActivityEvent] = []
    async with in_transaction():
        for i, upload_id in enumerate(dict.fromkeys(upload_ids)):
            upload = await claim_upload(actor, upload_id, f"uploadIds.{i}")
            document = await Document.create(
                organization_id=hub.organization_id, hub=hub, folder=folder, name=upload.name,
                storage_key=upload.storage_key, content_type=upload.content_type, size_bytes=upload.size_bytes,
                sha256=upload.sha256, **_uploader(actor),
            )
            documents.append(document)
            event = await _uploaded_event(actor, hub, document)
            if event is not None:
                events.append(event)
    return documents, events


async def replace_document(
    actor: Actor, *, document_id: int, upload_id: str
) -> tuple[Document, ActivityEvent | None]:
    """A new version of a document in a staff folder; the current one is kept as an earlier version.

    Staff replace any document they may upload beside; a contact replaces only what they uploaded themselves.
    """
    document = await policy.documents_visible_to(actor).filter(id=document_id).first()
    if document is None:
        raise NotFound("Document", "documentId")
    await _upload_target(actor, document.folder_id)
    if actor.contact is not None and document.uploaded_by_contact_id != actor.contact.id:
        raise NotAllowed("You can replace only documents you uploaded.", "documentId")
    hub = await Hub.get(id=document.hub_id)
    async with in_transaction():
        # Lock the row: two replacements at once must not both become version N+1.
        document = await Document.filter(id=document.id).select_for_update().get()
        upload = await claim_upload(actor, upload_id, "uploadId")
        # The current version became current when the one before it was replaced (version 1: at creation).
        previous = await DocumentVersion.filter(document_id=document.id, number=document.version - 1).first()
        await DocumentVersion.create(
            organization_id=document.organization_id, document=document, number=document.version, name=document.name,
            storage_key=document.storage_key, content_type=document.content_type, size_bytes=document.size_bytes,
            sha256=document.sha256, created_at=previous.replaced_at if previous else document.created_at,
            uploaded_by_member_id=document.uploaded_by_member_id,
            uploaded_by_contact_id=document.uploaded_by_contact_id,
        )
        document.version += 1
        # The document keeps its name (it is what people know it by); each version keeps its own file's name.
        document.storage_key = upload.storage_key
        document.content_type = upload.content_type
        document.size_bytes = upload.size_bytes
        document.sha256 = upload.sha256
        document.publication_id = None  # the new bytes are the hub's own, counted toward the quota
        for field, value in _uploader(actor).items():
            setattr(document, field, value)
        await document.save()
        event = await _uploaded_event(actor, hub, document, f"{document.name} (version {document.version})")
    return document, event
