"""Opening a file: the signed links of one document, publication or earlier document version, minted when it is
opened rather than for every item of every list (a hub page of hundreds of documents signed two links each and sent
them, unused; the library and a folder's versions did the same, issue 8)."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from portico.actors import Actor
from portico.graphql import scopes
from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate
from portico.graphql.hubs.types import DocumentType, DocumentVersionType, PublicationType
from portico.graphql.relay import decode_id
from portico.hubs import access
from portico.hubs.links import grant_for, sign_grant
from portico.libraries import services as libraries

_VIEW_URL = "Shown inline."
_DOWNLOAD_URL = "Downloaded as a file."
_EXPIRES_AT = "When both links stop working: open it again for new ones."


def _links(info: Info, actor: Actor, kind: str, item_id: int, organization_id: int) -> dict[str, object]:
    """view_url, download_url and expires_at for one file the caller was just found to see. The grant names the
    caller, and /files re-checks that caller's access (the same policy function) when the link is fetched."""
    secret = info.context.settings.secret_key
    links: dict[str, object] = {}
    for field, attachment in (("view_url", False), ("download_url", True)):
        grant = grant_for(actor, kind=kind, item_id=item_id, organization_id=organization_id, attachment=attachment)
        links[field] = f"/files/{sign_grant(secret, grant)}"
    links["expires_at"] = datetime.fromtimestamp(grant.expires, UTC)
    return links


@strawberry.input
class OpenDocumentInput:
    document_id: strawberry.ID


@strawberry.type
class OpenDocumentPayload:
    document: DocumentType | None = None
    view_url: str | None = strawberry.field(default=None, description="Shown inline. A contact's view is recorded "
                                            "when the link is fetched, not when it is minted.")
    download_url: str | None = strawberry.field(default=None, description="Downloaded as a file. A contact's "
                                                "download is recorded when the link is fetched.")
    expires_at: datetime | None = strawberry.field(default=None, description="When both links stop working: "
                                                   "open the document again for new ones.")
    errors: list[UserError]


@strawberry.input
class OpenPublicationInput:
    publication_id: strawberry.ID


@strawberry.type
class OpenPublicationPayload:
    publication: PublicationType | None = None
    view_url: str | None = strawberry.field(default=None, description=_VIEW_URL)
    download_url: str | None = strawberry.field(default=None, description=_DOWNLOAD_URL)
    expires_at: datetime | None = strawberry.field(default=None, description=_EXPIRES_AT)
    errors: list[UserError]


@strawberry.input
class OpenDocumentVersionInput:
    version_id: strawberry.ID


@strawberry.type
class OpenDocumentVersionPayload:
    version: DocumentVersionType | None = None
    view_url: str | None = strawberry.field(default=None, description=_VIEW_URL)
    download_url: str | None = strawberry.field(default=None, description=_DOWNLOAD_URL)
    expires_at: datetime | None = strawberry.field(default=None, description=_EXPIRES_AT)
    errors: list[UserError]


@strawberry.type
class DocumentOpeningMutations:
    @strawberry.mutation(description="Short-lived signed links to one document the caller may see (NOT_FOUND "
                         "otherwise). Nothing is recorded until a link is fetched. " + scopes.DOCUMENTS)
    async def open_document(self, info: Info, input: OpenDocumentInput) -> OpenDocumentPayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor.require_signed_in()
            # Visibility is policy.documents_visible_to's (inside visible_document); /files re-checks on fetch.
            document = await access.visible_document(actor, decode_id(input.document_id, "Document", "documentId"))
            links = _links(info, actor, "document", document.id, document.organization_id)
            return {"document": DocumentType.from_model(document), **links}

        return await mutate(OpenDocumentPayload, work)

    @strawberry.mutation(description="Short-lived signed links to one publication of a library (the staff preview): "
                         "staff of its organization only, NOT_FOUND for anyone else. " + scopes.DOCUMENTS)
    async def open_publication(self, info: Info, input: OpenPublicationInput) -> OpenPublicationPayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor.require_signed_in()
            publication = await libraries.visible_publication(
                actor, decode_id(input.publication_id, "Publication", "publicationId")
            )
            links = _links(info, actor, "publication", publication.id, publication.organization_id)
            return {"publication": PublicationType.from_model(publication), **links}

        return await mutate(OpenPublicationPayload, work)

    @strawberry.mutation(description="Short-lived signed links to an earlier version of a document: staff who see "
                         "the document only (contacts get the current version), NOT_FOUND for anyone else. "
                         + scopes.DOCUMENTS)
    async def open_document_version(self, info: Info, input: OpenDocumentVersionInput) -> OpenDocumentVersionPayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor.require_signed_in()
            version = await access.visible_document_version(
                actor, decode_id(input.version_id, "DocumentVersion", "versionId", "Document version")
            )
            links = _links(info, actor, "version", version.id, version.organization_id)
            return {"version": DocumentVersionType.from_model(version), **links}

        return await mutate(OpenDocumentVersionPayload, work)
