"""`openDocument`: the signed links of one document, minted when it is opened rather than for every document of
every list (a hub page of hundreds of documents signed two links each and sent them, unused, issue 8)."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from portico.graphql import scopes
from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate
from portico.graphql.hubs.types import DocumentType
from portico.graphql.relay import decode_id
from portico.hubs import access
from portico.hubs.links import grant_for, sign_grant


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


@strawberry.type
class DocumentOpeningMutations:
    @strawberry.mutation(description="Short-lived signed links to one document the caller may see (NOT_FOUND "
                         "otherwise). Nothing is recorded until a link is fetched. " + scopes.DOCUMENTS)
    async def open_document(self, info: Info, input: OpenDocumentInput) -> OpenDocumentPayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor.require_signed_in()
            # Visibility is policy.documents_visible_to's (inside visible_document); /files re-checks on fetch.
            document = await access.visible_document(actor, decode_id(input.document_id, "Document", "documentId"))
            secret = info.context.settings.secret_key
            urls = {}
            for field, attachment in (("view_url", False), ("download_url", True)):
                grant = grant_for(actor, kind="document", item_id=document.id,
                                  organization_id=document.organization_id, attachment=attachment)
                urls[field] = f"/files/{sign_grant(secret, grant)}"
            return {"document": DocumentType.from_model(document), **urls,
                    "expires_at": datetime.fromtimestamp(grant.expires, UTC)}

        return await mutate(OpenDocumentPayload, work)
