"""Quote operations for staff: create (a draft, or sent at once), change, publish, new version, archive.

Each takes the caller (`Actor`), checks it through `policy`, checks its input (every problem at once, with its
field), and writes in one transaction; the activity events it returns are published by the caller after commit
(`quotes.events.publish_events`). A quote the caller cannot see is "not found", like one that does not exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portico import policy
from portico.activity.models import ActivityEvent, ActivityKind
from portico.actors import Actor
from portico.customers.models import Contact, Customer
from portico.errors import DomainError, NotFound
from portico.notifications import clock
from portico.quotes import emails
from portico.quotes.events import record_event
from portico.quotes.models import CLOSED_STATUSES, Quote, QuoteStatus, QuoteVersion, QuoteVisibility
from portico.quotes.validation import UNSET, check_quote_fields
from portico.quotes.versions import claim_quote_uploads, current_version, store_version
from portico.settings import Settings
from portico.validation import Checker


@dataclass
class Outcome:
    """What an operation did: the quote (fresh), the version it made (if any), the events to publish."""

    quote: Quote
    version: QuoteVersion | None = None
    events: list[ActivityEvent] = field(default_factory=list)
    emailed: list[Contact] = field(default_factory=list)
    changed: bool = True


async def visible_quote(actor: Actor, quote_id: int, field_name: str = "quoteId") -> Quote:
    """A quote the caller may change (`policy.quotes_open_for_change`); NotFound otherwise."""
    quote = await policy.quotes_open_for_change(actor).filter(id=quote_id).first()
    if quote is None:
        raise NotFound("Quote", field_name)
    return quote


async def _customer(actor: Actor, customer_id: int) -> Customer:
    customer = await policy.customers_open_for_quotes(actor).filter(id=customer_id).first()
    if customer is None:
        raise NotFound("Customer", "customerId")
    return customer


async def _check_recipient(check: Checker, customer: Customer, visibility: QuoteVisibility,
                           contact_id: int | None) -> int | None:
    """ONE_CONTACT needs a contact of this customer; the other visibilities take none."""
    if visibility is not QuoteVisibility.ONE_CONTACT:
        return None
    if contact_id is None:
        check.add("REQUIRED", "Choose the contact who sees the quote.", "contactId")
        return None
    if not await Contact.filter(id=contact_id, customer_id=customer.id).exists():
        check.add("NOT_FOUND", "Contact not found.", "contactId")
    return contact_id


def _unique_violation(error: IntegrityError, fields_: dict[str, Any]) -> DomainError:
    text = str(error).lower()
    if "external_ref" in text:
        return DomainError("DUPLICATE_EXTERNAL_REF", "Another quote has this external reference.", "externalRef")
    return DomainError("DUPLICATE_NUMBER", f"Quote number {fields_.get('number', '')!r} is already used.", "number")


async def _refuse_taken_number(organization_id: int, number: str | None, except_id: int | None = None) -> None:
    if number is None:
        return
    taken = Quote.filter(organization_id=organization_id, number=number)
    if except_id is not None:
        taken = taken.exclude(id=except_id)
    if await taken.exists():
        raise DomainError("DUPLICATE_NUMBER", f"Quote number {number!r} is already used.", "number")


async def create_quote(
    actor: Actor,
    settings: Settings,
    *,
    customer_id: int,
    upload_id: str,
    attachment_upload_ids: Sequence[str] = (),
    contact_id: int | None = None,
    publish: bool = False,
    today: date | None = None,
    **raw: Any,
) -> Outcome:
    """A new quote with its first version (the PDF upload and attachments); sent at once with `publish`.

    `raw`: number, title, amount, currency, message, language, visibility, expires_on, remove_after_days,
    external_ref, notify_on_publish, remind_*_days."""
    member = policy.require_quote_sender(actor)
    customer = await _customer(actor, customer_id)
    check = Checker()
    # The organization's day: `expires_on` is a quote's last day where the vendor is (acceptance, expiry).
    values = check_quote_fields(check, raw, creating=True, today=today or clock.today_for(actor))
    if "visibility" in values:
        values["contact_id"] = await _check_recipient(check, customer, values["visibility"], contact_id)
    check.raise_if_any()
    await _refuse_taken_number(customer.organization_id, values["number"])
    now = datetime.now(UTC)
    try:
        async with in_transaction():
            quote = await Quote.create(
                organization_id=customer.organization_id, customer_id=customer.id, sender_id=member.id, **values,
            )
            pdf, attachments = await claim_quote_uploads(actor, upload_id, attachment_upload_ids)
            version = await store_version(quote, pdf, attachments, created_by_id=member.id, now=now)
            outcome = Outcome(quote, version)
            if publish:
                await _publish(actor, settings, outcome)
    except IntegrityError as error:
        raise _unique_violation(error, values) from error
    return outcome


async def _publish(actor: Actor, settings: Settings, outcome: Outcome) -> None:
    quote = outcome.quote
    if quote.version_number == 0:
        raise DomainError("NO_VERSION", "Add the quote's PDF before sending it.", "quoteId")
    outcome.events.append(await record_event(actor, quote, ActivityKind.QUOTE_PUBLISHED))
    if quote.notify_on_publish:
        outcome.emailed = await emails.queue_quote_emails(settings, quote, "PUBLISHED")


async def publish_quote(actor: Actor, settings: Settings, *, quote_id: int) -> Outcome:
    """Send a draft: the customer's contacts it is addressed to see it (and are emailed if it says so)."""
    policy.require_quote_sender(actor)
    quote = await visible_quote(actor, quote_id)
    outcome = Outcome(quote)
    async with in_transaction():
        await _publish(actor, settings, outcome)
    return outcome


async def update_quote(
    actor: Actor, *, quote_id: int, contact_id: Any = UNSET, today: date | None = None, **raw: Any
) -> Outcome:
    """Change what the caller names (UNSET: unchanged). A closed quote (accepted, declined, expired, archived)
    keeps its terms: only its removal period may still change. The number changes only while a draft."""
    policy.require_quote_sender(actor)
    quote = await visible_quote(actor, quote_id)
    # Amount and currency are checked together: the one not given is the quote's own.
    given = {k for k in ("amount", "currency") if raw.get(k, UNSET) is not UNSET}
    if given == {"amount"}:
        raw["currency"] = quote.currency
    elif given == {"currency"}:
        raw["amount"] = quote.amount
    check = Checker()
    values = check_quote_fields(check, raw, creating=False, today=today or clock.today_for(actor))
    if quote.status in CLOSED_STATUSES and set(values) - {"remove_after_days"}:
        raise DomainError("QUOTE_CLOSED", f"This quote is {quote.status.value.lower()}: it can no longer be changed.",
                          "quoteId")
    if "number" in values and values["number"] != quote.number and quote.status is not QuoteStatus.DRAFT:
        check.add("ALREADY_SENT", "The number of a sent quote cannot change.", "number")
    visibility = values.get("visibility", quote.visibility)
    if "visibility" in values or contact_id is not UNSET:
        customer = await Customer.get(id=quote.customer_id)
        wanted = quote.contact_id if contact_id is UNSET else contact_id
        values["contact_id"] = await _check_recipient(check, customer, visibility, wanted)
    check.raise_if_any()
    if "number" in values:
        await _refuse_taken_number(quote.organization_id, values["number"], except_id=quote.id)
    if not values:
        return Outcome(quote, changed=False)
    try:
        async with in_transaction():
            locked = await Quote.filter(id=quote.id).select_for_update().get()
            if locked.status in CLOSED_STATUSES and set(values) - {"remove_after_days"}:
                raise DomainError("QUOTE_CLOSED", "This quote can no longer be changed.", "quoteId")
            values["updated_at"] = datetime.now(UTC)
            await Quote.filter(id=quote.id).update(**values)
    except IntegrityError as error:
        raise _unique_violation(error, values) from error
    return Outcome(await Quote.get(id=quote.id))


async def add_quote_version(
    actor: Actor, settings: Settings, *, quote_id: int, upload_id: str, attachment_upload_ids: Sequence[str] = (),
    notify: bool = True,
) -> Outcome:
    """A new PDF (and attachments) for the quote; the previous version is kept. Once sent, the change is an event
    (QUOTE_VERSION_ADDED) and, with `notify`, the recipients are emailed "the quote changed"."""
    member = policy.require_quote_sender(actor)
    quote = await visible_quote(actor, quote_id)
    async with in_transaction():
        locked = await Quote.filter(id=quote.id).select_for_update().get()
        pdf, attachments = await claim_quote_uploads(actor, upload_id, attachment_upload_ids)
        version = await store_version(locked, pdf, attachments, created_by_id=member.id, now=datetime.now(UTC))
        outcome = Outcome(locked, version)
        await _announce_version(actor, settings, outcome, notify)
    return outcome


async def _announce_version(actor: Actor, settings: Settings, outcome: Outcome, notify: bool) -> None:
    quote, version = outcome.quote, outcome.version
    if quote.status is QuoteStatus.DRAFT or version is None:
        return  # nobody has seen it yet: nothing changed for them
    detail = f"{quote.number} {quote.title} (version {version.number})"
    outcome.events.append(await record_event(actor, quote, ActivityKind.QUOTE_VERSION_ADDED, detail=detail))
    if notify:
        outcome.emailed = await emails.queue_quote_emails(settings, quote, "CHANGED")


async def archive_quote(actor: Actor, *, quote_id: int) -> Outcome:
    """Archive a quote (any status but archived): it leaves the active lists; contacts still see it until it is
    removed from the portal; its history stays."""
    policy.require_quote_sender(actor)
    quote = await visible_quote(actor, quote_id)
    async with in_transaction():
        event = await record_event(actor, quote, ActivityKind.QUOTE_ARCHIVED)
    return Outcome(quote, events=[event])


__all__ = [
    "Outcome", "add_quote_version", "archive_quote", "create_quote", "current_version", "publish_quote",
    "update_quote", "visible_quote",
]
