"""Insight figures over activity events: counts by kind, unique viewers, last activity, views per day.

Computed for many hubs, shares or documents at once in one statement (the counts grouped by the item; with
`with_days`, the last 30 days' views per day of the organization's calendar in the same statement), always over
the events the asking actor may see (`policy.events_visible_to`, compiled once per caller shape by `policy_sql`:
building it per request was the largest single cost of a hub page, issue 8).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from portico import policy, policy_sql
from portico.activity.models import ActivityEvent, ActivityKind
from portico.actors import Actor
from portico.notifications import clock

SCOPES = ("hub", "share", "document", "customer")
DAYS = 30
_OCCURRED_AT = ActivityEvent._meta.fields_map["occurred_at"]


@dataclass
class Figures:
    counts: dict[str, int] = field(default_factory=dict)
    unique_viewers: int = 0
    last_activity_at: datetime | None = None
    views_per_day: list[tuple[date, int]] | None = None  # asked for with `with_days`


# The kinds the figures count (what `Insights` shows; quotes and invoices have figures of their own), each with its
# column in `figure_columns`: counting every kind made each statement count ten more that nobody reads.
FIGURE_KINDS = (
    ActivityKind.HUB_OPENED, ActivityKind.DOCUMENT_VIEWED, ActivityKind.DOCUMENT_DOWNLOADED,
    ActivityKind.DOCUMENT_PRINTED, ActivityKind.SHARED_WITH_COLLEAGUE,
)
_KIND_COLUMNS = tuple((kind.value, f"n_{kind.value.lower()}") for kind in FIGURE_KINDS)
_FIGURE_COLUMNS = ", ".join(
    f"COUNT(CASE WHEN \"kind\" = '{kind}' THEN 1 END) AS \"{column}\"" for kind, column in _KIND_COLUMNS
) + ', COUNT(DISTINCT "contact_id") AS "u", MAX("occurred_at") AS "last"'


def figure_columns() -> str:
    """The aggregates of `figures`, over the events of the statement's FROM (kinds are code constants, written as
    literals)."""
    return _FIGURE_COLUMNS


def figures_of_row(row: Any) -> Figures:
    """A row of `figure_columns` (None where the item had no visible event)."""
    counts = {kind: int(n) for kind, column in _KIND_COLUMNS if (n := row[column])}
    last = row["last"]
    return Figures(
        counts=counts, unique_viewers=int(row["u"] or 0),
        last_activity_at=_OCCURRED_AT.to_python_value(last) if last is not None else None,
    )


async def figures(actor: Actor, scope: str, ids: list[int], *, with_days: bool = False) -> dict[int, Figures]:
    """Counts by kind, unique viewers and last activity of each of `ids` (and with `with_days` its views of the
    last 30 days), over the events the actor may see: one statement."""
    assert scope in SCOPES
    column = f"{scope}_id"
    visible = policy_sql.condition(policy.events_visible_to, actor)
    q = policy_sql.Statement()
    sql = (
        f'SELECT "{column}" AS "key", 0 AS "part", {figure_columns()}, NULL AS "day", NULL AS "at" '
        f'FROM "activity_event" '
        f'WHERE ({q.cond(visible)}) AND "{column}" IN ({q.ps(ids)}) GROUP BY "{column}"'
    )
    zone, first_day = _days_of(actor)
    if with_days:
        since = datetime.combine(first_day, datetime.min.time(), tzinfo=zone).astimezone(UTC)
        empty = ", ".join(f'NULL AS "{column}"' for _, column in _KIND_COLUMNS)
        views = (
            f'FROM "activity_event" WHERE ({q.cond(visible)}) AND "{column}" IN ({q.ps(ids)}) '
            f"""AND "kind" = '{ActivityKind.DOCUMENT_VIEWED.value}' AND "occurred_at" >= {q.p(since)}"""
        )
        if q.postgres:
            # The views counted per day of the organization's calendar by the database: a row per item and day,
            # however many views (one row per view made the hub page's cost grow with its traffic, issue 8).
            day = f'("occurred_at" AT TIME ZONE {q.p(zone.key)})::date'
            sql += f' UNION ALL SELECT "{column}", 1, {empty}, COUNT(*), NULL, {day} AS "day", NULL {views} '
            sql += f'GROUP BY "{column}", "day"'
        else:
            # SQLite knows no time zones: each view's time, counted per local day below.
            sql += f' UNION ALL SELECT "{column}", 1, {empty}, 1, NULL, NULL, "occurred_at" {views}'
    result: dict[int, Figures] = {i: Figures() for i in ids}
    per: dict[int, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for row in await q.rows(sql):
        key = int(row["key"])
        if int(row["part"]) == 0:
            result[key] = figures_of_row(row)
        elif row["day"] is not None:
            per[key][row["day"]] += int(row["u"])
        else:
            per[key][_OCCURRED_AT.to_python_value(row["at"]).astimezone(zone).date()] += 1
    if with_days:
        days = [first_day + timedelta(days=i) for i in range(DAYS)]
        for i, found in result.items():
            found.views_per_day = [(d, per[i].get(d, 0)) for d in days]
    return result


def _days_of(actor: Actor) -> tuple[ZoneInfo, date]:
    """The organization's time zone and the first of the last 30 of its calendar days (like its share folders).
    A zone name this machine does not know counts as UTC (`clock.zone`): an organization's stale setting must not
    make its hub pages fail."""
    name = actor.organization.timezone if actor.organization else None
    return clock.zone(name), clock.today_in(name) - timedelta(days=DAYS - 1)


async def views_per_day(actor: Actor, scope: str, ids: list[int]) -> dict[int, list[tuple[date, int]]]:
    """The last 30 days, oldest first, including days without views (charts need the zeros)."""
    found = await figures(actor, scope, ids, with_days=True)
    return {i: found[i].views_per_day or [] for i in ids}
