"""The quotes list: the caller's visible quotes narrowed by status, customer, sender, "sent N days ago, not
opened" and a search on number and title (the query of `quotes(...)`; paging is the caller's)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from portico import policy
from portico.actors import Actor
from portico.errors import DomainError
from portico.quotes.models import Quote, QuoteStatus
from portico.quotes.validation import MAX_DAYS
from portico.validation import search_term


def list_quotes(
    actor: Actor,
    *,
    statuses: Sequence[QuoteStatus] = (),
    customer_id: int | None = None,
    sender_id: int | None = None,
    not_opened_for_days: int | None = None,
    search: str | None = None,
    now: datetime | None = None,
) -> QuerySet[Quote]:
    qs = policy.quotes_visible_to(actor)
    if statuses:
        qs = qs.filter(status__in=list(statuses))
    if customer_id is not None:
        qs = qs.filter(customer_id=customer_id)
    if sender_id is not None:
        qs = qs.filter(sender_id=sender_id)
    if not_opened_for_days is not None:
        if not 0 <= not_opened_for_days <= 10 * MAX_DAYS:
            raise DomainError("INVALID_DAYS", "Give a number of days from 0 to 3650.", "notOpenedForDays")
        # "Sent N days ago, not opened": sent at least N days ago and still SENT (no contact has opened it).
        cutoff = (now or datetime.now(UTC)) - timedelta(days=not_opened_for_days)
        qs = qs.filter(status=QuoteStatus.SENT, sent_at__lte=cutoff)
    term = search_term(search)
    if term:
        qs = qs.filter(Q(number__icontains=term) | Q(title__icontains=term))
    return qs


_TRAILING_NUMBER = re.compile(r"^(.*?)(\d+)$")


async def next_quote_number(actor: Actor) -> str | None:
    """A suggestion for a sender's next quote number: the organization's newest number with its trailing digits
    counted up (zero padding kept: Q-2027-009 -> Q-2027-010), skipping numbers taken; "Q-0001" for a first quote.

    Numbers are unique per organization, so the suggestion looks at all of its quotes: it reveals one number, not
    what a quote the caller cannot see is about. None for whoever may not send quotes."""
    if not policy.can_send_quotes(actor):
        return None
    numbers = Quote.filter(organization_id=actor.organization_id)
    newest = await numbers.order_by("-id").first().values_list("number", flat=True)
    match = _TRAILING_NUMBER.match(str(newest)) if newest else None
    prefix, digits = (match.group(1), match.group(2)) if match else ("Q-", "0000")
    value = int(digits)
    for _ in range(50):
        value += 1
        candidate = f"{prefix}{str(value).zfill(len(digits))}"
        if not await numbers.filter(number=candidate).exists():
            return candidate
    return None
