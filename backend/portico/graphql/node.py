"""The Relay `Node` interface and `node(id)` lookup, each type resolving through the policy."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry

from portico.actors import Actor
from portico.graphql.relay import pk_from_global_id


@strawberry.interface
class Node:
    id: strawberry.ID


# type name -> async (actor, pk) -> strawberry object or None. Filled by each domain's types module.
_RESOLVERS: dict[str, Callable[[Actor, int], Awaitable[Any]]] = {}


# type name -> (info of the `node` field, selections under `... on TypeName`, pk) -> None: starts loaders the
# selection will need, so that their statements run beside the node's own lookup instead of after it.
_PREFETCHES: dict[str, Callable[[Any, list[Any], int], None]] = {}


def register_node(type_name: str, resolve: Callable[[Actor, int], Awaitable[Any]]) -> None:
    _RESOLVERS[type_name] = resolve


def register_node_prefetch(type_name: str, start: Callable[[Any, list[Any], int], None]) -> None:
    _PREFETCHES[type_name] = start


def register_policy_node(
    type_name: str, queryset_of: Callable[[Actor], Any], convert: Callable[[Any], Any]
) -> None:
    """The common case: `node(id)` finds the row among `queryset_of(actor)` (a policy queryset) and converts it."""

    async def resolve(actor: Actor, pk: int) -> Any:
        row = await queryset_of(actor).filter(id=pk).first()
        return convert(row) if row else None

    register_node(type_name, resolve)


async def resolve_node(actor: Actor, global_id: str, info: Any = None) -> Any:
    """The node, or None; with `info` (the `node` field's), the type's prefetch starts first (a loaded row the node
    turns out not to be visible for is never returned: every loader reads through the policy itself)."""
    decoded = pk_from_global_id(global_id)
    if decoded is None:
        return None
    type_name, pk = decoded
    resolver = _RESOLVERS.get(type_name)
    start = _PREFETCHES.get(type_name)
    if resolver and start and info is not None:
        for field in info.selected_fields:
            for selection in field.selections:
                if getattr(selection, "type_condition", None) == type_name:
                    start(info, selection.selections, pk)
    return await resolver(actor, pk) if resolver else None
