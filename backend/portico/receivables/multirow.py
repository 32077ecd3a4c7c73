"""Multi-row INSERT for Tortoise models: one statement per chunk of rows, optionally with the new ids.

Tortoise's `bulk_create` sends one execution per row (`executemany`) and gives no ids back; the reminder sweep
writes thousands of rows per batch and needs the ids of its outbox emails and actions to link the run rows to them.

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
    """INSERT `rows` (unsaved instances without ids) in as few statements as the parameter limit allows; with
    `returning_ids`, their new ids in the order of `rows` (also set on the instances)."""
    if not rows:
        return []
    executor = connection.executor_class(model=model, db=connection)
    meta = model._meta
    names = [name for name in meta.fields_db_projection if not meta.fields_map[name].generated]
    columns = [meta.fields_db_projection[name] for name in names]
    per_statement = max(1, MAX_PARAMETERS // len(columns))
    ids: list[int] = []
    for start in range(0, len(rows), per_statement):
        chunk = rows[start:start + per_statement]
        query = connection.query_class.into(meta.basetable).columns(*columns)
        values: list[Any] = []
        for row in chunk:
            query = query.insert(*[executor.parameter(len(values) + i) for i in range(len(names))])
            values += [meta.fields_map[name].to_db_value(getattr(row, name), row) for name in names]
        if not returning_ids:
            await connection.execute_query(query.get_sql(), values)
        else:
            query = query.returning(meta.db_pk_column)  # type: ignore[operator]
            # (execute_query_dict: asyncpg's execute_query drops the rows of an INSERT.)
            result = await connection.execute_query_dict(query.get_sql(), values)
            new_ids = sorted(int(r[meta.db_pk_column]) for r in result)
            assert len(new_ids) == len(chunk), (len(new_ids), len(chunk))
            for row, new_id in zip(chunk, new_ids, strict=True):
                row.pk = new_id
                row._saved_in_db = True
            ids += new_ids
    return ids
