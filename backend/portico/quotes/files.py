"""Quote files behind the signed `/files/<token>` links: a version's PDF and its attachments.

The link's grant names the item and who it was issued to; the download re-checks that caller through policy
(`quote_versions_visible_to`, `quote_attachments_visible_to`). A contact fetching a version's PDF is a step of the
quote: inline, QUOTE_OPENED (the first one marks it OPENED); as a file, QUOTE_DOWNLOADED. Staff fetches are not
customer activity and record nothing.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from portico import policy
from portico.activity.models import ActivityKind
from portico.actors import Actor
from portico.errors import DomainError
from portico.quotes.events import publish_events, record_event
from portico.quotes.models import Quote, QuoteAttachment, QuoteVersion
from portico.realtime.base import Broker

QUOTE_FILE_KINDS = ("quote_version", "quote_attachment")


async def quote_file(actor: Actor, kind: str, item_id: int) -> QuoteVersion | QuoteAttachment | None:
    """The version or attachment a grant names, if the caller may read it now."""
    if kind == "quote_version":
        return await policy.quote_versions_visible_to(actor).filter(id=item_id).first()
    return await policy.quote_attachments_visible_to(actor).filter(id=item_id).first()


async def record_fetch(broker: Broker, actor: Actor, version: QuoteVersion, attachment: bool) -> None:
    """A contact (or a public-link visitor) fetched the quote's PDF: record it, then publish after the commit."""
    if actor.is_staff:
        return
    quote = await Quote.get(id=version.quote_id)
    kind = ActivityKind.QUOTE_DOWNLOADED if attachment else ActivityKind.QUOTE_OPENED
    try:
        async with in_transaction():
            event = await record_event(actor, quote, kind, detail=f"{quote.number} {quote.title} "
                                                                  f"(version {version.number})")
    except DomainError:
        return  # not a step this quote can take now (never for what a contact can see); the file is still sent
    await publish_events(broker, [event])
