"""An account manager's portfolio (issue 11, point 1): their customers with open and overdue amounts per currency
and the customer's last contact activity.

Three queries whatever the portfolio's size: the customers, one aggregate over their invoices (grouped by customer
and currency, exact sums: `money.py`) and one over their contacts' activity.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from tortoise import connections
from tortoise.functions import Max

from portico import db, policy
from portico.activity.models import ActivityEvent
from portico.actors import Actor
from portico.customers.models import Customer
from portico.errors import NotFound
from portico.receivables.money import SCALE, in_minor_units


@dataclass
class PortfolioRow:
    customer: Customer
    open: dict[str, Decimal] = field(default_factory=dict)  # currency -> still owed
    overdue: dict[str, Decimal] = field(default_factory=dict)  # currency -> owed and past due
    open_invoices: int = 0
    last_contact_activity_at: datetime | None = None


def _money(column: str, dialect: str) -> str:
    """A money column as an exactly summable number (see money.py): NUMERIC, or integer thousandths on SQLite."""
    if dialect == "sqlite":
        return f"CAST(ROUND(CAST({column} AS REAL) * {SCALE}) AS INTEGER)"
    return column


async def _amounts(customer_ids: list[int], today: date) -> list[dict[str, object]]:
    dialect = db.dialect()
    owed = f"({_money('i.amount', dialect)} - {_money('i.paid_amount', dialect)})"
    ids = ", ".join(str(int(c)) for c in customer_ids)
    # `today` is a date object, formatted here (never input text); both databases compare it with a DATE column.
    sql = (
        f"SELECT i.customer_id AS customer_id, i.currency AS currency, SUM({owed}) AS open_sum, "
        f"SUM(CASE WHEN i.due_on < '{today.isoformat()}' THEN {owed} ELSE 0 END) AS overdue_sum, "
        f"COUNT(*) AS n FROM invoice i WHERE i.customer_id IN ({ids}) AND i.status IN ('OPEN', 'PARTIALLY_PAID') "
        f"GROUP BY i.customer_id, i.currency"
    )
    _, rows = await connections.get("default").execute_query(sql)
    return [dict(r) for r in rows]


def _value(raw: object, currency: str) -> Decimal:
    amount = Decimal(int(raw)) / SCALE if db.dialect() == "sqlite" else Decimal(str(raw))  # type: ignore[call-overload, assignment]
    return in_minor_units(amount, currency)


async def portfolio(actor: Actor, *, member_id: int, today: date) -> list[PortfolioRow]:
    """The customers `member_id` is account manager of, by name. A MEMBER asks only for their own (else not found)."""
    member = await policy.portfolio_members_visible_to(actor).filter(id=member_id).first()
    if member is None:
        raise NotFound("Member", "memberId")
    customers = await Customer.filter(
        organization_id=member.organization_id, account_managers__id=member.id
    ).order_by("name_key", "id")
    rows = {c.id: PortfolioRow(c) for c in customers}
    if not rows:
        return []
    for r in await _amounts(list(rows), today):
        row = rows[int(r["customer_id"])]  # type: ignore[call-overload, assignment]
        currency = str(r["currency"])
        row.open[currency] = _value(r["open_sum"], currency)
        overdue = _value(r["overdue_sum"], currency)
        if overdue:
            row.overdue[currency] = overdue
        row.open_invoices += int(r["n"])  # type: ignore[call-overload, assignment]
    last = await (
        ActivityEvent.filter(customer_id__in=list(rows), contact_id__not_isnull=True)
        .annotate(last=Max("occurred_at"))
        .group_by("customer_id")
        .values("customer_id", "last")
    )
    for r in last:
        value = r["last"]
        when = datetime.fromisoformat(value) if isinstance(value, str) else value
        rows[int(r["customer_id"])].last_contact_activity_at = when  # type: ignore[call-overload, assignment]
    return list(rows.values())


def totals(rows: list[PortfolioRow]) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Open and overdue per currency over the whole portfolio (for its footer)."""
    open_total: dict[str, Decimal] = defaultdict(Decimal)
    overdue_total: dict[str, Decimal] = defaultdict(Decimal)
    for row in rows:
        for currency, amount in row.open.items():
            open_total[currency] += amount
        for currency, amount in row.overdue.items():
            overdue_total[currency] += amount
    return dict(sorted(open_total.items())), dict(sorted(overdue_total.items()))
