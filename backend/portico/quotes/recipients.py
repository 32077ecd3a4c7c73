"""Who a quote is for: the contacts who see it in their hub (policy decides), with an address to email."""

from __future__ import annotations

from portico import policy
from portico.actors import Actor, ActorKind
from portico.customers.models import Contact, Customer
from portico.quotes.models import Quote, QuoteVisibility


async def quote_recipients(quote: Quote, *, with_email: bool = True) -> list[Contact]:
    """The contacts the quote is addressed to (ONE_CONTACT: that one; ALL_CONTACTS: every contact with hub access;
    PUBLIC_LINK: none, the link's visitor is nobody's contact) who can see it now by `policy.quotes_visible_to`
    (hub access, the QUOTES module, not a draft, not removed). Ordered by id."""
    if quote.visibility is QuoteVisibility.PUBLIC_LINK:
        return []
    contacts = policy.contacts_with_hub_access().filter(customer_id=quote.customer_id)
    if quote.visibility is QuoteVisibility.ONE_CONTACT:
        contacts = contacts.filter(id=quote.contact_id)
    if with_email:
        contacts = contacts.filter(email__not_isnull=True).exclude(email="")
    found = await contacts.order_by("id").select_related("organization")
    if not found:
        return []
    customer = await Customer.get(id=quote.customer_id)
    allowed = []
    for contact in found:
        contact.customer = customer
        actor = Actor(kind=ActorKind.CONTACT, organization=contact.organization, contact=contact)
        # The same rule as the hub itself: whoever is emailed can open what the email is about.
        if await policy.can_see_quote(actor, quote):
            allowed.append(contact)
    return allowed
