"""DataLoaders of the quotes domain (one query per list, restricted by policy), registered on the request's Loaders."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from strawberry.dataloader import DataLoader

from portico import policy
from portico.activity.models import ActivityEvent
from portico.graphql.loaders import Loaders
from portico.quotes.models import Quote, QuoteAttachment, QuoteVersion


def quote_by_id(loaders: Loaders) -> DataLoader[int, Quote | None]:
    async def load(keys: list[int]) -> list[Quote | None]:
        rows = {q.id: q for q in await policy.quotes_visible_to(loaders.actor).filter(id__in=keys)}
        return [rows.get(k) for k in keys]

    return loaders.get("quote_by_id", lambda: DataLoader(load))  # type: ignore[arg-type]


def _grouped(loaders: Loaders, name: str, fetch: Any) -> DataLoader[int, list[Any]]:
    async def load(keys: list[int]) -> list[list[Any]]:
        groups: dict[int, list[Any]] = defaultdict(list)
        for key, row in await fetch(list(set(keys))):
            groups[key].append(row)
        return [groups.get(k, []) for k in keys]

    return loaders.get(name, lambda: DataLoader(load))  # type: ignore[arg-type]


def quotes_by_customer_id(loaders: Loaders) -> DataLoader[int, list[Quote]]:
    async def fetch(ids: list[int]) -> list[tuple[int, Quote]]:
        rows = await policy.quotes_visible_to(loaders.actor).filter(customer_id__in=ids).order_by("-id").limit(
            200 * len(ids)
        )
        return [(q.customer_id, q) for q in rows]

    return _grouped(loaders, "quotes_by_customer_id", fetch)


def versions_by_quote_id(loaders: Loaders) -> DataLoader[int, list[QuoteVersion]]:
    """Newest first: staff get every version, contacts the current one (policy)."""

    async def fetch(ids: list[int]) -> list[tuple[int, QuoteVersion]]:
        rows = await policy.quote_versions_visible_to(loaders.actor).filter(quote_id__in=ids).order_by("-number")
        return [(v.quote_id, v) for v in rows]

    return _grouped(loaders, "versions_by_quote_id", fetch)


def attachments_by_version_id(loaders: Loaders) -> DataLoader[int, list[QuoteAttachment]]:
    async def fetch(ids: list[int]) -> list[tuple[int, QuoteAttachment]]:
        rows = await policy.quote_attachments_visible_to(loaders.actor).filter(version_id__in=ids).order_by("id")
        return [(a.version_id, a) for a in rows]

    return _grouped(loaders, "attachments_by_version_id", fetch)


def events_by_quote_id(loaders: Loaders) -> DataLoader[int, list[ActivityEvent]]:
    """The quote's timeline as the caller may see it (policy.events_visible_to), newest first."""

    async def fetch(ids: list[int]) -> list[tuple[int, ActivityEvent]]:
        rows = await policy.events_visible_to(loaders.actor).filter(quote_id__in=ids).order_by("-id")
        return [(e.quote_id, e) for e in rows if e.quote_id is not None]

    return _grouped(loaders, "events_by_quote_id", fetch)


def version_number_at(loaders: Loaders) -> DataLoader[tuple[int, datetime], int | None]:
    """The number of the quote's version that was current at a moment (an event's): the newest version made by
    then, among the versions the caller sees (`policy.quote_versions_visible_to`: a contact only the current one).
    One query for every event of a feed."""

    async def load(keys: list[tuple[int, datetime]]) -> list[int | None]:
        made: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
        rows = await policy.quote_versions_visible_to(loaders.actor).filter(
            quote_id__in={quote_id for quote_id, _ in keys}
        ).values_list("quote_id", "created_at", "number")
        for quote_id, created_at, number in rows:
            made[int(quote_id)].append((created_at, int(number)))  # type: ignore[call-overload]
        return [max((n for at, n in made.get(quote_id, []) if at <= moment), default=None) for quote_id, moment in keys]

    return loaders.get("quote_version_number_at", lambda: DataLoader(load))  # type: ignore[arg-type]
