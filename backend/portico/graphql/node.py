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


def register_node(type_name: str, resolve: Callable[[Actor, int], Awaitable[Any]]) -> None:
    _RESOLVERS[type_name] = resolve


def register_policy_node(
    type_name: str, queryset_of: Callable[[Actor], Any], convert: Callable[[Any], Any]
) -> None:
    """The common case: `node(id)` finds the row among `queryset_of(actor)` (a policy queryset) and converts it."""

    async def resolve(actor: Actor, pk: int) -> Any:
        row = await queryset_of(actor).filter(id=pk).first()
        return convert(row) if row else None

    register_node(type_name, resolve)


async def resolve_node(actor: Actor, global_id: str) -> Any:
    decoded = pk_from_global_id(global_id)
    if decoded is None:
        return None
    type_name, pk = decoded
    resolver = _RESOLVERS.get(type_name)
    return await resolver(actor, pk) if resolver else None
