"""Aging analysis per account manager (issue 11, point 5): what customers owe, by how late it is (not due, 1–30,
31–60, 61–90, over 90 days), per currency, computed by the database in one aggregate query.

The buckets are ranges of due dates with constant bounds (today − 30, − 60, − 90 days), so the same SQL runs on
SQLite and PostgreSQL without date arithmetic. An invoice counts under each of its customer's account managers
(a customer may have two), and under "no account manager" when it has none: the report answers "what does each
account manager have to chase", so rows of one currency may add up to more than the organization is owed.

Amounts: PostgreSQL adds NUMERIC exactly. SQLite stores decimals as text and would add them as floats, so there
the query adds integer thousandths (three places hold every currency's minor unit, receivables/models.py) and
Python turns them back into Decimals.

Visibility: `policy.portfolio_members_visible_to` (a MEMBER their own row; ADMIN, MANAGER all) and
`policy.report_sees_unassigned`; drill-down goes through `policy.invoices_visible_to`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from tortoise import connections
from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from portico import policy
from portico.actors import Actor, Scope
from portico.customers.models import Customer
from portico.receivables.models import Invoice, InvoiceStatus

OPEN = (InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID)


class AgingBucket(StrEnum):
    NOT_DUE = "NOT_DUE"
    DAYS_1_30 = "DAYS_1_30"
    DAYS_31_60 = "DAYS_31_60"
    DAYS_61_90 = "DAYS_61_90"
    OVER_90 = "OVER_90"


@dataclass(frozen=True)
class AgingRow:
    member_id: int | None  # None: customers without an account manager
    currency: str
    amounts: dict[AgingBucket, Decimal]
    invoices: int

    @property
    def total(self) -> Decimal:
        return sum(self.amounts.values(), Decimal(0))


def bucket_bounds(bucket: AgingBucket, today: date) -> tuple[date | None, date | None]:
    """The due dates of a bucket as (on or after, before); None is open-ended."""
    d30, d60, d90 = (today - timedelta(days=n) for n in (30, 60, 90))
    return {
        AgingBucket.NOT_DUE: (today, None),
        AgingBucket.DAYS_1_30: (d30, today),
        AgingBucket.DAYS_31_60: (d60, d30),
        AgingBucket.DAYS_61_90: (d90, d60),
        AgingBucket.OVER_90: (None, d90),
    }[bucket]


def bucket_of(due_on: date, today: date) -> AgingBucket:
    for bucket in AgingBucket:
        low, high = bucket_bounds(bucket, today)
        if (low is None or due_on >= low) and (high is None or due_on < high):
            return bucket
    raise AssertionError("the buckets cover every date")


class _Params:
    """Placeholders for the connection's dialect ($1 on PostgreSQL, ? on SQLite) and their values."""

    def __init__(self, postgres: bool) -> None:
        self.postgres = postgres
        self.values: list[object] = []

    def __call__(self, value: object) -> str:
        if isinstance(value, date) and not self.postgres:
            value = value.isoformat()  # SQLite keeps dates as ISO text (and sqlite3's date adapter is deprecated)
        self.values.append(value)
        return f"${len(self.values)}" if self.postgres else "?"


def aging_sql(
    postgres: bool, *, organization_id: int, today: date, member_ids: Sequence[int] | None, unassigned: bool,
    currency: str | None = None,
) -> tuple[str, list[object]]:
    """The report's query: one row per (account manager, currency). `member_ids` None: every account manager."""
    p = _Params(postgres)
    outstanding = ("GREATEST(i.amount - i.paid_amount, 0)" if postgres
                   else "MAX(CAST(ROUND((i.amount - i.paid_amount) * 1000) AS INTEGER), 0)")
    sums = []
    for bucket in AgingBucket:
        low, high = bucket_bounds(bucket, today)
        conditions = ([f"i.due_on >= {p(low)}"] if low else []) + ([f"i.due_on < {p(high)}"] if high else [])
        sums.append(f"SUM(CASE WHEN {' AND '.join(conditions)} THEN {outstanding} ELSE 0 END) AS {bucket.lower()}")
    where = [f"i.organization_id = {p(organization_id)}",
             f"i.status IN ({', '.join(p(s.value) for s in OPEN)})"]
    if currency is not None:
        where.append(f"i.currency = {p(currency)}")
    people = []
    if member_ids is not None:
        people.append(f"cam.member_id IN ({', '.join(p(m) for m in member_ids)})" if member_ids else "1 = 0")
    else:
        people.append("cam.member_id IS NOT NULL")
    if unassigned:
        people.append("cam.member_id IS NULL")
    where.append(f"({' OR '.join(people)})")
    sql = (
        f"SELECT cam.member_id AS member_id, i.currency AS currency, {', '.join(sums)}, COUNT(*) AS invoices "
        "FROM invoice i LEFT JOIN customer_account_manager cam ON cam.customer_id = i.customer_id "
        f"WHERE {' AND '.join(where)} GROUP BY cam.member_id, i.currency"
    )
    return sql, p.values


_PLACES = Decimal("0.001")


def _decimal(value: object, postgres: bool) -> Decimal:
    """The same shape from both databases: three places (PostgreSQL's scale follows the values added)."""
    if value is None:
        return Decimal(0).quantize(_PLACES)
    return (Decimal(str(value)) if postgres else Decimal(int(str(value))).scaleb(-3)).quantize(_PLACES)


async def aging_report(
    actor: Actor, *, today: date, currency: str | None = None, member_id: int | None = None
) -> list[AgingRow]:
    """The rows the actor may see; `member_id` narrows to one account manager."""
    if actor.organization is None:
        return []
    visible = policy.portfolio_members_visible_to(actor)
    member_ids: list[int] | None
    if policy.sees_whole_organization(actor) and member_id is None:
        member_ids = None
    else:
        if member_id is not None:
            visible = visible.filter(id=member_id)
        member_ids = [int(str(m)) for m in await visible.values_list("id", flat=True)]
    unassigned = member_id is None and policy.report_sees_unassigned(actor)
    if not policy.key_may_read(actor, Scope.INVOICES_READ) or (member_ids == [] and not unassigned):
        return []
    connection = connections.get("default")
    postgres = connection.capabilities.dialect == "postgres"
    sql, values = aging_sql(postgres, organization_id=actor.organization.id, today=today, member_ids=member_ids,
                            unassigned=unassigned, currency=currency)
    rows = await connection.execute_query_dict(sql, values)
    # Sorted here: the databases order NULL (no account manager) differently.
    rows.sort(key=lambda r: (r["member_id"] is None, r["member_id"] or 0, r["currency"]))
    return [
        AgingRow(row["member_id"], row["currency"],
                 {b: _decimal(row[b.lower()], postgres) for b in AgingBucket}, int(row["invoices"]))
        for row in rows
    ]


def aging_invoices(
    actor: Actor, *, today: date, member_id: int | None, bucket: AgingBucket | None = None,
    currency: str | None = None,
) -> QuerySet[Invoice]:
    """Drill-down: the open invoices behind one report cell (`member_id` None: customers without an account
    manager, for those who see that row), oldest due date first."""
    qs = policy.invoices_visible_to(actor).filter(status__in=OPEN)
    if member_id is None:
        if not policy.report_sees_unassigned(actor):
            return qs.filter(id__in=[])
        managed = Subquery(Customer.filter(account_managers__id__isnull=False).values_list("id", flat=True))
        qs = qs.exclude(customer_id__in=managed)
    else:
        if not policy.sees_whole_organization(actor) and (actor.member is None or actor.member.id != member_id):
            return qs.filter(id__in=[])
        qs = qs.filter(customer_id__in=Subquery(
            Customer.filter(account_managers__id=member_id).values_list("id", flat=True)))
    if currency is not None:
        qs = qs.filter(currency=currency)
    if bucket is not None:
        low, high = bucket_bounds(bucket, today)
        if low is not None:
            qs = qs.filter(due_on__gte=low)
        if high is not None:
            qs = qs.filter(Q(due_on__lt=high))
    return qs.order_by("due_on", "id")
