"""A Tortoise queryset whose SQL is built once per database dialect, then executed with new parameters.

Tortoise builds a statement anew every time a queryset is awaited: pypika copies the query tree for every
`.filter()` and `.select_related()` and renders it to text. For the caller's lookup, run before every request, that
was most of the request's fixed cost (a five-table join: ~3.5 ms of building on this machine for a ~1 ms query).

`Precompiled` builds the queryset once with placeholder strings, keeps its parameterized SQL and the row layout
Tortoise computed for it, and afterwards runs that SQL through Tortoise's own executor, so the rows become the same
model instances (related ones attached) as awaiting the queryset gives. Only string parameters, each used once, and
querysets without prefetching or annotations: what the caller lookups need, and checked when the SQL is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model
from tortoise.queryset import QuerySet
from tortoise.router import router

MODEL = TypeVar("MODEL", bound=Model)


@dataclass(frozen=True)
class _Compiled:
    sql: str
    values: list[Any]  # the queryset's parameters, placeholders included
    slots: dict[str, int]  # parameter name -> index in `values`
    select_related_idx: list[Any]


class Precompiled(Generic[MODEL]):
    """`Precompiled(Model, lambda p: Model.filter(col=p["name"]).select_related(...), "name")`, then
    `await q.all(name=value)` or `await q.first(name=value)`."""

    def __init__(self, model: type[MODEL], build: Callable[[dict[str, str]], QuerySet[MODEL]], *params: str) -> None:
        self.model = model
        self._build = build
        self._params = params
        self._by_dialect: dict[str, _Compiled] = {}

    def _compile(self, db: BaseDBAsyncClient) -> _Compiled:
        # Short (fields validate their max_length on filters too) and unlike any value a query would hold.
        placeholders = {name: f"\x00{n}" for n, name in enumerate(self._params)}
        queryset = self._build(placeholders)
        if queryset.model is not self.model:
            raise ValueError(f"the queryset selects {queryset.model.__name__}, not {self.model.__name__}")
        if queryset._prefetch_map or queryset._prefetch_queries or queryset._annotations:
            raise ValueError("Precompiled queries take no prefetch_related() and no annotate()")
        queryset._db = db
        queryset._make_query()
        sql, values = queryset.query.get_parameterized_sql()
        slots = {}
        for name, placeholder in placeholders.items():
            found = [i for i, v in enumerate(values) if v == placeholder]
            if len(found) != 1:
                raise ValueError(f"parameter {name!r} must be used exactly once as a plain value, not {len(found)}")
            slots[name] = found[0]
        return _Compiled(sql, list(values), slots, list(queryset._select_related_idx))

    async def all(self, **params: str) -> list[MODEL]:
        # The connection a queryset would choose now (inside a transaction, the transaction's).
        db = router.db_for_read(self.model) or self.model._meta.db
        compiled = self._by_dialect.get(db.capabilities.dialect)
        if compiled is None:
            compiled = self._by_dialect[db.capabilities.dialect] = self._compile(db)
        values = list(compiled.values)
        for name, index in compiled.slots.items():
            values[index] = params[name]
        executor = db.executor_class(model=self.model, db=db, select_related_idx=compiled.select_related_idx)
        return list(await executor.execute_select(compiled.sql, values))

    async def first(self, **params: str) -> MODEL | None:
        rows = await self.all(**params)
        return rows[0] if rows else None
