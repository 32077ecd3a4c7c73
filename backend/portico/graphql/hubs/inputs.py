"""Inputs of the share flow, and their translation into the service's request."""

from __future__ import annotations

import strawberry

from portico.graphql.relay import decode_id, decode_ids
from portico.hubs.services import RecipientSpec, ShareRequest


@strawberry.input
class RecipientInput:
    contact_id: strawberry.ID | None = strawberry.field(default=None, description="An existing contact, or:")
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


@strawberry.input
class ShareInput:
    customer_id: strawberry.ID
    recipients: list[RecipientInput]
    language: str
    message: str
    publication_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    upload_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Ids returned by POST /uploads."
    )


def share_request(data: ShareInput, *, for_preview: bool = False) -> ShareRequest:
    recipients = []
    for i, r in enumerate(data.recipients):
        contact_id = decode_id(r.contact_id, "Contact", f"recipients.{i}.contactId") if r.contact_id else None
        recipients.append(RecipientSpec(contact_id=contact_id, first_name=r.first_name, last_name=r.last_name,
                                        email=r.email))
    return ShareRequest(
        customer_id=decode_id(data.customer_id, "Customer", "customerId"),
        recipients=recipients,
        language=data.language,
        message=data.message,
        publication_ids=decode_ids(data.publication_ids, "Publication", "publicationIds"),
        upload_ids=[str(u) for u in data.upload_ids],
    )
