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
from portico.activity import insights
from portico.customers.models import Contact
from portico.errors import DomainError
from portico.graphql.loaders import Loaders
from portico.graphql.relay import MAX_PAGE, PageInfo, _decode_cursor, row_cursor
from portico.hubs import reads
from portico.hubs.models import Document, DocumentVersion, Folder

DOCUMENT_ORDER = reads.DOCUMENT_ORDER


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
Page = tuple[list[tuple[str, Document, insights.Figures]], PageInfo]


def document_page_by_folder(loaders: Loaders) -> DataLoader[PageKey, Page]:
    """One keyset page of a folder's visible documents with their figures.

    Pages of many folders at once (a client asking for every folder's documents) are one statement per page size
    (`reads.document_pages`); a folder asked twice with different cursors in one request costs one more.
    """

    async def load(keys: list[PageKey]) -> list[Page]:
        found: dict[PageKey, Page] = {}
        pending = list(dict.fromkeys(keys))
        while pending:
            batch: dict[int | None, dict[int, PageKey]] = defaultdict(dict)
            rest = []
            for key in pending:
                folders = batch[key[1]]
                if key[0] in folders:
                    rest.append(key)
                else:
                    folders[key[0]] = key
            for first, by_folder in batch.items():
                size = page_size(first)
                after = {f: after_id(k[2]) for f, k in by_folder.items()}
                pages = await reads.document_pages(loaders.actor, size, after)
                for folder_id, key in by_folder.items():
                    found[key] = page_of(pages[folder_id])
            pending = rest
        return [found[k] for k in keys]

    return loaders.get("document_page_by_folder", lambda: DataLoader(load))  # type: ignore[arg-type]


DEFAULT_PAGE = 50  # `Folder.documents(first:)` when not given


def page_size(first: int | None) -> int:
    size = DEFAULT_PAGE if first is None else first
    if not 0 <= size <= MAX_PAGE:
        raise DomainError("INVALID_PAGE_SIZE", f"`first` must be between 0 and {MAX_PAGE}.", "first")
    return size


def after_id(after: str | None) -> int | None:
    """The document id a cursor of this order carries (the cursors `keyset_page` gives for DOCUMENT_ORDER)."""
    if not after:
        return None
    value = _decode_cursor(after, len(DOCUMENT_ORDER))[0]
    if not isinstance(value, int) or isinstance(value, bool):
        raise DomainError("INVALID_CURSOR", "The cursor is not one this API gave out.", "after")
    return value


def page_of(page: reads.DocumentPage) -> Page:
    """A page of `reads` as `document_page_by_folder` gives it (cursors and page info)."""
    triples = [(row_cursor(d, DOCUMENT_ORDER), d, f) for d, f in page.documents]
    return triples, PageInfo(
        has_next_page=page.has_next_page, has_previous_page=False,
        start_cursor=triples[0][0] if triples else None, end_cursor=triples[-1][0] if triples else None,
    )


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


def folder_tree_by_hub_id(loaders: Loaders) -> DataLoader[int, list[reads.TreeFolder]]:
    """The hub's folders the caller may see, each with its sender and count (one statement for many hubs): staff
    folders by name, then date folders newest first (the order the same on SQLite and PostgreSQL, which sort a
    null date differently)."""

    async def load(keys: list[int]) -> list[list[reads.TreeFolder]]:
        trees = await reads.folder_trees(loaders.actor, list(set(keys)))
        return [_sorted(trees.get(k, [])) for k in keys]

    return loaders.get("folder_tree_by_hub_id", lambda: DataLoader(load))  # type: ignore[arg-type]


def prime_tree(loaders: Loaders, hub_id: int, tree: list[reads.TreeFolder]) -> None:
    """A hub's tree read with the hub (`reads.hub_with_customer`), so `Hub.folders` costs no statement."""
    folder_tree_by_hub_id(loaders).prime(hub_id, _sorted(tree))


def _sorted(tree: list[reads.TreeFolder]) -> list[reads.TreeFolder]:
    return sorted(tree, key=lambda t: _tree_order(t.folder))


def _tree_order(f: Folder) -> tuple[Any, ...]:
    if f.date is None:
        return (0, f.name.casefold(), f.id)
    return (1, -f.date.toordinal(), -f.id)
