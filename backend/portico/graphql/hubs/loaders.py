"""DataLoaders of the hubs domain, registered on the request's Loaders under stable names."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from strawberry.dataloader import DataLoader
from tortoise.functions import Count, Max

from portico import policy
from portico.activity import insights
from portico.customers.models import Contact
from portico.graphql.loaders import Loaders
from portico.hubs.models import Document, Folder, Hub, Share
from portico.libraries.models import Library


def hub_by_customer_id(loaders: Loaders) -> DataLoader[int, Hub | None]:
    async def load(keys: list[int]) -> list[Hub | None]:
        rows = {h.customer_id: h for h in await policy.hubs_visible_to(loaders.actor).filter(customer_id__in=keys)}
        return [rows.get(k) for k in keys]

    return loaders.get("hub_by_customer_id", lambda: DataLoader(load))  # type: ignore[arg-type]


def _by_id(loaders: Loaders, name: str, queryset_of: Any) -> DataLoader[int, Any]:
    async def load(keys: list[int]) -> list[Any]:
        rows = {r.id: r for r in await queryset_of(loaders.actor).filter(id__in=keys)}
        return [rows.get(k) for k in keys]

    return loaders.get(name, lambda: DataLoader(load))  # type: ignore[arg-type]


def hub_by_id(loaders: Loaders) -> DataLoader[int, Hub | None]:
    return _by_id(loaders, "hub_by_id", policy.hubs_visible_to)


def share_by_id(loaders: Loaders) -> DataLoader[int, Share | None]:
    return _by_id(loaders, "share_by_id", policy.shares_visible_to)


def document_by_id(loaders: Loaders) -> DataLoader[int, Document | None]:
    return _by_id(loaders, "document_by_id", policy.documents_visible_to)


def folder_by_id(loaders: Loaders) -> DataLoader[int, Folder | None]:
    return _by_id(loaders, "folder_by_id", policy.folders_visible_to)


def library_by_id(loaders: Loaders) -> DataLoader[int, Library | None]:
    return _by_id(loaders, "library_by_id", policy.libraries_visible_to)


def _grouped(loaders: Loaders, name: str, fetch: Any) -> DataLoader[int, list[Any]]:
    async def load(keys: list[int]) -> list[list[Any]]:
        groups: dict[int, list[Any]] = defaultdict(list)
        for key, row in await fetch(list(set(keys))):
            groups[key].append(row)
        return [groups.get(k, []) for k in keys]

    return loaders.get(name, lambda: DataLoader(load))  # type: ignore[arg-type]


def documents_by_share_id(loaders: Loaders) -> DataLoader[int, list[Document]]:
    async def fetch(ids: list[int]) -> list[tuple[int, Document]]:
        rows = await policy.documents_visible_to(loaders.actor).filter(share_id__in=ids).order_by("id")
        return [(d.share_id, d) for d in rows if d.share_id is not None]

    return _grouped(loaders, "documents_by_share_id", fetch)


def shares_by_folder_id(loaders: Loaders) -> DataLoader[int, list[Share]]:
    async def fetch(ids: list[int]) -> list[tuple[int, Share]]:
        rows = await policy.shares_visible_to(loaders.actor).filter(folder_id__in=ids).order_by("-id")
        return [(s.folder_id, s) for s in rows]

    return _grouped(loaders, "shares_by_folder_id", fetch)


def language_by_hub_id(loaders: Loaders) -> DataLoader[int, str | None]:
    """The language of the newest share in each hub that the caller may see (None: no share visible)."""

    async def load(keys: list[int]) -> list[str | None]:
        newest = await (
            policy.shares_visible_to(loaders.actor)
            .filter(hub_id__in=set(keys))
            .annotate(newest=Max("id"))
            .group_by("hub_id")
            .values("newest")
        )
        rows = await Share.filter(id__in=[int(r["newest"]) for r in newest]).values_list("hub_id", "language")
        languages = {int(hub): str(language) for hub, language in rows}
        return [languages.get(k) for k in keys]

    return loaders.get("language_by_hub_id", lambda: DataLoader(load))  # type: ignore[arg-type]


def recipients_by_share_id(loaders: Loaders) -> DataLoader[int, list[Contact]]:
    async def fetch(ids: list[int]) -> list[tuple[int, Contact]]:
        visible = await policy.shares_visible_to(loaders.actor).filter(id__in=ids).values_list("id", "recipients__id")
        contact_ids = {c for _, c in visible if c is not None}
        rows = await policy.contacts_visible_to(loaders.actor).filter(id__in=contact_ids)
        contacts = {c.id: c for c in rows}
        return [(s, contacts[c]) for s, c in visible if c in contacts]

    return _grouped(loaders, "recipients_by_share_id", fetch)


def publication_count_by_library_id(loaders: Loaders) -> DataLoader[int, int]:
    async def load(keys: list[int]) -> list[int]:
        rows = await (
            policy.publications_visible_to(loaders.actor)
            .filter(library_id__in=keys)
            .annotate(n=Count("id"))
            .group_by("library_id")
            .values_list("library_id", "n")
        )
        counts = {int(library): int(n) for library, n in rows}
        return [counts.get(k, 0) for k in keys]

    return loaders.get("publication_count_by_library_id", lambda: DataLoader(load))  # type: ignore[arg-type]


def figures_by(loaders: Loaders, scope: str, with_days: bool = False) -> DataLoader[int, insights.Figures]:
    """Figures of many items in one statement (with their views per day when `with_days`)."""

    async def load(keys: list[int]) -> list[insights.Figures]:
        found = await insights.figures(loaders.actor, scope, list(set(keys)), with_days=with_days)
        return [found[k] for k in keys]

    name = f"figures_by_{scope}" + ("_with_days" if with_days else "")
    return loaders.get(name, lambda: DataLoader(load))  # type: ignore[arg-type]


def views_per_day_by(loaders: Loaders, scope: str) -> DataLoader[int, list[Any]]:
    async def load(keys: list[int]) -> list[list[Any]]:
        found = await insights.views_per_day(loaders.actor, scope, list(set(keys)))
        return [found[k] for k in keys]

    return loaders.get(f"views_per_day_by_{scope}", lambda: DataLoader(load))  # type: ignore[arg-type]


def prime_event(loaders: Loaders, event: Any, found: Any) -> None:
    """Primes the loaders an event's fields read (ActivityEventType, ShareType.sender) with the rows `found`
    (`activity.related.Related`, read for the same caller), so executing the event loads nothing more."""
    if event.contact_id is not None:
        loaders.contact_by_id.prime(event.contact_id, found.contact)
    loaders.customer_by_id.prime(event.customer_id, found.customer)
    if event.document_id is not None:
        document_by_id(loaders).prime(event.document_id, found.document)
    if event.share_id is not None:
        share_by_id(loaders).prime(event.share_id, found.share)
        if found.share is not None:
            loaders.member_by_id.prime(found.share.sender_id, found.sender)
