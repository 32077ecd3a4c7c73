"""A quote's PDF versions and their attachments: the first one with the draft, new ones while it is open.

The bytes arrive through `POST /uploads` (streamed, typed from content, admitted to the quota); a version takes
the caller's uploads over (the counted bytes move from the upload to the version: no quota change). A new version
supersedes the current one, which is kept (staff see the history); a frozen (accepted) version has no successor.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from portico.actors import Actor
from portico.errors import DomainError
from portico.hubs.models import Upload
from portico.libraries.services import claim_uploads
from portico.quotes.models import CLOSED_STATUSES, Quote, QuoteAttachment, QuoteStatus, QuoteVersion
from portico.quotes.validation import MAX_ATTACHMENTS

PDF = "application/pdf"


async def claim_quote_uploads(
    actor: Actor, pdf_upload_id: str, attachment_upload_ids: Sequence[str]
) -> tuple[Upload, list[Upload]]:
    """The caller's unused uploads, marked used (inside the caller's transaction): the quote's PDF (refused with
    NOT_PDF unless the content is a PDF) and its attachments (any allowed type)."""
    if len(attachment_upload_ids) > MAX_ATTACHMENTS:
        raise DomainError("TOO_MANY", f"At most {MAX_ATTACHMENTS} attachments.", "attachmentUploadIds")
    if pdf_upload_id in attachment_upload_ids:
        raise DomainError("DUPLICATE_UPLOAD", "The quote's PDF is not also an attachment.", "attachmentUploadIds")
    [pdf] = await claim_uploads(actor, [pdf_upload_id], lambda _: "uploadId")
    if pdf.content_type != PDF:
        raise DomainError("NOT_PDF", "The quote must be a PDF file.", "uploadId")
    attachments = await claim_uploads(actor, list(attachment_upload_ids), lambda i: f"attachmentUploadIds.{i}")
    return pdf, attachments


def refuse_new_version(quote: Quote, frozen: bool) -> None:
    """A new version is refused once a version is frozen (accepted) or the quote is closed."""
    if frozen or quote.status is QuoteStatus.ACCEPTED:
        raise DomainError("VERSION_FROZEN", "This quote was accepted: its accepted version cannot be replaced.",
                          "quoteId")
    if quote.status in CLOSED_STATUSES:
        raise DomainError("QUOTE_CLOSED", f"This quote is {quote.status.value.lower()}: it can no longer be changed.",
                          "quoteId")


async def store_version(
    quote: Quote, pdf: Upload, attachments: Sequence[Upload], *, created_by_id: int | None, now: datetime
) -> QuoteVersion:
    """Make the uploads the quote's next version (inside the caller's transaction, the quote row locked)."""
    frozen = await QuoteVersion.filter(quote_id=quote.id, frozen=True).exists()
    refuse_new_version(quote, frozen)
    await QuoteVersion.filter(quote_id=quote.id, superseded_at=None).update(superseded_at=now)
    number = quote.version_number + 1
    version = await QuoteVersion.create(
        organization_id=quote.organization_id, quote_id=quote.id, number=number, storage_key=pdf.storage_key,
        filename=pdf.name, content_type=pdf.content_type, size=pdf.size_bytes, sha256=pdf.sha256,
        created_by_id=created_by_id, created_at=now,
    )
    if attachments:
        await QuoteAttachment.bulk_create([
            QuoteAttachment(
                organization_id=quote.organization_id, version_id=version.id, storage_key=a.storage_key,
                filename=a.name, content_type=a.content_type, size=a.size_bytes, sha256=a.sha256,
            )
            for a in attachments
        ])
    await Quote.filter(id=quote.id).update(version_number=number, updated_at=now)
    quote.version_number = number
    return version


async def current_version(quote_id: int) -> QuoteVersion | None:
    return await QuoteVersion.filter(quote_id=quote_id, superseded_at=None).first()
