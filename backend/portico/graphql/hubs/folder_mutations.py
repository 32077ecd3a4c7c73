"""Mutations of the folder tree: folders, their permissions, uploads into them, new versions (seed 003)."""

from __future__ import annotations

import strawberry

from portico.activity import services as activity
from portico.graphql.accounts.mutations import OkPayload
from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate
from portico.graphql.hubs.types import ClientAccess, DocumentType, FolderType, HubType
from portico.graphql.relay import decode_id, decode_ids
from portico.hubs import folder_documents, folders, trash
from portico.hubs.models import ClientAccess as Access
from portico.hubs.models import Folder, Hub

_WRITE = "Staff; API keys need SHARES_WRITE and DOCUMENTS_READ."


@strawberry.input
class FolderPermissionsInput:
    client_access: ClientAccess = Access.NONE  # type: ignore[valid-type]
    all_contacts: bool = True
    contact_ids: list[strawberry.ID] = strawberry.field(default_factory=list)


def _permissions(value: FolderPermissionsInput | None) -> folders.Permissions:
    value = value or FolderPermissionsInput()
    return folders.Permissions(
        client_access=Access(value.client_access),
        all_contacts=value.all_contacts,
        contact_ids=decode_ids(value.contact_ids, "Contact", "permissions.contactIds"),
    )


@strawberry.input
class CreateFolderInput:
    customer_id: strawberry.ID
    name: str
    parent_id: strawberry.ID | None = None
    permissions: FolderPermissionsInput | None = None


@strawberry.input
class RenameFolderInput:
    folder_id: strawberry.ID
    name: str


@strawberry.input
class MoveFolderInput:
    folder_id: strawberry.ID
    parent_id: strawberry.ID | None = strawberry.field(default=None, description="null: to the top of the tree")


@strawberry.input
class FolderIdInput:
    folder_id: strawberry.ID


@strawberry.input
class SetFolderPermissionsInput:
    folder_id: strawberry.ID
    permissions: FolderPermissionsInput


@strawberry.input
class UploadDocumentsInput:
    folder_id: strawberry.ID
    upload_ids: list[strawberry.ID]


@strawberry.input
class ReplaceDocumentInput:
    document_id: strawberry.ID
    upload_id: strawberry.ID


@strawberry.input
class SetPrimaryContactManagesPermissionsInput:
    customer_id: strawberry.ID
    allowed: bool


@strawberry.type
class FolderPayload:
    folder: FolderType | None = None
    hub: HubType | None = None
    errors: list[UserError]


@strawberry.type
class UploadDocumentsPayload:
    documents: list[DocumentType] | None = None
    errors: list[UserError]


@strawberry.type
class DocumentPayload:
    document: DocumentType | None = None
    errors: list[UserError]


async def _folder_payload(folder: Folder) -> dict[str, object]:
    return {"folder": FolderType.from_model(folder), "hub": HubType.from_model(await Hub.get(id=folder.hub_id))}


@strawberry.type
class FolderMutations:
    @strawberry.mutation(description=f"A staff folder in a customer's hub (created if the customer has none). {_WRITE}")
    async def create_folder(self, info: Info, input: CreateFolderInput) -> FolderPayload:
        async def work() -> dict[str, object]:
            folder = await folders.create_folder(
                info.context.actor.require_signed_in(),
                customer_id=decode_id(input.customer_id, "Customer", "customerId"),
                parent_id=decode_id(input.parent_id, "Folder", "parentId") if input.parent_id else None,
                name=input.name,
                permissions=_permissions(input.permissions),
            )
            return await _folder_payload(folder)

        return await mutate(FolderPayload, work)

    @strawberry.mutation(description=f"Staff folders only (date folders stay as the share made them). {_WRITE}")
    async def rename_folder(self, info: Info, input: RenameFolderInput) -> FolderPayload:
        async def work() -> dict[str, object]:
            folder = await folders.rename_folder(
                info.context.actor.require_signed_in(),
                folder_id=decode_id(input.folder_id, "Folder", "folderId"),
                name=input.name,
            )
            return await _folder_payload(folder)

        return await mutate(FolderPayload, work)

    @strawberry.mutation(description=f"Into another staff folder of the same hub or to the top; no cycles. {_WRITE}")
    async def move_folder(self, info: Info, input: MoveFolderInput) -> FolderPayload:
        async def work() -> dict[str, object]:
            folder = await folders.move_folder(
                info.context.actor.require_signed_in(),
                folder_id=decode_id(input.folder_id, "Folder", "folderId"),
                parent_id=decode_id(input.parent_id, "Folder", "parentId") if input.parent_id else None,
            )
            return await _folder_payload(folder)

        return await mutate(FolderPayload, work)

    @strawberry.mutation(description=f"The folder, its subfolders and their documents; files go after. {_WRITE}")
    async def delete_folder(self, info: Info, input: FolderIdInput) -> OkPayload:
        async def work() -> dict[str, object]:
            keys = await folders.delete_folder(
                info.context.actor.require_signed_in(), folder_id=decode_id(input.folder_id, "Folder", "folderId")
            )
            await trash.purge(info.context.services.storage, keys)  # committed: now the stored objects
            return {"ok": True}

        return await mutate(OkPayload, work)

    @strawberry.mutation(description="What the customer's contacts may do in a staff folder, and which of them. "
                         "Staff, and the primary contact when the customer lets them (for their co-contacts).")
    async def set_folder_permissions(self, info: Info, input: SetFolderPermissionsInput) -> FolderPayload:
        async def work() -> dict[str, object]:
            folder = await folders.set_permissions(
                info.context.actor.require_signed_in(),
                folder_id=decode_id(input.folder_id, "Folder", "folderId"),
                permissions=_permissions(input.permissions),
            )
            return await _folder_payload(folder)

        return await mutate(FolderPayload, work)

    @strawberry.mutation(description="Lets (or stops) the customer's primary contact manage folder permissions. "
                         "API keys need CUSTOMERS_WRITE.")
    async def set_primary_contact_manages_permissions(
        self, info: Info, input: SetPrimaryContactManagesPermissionsInput
    ) -> OkPayload:
        async def work() -> dict[str, object]:
            await folders.set_primary_contact_manages_permissions(
                info.context.actor.require_signed_in(),
                customer_id=decode_id(input.customer_id, "Customer", "customerId"),
                allowed=input.allowed,
            )
            return {"ok": True}

        return await mutate(OkPayload, work)

    @strawberry.mutation(description="Files sent to POST /uploads become documents of a staff folder: staff, and "
                         "contacts the folder gives VIEW_AND_UPLOAD. A contact's upload is activity for the staff.")
    async def upload_documents(self, info: Info, input: UploadDocumentsInput) -> UploadDocumentsPayload:
        async def work() -> dict[str, object]:
            documents, events = await folder_documents.upload_documents(
                info.context.actor.require_signed_in(),
                folder_id=decode_id(input.folder_id, "Folder", "folderId"),
                upload_ids=[str(u) for u in input.upload_ids],
            )
            for event in events:
                await activity.publish(info.context.services.broker, event)
            return {"documents": [DocumentType.from_model(d) for d in documents]}

        return await mutate(UploadDocumentsPayload, work)

    @strawberry.mutation(description="A new version of a document in a staff folder (the current one is kept). "
                         "Staff, and a contact for a document they uploaded.")
    async def replace_document(self, info: Info, input: ReplaceDocumentInput) -> DocumentPayload:
        async def work() -> dict[str, object]:
            document, event = await folder_documents.replace_document(
                info.context.actor.require_signed_in(),
                document_id=decode_id(input.document_id, "Document", "documentId"),
                upload_id=str(input.upload_id),
            )
            if event is not None:
                await activity.publish(info.context.services.broker, event)
            return {"document": DocumentType.from_model(document)}

        return await mutate(DocumentPayload, work)
