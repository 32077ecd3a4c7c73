"""Share with a colleague (seed 000): a contact gives one document to a colleague, who becomes a tracked contact.

The colleague gets that one document (a `DocumentGrant`), not the share it came with: what the dialog promises is
what their hub shows. Each contact may do this SHARES_PER_HOUR times an hour, because it makes the vendor email any
address the contact types.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portico.accounts.onetime import token_in
from portico.activity import services as activity
from portico.activity.models import ActivityEvent, ActivityKind
from portico.actors import Actor
from portico.customers.models import Contact, Customer, CustomerKind
from portico.errors import DomainError
from portico.hubs.access import visible_document
from portico.hubs.models import Document, DocumentGrant, Share
from portico.hubs.services import hub_link
from portico.mail.outbox import enqueue_rendered
from portico.mail.templates import render
from portico.settings import Settings
from portico.validation import Checker

SHARES_PER_HOUR = 10


async def share_with_colleague(
    actor: Actor, settings: Settings, *, document_id: int, first_name: str, last_name: str, email: str
) -> tuple[Contact, ActivityEvent]:
    """The colleague becomes a contact of the same company (or is one already), is granted the document, and gets
    an email. The event is attributed to the document's share, so its sender sees it in their feed."""
    inviter = actor.require_contact()
    document = await visible_document(actor, document_id)
    check = Checker()
    first = check.text(first_name, "firstName", "First name", max_length=100, single_line=True)
    last = check.text(last_name, "lastName", "Last name", max_length=100, single_line=True)
    address = check.email(email)
    check.raise_if_any()
    assert address is not None
    if address == (inviter.email or "").lower():
        raise DomainError("OWN_ADDRESS", "That is your own email address; enter your colleague's.", "email")
    customer = await Customer.get(id=inviter.customer_id)
    if customer.kind is CustomerKind.PERSON:
        raise DomainError("PERSON_HAS_ONE_CONTACT", "A private person's hub cannot be shared with colleagues.", None)
    share = await Share.get(id=document.share_id) if document.share_id else None
    try:
        async with in_transaction():
            await _count_against_hourly_limit(inviter)
            colleague = await _colleague(customer, inviter, first, last, address)
            await DocumentGrant.bulk_create(
                [DocumentGrant(organization_id=customer.organization_id, document=document, contact=colleague,
                               granted_by=inviter)],
                ignore_conflicts=True,  # granted before: the email goes out again, the grant stays one row
            )
            event = await activity.record(
                actor, ActivityKind.SHARED_WITH_COLLEAGUE, customer_id=customer.id, hub_id=document.hub_id,
                document=document, share=share, detail=address,
            )
            await _email(actor, settings, inviter, colleague, document, share)
    except IntegrityError:
        raise DomainError("EMAIL_TAKEN", "This colleague is already a contact.", "email") from None
    return colleague, event


async def _count_against_hourly_limit(inviter: Contact) -> None:
    """Refuse the (SHARES_PER_HOUR + 1)-th share within an hour. The inviter's row is locked first (PostgreSQL; SQLite
    runs one write transaction at a time), so parallel requests are counted one after the other."""
    await Contact.filter(id=inviter.id).select_for_update().first()
    since = datetime.now(UTC) - timedelta(hours=1)
    recent = await ActivityEvent.filter(
        contact_id=inviter.id, kind=ActivityKind.SHARED_WITH_COLLEAGUE, occurred_at__gte=since
    ).count()
    if recent >= SHARES_PER_HOUR:
        raise DomainError(
            "TOO_MANY_SHARES",
            f"You have shared {SHARES_PER_HOUR} documents with colleagues in the last hour. Try again later.",
            None,
        )


async def _colleague(customer: Customer, inviter: Contact, first: str, last: str, address: str) -> Contact:
    colleague = await Contact.filter(customer_id=customer.id, email=address).first()
    if colleague is None:
        return await Contact.create(
            customer=customer, organization_id=customer.organization_id, first_name=first, last_name=last,
            email=address, hub_access=True, invited_by=inviter,
        )
    if not colleague.hub_access:
        raise DomainError("NO_HUB_ACCESS", "This colleague's hub access is switched off.", "email")
    return colleague


async def _email(
    actor: Actor, settings: Settings, inviter: Contact, colleague: Contact, document: Document, share: Share | None
) -> None:
    assert colleague.email is not None
    link = await hub_link(settings, colleague)
    rendered = render(
        "colleague_invitation",
        share.language if share else "en",
        organization=(actor.organization.name if actor.organization else ""),
        sharer_name=inviter.full_name,
        first_name=colleague.first_name,
        document_name=document.name,
        link=link,
    )
    await enqueue_rendered(
        rendered, to=colleague.email, kind="colleague_invitation", organization_id=colleague.organization_id,
        secrets=[token_in(link)],
    )
