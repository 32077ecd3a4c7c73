"""Queries of the customers domain."""

from __future__ import annotations

import strawberry

from portico.customers import services
from portico.errors import NotFound
from portico.graphql import scopes
from portico.graphql.context import Info
from portico.graphql.customers.types import CustomerConnection, CustomerKind, CustomerType
from portico.graphql.relay import decode_id, edges, keyset_page


@strawberry.type
class CustomerQueries:
    @strawberry.field(
        description="Customers the caller may see, by name; `search` matches names and the emails of contacts the "
        f"caller may see. {scopes.CUSTOMERS}"
    )
    async def customers(
        self,
        info: Info,
        first: int | None = 50,
        after: str | None = None,
        search: str | None = None,
        kind: CustomerKind | None = None,  # type: ignore[valid-type]
        hub_access: bool | None = None,
        account_manager_id: strawberry.ID | None = None,
    ) -> CustomerConnection:
        actor = info.context.actor.require_signed_in()
        manager = decode_id(account_manager_id, "Member", "accountManagerId") if account_manager_id else None
        qs = services.search_customers(
            actor, search=search, kind=kind, hub_access=hub_access, account_manager_id=manager
        )
        pairs, page = await keyset_page(qs, first=first, after=after, order=("name_key", "id"))
        return CustomerConnection(
            edges=edges(pairs, CustomerType.from_model), page_info=page, total_count=await qs.count()
        )

    @strawberry.field(description=scopes.CUSTOMERS)
    async def customer(self, info: Info, id: strawberry.ID) -> CustomerType | None:
        actor = info.context.actor.require_signed_in()
        try:
            customer = await services.get_customer(actor, decode_id(id, "Customer", "id"))
        except NotFound:
            return None
        return CustomerType.from_model(customer)
