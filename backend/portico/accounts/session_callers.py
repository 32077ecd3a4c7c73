"""A session's caller, read in one statement, and on PostgreSQL kept between requests while its rows are unchanged.

Every request resolves its caller: the session with its member or contact, their organization and the contact's
customer, some seventy columns made into model instances. Nearly every request of a session finds those rows as
the previous one did. On PostgreSQL every row version carries the transaction that wrote it (`xmin`), so the
statement that reads the caller also reads those versions, and the next request of the session asks only for the
versions (one narrow statement, no instances). When they are the same, the rows are the same, and the caller of
the previous request is used again, copied (`_copy`) so that a request changing its instances in memory, then
failing, cannot pass that change on. When any differs, the whole caller is read again.

Nothing is trusted without asking the database: a sign-out, a deactivation, a role, setting, access or module
changed, by whatever process or statement, shows on the very next request. An entry is kept at most MAX_AGE:
`xmin` is a 32-bit counter, and a version must not come round to an old value while an entry still holds it.
SQLite keeps no row versions: there the whole caller is read on every request (and inside a transaction, whose
rows may not be committed yet).
"""

from __future__ import annotations

import copy
import functools
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import TransactionalDBClient
from tortoise.models import Model, ModelMeta

from portico.accounts.models import Session

MAX_ENTRIES = 5_000  # sessions kept per process (~3 KiB each: ~15 MiB at most); the least recently used go first
MAX_AGE = 600.0  # seconds

# Who a session belongs to: the relations `select_related` would join (the live feed's re-check does, with these).
SESSION_CALLER = ("member__organization", "contact__organization", "contact__customer")


@functools.cache
def _joins() -> tuple[tuple[str, type[Model], str | None, str | None], ...]:
    """SESSION_CALLER's tables as the statement joins them: (alias, model, the alias it hangs from, through which
    foreign key field), parents first; the alias is the relation's path ("s" for the session itself). Made when
    first asked: models know their relations once Tortoise is set up."""
    joins: list[tuple[str, type[Model], str | None, str | None]] = [("s", Session, None, None)]
    models: dict[str, type[Model]] = {"s": Session}
    for path in SESSION_CALLER:
        parent = "s"
        for name in path.split("__"):
            alias = name if parent == "s" else f"{parent}__{name}"
            if alias not in models:
                models[alias] = models[parent]._meta.fields_map[name].related_model  # type: ignore[attr-defined]
                joins.append((alias, models[alias], parent, name))
            parent = alias
    return tuple(joins)


@dataclass
class _Entry:
    versions: tuple[Any, ...]
    session: Session
    stored_at: float


_entries: OrderedDict[str, _Entry] = OrderedDict()


def _from_clause(postgres: bool) -> str:
    joins = " ".join(
        f'LEFT JOIN "{model._meta.db_table}" "{alias}" ON "{alias}"."id" = "{parent}"."{field}_id"'
        for alias, model, parent, field in _joins()[1:]
    )
    return f'FROM "{Session._meta.db_table}" "s" {joins} WHERE "s"."token_hash" = {"$1" if postgres else "?"}'


def _versions_columns() -> str:
    return ", ".join(f'"{alias}"."xmin"::text AS "{alias}.xmin"' for alias, *_ in _joins())


@functools.cache
def _caller_sql(postgres: bool) -> str:
    """Every column of the caller's rows, by `alias.column`, and on PostgreSQL their versions."""
    from portico.policy_sql import columns  # policy_sql needs the policy, which needs the callers: not at import

    selected = ", ".join(columns(model, alias, f"{alias}.") for alias, model, *_ in _joins())
    if postgres:
        selected += ", " + _versions_columns()
    return f"SELECT {selected} {_from_clause(postgres)} LIMIT 1"


@functools.cache
def _versions_sql() -> str:
    return f"SELECT {_versions_columns()} {_from_clause(True)} LIMIT 1"


def _versions_of(row: Any) -> tuple[Any, ...]:
    return tuple(row[f"{alias}.xmin"] for alias, *_ in _joins())


def _session_of(row: Any) -> Session:
    """The session with its member or contact (and their organization, the contact's customer) attached as
    `select_related` attaches them."""
    from portico.policy_sql import instance

    found: dict[str, Model] = {}
    joins = _joins()
    for alias, model, parent, field in joins:
        if row[f"{alias}.id"] is None:
            continue
        found[alias] = instance(model, row, f"{alias}.")
        if parent is not None and parent in found:
            object.__setattr__(found[parent], f"_{field}", found[alias])
    for alias, _, parent, field in joins[1:]:
        if alias not in found and parent in found:
            object.__setattr__(found[parent], f"_{field}", None)
    session = found["s"]
    assert isinstance(session, Session)
    return session


def _copy(model: Model) -> Model:
    """A copy of an instance and of the instances attached to it, sharing nothing a request could change."""
    twin = model.__class__.__new__(model.__class__)
    state = dict(model.__dict__)  # written straight into the twin's __dict__: no Model.__setattr__ per attribute
    for name, value in state.items():
        # Asked of each value's exact class, by identity and a set lookup: isinstance(value, Model) goes through
        # ModelMeta's __instancecheck__, and isinstance(value, (list, dict, set)) tries each, for every attribute
        # (about 0.2 us each: half the copy). Tortoise's values are of these exact classes (JSON fields decode to
        # plain lists and dicts).
        kind = value.__class__
        if kind.__class__ is ModelMeta:
            state[name] = _copy(value)
        elif kind in _MUTABLE and name != "_await_when_save":
            state[name] = copy.deepcopy(value)  # JSON fields (a customer's modules)
    state["_await_when_save"] = {}
    twin.__dict__.update(state)
    return twin


_MUTABLE = frozenset({list, dict, set})


async def session_with_caller(db: Any, hash_: str) -> Session | None:
    """The session of `hash_` with its caller attached (as `select_related(*SESSION_CALLER)` gives it): on
    PostgreSQL the caller of the session's previous request when its rows are unchanged, else read anew."""
    postgres = db.capabilities.dialect == "postgres"
    # Inside a transaction the rows read may be its own, not yet committed: read the whole caller, keep nothing.
    kept = postgres and not isinstance(db, TransactionalDBClient)
    entry = _entries.get(hash_) if kept else None
    if entry is not None:
        if time.monotonic() - entry.stored_at > MAX_AGE:
            del _entries[hash_]
        else:
            rows = (await db.execute_query(_versions_sql(), [hash_]))[1]
            if not rows:
                del _entries[hash_]
                return None
            if _versions_of(rows[0]) == entry.versions:
                _entries.move_to_end(hash_)
                session = _copy(entry.session)
                assert isinstance(session, Session)
                return session
    rows = (await db.execute_query(_caller_sql(postgres), [hash_]))[1]
    if not rows:
        _entries.pop(hash_, None)
        return None
    session = _session_of(rows[0])
    if kept:
        _entries[hash_] = _Entry(_versions_of(rows[0]), session, time.monotonic())
        _entries.move_to_end(hash_)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
        copied = _copy(session)
        assert isinstance(copied, Session)
        session = copied
    return session
