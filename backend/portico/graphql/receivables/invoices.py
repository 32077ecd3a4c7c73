"""Queries of invoices: the keyset connection with totals per currency, one invoice, a portfolio."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry

from portico.errors import NotFound
from portico.graphql.accounts.types import MemberType
from portico.graphql.context import Info
from portico.graphql.customers.types import CustomerType
from portico.graphql.receivables.invoice_types import (
    INVOICES,
    InvoiceConnection,
    InvoiceStatus,
    InvoiceTotal,
    InvoiceType,
    MoneyAmount,
)
from portico.graphql.relay import decode_id, edges, keyset_page
from portico.notifications import clock
from portico.receivables import listing, services
from portico.receivables import portfolio as portfolios
from portico.receivables.money import invoice_totals


def _money(values: dict[str, Decimal]) -> list[MoneyAmount]:
    return [MoneyAmount(currency=c, amount=a) for c, a in sorted(values.items())]


@strawberry.type(description="One customer of an account manager's portfolio.")
class PortfolioRow:
    customer: CustomerType
    open: list[MoneyAmount] = strawberry.field(description="Still owed, per currency.")
    overdue: list[MoneyAmount] = strawberry.field(description="Owed and past due, per currency.")
    open_invoices: int
    last_contact_activity_at: datetime | None = strawberry.field(
        description="The newest thing one of the customer's contacts did in the hub."
    )


@strawberry.type(description="An account manager's customers with open and overdue amounts (issue 11, point 1).")
class Portfolio:
    member: MemberType
    rows: list[PortfolioRow]
    open: list[MoneyAmount]
    overdue: list[MoneyAmount]


@strawberry.type
class InvoiceQueries:
    @strawberry.field(description="Invoices by due date. `overdue`: still owed and past due. `opened`: a contact "
                      f"has opened it in the hub (false: nobody has yet). {INVOICES}")
    async def invoices(
        self,
        info: Info,
        first: int | None = 50,
        after: str | None = None,
        status: list[InvoiceStatus] | None = None,  # type: ignore[valid-type]
        customer_id: strawberry.ID | None = None,
        account_manager_id: strawberry.ID | None = None,
        overdue: bool | None = None,
        opened: bool | None = None,
    ) -> InvoiceConnection:
        actor = info.context.actor.require_signed_in()
        qs = listing.search_invoices(
            actor, today=clock.today_for(actor), statuses=list(status) if status else None,
            customer_id=decode_id(customer_id, "Customer", "customerId") if customer_id else None,
            account_manager_id=decode_id(account_manager_id, "Member", "accountManagerId")
            if account_manager_id else None,
            overdue=overdue, opened=opened,
        )
        pairs, page = await keyset_page(qs, first=first, after=after, order=("due_on", "id"))
        return InvoiceConnection(
            edges=edges(pairs, InvoiceType.from_model), page_info=page, total_count=await qs.count(),
            totals=[InvoiceTotal.from_total(t) for t in await invoice_totals(qs)],
        )

    @strawberry.field(description=INVOICES)
    async def invoice(self, info: Info, id: strawberry.ID) -> InvoiceType | None:
        actor = info.context.actor.require_signed_in()
        try:
            return InvoiceType.from_model(await services.get_invoice(actor, decode_id(id, "Invoice", "id")))
        except NotFound:
            return None

    @strawberry.field(
        description="An account manager's portfolio (default: the caller's own). ADMIN and MANAGER see anyone's, a "
        "MEMBER only their own (another's is null). API keys need INVOICES_READ."
    )
    async def portfolio(self, info: Info, member_id: strawberry.ID | None = None) -> Portfolio | None:
        actor = info.context.actor.require_signed_in()
        if member_id is not None:
            wanted = decode_id(member_id, "Member", "memberId")
        elif actor.member is not None:
            wanted = actor.member.id
        else:
            return None
        try:
            rows = await portfolios.portfolio(actor, member_id=wanted, today=clock.today_for(actor))
        except NotFound:
            return None
        member = await info.context.loaders.member_by_id.load(wanted)
        assert member is not None
        open_total, overdue_total = portfolios.totals(rows)
        return Portfolio(
            member=MemberType.from_model(member),
            rows=[
                PortfolioRow(customer=CustomerType.from_model(r.customer), open=_money(r.open),
                             overdue=_money(r.overdue), open_invoices=r.open_invoices,
                             last_contact_activity_at=r.last_contact_activity_at)
                for r in rows
            ],
            open=_money(open_total),
            overdue=_money(overdue_total),
        )
