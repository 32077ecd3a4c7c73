"""Multi-row INSERT for Tortoise models: one statement per chunk of rows, optionally with the new ids.

Tortoise's `bulk_create` sends one execution per row (`executemany`) and gives no ids back; the reminder sweep
writes thousands of rows per batch and needs the ids of its outbox emails and actions to link the run rows to them.
PostgreSQL gets one array per column (`unnest`); SQLite a VALUES list per chunk of rows. (The SQL text is joined
here rather than built with pypika, whose builder copies the whole query for every row.)

Ids come back in the order of the rows given: the rows are inserted one after another in their order (a VALUES list;
`unnest ... WITH ORDINALITY ORDER BY` the ordinal), and each row draws
its id from the sequence (PostgreSQL) or as max(rowid) + 1 (SQLite, one writer at a time) as it is inserted, so the
ids of one statement ascend in row order whatever order RETURNING lists them in (other sessions' inserts can leave
gaps between them, never reorder them). The same reasoning SQLAlchemy's "insertmanyvalues" relies on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tortoise import fields as tf
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.fields.base import Field
from tortoise.models import Model

# Bind parameters per statement: under PostgreSQL's 32,767 and SQLite's 32,766 (its default since 3.32).
MAX_PARAMETERS = 30_000
# PostgreSQL: one array per column and `unnest` (a statement of a few parameters, whatever the number of rows: the
# server parses and plans no 30,000-parameter VALUES list). The array type per kind of field, and how the element
# becomes the column's type (JSON arrives as its text).
_POSTGRES_ARRAYS: tuple[tuple[type[Field], str, str], ...] = (
    (tf.BooleanField, "boolean[]", ""), (tf.IntField, "bigint[]", ""), (tf.BigIntField, "bigint[]", ""),
    (tf.SmallIntField, "bigint[]", ""), (tf.CharField, "text[]", ""), (tf.TextField, "text[]", ""),
    (tf.DatetimeField, "timestamptz[]", ""), (tf.DateField, "date[]", ""), (tf.DecimalField, "numeric[]", ""),
    (tf.JSONField, "text[]", "::jsonb"),
)


def _postgres_array(field: Field) -> tuple[str, str] | None:
    return next(((array, cast) for kind, array, cast in _POSTGRES_ARRAYS if isinstance(field, kind)), None)


async def insert_rows(model: type[Model], rows: Sequence[Model], connection: BaseDBAsyncClient, *,
                      returning_ids: bool = False) -> list[int]:
    """INSERT `rows` (unsaved instances without ids); with `returning_ids`, their new ids in the order of `rows`
    (also set on the instances)."""
    meta = model._meta
    names = [name for name in meta.fields_db_projection if not meta.fields_map[name].generated]
    values = [[meta.fields_map[name].to_db_value(getattr(row, name), row) for name in names] for row in rows]
    ids = await insert_values(model, names, values, connection, returning_ids=returning_ids, converted=True)
    for row, new_id in zip(rows, ids, strict=False):
        row.pk = new_id
        row._saved_in_db = True
    return ids


async def insert_values(model: type[Model], names: Sequence[str], rows: Sequence[Sequence[Any]],
                        connection: BaseDBAsyncClient, *, returning_ids: bool = False,
                        converted: bool = False) -> list[int]:
    """INSERT rows given as values of the fields `names` (in that order; the others take their database default),
    without making model instances; with `returning_ids`, the new ids in the order of `rows`."""
    if not rows:
        return []
    meta = model._meta
    fields = [meta.fields_map[name] for name in names]
    columns = ", ".join(f'"{meta.fields_db_projection[name]}"' for name in names)
    postgres = connection.capabilities.dialect == "postgres"
    arrays = [_postgres_array(field) for field in fields] if postgres else []
    if postgres and all(arrays):
        converted_rows = rows if converted else [
            [field.to_db_value(v, model) for field, v in zip(fields, row, strict=True)] for row in rows]
        return await _insert_unnest(meta.db_table, columns, arrays, converted_rows,  # type: ignore[arg-type]
                                    meta.db_pk_column, connection, returning_ids)
    per_statement = max(1, MAX_PARAMETERS // len(names))
    ids: list[int] = []
    for start in range(0, len(rows), per_statement):
        chunk = rows[start:start + per_statement]
        values: list[Any] = []
        tuples = []
        for row in chunk:
            if postgres:
                tuples.append("(" + ", ".join(f"${len(values) + i + 1}" for i in range(len(names))) + ")")
            else:
                tuples.append("(" + ", ".join("?" * len(names)) + ")")
            values += row if converted else [f.to_db_value(v, model) for f, v in zip(fields, row, strict=True)]
        sql = f'INSERT INTO "{meta.db_table}" ({columns}) VALUES {", ".join(tuples)}'
        if not returning_ids:
            await connection.execute_query(sql, values)
            continue
        # (execute_query_dict: asyncpg's execute_query drops the rows an INSERT returns.)
        result = await connection.execute_query_dict(f'{sql} RETURNING "{meta.db_pk_column}"', values)
        ids += _ascending(result, meta.db_pk_column, len(chunk))
    return ids


async def _insert_unnest(table: str, columns: str, arrays: list[tuple[str, str]], rows: Sequence[Sequence[Any]],
                         pk: str, connection: BaseDBAsyncClient, returning_ids: bool) -> list[int]:
    """PostgreSQL: INSERT ... SELECT FROM unnest(one array per column) WITH ORDINALITY, in the rows' order."""
    names = [f"u{i}" for i in range(len(arrays))]
    selected = ", ".join(f"{name}{cast}" for name, (_, cast) in zip(names, arrays, strict=True))
    unnested = ", ".join(f"${i + 1}::{array}" for i, (array, _) in enumerate(arrays))
    sql = (f'INSERT INTO "{table}" ({columns}) SELECT {selected} FROM unnest({unnested}) WITH ORDINALITY'
           f' AS u({", ".join(names)}, n) ORDER BY n')
    values = [list(column) for column in zip(*rows, strict=True)]
    if not returning_ids:
        await connection.execute_query(sql, values)
        return []
    result = await connection.execute_query_dict(f'{sql} RETURNING "{pk}"', values)
    return _ascending(result, pk, len(rows))


def _ascending(result: Sequence[dict[str, Any]], pk: str, expected: int) -> list[int]:
    ids = sorted(int(r[pk]) for r in result)
    assert len(ids) == expected, (len(ids), expected)
    return ids
