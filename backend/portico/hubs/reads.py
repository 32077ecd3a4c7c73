"""The hub page's reads, one statement each (issue 8): a hub with its customer, the folder tree with each folder's
sender and count of visible documents, a folder's keyset page of documents with their figures.

Who sees what is the policy's: each statement embeds the policy's own rules (`policy_sql.condition`), and
tests/hubs/test_policy_sql.py checks every read here against the same read through the policy's querysets for every
kind of caller. Rows become model instances the way Tortoise builds them (`policy_sql.instance`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from portico import policy, policy_sql
from portico.accounts.models import Member
from portico.activity import insights
from portico.actors import Actor
from portico.customers.models import Customer
from portico.hubs.models import Document, Folder, Hub
from portico.policy_sql import columns, instance

DOCUMENT_ORDER = ("id",)  # upload order: stable under inserts (new documents land on the last page)


async def find(actor: Actor, rule: Any, model: type[Any], pk: int) -> Any:
    """The row `pk` of `rule(actor)` (a policy queryset function over `model`), or None."""
    q = policy_sql.Statement()
    rows = await q.rows(q.visible_row(policy_sql.condition(rule, actor), pk))
    return instance(model, rows[0]) if rows else None


@dataclass
class TreeFolder:
    folder: Folder
    sender: Member | None  # None: no sender (staff folders), or one the caller may not see
    document_count: int  # documents the caller may see in the folder (not counting subfolders)


@dataclass
class HubRead:
    hub: Hub
    customer: Customer | None  # None: the caller may see the hub but not its customer (a key without CUSTOMERS_READ)
    tree: list[TreeFolder] | None  # asked for with `with_tree` (unsorted)


async def hub_with_customer(actor: Actor, pk: int, *, with_tree: bool = False) -> HubRead | None:
    """A hub the actor may see, with its customer if they may see that too, and with `with_tree` its folder tree
    (`folder_trees`): one statement, a row per folder."""
    q = policy_sql.Statement()
    counts = _counts(q, actor, [pk]) if with_tree else ""
    hubs = q.visible_row(policy_sql.condition(policy.hubs_visible_to, actor), pk)
    customers = q.visible(policy_sql.condition(policy.customers_visible_to, actor), "*")
    sql = (
        counts
        + f'SELECT {columns(Hub, "h", "h.")}, {columns(Customer, "c", "c.")}'
        + (f", {_tree_columns()}" if with_tree else "")
        + f' FROM ({hubs}) "h" LEFT JOIN ({customers}) "c" ON "c"."id" = "h"."customer_id"'
    )
    if with_tree:
        sql += " LEFT JOIN " + _tree_joins(q, actor, [pk], on='"f"."hub_id" = "h"."id"')
    rows = await q.rows(sql)
    if not rows:
        return None
    row = rows[0]
    customer = instance(Customer, row, "c.") if row["c.id"] is not None else None
    senders: dict[int, Member] = {}
    tree = [_tree_folder(r, senders) for r in rows if r["f.id"] is not None] if with_tree else None
    return HubRead(instance(Hub, row, "h."), customer, tree)


def _tree_columns() -> str:
    # Built when asked: models know their columns only once Tortoise is initialised.
    return f'{columns(Folder, "f", "f.")}, {columns(Member, "m", "m.")}, "n"."n" AS "n"'


def _counts(q: policy_sql.Statement, actor: Actor, hub_ids: list[int]) -> str:
    """`WITH "n"`: the number of visible documents per folder of the hubs, counted once before the join (joined
    as a sub-select, PostgreSQL's generic plan re-counted them for every folder: issue 8's profile). Goes first
    in the statement, its placeholders with it."""
    counts = q.visible(policy_sql.condition(policy.documents_visible_to, actor), '"folder_id", COUNT(*) AS "n"')
    counts += f' AND "hub_id" IN ({q.ps(hub_ids)}) GROUP BY "folder_id"'
    return f'WITH "n" AS MATERIALIZED ({counts}) '


def _tree_joins(q: policy_sql.Statement, actor: Actor, hub_ids: list[int], on: str = "") -> str:
    """`(visible folders of the hubs) "f" [ON on]` joined with their visible senders "m" and the counts "n" of
    `_counts`."""
    folders = q.visible(policy_sql.condition(policy.folders_visible_to, actor), "*")
    folders += f' AND "hub_id" IN ({q.ps(hub_ids)})'
    members = q.visible(policy_sql.condition(policy.members_visible_to, actor), "*")
    return (
        f'({folders}) "f"{f" ON {on}" if on else ""} LEFT JOIN ({members}) "m" ON "m"."id" = "f"."sender_id" '
        'LEFT JOIN "n" ON "n"."folder_id" = "f"."id"'
    )


def _tree_folder(row: Any, senders: dict[int, Member]) -> TreeFolder:
    """A row of the tree; `senders` keeps each sender made once (a few people send to a hub's many folders)."""
    sender_id = row["m.id"]
    sender = None
    if sender_id is not None:
        sender = senders.get(sender_id) or senders.setdefault(sender_id, instance(Member, row, "m."))
    return TreeFolder(instance(Folder, row, "f."), sender, int(row["n"] or 0))


async def folder_trees(actor: Actor, hub_ids: list[int]) -> dict[int, list[TreeFolder]]:
    """Each hub's folders the caller may see with their senders and counts, unsorted: one statement."""
    q = policy_sql.Statement()
    counts = _counts(q, actor, hub_ids)
    rows = await q.rows(f"{counts}SELECT {_tree_columns()} FROM {_tree_joins(q, actor, hub_ids)}")
    trees: dict[int, list[TreeFolder]] = defaultdict(list)
    senders: dict[int, Member] = {}
    for row in rows:
        t = _tree_folder(row, senders)
        trees[t.folder.hub_id].append(t)
    return trees


@dataclass
class DocumentPage:
    documents: list[tuple[Document, insights.Figures]]  # at most `first`, in DOCUMENT_ORDER
    has_next_page: bool


async def document_pages(actor: Actor, first: int, after: dict[int, int | None]) -> dict[int, DocumentPage]:
    """For each folder of `after` (folder id -> the id of the last document already shown, or None for the first
    page): the next `first` documents the caller may see with their figures (over the events the caller may see),
    and whether more follow. One statement for all the folders."""
    q = policy_sql.Statement()
    pages = _pages(q, actor, first, after)
    rows = await q.rows(
        f'{pages}SELECT {columns(Document, "d", "d.")}, "e".* FROM "page" "d" '
        f'LEFT JOIN "e" ON "e"."document_id" = "d"."id" ORDER BY "d"."folder_id", "d"."id"'
    )
    return _split_pages(rows, first, after)


async def folder_with_first_page(actor: Actor, pk: int, first: int) -> tuple[Folder, DocumentPage] | None:
    """A folder the actor may see with the first page of its documents (as `document_pages` gives it), or None: one
    statement, how a folder is opened. A row per document, or one with no document for an empty folder; none when
    the folder is not visible (its documents never are then: a folder holding a visible document is visible)."""
    q = policy_sql.Statement()
    pages = _pages(q, actor, first, {pk: None})
    folders = q.visible_row(policy_sql.condition(policy.folders_visible_to, actor), pk)
    rows = await q.rows(
        f'{pages}SELECT {columns(Folder, "f", "f.")}, {columns(Document, "d", "d.")}, "e".* FROM ({folders}) "f" '
        f'LEFT JOIN "page" "d" ON "d"."folder_id" = "f"."id" LEFT JOIN "e" ON "e"."document_id" = "d"."id" '
        f'ORDER BY "d"."id"'
    )
    if not rows:
        return None
    documents = [r for r in rows if r["d.id"] is not None]
    return instance(Folder, rows[0], "f."), _split_pages(documents, first, {pk: None})[pk]


def _pages(q: policy_sql.Statement, actor: Actor, first: int, after: dict[int, int | None]) -> str:
    """`WITH "page"` (the next `first` + 1 visible documents of each folder of `after`, see `document_pages`) and
    `"e"` (their figures over the events the caller may see)."""
    ranked = q.visible(
        policy_sql.condition(policy.documents_visible_to, actor),
        '*, ROW_NUMBER() OVER (PARTITION BY "folder_id" ORDER BY "id") AS "rn"',
    )
    pages = []
    for folder_id, last in after.items():
        pages.append(f'("folder_id" = {q.p(folder_id)}' + (f' AND "id" > {q.p(last)})' if last is not None else ")"))
    ranked += f" AND ({' OR '.join(pages)})"
    page = f'SELECT * FROM ({ranked}) "ranked" WHERE "rn" <= {q.p(first + 1)}'
    events = q.visible(policy_sql.condition(policy.events_visible_to, actor),
                       f'"document_id", {insights.figure_columns()}')
    events += ' AND "document_id" IN (SELECT "id" FROM "page") GROUP BY "document_id"'
    # The figures are a CTE of their own: as a joined sub-select, PostgreSQL's generic plan re-grouped them for
    # every document of the page.
    return f'WITH "page" AS ({page}), "e" AS MATERIALIZED ({events}) '


def _split_pages(rows: list[Any], first: int, after: dict[int, int | None]) -> dict[int, DocumentPage]:
    """Rows of documents (columns "d.*" and the figures), in DOCUMENT_ORDER within each folder, as pages."""
    found: dict[int, list[tuple[Document, insights.Figures]]] = defaultdict(list)
    for row in rows:
        document = instance(Document, row, "d.")
        figures = insights.figures_of_row(row) if row["document_id"] is not None else insights.Figures()
        found[document.folder_id].append((document, figures))
    return {f: DocumentPage(found[f][:first], len(found[f]) > first) for f in after}
