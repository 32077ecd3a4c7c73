"""The policy's visibility rules as SQL conditions, for hand-written statements on hot read paths (issue 8).

`policy` decides who sees what as Tortoise querysets. Rendering their nested subqueries with pypika on every request
was about 40% of a staff hub page's CPU, yet a rule's SQL depends only on what `policy.visibility_key` holds of the
caller (kind, role, ids, settings, scopes), never on the data. So a rule is rendered once per (rule, visibility key,
database dialect) and kept: `condition(policy.documents_visible_to, actor)` is that queryset's own WHERE clause with
its parameters, to embed in a statement over the same table. Nothing here decides who sees what;
tests/hubs/test_policy_sql.py checks that each condition selects exactly the rows of its queryset for every kind of
caller, on SQLite and PostgreSQL.

A condition reads its table's columns unqualified (as Tortoise wrote them), so it goes where that table is the only
one in scope, unaliased: `Statement.visible(...)` writes such a sub-select.
"""

from __future__ import annotations

import functools
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from tortoise import connections
from tortoise.models import Model
from tortoise.queryset import QuerySet

from portico import policy
from portico.actors import Actor
from portico.db import dialect

M = TypeVar("M", bound=Model)
_PG_PARAM = re.compile(r"\$(\d+)")
_CACHE_SIZE = 4096


@dataclass(frozen=True)
class Condition:
    """A rule's WHERE clause over `table`, placeholders written "?", with its values in order."""

    table: str
    sql: str
    values: tuple[Any, ...]


_cache: OrderedDict[tuple[Any, ...], Condition] = OrderedDict()


def condition(rule: Callable[[Actor], QuerySet[M]], actor: Actor) -> Condition:
    """`rule(actor)` (a policy queryset function) as a condition on its model's table, rendered once per shape."""
    key = (rule.__qualname__, policy.visibility_key(actor), dialect())
    found = _cache.get(key)
    if found is not None:
        _cache.move_to_end(key)
        return found
    found = compile_queryset(rule(actor))
    _cache[key] = found
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return found


def compile_queryset(queryset: QuerySet[M]) -> Condition:
    """The queryset's filter as a condition on its table. A queryset whose top level joins other tables (a filter
    across a relation) becomes `"id" IN (<its statement>)`, which means the same rows."""
    table = queryset.model._meta.db_table
    queryset._choose_db_if_not_chosen()
    queryset._make_query()
    sql, values = queryset.query.get_parameterized_sql()
    sql, ordered = _neutral(sql, list(values))
    head = f' FROM "{table}" WHERE '
    at = sql.find(head)
    plain = (
        at > 0
        and sql.startswith("SELECT ")
        and not sql.startswith("SELECT DISTINCT")
        and "(" not in sql[:at]
        and not (queryset._orderings or queryset._limit or queryset._offset or queryset._group_bys)
    )
    if plain:
        return Condition(table, sql[at + len(head):], tuple(ordered))
    pk = queryset.model._meta.db_pk_column
    inner = f'SELECT "{pk}" FROM ({sql}) "visible"'
    return Condition(table, f'"{pk}" IN ({inner})', tuple(ordered))


def _neutral(sql: str, values: list[Any]) -> tuple[str, list[Any]]:
    """PostgreSQL's numbered placeholders become "?" in order of appearance (values reordered to match)."""
    if "$" not in sql:
        assert sql.count("?") == len(values), sql
        return sql, values
    ordered: list[Any] = []

    def swap(match: re.Match[str]) -> str:
        ordered.append(values[int(match.group(1)) - 1])
        return "?"

    text = _PG_PARAM.sub(swap, sql)
    assert "?" not in _PG_PARAM.sub("", sql), sql
    return text, ordered


class Statement:
    """One raw statement built piece by piece: `p(value)` and `visible(...)` return SQL text and record their values
    in the order they are written (use them inside one f-string, left to right, or in writing order)."""

    def __init__(self) -> None:
        self.postgres = dialect() == "postgres"
        self.values: list[Any] = []

    def p(self, value: Any) -> str:
        self.values.append(value)
        return f"${len(self.values)}" if self.postgres else "?"

    def ps(self, values: Any) -> str:
        """A list of placeholders for IN (...); never empty (an empty list matches nothing)."""
        items = list(values)
        return ", ".join(self.p(v) for v in items) if items else "NULL"

    def cond(self, found: Condition) -> str:
        """The condition's text with its placeholders numbered from here."""
        if not self.postgres:
            self.values.extend(found.values)
            return found.sql
        parts = found.sql.split("?")
        out = [parts[0]]
        for value, rest in zip(found.values, parts[1:], strict=True):
            out.append(self.p(value))
            out.append(rest)
        return "".join(out)

    def visible(self, found: Condition, columns: str) -> str:
        """`SELECT columns FROM table WHERE (rule)`: the rows of the rule's table the caller may see, as a sub-select
        with its columns unqualified; narrow it by writing ` AND ...` (with `p`) right after."""
        return f'SELECT {columns} FROM "{found.table}" WHERE ({self.cond(found)})'

    def visible_row(self, found: Condition, pk: int) -> str:
        """`visible` narrowed to the row `pk`: no row when the caller may not see it."""
        return f'{self.visible(found, "*")} AND "id" = {self.p(pk)}'

    async def rows(self, sql: str) -> list[Any]:
        """The rows as the driver gives them (asyncpg's Record, sqlite3.Row), read by column name: Tortoise's
        execute_query_dict copies every row into a dict first, which showed in the hub page's profile."""
        return list((await connections.get("default").execute_query(sql, self.values))[1])


@functools.cache
def _layout(model: type[Model], prefix: str) -> tuple[tuple[str, str], ...]:
    """(column, key in the row) for each column of `model` (models know their columns once Tortoise is set up)."""
    return tuple((c, prefix + c) for c in model._meta.db_fields)


@functools.cache
def columns(model: type[Model], alias: str, prefix: str = "") -> str:
    """Every column of `model` from `alias`, named `prefix + column` (to split joined rows back into models); the
    same text every time, so made once."""
    return ", ".join(f'{alias}."{c}" AS "{key}"' for c, key in _layout(model, prefix))


def instance(model: type[M], row: Any, prefix: str = "") -> M:
    """A model instance from a raw row, the one Tortoise's `_init_from_db` builds (SQLite's text dates included).

    Built as `_init_from_db` builds it, minus its per-call work: the keyword dict, its three passes over the
    field lists and four attribute sets through `Model.__setattr__` (3.2 instead of 7.6 us a Document; a hub page
    builds about 75). tests/hubs/test_policy_sql.py compares both for every model, on both databases."""
    build = _builders.get((model, prefix))
    if build is None:
        build = _builders[(model, prefix)] = _builder(model, prefix)
    if build is _init_from_db:
        return model._init_from_db(**{c: row[key] for c, key in _layout(model, prefix)})
    native, default, converted, custom_pk = build
    made = model.__new__(model)
    values = made.__dict__
    values.update(_partial=False, _saved_in_db=True, _custom_generated_pk=custom_pk, _await_when_save={})
    for key, name in native:
        values[name] = row[key]
    for key, name, field_type in default:
        value = row[key]
        values[name] = None if value is None else field_type(value)
    for key, name, convert in converted:
        values[name] = convert(row[key])
    return made


_init_from_db = object()  # a model whose attributes are not plain (a descriptor): built by Tortoise itself
_builders: dict[tuple[type[Model], str], Any] = {}


def _builder(model: type[Model], prefix: str) -> Any:
    """`_init_from_db`'s three field lists for `model` with the row's keys, and whether its primary key is not
    generated by the database."""
    meta = model._meta
    native = tuple((prefix + column, name) for column, name, _ in meta.db_native_fields)
    default = tuple((prefix + column, name, field.field_type) for column, name, field in meta.db_default_fields)
    converted = tuple((prefix + column, name, field.to_python_value)
                      for column, name, field in meta.db_complex_fields)
    names = [name for _, name in native] + [name for _, name, _ in default + converted]
    internal = ["_partial", "_saved_in_db", "_custom_generated_pk", "_await_when_save"]
    # Writing the instance's __dict__ is what object.__setattr__ does, unless the class has a data descriptor
    # (a property, a slot) of that name.
    if any(hasattr(type(getattr(model, name, None)), "__set__") for name in names + internal):
        return _init_from_db
    return native, default, converted, meta.db_pk_column not in meta.generated_db_fields
