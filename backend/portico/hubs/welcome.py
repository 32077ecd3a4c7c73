"""The welcome email (seed 001: "Send velkomstmail" / "Gensend velkomstmail") and a contact's invitation status.

The email carries the contact's personal hub link (`hubs/signin.py`), marked as their welcome link: re-sending
replaces it, so the previous welcome email's link stops working. Re-sends are throttled per contact, and the email
goes through the outbox with its token as a secret (redacted once delivered).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts import onetime
from portico.accounts.models import Member, Organization
from portico.actors import Actor
from portico.customers.models import Contact, Customer
from portico.errors import DomainError, NotFound
from portico.hubs import signin
from portico.hubs.models import Share
from portico.hubs.welcome_templates import render_welcome, welcome_template_for
from portico.mail.models import OutboxEmail
from portico.mail.outbox import enqueue_rendered
from portico.mail.templates import normalize_language
from portico.settings import Settings

KIND = "contact_welcome"
RESEND_AFTER = timedelta(seconds=60)
PER_DAY = 5


class InvitationStatus(StrEnum):
    NEVER_INVITED = "NEVER_INVITED"
    INVITED = "INVITED"
    SIGNED_IN = "SIGNED_IN"


@dataclass(frozen=True)
class Status:
    status: InvitationStatus
    since: datetime | None


def status_of(contact: Contact) -> Status:
    """Signed in (newest sign-in) beats invited (newest email with a hub link); else never invited."""
    if contact.last_signed_in_at is not None:
        return Status(InvitationStatus.SIGNED_IN, contact.last_signed_in_at)
    if contact.invited_at is not None:
        return Status(InvitationStatus.INVITED, contact.invited_at)
    return Status(InvitationStatus.NEVER_INVITED, None)


def welcome_blocker(customer: Customer, contact: Contact) -> DomainError | None:
    """Why this contact cannot be sent a welcome email now, or None (the UI shows the reason beside the action)."""
    if not contact.email:
        return DomainError(
            "NO_EMAIL",
            f"{contact.full_name} has no email address, so no welcome email can be sent. "
            "They give their address when they first sign in.",
            "contactId",
        )
    if not customer.hub_access:
        return DomainError(
            "HUB_ACCESS_OFF", f"Switch on hub access for {customer.name} before sending a welcome email.", "contactId"
        )
    if not contact.hub_access:
        return DomainError(
            "CONTACT_HUB_ACCESS_OFF", f"Switch on hub access for {contact.full_name} first.", "contactId"
        )
    return None


async def send_welcome_email(
    actor: Actor, settings: Settings, *, contact_id: int, language: str | None = None
) -> Contact:
    """Send (or re-send) the welcome email to a contact the caller may edit."""
    sender = policy.require_welcome_sender(actor)
    contact = await policy.contacts_visible_to(actor).filter(id=contact_id).first()
    if contact is None:
        raise NotFound("Contact", "contactId")
    customer = await Customer.get(id=contact.customer_id)
    organization = actor.organization
    assert organization is not None
    async with in_transaction():
        return await enqueue_welcome(settings, organization, sender, customer, contact, language=language)


async def enqueue_welcome(
    settings: Settings, organization: Organization, sender: Member, customer: Customer, contact: Contact, *,
    language: str | None = None,
) -> Contact:
    """Queue the welcome email; call inside the transaction of the change that causes it (customer creation...)."""
    blocker = welcome_blocker(customer, contact)
    if blocker is not None:
        raise blocker
    locked = await Contact.filter(id=contact.id).select_for_update().first()  # one send per contact at a time
    assert locked is not None and locked.email is not None
    now = datetime.now(UTC)
    _throttle(locked, now)
    if await OutboxEmail.filter(
        organization_id=organization.id, kind=KIND, to_address=locked.email, created_at__gte=now - timedelta(days=1)
    ).count() >= PER_DAY:
        raise DomainError(
            "TOO_MANY_WELCOMES", f"{locked.full_name} was sent {PER_DAY} welcome emails today. Try again tomorrow.",
            "contactId",
        )
    text = await welcome_template_for(organization.id, await _language(locked, sender, language))
    link = await signin.issue_welcome_link(settings, locked)
    rendered = render_welcome(
        organization.name, text, sender_name=sender.full_name, first_name=locked.first_name, email=locked.email,
        link=link,
    )
    await enqueue_rendered(
        rendered, to=locked.email, kind=KIND, organization_id=organization.id, reply_to=sender.email,
        secrets=[onetime.token_in(link)],
    )
    await Contact.filter(id=locked.id).update(invited_at=now, welcome_sent_at=now)
    locked.invited_at = locked.welcome_sent_at = now
    return locked


def _throttle(contact: Contact, now: datetime) -> None:
    if contact.welcome_sent_at is not None and now - contact.welcome_sent_at < RESEND_AFTER:
        wait = int((RESEND_AFTER - (now - contact.welcome_sent_at)).total_seconds()) + 1
        raise DomainError(
            "TOO_MANY_WELCOMES",
            f"A welcome email was just sent to {contact.full_name}. You can send it again in {wait} seconds.",
            "contactId",
        )


async def _language(contact: Contact, sender: Member, requested: str | None) -> str:
    """The requested language, else that of the newest share to the contact, else the sender's own."""
    if requested:
        return normalize_language(requested)
    newest = await Share.filter(recipients__id=contact.id).order_by("-id").first().values_list("language", flat=True)
    return normalize_language(str(newest) if newest else sender.language)

