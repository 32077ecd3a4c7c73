"""DataLoaders of the folder tree: counts, one page of documents per folder, permissions, versions.

A hub's tree (every folder with its document count and what the caller may do in it) costs a fixed number of
queries whatever its size; a folder's documents come as a keyset page, loaded when the folder is opened.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from strawberry.dataloader import DataLoader
from tortoise.functions import Count

from portico import policy
from portico.customers.models import Contact
from portico.graphql.loaders import Loaders
from portico.graphql.relay import PageInfo, keyset_page, row_cursor
from portico.hubs.models import Document, DocumentVersion, Folder

DOCUMENT_ORDER = ("id",)  # upload order: stable under inserts (new documents land on the last page)


def document_count_by_folder_id(loaders: Loaders) -> DataLoader[int, int]:
    """Documents the caller may see in each folder: one grouped query for the whole tree."""

    async def load(keys: list[int]) -> list[int]:
        rows = await (
            policy.documents_visible_to(loaders.actor)
            .filter(folder_id__in=set(keys))
            .annotate(n=Count("id"))
            .group_by("folder_id")
            .values_list("folder_id", "n")
        )
        counts = {int(f): int(n) for f, n in rows}
        return [counts.get(k, 0) for k in keys]

    return loaders.get("document_count_by_folder_id", lambda: DataLoader(load))  # type: ignore[arg-type]


PageKey = tuple[int, int | None, str | None]  # (folder id, first, after)
Page = tuple[list[tuple[str, Document]], PageInfo]


def document_page_by_folder(loaders: Loaders) -> DataLoader[PageKey, Page]:
    """One keyset page of a folder's visible documents.

    First pages of many folders at once (a client asking for every folder's documents) are batched: one query
    for the ids of the folders' visible documents, cut per folder in Python, and one for the rows of the pages;
    a page after a cursor (one folder scrolling on) is one keyset query.
    """

    async def load(keys: list[PageKey]) -> list[Page]:
        found: dict[PageKey, Page] = {}
        firsts = [k for k in keys if k[2] is None]
        for first in {k[1] for k in firsts}:
            found |= await _first_pages([k[0] for k in firsts if k[1] == first], first)
        for key in keys:
            if key[2] is not None and key not in found:
                qs = policy.documents_visible_to(loaders.actor).filter(folder_id=key[0])
                found[key] = await keyset_page(qs, first=key[1], after=key[2], order=DOCUMENT_ORDER)
        return [found[k] for k in keys]

    async def _first_pages(folder_ids: list[int], first: int | None) -> dict[PageKey, Page]:
        # Validate `first` the way every other page does (same error), on an empty query.
        await keyset_page(Document.filter(id__in=[]), first=first, after=None, order=DOCUMENT_ORDER)
        size = 50 if first is None else first
        visible = policy.documents_visible_to(loaders.actor).filter(folder_id__in=set(folder_ids))
        ids: dict[int, list[int]] = defaultdict(list)
        for folder_id, doc_id in await visible.order_by("folder_id", *DOCUMENT_ORDER).values_list("folder_id", "id"):
            if len(ids[int(folder_id)]) <= size:  # one more than the page: is there a next one?
                ids[int(folder_id)].append(int(doc_id))
        wanted = [d for group in ids.values() for d in group[:size]]
        rows = {d.id: d for d in await Document.filter(id__in=wanted)} if wanted else {}
        pages: dict[PageKey, Page] = {}
        for folder_id in folder_ids:
            group = ids.get(folder_id, [])
            pairs = [(row_cursor(rows[d], DOCUMENT_ORDER), rows[d]) for d in group[:size]]
            pages[(folder_id, first, None)] = (pairs, PageInfo(
                has_next_page=len(group) > size, has_previous_page=False,
                start_cursor=pairs[0][0] if pairs else None, end_cursor=pairs[-1][0] if pairs else None,
            ))
        return pages

    return loaders.get("document_page_by_folder", lambda: DataLoader(load))  # type: ignore[arg-type]


def _ids_in(loaders: Loaders, name: str, queryset_of: Any) -> DataLoader[int, bool]:
    """Membership of folder ids in one of the policy's folder querysets, for a whole tree in one query."""

    async def load(keys: list[int]) -> list[bool]:
        ids = {int(i) for i in await queryset_of(loaders.actor).filter(id__in=set(keys)).values_list("id", flat=True)}
        return [k in ids for k in keys]

    return loaders.get(name, lambda: DataLoader(load))  # type: ignore[arg-type]


def may_upload_by_folder_id(loaders: Loaders) -> DataLoader[int, bool]:
    return _ids_in(loaders, "may_upload_by_folder_id", policy.folders_open_for_upload)


def manages_permissions_by_folder_id(loaders: Loaders) -> DataLoader[int, bool]:
    return _ids_in(loaders, "manages_permissions_by_folder_id", policy.folders_with_permissions_managed_by)


def chosen_contacts_by_folder_id(loaders: Loaders) -> DataLoader[int, list[Contact]]:
    """The contacts chosen for each folder, as far as the caller may set folder permissions (others get [])."""

    async def load(keys: list[int]) -> list[list[Contact]]:
        managed = policy.folders_with_permissions_managed_by(loaders.actor).filter(id__in=set(keys))
        pairs = await managed.values_list("id", "contacts__id")
        contact_ids = {int(c) for _, c in pairs if c is not None}
        contacts = {
            c.id: c for c in await policy.contacts_for_folder_permissions(loaders.actor).filter(id__in=contact_ids)
        } if contact_ids else {}
        groups: dict[int, list[Contact]] = defaultdict(list)
        for folder_id, contact_id in pairs:
            if contact_id is not None and int(contact_id) in contacts:
                groups[int(folder_id)].append(contacts[int(contact_id)])
        return [sorted(groups.get(k, []), key=lambda c: (c.full_name.lower(), c.id)) for k in keys]

    return loaders.get("chosen_contacts_by_folder_id", lambda: DataLoader(load))  # type: ignore[arg-type]


def permission_contacts_by_customer_id(loaders: Loaders) -> DataLoader[int, list[Contact]]:
    async def load(keys: list[int]) -> list[list[Contact]]:
        rows = await policy.contacts_for_folder_permissions(loaders.actor).filter(customer_id__in=set(keys)).order_by(
            "first_name", "last_name", "id"
        )
        groups: dict[int, list[Contact]] = defaultdict(list)
        for c in rows:
            groups[c.customer_id].append(c)
        return [groups.get(k, []) for k in keys]

    return loaders.get("permission_contacts_by_customer_id", lambda: DataLoader(load))  # type: ignore[arg-type]


def versions_by_document_id(loaders: Loaders) -> DataLoader[int, list[DocumentVersion]]:
    async def load(keys: list[int]) -> list[list[DocumentVersion]]:
        rows = await policy.document_versions_visible_to(loaders.actor).filter(document_id__in=set(keys)).order_by(
            "-number"
        )
        groups: dict[int, list[DocumentVersion]] = defaultdict(list)
        for v in rows:
            groups[v.document_id].append(v)
        return [groups.get(k, []) for k in keys]

    return loaders.get("versions_by_document_id", lambda: DataLoader(load))  # type: ignore[arg-type]


def folder_tree_by_hub_id(loaders: Loaders) -> DataLoader[int, list[Folder]]:
    """The hub's folders the caller may see: staff folders by name, then date folders newest first (the order
    the same on SQLite and PostgreSQL, which sort a null date differently)."""

    async def load(keys: list[int]) -> list[list[Folder]]:
        groups: dict[int, list[Folder]] = defaultdict(list)
        for f in await policy.folders_visible_to(loaders.actor).filter(hub_id__in=set(keys)):
            groups[f.hub_id].append(f)
        return [sorted(groups.get(k, []), key=_tree_order) for k in keys]

    return loaders.get("folder_tree_by_hub_id", lambda: DataLoader(load))  # type: ignore[arg-type]


def _tree_order(f: Folder) -> tuple[Any, ...]:
    if f.date is None:
        return (0, f.name.casefold(), f.id)
    return (1, -f.date.toordinal(), -f.id)
