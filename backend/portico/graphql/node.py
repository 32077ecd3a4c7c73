"""The Relay `Node` interface and `node(id)` lookup, each type resolving through the policy."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry

from graphql import InlineFragmentNode
from portico.actors import Actor
from portico.graphql.relay import pk_from_global_id


@strawberry.interface
class Node:
    id: strawberry.ID


# type name -> async (actor, pk) -> strawberry object or None. Filled by each domain's types module.
_RESOLVERS: dict[str, Callable[[Actor, int], Awaitable[Any]]] = {}


# type name -> (info of the `node` field, the syntax nodes under `... on TypeName`, pk) -> an awaitable of the node read
# together with what the selection asks of it (one statement instead of the lookup and then the rest), or None when
# the selection asks nothing such a reader reads: the type's resolver looks it up as usual.
_READ_WITH: dict[str, Callable[[Any, list[Any], int], Awaitable[Any] | None]] = {}


def register_node(type_name: str, resolve: Callable[[Actor, int], Awaitable[Any]]) -> None:
    _RESOLVERS[type_name] = resolve


def register_node_reader(type_name: str, read: Callable[[Any, list[Any], int], Awaitable[Any] | None]) -> None:
    _READ_WITH[type_name] = read


def register_policy_node(
    type_name: str, queryset_of: Callable[[Actor], Any], convert: Callable[[Any], Any]
) -> None:
    """The common case: `node(id)` finds the row among `queryset_of(actor)` (a policy queryset) and converts it."""

    async def resolve(actor: Actor, pk: int) -> Any:
        row = await queryset_of(actor).filter(id=pk).first()
        return convert(row) if row else None

    register_node(type_name, resolve)


async def resolve_node(actor: Actor, global_id: str, info: Any = None) -> Any:
    """The node, or None; with `info` (the `node` field's), read by the type's reader with what the selection asks
    when it has one (which reads through the policy like the resolver)."""
    decoded = pk_from_global_id(global_id)
    if decoded is None:
        return None
    type_name, pk = decoded
    resolver = _RESOLVERS.get(type_name)
    read = _READ_WITH.get(type_name)
    if resolver and read and info is not None:
        # The query's own syntax tree: strawberry's `selected_fields` converts the whole selection on every call.
        for node in info._raw_info.field_nodes:
            for s in node.selection_set.selections if node.selection_set else ():
                if isinstance(s, InlineFragmentNode) and s.type_condition and s.type_condition.name.value == type_name:
                    reading = read(info, list(s.selection_set.selections), pk)
                    if reading is not None:
                        return await reading
    return await resolver(actor, pk) if resolver else None
