"""The emails a quote sends its recipients: "you have a quote" when published, "it changed" on a new version.

Written to the outbox inside the caller's transaction (the email belongs to the step that caused it). Each
recipient's QUOTES_FOR_ME setting decides: NEVER sends nothing (the quote waits in their hub); IMMEDIATELY and
DAILY_DIGEST both send it now - a quote is one personal document with a deadline, and the digest groups activity,
not documents waiting for an answer. Each email carries a personal hub link (a sign-in link, like a share's).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from portico.accounts import onetime
from portico.accounts.models import Member, Organization
from portico.customers.models import Contact
from portico.hubs import signin
from portico.mail import outbox
from portico.mail.formats import format_amount
from portico.mail.templates import render
from portico.notifications import unsubscribe
from portico.notifications.kinds import Delivery, NotificationKind
from portico.notifications.preferences import delivery_of, settings_for
from portico.quotes.models import Quote
from portico.quotes.recipients import quote_recipients
from portico.settings import Settings

KIND = NotificationKind.QUOTES_FOR_ME


def _amount(quote: Quote) -> str:
    if quote.amount is None or not quote.currency:
        return ""
    return format_amount(quote.amount, quote.currency, quote.language)


async def wanting_email(contacts: Sequence[Contact]) -> list[Contact]:
    """Of these contacts, those whose QUOTES_FOR_ME setting is not NEVER."""
    _, rows = await settings_for(contact_ids=[c.id for c in contacts])
    return [c for c in contacts if delivery_of(rows.get(c.id), KIND) is not Delivery.NEVER]


async def queue_quote_emails(settings: Settings, quote: Quote, kind: str) -> list[Contact]:
    """Queue the PUBLISHED or CHANGED email to each recipient who wants it; returns who was emailed."""
    recipients = await wanting_email(await quote_recipients(quote))
    if not recipients:
        return []
    organization = await Organization.get(id=quote.organization_id)
    sender = await Member.filter(id=quote.sender_id).first() if quote.sender_id else None
    links = await signin.issue_links(settings, recipients)
    emails = []
    for contact, link in zip(recipients, links, strict=True):
        rendered = render(
            "quote_sent", quote.language, organization=organization.name, link=link, kind=kind,
            title=quote.title, number=quote.number, first_name=contact.first_name,
            sender_name=sender.full_name if sender else "", amount=_amount(quote),
            expires_on=quote.expires_on.isoformat() if quote.expires_on else "", message=quote.message,
            version=str(quote.version_number), unsubscribe_link=unsubscribe.link(settings, contact, KIND),
        )
        assert contact.email is not None
        emails.append(outbox.queued(
            to=contact.email, subject=rendered.subject, html=rendered.html, text=rendered.text,
            kind=f"quote_{kind.lower()}", organization_id=organization.id,
            reply_to=sender.email if sender else None, secrets=[onetime.token_in(link)],
            headers=unsubscribe.headers(settings, contact, KIND),
        ))
    await outbox.enqueue_all(emails)
    await Contact.filter(id__in=[c.id for c in recipients]).update(invited_at=datetime.now(UTC))
    return recipients
