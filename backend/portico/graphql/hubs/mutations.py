"""Mutations of the hubs domain: libraries, the share flow, and the customer side of the hub."""

from __future__ import annotations

import strawberry

from portico.accounts.providers import CONTACT_PASSWORD, SignInRequest
from portico.activity import services as activity
from portico.graphql import scopes
from portico.graphql.accounts.mutations import AuthPayload, OkPayload
from portico.graphql.context import Info
from portico.graphql.customers.mutations import ContactPayload
from portico.graphql.customers.types import ContactType
from portico.graphql.errors import UserError, mutate
from portico.graphql.hubs.inputs import ShareInput, share_request
from portico.graphql.hubs.types import HubType, LibraryType, PublicationType, ShareType
from portico.graphql.relay import decode_id
from portico.graphql.viewer import become, client
from portico.hubs import access, colleagues, services
from portico.hubs.models import Hub
from portico.libraries import services as libraries


@strawberry.input
class CreateLibraryInput:
    name: str
    description: str | None = ""


@strawberry.type
class LibraryPayload:
    library: LibraryType | None = None
    errors: list[UserError]


@strawberry.input
class AddPublicationInput:
    library_id: strawberry.ID
    upload_id: strawberry.ID
    title: str
    tags: list[str] = strawberry.field(default_factory=list)


@strawberry.type
class PublicationPayload:
    publication: PublicationType | None = None
    errors: list[UserError]


@strawberry.type
class SharePayload:
    share: ShareType | None = None
    hub: HubType | None = None
    errors: list[UserError]


@strawberry.input
class SetContactPasswordInput:
    password: str


@strawberry.input
class HubLogInInput:
    email: str
    password: str


@strawberry.input
class RecordDocumentPrintInput:
    document_id: strawberry.ID


@strawberry.input
class ShareWithColleagueInput:
    document_id: strawberry.ID
    first_name: str
    last_name: str
    email: str


@strawberry.type
class HubMutations:
    @strawberry.mutation(description="ADMIN and MANAGER members. API keys need SHARES_WRITE.")
    async def create_library(self, info: Info, input: CreateLibraryInput) -> LibraryPayload:
        async def work() -> dict[str, object]:
            library = await libraries.create_library(
                info.context.actor.require_signed_in(), name=input.name, description=input.description or ""
            )
            return {"library": LibraryType.from_model(library)}

        return await mutate(LibraryPayload, work)

    @strawberry.mutation(
        description="Publish an uploaded file (POST /uploads) into a library. API keys need SHARES_WRITE and "
        "DOCUMENTS_READ."
    )
    async def add_publication(self, info: Info, input: AddPublicationInput) -> PublicationPayload:
        async def work() -> dict[str, object]:
            publication = await libraries.add_publication(
                info.context.actor.require_signed_in(),
                library_id=decode_id(input.library_id, "Library", "libraryId"),
                upload_id=str(input.upload_id),
                title=input.title,
                tags=input.tags,
            )
            return {"publication": PublicationType.from_model(publication)}

        return await mutate(PublicationPayload, work)

    @strawberry.mutation(
        description="Send publications and uploaded files to a customer's hub, emailing each recipient. "
        + scopes.SHARES_WRITE
    )
    async def share_documents(self, info: Info, input: ShareInput) -> SharePayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor.require_signed_in()
            share = await services.share_documents(actor, info.context.settings, share_request(input))
            hub = await Hub.get(id=share.hub_id)
            return {"share": ShareType.from_model(share), "hub": HubType.from_model(hub)}

        return await mutate(SharePayload, work)

    @strawberry.mutation
    async def set_contact_password(self, info: Info, input: SetContactPasswordInput) -> OkPayload:
        async def work() -> dict[str, object]:
            await access.set_contact_password(info.context.actor.require_signed_in(), password=input.password)
            return {"ok": True}

        return await mutate(OkPayload, work)

    @strawberry.mutation(description="A returning contact signs in to their hub.")
    async def hub_log_in(self, info: Info, input: HubLogInInput) -> AuthPayload:
        async def work() -> dict[str, object]:
            request = SignInRequest({"email": input.email, "password": input.password}, **client(info))
            signed = await info.context.services.auth_providers.sign_in(CONTACT_PASSWORD, request)
            return {"viewer": await become(info, signed.token)}

        return await mutate(AuthPayload, work)

    @strawberry.mutation(description="Records that the signed-in contact opened their hub.")
    async def open_hub(self, info: Info) -> OkPayload:
        async def work() -> dict[str, object]:
            event = await access.open_hub(info.context.actor.require_signed_in())
            if event is not None:
                await activity.publish(info.context.services.broker, event)
            return {"ok": True}

        return await mutate(OkPayload, work)

    @strawberry.mutation(description="The hub reports that the contact printed a document.")
    async def record_document_print(self, info: Info, input: RecordDocumentPrintInput) -> OkPayload:
        async def work() -> dict[str, object]:
            event = await access.record_print(
                info.context.actor.require_signed_in(),
                document_id=decode_id(input.document_id, "Document", "documentId"),
            )
            await activity.publish(info.context.services.broker, event)
            return {"ok": True}

        return await mutate(OkPayload, work)

    @strawberry.mutation(description="A contact shares a document with a colleague, who becomes a contact too.")
    async def share_with_colleague(self, info: Info, input: ShareWithColleagueInput) -> ContactPayload:
        async def work() -> dict[str, object]:
            contact, event = await colleagues.share_with_colleague(
                info.context.actor.require_signed_in(),
                info.context.settings,
                document_id=decode_id(input.document_id, "Document", "documentId"),
                first_name=input.first_name,
                last_name=input.last_name,
                email=input.email,
            )
            await activity.publish(info.context.services.broker, event)
            return {"contact": ContactType.from_model(contact)}

        return await mutate(ContactPayload, work)
