"""Queries of the hubs domain: libraries, publications, hubs, activity, the share preview."""

from __future__ import annotations

import strawberry

from portico import policy
from portico.errors import DomainError
from portico.graphql import scopes
from portico.graphql.context import Info
from portico.graphql.hubs.folder_loaders import prime_tree
from portico.graphql.hubs.inputs import ShareInput, share_request
from portico.graphql.hubs.types import (
    ActivityEventConnection,
    ActivityEventType,
    EmailPreview,
    HubType,
    LibraryType,
    PublicationConnection,
    PublicationType,
    asks,
    start_insights,
)
from portico.graphql.relay import decode_id, decode_ids, edges, keyset_page
from portico.hubs import access, reads, services
from portico.libraries.services import search_publications


@strawberry.type
class HubQueries:
    @strawberry.field(description=scopes.DOCUMENTS)
    async def libraries(self, info: Info) -> list[LibraryType]:
        actor = info.context.actor.require_signed_in()
        return [LibraryType.from_model(lib) for lib in await policy.libraries_visible_to(actor).order_by("name", "id")]

    @strawberry.field(
        description=f"Search across several libraries (or all): title and #tags; by title. {scopes.DOCUMENTS}"
    )
    async def publications(
        self,
        info: Info,
        first: int | None = 50,
        after: str | None = None,
        search: str | None = None,
        library_ids: list[strawberry.ID] | None = None,
        tag: str | None = None,
    ) -> PublicationConnection:
        actor = info.context.actor.require_signed_in()
        ids = decode_ids(library_ids, "Library", "libraryIds") if library_ids else None
        qs = search_publications(actor, search=search, library_ids=ids, tag=tag)
        pairs, page = await keyset_page(qs, first=first, after=after, order=("title_key", "id"))
        return PublicationConnection(
            edges=edges(pairs, PublicationType.from_model), page_info=page, total_count=await qs.count()
        )

    @strawberry.field(description=scopes.DOCUMENTS)
    async def hub(self, info: Info, id: strawberry.ID) -> HubType | None:
        actor = info.context.actor.require_signed_in()
        try:
            pk = decode_id(id, "Hub", "id")
        except DomainError:
            return None
        start_insights(info, "hub", pk)  # the figures' statement runs beside the hub's (the page's first two)
        found = await reads.hub_with_customer(actor, pk, with_tree=asks(info, "folders"))
        if found is None:
            return None
        # The customer (as the caller may see it, or None) and the folder tree came with the hub in one statement:
        # `Hub.customer` and `Hub.folders` need none of their own.
        info.context.loaders.customer_by_id.prime(found.hub.customer_id, found.customer)
        if found.tree is not None:
            prime_tree(info.context.loaders, found.hub.id, found.tree)
        return HubType.from_model(found.hub)

    @strawberry.field(description="The signed-in contact's hub.")
    async def my_hub(self, info: Info) -> HubType | None:
        actor = info.context.actor.require_signed_in()
        if actor.contact is None:
            return None
        hub = await access.my_hub(actor)
        return HubType.from_model(hub) if hub else None

    @strawberry.field(description=f"Activity the caller may see, newest first; optionally one customer, hub or "
                      f"quote. {scopes.ACTIVITY}")
    async def activity(
        self,
        info: Info,
        first: int | None = 50,
        after: str | None = None,
        customer_id: strawberry.ID | None = None,
        hub_id: strawberry.ID | None = None,
        quote_id: strawberry.ID | None = None,
    ) -> ActivityEventConnection:
        actor = info.context.actor.require_signed_in()
        qs = policy.events_visible_to(actor)
        if quote_id:
            qs = qs.filter(quote_id=decode_id(quote_id, "Quote", "quoteId"))
        if customer_id:
            qs = qs.filter(customer_id=decode_id(customer_id, "Customer", "customerId"))
        if hub_id:
            qs = qs.filter(hub_id=decode_id(hub_id, "Hub", "hubId"))
        pairs, page = await keyset_page(qs, first=first, after=after, order=("-id",))
        return ActivityEventConnection(edges=edges(pairs, ActivityEventType.from_model), page_info=page)

    @strawberry.field(
        description="The exact email the first recipient will get, for this language and message. "
        + scopes.SHARES_WRITE
    )
    async def preview_share(self, info: Info, input: ShareInput) -> EmailPreview:
        actor = info.context.actor.require_signed_in()
        rendered = await services.preview_share(actor, info.context.settings, share_request(input, for_preview=True))
        return EmailPreview(subject=rendered.subject, html=rendered.html, text=rendered.text)
