"""Who a quote is for: the contacts who see it in their hub (policy decides), with an address to email."""

from __future__ import annotations

from tortoise.expressions import Subquery

from portico import policy
from portico.customers.models import Contact
from portico.quotes.models import Quote


async def quote_recipients(quote: Quote, *, with_email: bool = True) -> list[Contact]:
    """The contacts the quote is addressed to (ONE_CONTACT: that one; ALL_CONTACTS: every contact with hub access;
    PUBLIC_LINK: none, the link's visitor is nobody's contact) who can see it now by `policy.quotes_visible_to`
    (hub access, the QUOTES module, not a draft, not removed). Ordered by id.

    One query whatever the number of contacts (issue 8, point 4): `policy.contacts_who_see_quote` is that rule
    for all of them at once, where this once asked `policy.can_see_quote` contact by contact."""
    # The same rule as the hub itself: whoever is emailed can open what the email is about.
    signing_in = policy.contacts_with_hub_access().filter(customer_id=quote.customer_id).values_list("id", flat=True)
    contacts = policy.contacts_who_see_quote(quote).filter(id__in=Subquery(signing_in))
    if with_email:
        contacts = contacts.filter(email__not_isnull=True).exclude(email="")
    return list(await contacts.order_by("id").select_related("organization"))
