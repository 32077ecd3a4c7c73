"""Per-request DataLoaders, named XByYLoader. Each batches one query per list, restricted by policy.

They are built once per HTTP request. A subscription loads per event instead (its context lives long and a
cache would go stale).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from functools import cached_property
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.queryset import QuerySet

from portico import policy
from portico.accounts.models import Member, Organization
from portico.actors import Actor
from portico.customers.models import Contact, Customer

T = TypeVar("T")


def _by_id(fetch: Callable[[list[int]], QuerySet[Any]]) -> Callable[[Sequence[int]], Awaitable[list[Any]]]:
    async def load(keys: Sequence[int]) -> list[Any]:
        rows = {row.id: row for row in await fetch(list(set(keys)))}
        return [rows.get(k) for k in keys]

    return load


def _grouped(
    fetch: Callable[[list[int]], Awaitable[Iterable[tuple[int, T]]]],
) -> Callable[[Sequence[int]], Awaitable[list[list[T]]]]:
    async def load(keys: Sequence[int]) -> list[list[T]]:
        groups: dict[int, list[T]] = defaultdict(list)
        for key, row in await fetch(list(set(keys))):
            groups[key].append(row)
        return [groups.get(k, []) for k in keys]

    return load


class Loaders:
    """Every loader of one request, for one actor. Each is made the first time it is asked for: a request uses a
    few of them, and a WebSocket keeps its context (and these) for as long as it is open, mostly idle (memory per
    live-feed connection: bench/idle_subscribers.py)."""

    def __init__(self, actor: Actor) -> None:
        self.actor = actor
        # Loaders of later domains register themselves here (see portico.graphql.hubs.loaders).
        self.extra: dict[str, DataLoader[Any, Any]] = {}

    @cached_property
    def member_by_id(self) -> DataLoader[int, Member | None]:
        actor = self.actor
        return DataLoader(_by_id(lambda ids: policy.members_visible_to(actor).filter(id__in=ids)))

    @cached_property
    def customer_by_id(self) -> DataLoader[int, Customer | None]:
        actor = self.actor
        return DataLoader(_by_id(lambda ids: policy.customers_visible_to(actor).filter(id__in=ids)))

    @cached_property
    def organization_by_id(self) -> DataLoader[int, Organization | None]:
        actor = self.actor
        return DataLoader(_by_id(lambda ids: Organization.filter(id__in=ids, id=actor.organization_id)))

    @cached_property
    def contacts_by_customer_id(self) -> DataLoader[int, list[Contact]]:
        return DataLoader(_grouped(self._contacts_by_customer))

    @cached_property
    def account_managers_by_customer_id(self) -> DataLoader[int, list[Member]]:
        return DataLoader(_grouped(self._account_managers_by_customer))

    @cached_property
    def contact_by_id(self) -> DataLoader[int, Contact | None]:
        actor = self.actor
        return DataLoader(_by_id(lambda ids: policy.contacts_visible_to(actor).filter(id__in=ids)))

    async def _contacts_by_customer(self, customer_ids: list[int]) -> list[tuple[int, Contact]]:
        rows = await policy.contacts_visible_to(self.actor).filter(customer_id__in=customer_ids).order_by(
            "-is_primary", "last_name", "first_name", "id"
        )
        return [(c.customer_id, c) for c in rows]

    async def _account_managers_by_customer(self, customer_ids: list[int]) -> list[tuple[int, Member]]:
        through = await Customer.filter(id__in=customer_ids, organization_id=self.actor.organization_id).values_list(
            "id", "account_managers__id"
        )
        member_ids = {m for _, m in through if m is not None}
        members = {m.id: m for m in await policy.members_visible_to(self.actor).filter(id__in=member_ids)}
        return [(c, members[m]) for c, m in through if m in members]

    def get(self, name: str, factory: Callable[[], DataLoader[Any, Any]]) -> DataLoader[Any, Any]:
        if name not in self.extra:
            self.extra[name] = factory()
        return self.extra[name]
