"""GraphQL of the receivables reports (issue 11, point 5): aging per account manager with its drill-down, and
actions to do vs done per account manager. The figures come from SQL (`receivables.aging`,
`receivables.action_report`); visibility from `policy` (a MEMBER their own rows, ADMIN and MANAGER all)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

import strawberry

from portico.graphql.accounts.types import MemberType
from portico.graphql.context import Info
from portico.graphql.relay import Edge, PageInfo, decode_id, edges, encode_id, keyset_page
from portico.notifications import clock
from portico.receivables import aging
from portico.receivables.action_report import action_report
from portico.receivables.models import Invoice

READ = "API keys need INVOICES_READ."

AgingBucket = strawberry.enum(aging.AgingBucket, name="AgingBucket",
                              description="How late: NOT_DUE, 1-30, 31-60, 61-90 or over 90 days after the due date.")


async def _member(info: Info, member_id: int | None) -> MemberType | None:
    if member_id is None:
        return None
    found = await info.context.loaders.member_by_id.load(member_id)
    return MemberType.from_model(found) if found else None


@strawberry.type
class AgingRow:
    currency: str
    not_due: Decimal
    days_1_to_30: Decimal
    days_31_to_60: Decimal
    days_61_to_90: Decimal
    over_90: Decimal
    total: Decimal
    invoice_count: int
    member_id: strawberry.Private[int | None]

    @strawberry.field(description="null: customers without an account manager (ADMIN and MANAGER only).")
    async def account_manager(self, info: Info) -> MemberType | None:
        return await _member(info, self.member_id)

    @classmethod
    def from_row(cls, r: aging.AgingRow) -> AgingRow:
        a, b = r.amounts, aging.AgingBucket
        return cls(currency=r.currency, not_due=a[b.NOT_DUE], days_1_to_30=a[b.DAYS_1_30],
                   days_31_to_60=a[b.DAYS_31_60], days_61_to_90=a[b.DAYS_61_90], over_90=a[b.OVER_90],
                   total=r.total, invoice_count=r.invoices, member_id=r.member_id)


@strawberry.type
class AgingInvoice:
    """One invoice behind a cell of the aging report."""

    invoice_id: strawberry.ID
    number: str
    currency: str
    amount: Decimal
    open_amount: Decimal
    due_on: date
    days_overdue: int
    opened: bool = strawberry.field(description="Whether a contact has opened it in the hub.")
    first_opened_at: datetime | None
    customer_id: strawberry.ID
    customer_name: str


@strawberry.type
class AgingInvoiceConnection:
    edges: list[Edge[AgingInvoice]]
    page_info: PageInfo
    total_count: int


@strawberry.type
class ActionsReportRow:
    todo: int
    done: int
    member_id: strawberry.Private[int | None]

    @strawberry.field(description="null: actions nobody is assigned to.")
    async def account_manager(self, info: Info) -> MemberType | None:
        return await _member(info, self.member_id)


@strawberry.type
class ReportQueries:
    @strawberry.field(description="What customers owe per account manager, currency and lateness, as of `asOf` "
                      f"(default: today in the organization's time zone). A MEMBER sees their own rows. {READ}")
    async def aging_report(
        self, info: Info, as_of: date | None = None, currency: str | None = None,
        account_manager_id: strawberry.ID | None = None,
    ) -> list[AgingRow]:
        actor = info.context.actor.require_signed_in()
        rows = await aging.aging_report(
            actor, today=as_of or clock.today_for(actor), currency=currency.strip().upper() if currency else None,
            member_id=decode_id(account_manager_id, "Member", "accountManagerId") if account_manager_id else None,
        )
        return [AgingRow.from_row(r) for r in rows]

    @strawberry.field(description="The open invoices behind one cell of the aging report, oldest first; "
                      f"`accountManagerId` null: customers without an account manager. {READ}")
    async def aging_invoices(
        self, info: Info, account_manager_id: strawberry.ID | None = None,
        bucket: AgingBucket | None = None,  # type: ignore[valid-type]
        currency: str | None = None, as_of: date | None = None, first: int | None = 50, after: str | None = None,
    ) -> AgingInvoiceConnection:
        actor = info.context.actor.require_signed_in()
        today = as_of or clock.today_for(actor)
        qs = aging.aging_invoices(
            actor, today=today, bucket=bucket, currency=currency.strip().upper() if currency else None,
            member_id=decode_id(account_manager_id, "Member", "accountManagerId") if account_manager_id else None,
        ).prefetch_related("customer")
        pairs, page = await keyset_page(qs, first=first, after=after, order=("due_on", "id"))

        def convert(i: Invoice) -> AgingInvoice:
            return AgingInvoice(
                invoice_id=encode_id("Invoice", i.id), number=i.number, currency=i.currency, amount=i.amount,
                open_amount=i.open_amount, due_on=i.due_on, days_overdue=max((today - i.due_on).days, 0),
                opened=i.first_opened_at is not None, first_opened_at=i.first_opened_at,
                customer_id=encode_id("Customer", i.customer_id), customer_name=i.customer.name,
            )

        return AgingInvoiceConnection(edges=edges(pairs, convert), page_info=page, total_count=await qs.count())

    @strawberry.field(description="Per account manager, the actions due in the period (inclusive): how many are "
                      f"done and how many still to do. A MEMBER sees their own. {READ}")
    async def actions_report(
        self, info: Info, from_: Annotated[date, strawberry.argument(name="from")], to: date
    ) -> list[ActionsReportRow]:
        actor = info.context.actor.require_signed_in()
        rows = await action_report(actor, start=from_, end=to)
        return [ActionsReportRow(todo=r.todo, done=r.done, member_id=r.member_id) for r in rows]
