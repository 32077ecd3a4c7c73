"""A quote's recipients in one query (issue 8, point 4): `policy.contacts_who_see_quote` answers, for every contact
of both organizations, exactly what `policy.can_see_quote` answers as that contact, whatever the quote's visibility,
status, portal state and its customer's switches; and the quote's emails (published, changed) and its reminders
cost the same SQL statements for 2 recipients as for 50."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from portico import policy
from portico.customers.models import Contact, Customer
from portico.mail.models import OutboxEmail
from portico.quotes.emails import queue_quote_emails
from portico.quotes.models import Quote, QuoteStatus, QuoteVisibility
from portico.quotes.recipients import quote_recipients
from portico.quotes.reminders import remind
from tests.quotes.reminder_world import SENT, SETTINGS
from tests.quotes.world import QuoteWorld, build_quote_world, contact_actor, make_quote
from tests.sqlcount import count_sql

pytestmark = pytest.mark.usefixtures("db")


async def _seen_one_by_one(quote: Quote, contacts: list[Contact]) -> set[int]:
    """Who sees the quote, asked the queryset way: `can_see_quote` as each contact in turn."""
    seen = set()
    for contact in contacts:
        customer = await Customer.get(id=contact.customer_id).prefetch_related("organization")
        if await policy.can_see_quote(contact_actor(contact, customer.organization, customer), quote):
            seen.add(contact.id)
    return seen


async def _quotes(w: QuoteWorld) -> list[Quote]:
    quotes = [
        await make_quote(w, "ALL"),
        await make_quote(w, "ONE", visibility=QuoteVisibility.ONE_CONTACT, contact_id=w.colleague.id),
        await make_quote(w, "LINK", visibility=QuoteVisibility.PUBLIC_LINK),
        await make_quote(w, "DRAFT", status=QuoteStatus.DRAFT),
        await make_quote(w, "ACCEPTED", status=QuoteStatus.ACCEPTED),
        await make_quote(w, "REMOVED", removed_at=datetime.now(UTC)),
        await make_quote(w, "OTHER", customer=w.customer_other),
        await make_quote(w, "FOREIGN", customer=await Customer.get(id=w.foreign_contact.customer_id),
                         sender=w.foreign_admin),
    ]
    for status in (QuoteStatus.DECLINED, QuoteStatus.EXPIRED):
        quotes.append(await make_quote(w, status.value, status=status))
    return quotes


async def test_the_quotes_audience_is_what_each_contact_would_be_shown() -> None:
    w = await build_quote_world()
    contacts = list(await Contact.all().order_by("id"))
    quotes = await _quotes(w)

    async def agree() -> dict[str, set[int]]:
        answers = {}
        for quote in quotes:
            await quote.refresh_from_db()
            at_once = {c.id for c in await policy.contacts_who_see_quote(quote)}
            assert at_once == await _seen_one_by_one(quote, contacts), quote.number
            answers[quote.number] = at_once
        return answers

    seen = await agree()
    assert seen["ALL"] == {w.contact.id, w.colleague.id} and seen["ONE"] == {w.colleague.id}
    assert seen["OTHER"] == {w.contact_other.id} and seen["FOREIGN"] == {w.foreign_contact.id}
    assert seen["LINK"] == seen["DRAFT"] == seen["REMOVED"] == set()
    # The customer's switches: the QUOTES module off, then hub access off; each hides every quote of it.
    w.customer.modules = ["DOCUMENTS"]
    await w.customer.save()
    hidden = await agree()
    assert not any(hidden[n] for n in ("ALL", "ONE", "ACCEPTED"))
    w.customer.modules = ["DOCUMENTS", "QUOTES"]
    w.customer.hub_access = False
    await w.customer.save()
    hidden = await agree()
    assert not any(hidden[n] for n in ("ALL", "ONE", "ACCEPTED"))
    w.customer.hub_access = True
    await w.customer.save()
    assert (await agree())["ALL"] == {w.contact.id, w.colleague.id}
    # A contact's own hub access is no part of seeing (it decides signing in): recipients need both.
    await Contact.filter(id=w.colleague.id).update(hub_access=False)
    assert (await agree())["ALL"] == {w.contact.id, w.colleague.id}
    assert [c.id for c in await quote_recipients(quotes[0])] == [w.contact.id]


async def _customer_with(w: QuoteWorld, name: str, n: int) -> Customer:
    customer = await Customer.create(organization=w.org, kind=w.customer.kind, name=name, name_key=name.lower(),
                                     hub_access=True, modules=["QUOTES"])
    await Contact.bulk_create([
        Contact(customer=customer, organization_id=w.org.id, first_name=f"Person{i}", last_name=name,
                email=f"person{i}@{name.lower()}.example")
        for i in range(n)
    ])
    return customer


async def test_a_quotes_emails_and_reminders_cost_the_same_for_2_and_50_recipients() -> None:
    w = await build_quote_world()
    small = await make_quote(w, "S-1", customer=await _customer_with(w, "Small", 2), sent_at=SENT,
                             remind_unopened_days=1)
    large = await make_quote(w, "L-1", customer=await _customer_with(w, "Large", 50), sent_at=SENT,
                             remind_unopened_days=1)

    async def statements(quote: Quote, send: str) -> tuple[int, int]:
        before = await OutboxEmail.all().count()
        with count_sql() as counter:
            if send == "REMINDER":
                assert await remind(SETTINGS, quote.id, now=SENT + timedelta(days=1)) > 0
            else:
                assert await queue_quote_emails(SETTINGS, quote, send)
        return len(counter.statements), await OutboxEmail.all().count() - before

    for send in ("PUBLISHED", "CHANGED", "REMINDER"):
        few, sent_few = await statements(small, send)
        many, sent_many = await statements(large, send)
        assert (sent_few, sent_many) == (2, 50), send
        assert few == many, (send, few, many)
