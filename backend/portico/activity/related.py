"""What an event points at, as one caller may see it, in one statement (issue 8, point 3).

The live feed executes an event's fields once per visibility class (`policy.visibility_key`); through the
policy-restricted loaders that was a Tortoise-built query for each of the event's contact, customer, document and
share and the share's sender: five statements per class per event, about a third of the delivering process's time
in bench/fanout.py. Here each rule is the policy's own, compiled once per visibility key (`policy_sql.condition`),
and the five rows come back as one row; the feed primes the loaders with them (graphql/hubs/loaders.py
`prime_event`), so executing the event issues no further statement. tests/hubs/test_policy_sql.py checks each row
against the same lookup through the querysets for every kind of caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tortoise.models import Model
from tortoise.queryset import QuerySet

from portico import policy, policy_sql
from portico.accounts.models import Member
from portico.activity.models import ActivityEvent
from portico.actors import Actor
from portico.customers.models import Contact, Customer
from portico.hubs.models import Document, Share
from portico.policy_sql import columns, instance


@dataclass
class Related:
    """Each row the event names, or None when it names none or the caller may not see it."""

    contact: Contact | None
    customer: Customer | None
    document: Document | None
    share: Share | None
    sender: Member | None  # the share's sender (None without a visible share)


_PARTS: tuple[tuple[str, type[Model], Callable[[Actor], QuerySet[Any]], str], ...] = (
    # alias, model, rule, the event's column naming the row
    ("ct", Contact, policy.contacts_visible_to, "contact_id"),
    ("cu", Customer, policy.customers_visible_to, "customer_id"),
    ("d", Document, policy.documents_visible_to, "document_id"),
    ("s", Share, policy.shares_visible_to, "share_id"),
)


async def related(actor: Actor, event: ActivityEvent) -> Related:
    q = policy_sql.Statement()
    selected, joins = [], []
    for alias, model, rule, column in _PARTS:
        selected.append(columns(model, alias, f"{alias}."))
        visible = q.visible(policy_sql.condition(rule, actor), "*")  # values recorded in writing order: first
        key = getattr(event, column)
        # A row the event does not name: an empty sub-select keeps the statement's shape (and the columns' names).
        wanted = f'"id" = {q.p(key)}' if key is not None else "1 = 0"
        joins.append(f'LEFT JOIN ({visible} AND {wanted}) "{alias}" ON 1 = 1')
    selected.append(columns(Member, "m", "m."))
    members = q.visible(policy_sql.condition(policy.members_visible_to, actor), "*")
    joins.append(f'LEFT JOIN ({members}) "m" ON "m"."id" = "s"."sender_id"')
    rows = await q.rows(f'SELECT {", ".join(selected)} FROM (SELECT 1 AS "one") "o" ' + " ".join(joins))
    row = rows[0]

    def found(model: type, alias: str):  # type: ignore[no-untyped-def]
        return instance(model, row, f"{alias}.") if row[f"{alias}.id"] is not None else None

    return Related(found(Contact, "ct"), found(Customer, "cu"), found(Document, "d"), found(Share, "s"),
                   found(Member, "m"))
