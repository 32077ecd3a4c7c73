"""Queries of the quotes domain: the quotes list, one quote, the signed-in contact's quotes."""

from __future__ import annotations

import strawberry

from portico import policy
from portico.errors import DomainError
from portico.graphql.context import Info
from portico.graphql.quotes.types import QUOTES, QuoteConnection, QuoteStatus, QuoteType
from portico.graphql.relay import decode_id, edges, keyset_page
from portico.quotes.listing import list_quotes, next_quote_number


@strawberry.type
class QuoteQueries:
    @strawberry.field(description="Quotes the caller may see, newest first, filtered by status (any of), customer, "
                      "sender, 'sent at least N days ago and not opened' (notOpenedForDays) and a search on number "
                      f"and title. Contacts get their own hub's quotes. {QUOTES}")
    async def quotes(
        self,
        info: Info,
        first: int | None = 50,
        after: str | None = None,
        status: list[QuoteStatus] | None = None,  # type: ignore[valid-type]
        customer_id: strawberry.ID | None = None,
        sender_id: strawberry.ID | None = None,
        not_opened_for_days: int | None = None,
        search: str | None = None,
    ) -> QuoteConnection:
        actor = info.context.actor.require_signed_in()
        qs = list_quotes(
            actor,
            statuses=list(status or []),
            customer_id=decode_id(customer_id, "Customer", "customerId") if customer_id else None,
            sender_id=decode_id(sender_id, "Member", "senderId") if sender_id else None,
            not_opened_for_days=not_opened_for_days,
            search=search,
        )
        pairs, page = await keyset_page(qs, first=first, after=after, order=("-id",))
        return QuoteConnection(edges=edges(pairs, QuoteType.from_model), page_info=page, total_count=await qs.count())

    @strawberry.field(description=f"One quote; null when it does not exist or is not visible. {QUOTES}")
    async def quote(self, info: Info, id: strawberry.ID) -> QuoteType | None:
        actor = info.context.actor.require_signed_in()
        try:
            pk = decode_id(id, "Quote", "id")
        except DomainError:
            return None
        quote = await policy.quotes_visible_to(actor).filter(id=pk).first()
        return QuoteType.from_model(quote) if quote else None

    @strawberry.field(description="The signed-in contact's quotes (the hub's Quotes section), newest first; [] for "
                      "staff and when the customer's QUOTES module is off.")
    async def my_quotes(self, info: Info) -> list[QuoteType]:
        actor = info.context.actor.require_signed_in()
        if actor.contact is None:
            return []
        rows = await policy.quotes_visible_to(actor).order_by("-id").limit(200)
        return [QuoteType.from_model(q) for q in rows]

    @strawberry.field(description="A suggestion for the next quote number (the newest number counted up); null for "
                      "whoever may not send quotes.")
    async def next_quote_number(self, info: Info) -> str | None:
        return await next_quote_number(info.context.actor.require_signed_in())
