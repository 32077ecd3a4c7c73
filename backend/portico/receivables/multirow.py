"""Multi-row INSERT for Tortoise models: one statement per chunk of rows, optionally with the new ids.

Tortoise's `bulk_create` sends one execution per row (`executemany`) and gives no ids back; the reminder sweep
writes thousands of rows per batch and needs the ids of its outbox emails and actions to link the run rows to them.
(The SQL text is joined here rather than built with pypika, whose builder copies the whole query for every row.)

Ids come back in the order of the rows given: a multi-row VALUES list is inserted row after row, and each row draws
its id from the sequence (PostgreSQL) or as max(rowid) + 1 (SQLite, one writer at a time) as it is inserted, so the
ids of one statement ascend in row order whatever order RETURNING lists them in (other sessions' inserts can leave
gaps between them, never reorder them). The same reasoning SQLAlchemy's "insertmanyvalues" relies on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model

# Bind parameters per statement: under PostgreSQL's 32,767 and SQLite's 32,766 (its default since 3.32).
MAX_PARAMETERS = 30_000


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
        new_ids = sorted(int(r[meta.db_pk_column]) for r in result)
        assert len(new_ids) == len(chunk), (len(new_ids), len(chunk))
        ids += new_ids
    return ids
