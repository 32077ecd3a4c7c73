"""Accepting and declining a quote (issue 10 point 5): the customer's answer, with identity confirmed by a code.

Who answers: a contact who sees the quote in their hub, or a public link's visitor (QUOTE_VISITOR). Staff never
answer for the customer. The steps:
1. `request_code`: a 6-digit code to the contact's own address (a visitor: to the address they type, with their
   name); refused once the quote is answered, archived or past its expiry.
2. `accept`: the code and the full name typed. In one transaction, with the quote row locked: the code is used up,
   the acceptance recorded (the current version and its SHA-256, name, email, time, client address and user agent,
   the address the code went to), the version frozen, the status set to ACCEPTED through the quote's event (the
   sender is notified at once), and archived too when the organization says so. The certificate PDF is rendered
   and stored before that transaction and removed again if it fails: nothing half-written either way.
3. `decline`, with an optional reason.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts.models import Organization
from portico.activity.models import ActivityKind
from portico.actors import Actor, ActorKind
from portico.customers.models import Contact, Customer
from portico.errors import DomainError, NotAllowed, NotFound
from portico.hubs import quota
from portico.mail.outbox import enqueue_rendered
from portico.mail.templates import render
from portico.notifications import clock
from portico.quotes import codes
from portico.quotes.acceptance_models import QuoteAcceptance
from portico.quotes.certificate import CertificateFacts, render_certificate
from portico.quotes.events import publish_events, record_event
from portico.quotes.models import Quote, QuoteStatus, QuoteVersion
from portico.realtime.base import Broker
from portico.settings import Settings
from portico.storage.base import Storage
from portico.storage.errors import StorageUnavailable
from portico.validation import Checker

MAX_REASON = 2000


@dataclass(frozen=True)
class Answerer:
    """Who is answering: a contact, or a link's visitor (then `link_id`)."""

    contact: Contact | None
    link_id: int | None


async def answerable_quote(actor: Actor, quote_id: int) -> tuple[Quote, Answerer]:
    """The quote as the customer side sees it; staff get NOT_ALLOWED (on a quote they see) or NOT_FOUND."""
    actor.require_signed_in()
    quote = await policy.quotes_visible_to(actor).filter(id=quote_id).first()
    if quote is None:
        raise NotFound("Quote", "quoteId")
    if actor.kind is ActorKind.QUOTE_VISITOR and actor.quote_link is not None:
        return quote, Answerer(None, actor.quote_link.id)
    if actor.kind is ActorKind.CONTACT and actor.contact is not None:
        return quote, Answerer(actor.contact, None)
    raise NotAllowed("Only the customer can accept or decline a quote.", "quoteId")


async def request_code(
    settings: Settings, actor: Actor, *, quote_id: int, email: str | None = None, full_name: str | None = None
) -> str:
    """Email an identity code to whoever is about to accept; returns the address, partly hidden."""
    quote, who = await answerable_quote(actor, quote_id)
    check = Checker()
    if who.contact is not None:
        address, name, first_name = who.contact.email, f"{who.contact.first_name} {who.contact.last_name}", \
            who.contact.first_name
        if not address:
            raise DomainError("NO_EMAIL", "We have no email address for you; ask the person who sent the quote.")
    else:
        address = check.email(email) or ""
        name = check.text(full_name, "fullName", "Your full name", max_length=200, single_line=True)
        first_name = ""
    check.raise_if_any()
    organization = await Organization.get(id=quote.organization_id)
    _require_open(quote, organization)
    async with in_transaction() as connection:
        code = await codes.issue(
            settings, quote_id=quote.id, email=address, ip=actor.ip, contact_id=who.contact.id if who.contact else None,
            link_id=who.link_id, full_name=name.strip(), connection=connection,
        )
        rendered = render(
            "quote_acceptance_code", quote.language, organization=organization.name, first_name=first_name,
            code=code, valid_minutes=int(codes.CODE_LIFETIME.total_seconds() // 60), quote_title=quote.title,
            quote_number=quote.number, link=f"{settings.public_url}/hub" if who.contact else settings.public_url,
        )
        await enqueue_rendered(
            rendered, to=address, kind="quote_acceptance_code", organization_id=quote.organization_id,
            secrets=[code],
        )
    return codes.mask_email(address)


async def accept(
    settings: Settings, storage: Storage, actor: Actor, *, quote_id: int, code: str, full_name: str,
    email: str | None = None, broker: Broker | None = None,
) -> QuoteAcceptance:
    """Accept the quote's current version with the emailed code (see the module docstring). With `broker`, the
    events go to the live feed and notify the sender once committed."""
    quote, who = await answerable_quote(actor, quote_id)
    check = Checker()
    name = check.text(full_name, "fullName", "Your full name", max_length=200, single_line=True)
    address = who.contact.email if who.contact is not None else check.email(email)
    check.raise_if_any()
    if not address:
        raise DomainError("NO_EMAIL", "We have no email address for you; ask the person who sent the quote.")
    organization = await Organization.get(id=quote.organization_id)
    _require_open(quote, organization)
    identity = await codes.verify(
        settings, quote_id=quote.id, email=address, entered=code, link_id=who.link_id
    )
    version = await QuoteVersion.filter(quote_id=quote.id, number=quote.version_number).first()
    if version is None:
        raise DomainError("NO_VERSION", "This quote has no document to accept yet.", "quoteId")
    customer = await Customer.get(id=quote.customer_id)
    moment = datetime.now(UTC)
    facts = CertificateFacts(
        certificate_id=f"QAC-{secrets.token_hex(8).upper()}", organization=organization.name, customer=customer.name,
        quote_number=quote.number, quote_title=quote.title, version_number=version.number,
        version_sha256=version.sha256, version_filename=version.filename, accepted_by_name=name,
        accepted_by_email=address, accepted_at=moment, organization_timezone=organization.timezone,
        client_address=actor.ip, user_agent=actor.user_agent, code_sent_to=identity.email,
        language=quote.language,
    )
    pdf = await asyncio.to_thread(render_certificate, facts)  # CPU-bound (font subsetting): off the loop
    key = f"org/{organization.id}/quote-certificates/{uuid.uuid4()}.pdf"
    try:
        await storage.put_stream(key, _one_chunk(pdf), content_type="application/pdf")
    except StorageUnavailable:
        # Nothing was written and the code is still unused: the customer can simply try again.
        raise DomainError(
            "STORAGE_UNAVAILABLE", "We could not record your acceptance just now. Please try again in a minute.",
            None,
        ) from None
    try:
        async with in_transaction() as connection:
            locked = await Quote.filter(id=quote.id).using_db(connection).select_for_update().get()
            _require_open(locked, organization)
            if locked.version_number != version.number:
                raise DomainError("QUOTE_CHANGED", "The quote changed while you were accepting it: look at the "
                                  "new version first.", "quoteId")
            await codes.claim(identity, connection)
            acceptance = await QuoteAcceptance.create(
                organization_id=organization.id, quote_id=quote.id, version_id=version.id,
                version_number=version.number, version_sha256=version.sha256, full_name=name, email=address,
                contact_id=who.contact.id if who.contact else None, link_id=who.link_id, accepted_at=moment,
                ip=actor.ip[:64], user_agent=actor.user_agent[:300], code_sent_to=identity.email,
                certificate_id=facts.certificate_id, certificate_key=key, certificate_size=len(pdf),
                certificate_sha256=_sha256(pdf), using_db=connection,
            )
            # A certificate is a record of what the customer did: it is counted, never refused for lack of space.
            await quota.charge(organization.id, len(pdf), connection)
            await QuoteVersion.filter(id=version.id).using_db(connection).update(frozen=True)
            # A visitor is named by what they typed; a contact by their contact record (events.record_event).
            who_acted = replace(actor, visitor_name=name)
            recorded = [await record_event(who_acted, locked, ActivityKind.QUOTE_ACCEPTED, now=moment)]
            if organization.archive_quotes_on_acceptance:
                recorded.append(await record_event(who_acted, locked, ActivityKind.QUOTE_ARCHIVED, now=moment))
    except BaseException:
        await storage.delete(key)
        raise
    if broker is not None:
        await publish_events(broker, recorded)
    return acceptance


async def decline(
    actor: Actor, *, quote_id: int, reason: str | None = None, full_name: str | None = None,
    broker: Broker | None = None,
) -> Quote:
    """Decline the quote, with an optional reason (and, for a visitor, the name they give)."""
    quote, _ = await answerable_quote(actor, quote_id)
    check = Checker()
    cleaned = check.text(reason, "reason", "The reason", max_length=MAX_REASON, required=False)
    check.raise_if_any()
    organization = await Organization.get(id=quote.organization_id)
    async with in_transaction() as connection:
        locked = await Quote.filter(id=quote.id).using_db(connection).select_for_update().get()
        _require_open(locked, organization)
        event = await record_event(
            replace(actor, visitor_name=(full_name or "").strip()[:200]), locked, ActivityKind.QUOTE_DECLINED,
            detail=cleaned[:300], changes={"decline_reason": cleaned},
        )
    if broker is not None:
        await publish_events(broker, [event])
    return await Quote.get(id=quote.id)


def _require_open(quote: Quote, organization: Organization) -> None:
    """Refuse an answer once the quote is answered, archived, expired, or past its last day."""
    closed = {
        QuoteStatus.ACCEPTED: ("ALREADY_ACCEPTED", "This quote has already been accepted."),
        QuoteStatus.DECLINED: ("ALREADY_DECLINED", "This quote has already been declined."),
        QuoteStatus.EXPIRED: ("QUOTE_EXPIRED", "This quote has expired: ask the sender for a new one."),
        QuoteStatus.ARCHIVED: ("QUOTE_ARCHIVED", "This quote has been archived and can no longer be answered."),
        QuoteStatus.DRAFT: ("NOT_PUBLISHED", "This quote has not been sent yet."),
    }.get(quote.status)
    if closed is not None:
        raise DomainError(closed[0], closed[1], "quoteId")
    if quote.expires_on is not None and quote.expires_on < _today(organization):
        raise DomainError("QUOTE_EXPIRED", "This quote has expired: ask the sender for a new one.", "quoteId")


def _today(organization: Organization) -> date:
    """`expires_on` is the last day in the organization's own zone (a quote valid "until the 31st" is valid all
    that day where the vendor is)."""
    return clock.today_in(organization.timezone)


async def _one_chunk(data: bytes) -> AsyncIterator[bytes]:
    yield data


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
