"""What is worked out once per GraphQL syntax tree, kept on the schema it was worked out for.

strawberry's ParserCache gives every request of one query text the same syntax tree, so anything derived from the
tree alone (its validation, its execution plan) can be found again by the tree's identity, without hashing the tree
(graphql-core's nodes hash all their children). Entries live on the GraphQLSchema, so a schema keeps nothing of
another alive, and each keeps its tree, so that the tree's id is not reused while the entry lives; the oldest entry
goes first once `limit` are kept (the ParserCache keeps 512 texts).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from graphql import GraphQLSchema

T = TypeVar("T")


def kept(schema: GraphQLSchema, slot: str, tree: Any, also: Any, make: Callable[[], T], *, limit: int = 1024) -> T:
    """`make()` for `tree` (a syntax node), computed once per schema and `slot`; `also` is what else the value
    depends on (compared with ==: a changed one makes it again)."""
    entries: dict[int, tuple[Any, Any, Any]] = schema.__dict__.setdefault(slot, {})
    found = entries.get(id(tree))
    if found is not None and found[0] is tree and found[1] == also:
        return found[2]  # type: ignore[no-any-return]
    value = make()
    if len(entries) >= limit:
        del entries[next(iter(entries))]
    entries[id(tree)] = (tree, also, value)
    return value
