"""DataLoaders of quote acceptances and links (one query per list of quotes, restricted by policy)."""

from __future__ import annotations

from collections import defaultdict

from strawberry.dataloader import DataLoader

from portico import policy
from portico.graphql.loaders import Loaders
from portico.quotes.acceptance_models import QuoteAcceptance, QuoteLink


def acceptance_by_quote_id(loaders: Loaders) -> DataLoader[int, QuoteAcceptance | None]:
    async def load(keys: list[int]) -> list[QuoteAcceptance | None]:
        rows = await policy.quote_acceptances_visible_to(loaders.actor).filter(quote_id__in=list(set(keys)))
        found = {a.quote_id: a for a in rows}
        return [found.get(k) for k in keys]

    return loaders.get("acceptance_by_quote_id", lambda: DataLoader(load))


def links_by_quote_id(loaders: Loaders) -> DataLoader[int, list[QuoteLink]]:
    """Newest first; staff only (policy)."""

    async def load(keys: list[int]) -> list[list[QuoteLink]]:
        groups: dict[int, list[QuoteLink]] = defaultdict(list)
        for link in await policy.quote_links_visible_to(loaders.actor).filter(quote_id__in=list(set(keys))).order_by(
            "-id"
        ):
            groups[link.quote_id].append(link)
        return [groups.get(k, []) for k in keys]

    return loaders.get("links_by_quote_id", lambda: DataLoader(load))
