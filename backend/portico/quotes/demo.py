"""Demo quotes for `portico seed-demo`: one sent and opened, one draft, so `make run` shows the quotes list, a
timeline and a hub's Quotes section. Called inside the demo's transaction."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from portico.accounts.models import Member, Organization
from portico.activity.models import ActivityKind
from portico.actors import Actor, ActorKind
from portico.customers.models import Contact, Customer
from portico.quotes.events import record_event
from portico.quotes.models import Quote, QuoteVersion, QuoteVisibility
from portico.storage.base import Storage


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def _quote(storage: Storage, stored: list[str], org: Organization, customer: Customer, sender: Member,
                 number: str, title: str, amount: str, pdf: bytes, made_at: datetime | None = None,
                 **fields: Any) -> Quote:
    quote = await Quote.create(
        organization=org, customer=customer, sender=sender, number=number, title=title, amount=Decimal(amount),
        currency="EUR", message="Hi,\n\nHere is the quote we discussed. Accept it online when you are ready.",
        version_number=1, **fields,
    )
    key = f"org/{org.id}/quotes/{uuid.uuid4()}"
    await storage.put_stream(key, _chunks(pdf), content_type="application/pdf")
    stored.append(key)
    await QuoteVersion.create(
        organization=org, quote=quote, number=1, storage_key=key, filename=f"{number}.pdf",
        content_type="application/pdf", size=len(pdf), sha256=hashlib.sha256(pdf).hexdigest(), created_by=sender,
        # Made before its (backdated) events, as a real one is: the feed names the version they were about.
        created_at=made_at or datetime.now(UTC),
    )
    return quote


async def seed_demo_quotes(storage: Storage, stored: list[str], org: Organization, reps: list[Member],
                           customers: list[Customer], pdf: bytes) -> None:
    """Customers[0]: a quote sent a week ago and opened by its contact; customers[1]: a draft for one contact."""
    fjord, svea = customers[0], customers[1]
    rep = reps[0]
    week_ago = datetime.now(UTC) - timedelta(days=7)
    sent = await _quote(storage, stored, org, fjord, rep, "Q-2027-001", "Warehouse racking, phase 1", "48250.00",
                        pdf, visibility=QuoteVisibility.ALL_CONTACTS, expires_on=date.today() + timedelta(days=21),
                        remind_unopened_days=3, remind_before_expiry_days=5, made_at=week_ago - timedelta(hours=1))
    rep.organization = org
    staff = Actor(kind=ActorKind.MEMBER, organization=org, member=rep)
    await record_event(staff, sent, ActivityKind.QUOTE_PUBLISHED, now=week_ago)
    contact = await Contact.filter(customer_id=fjord.id).order_by("id").first()
    if contact is not None:
        contact.customer = fjord
        viewer = Actor(kind=ActorKind.CONTACT, organization=org, contact=contact)
        await record_event(viewer, sent, ActivityKind.QUOTE_OPENED, now=week_ago + timedelta(days=1))
    one = await Contact.filter(customer_id=svea.id).order_by("id").first()
    await _quote(storage, stored, org, svea, reps[-1], "Q-2027-002", "Site survey and installation", "12900.00",
                 pdf, visibility=QuoteVisibility.ONE_CONTACT, contact=one)
