"""Global ids and keyset-paginated connections.

Cursors encode the sort key of the last row, not an offset, so a page stays right while new rows arrive
(live feeds insert constantly).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import orjson
import strawberry
from strawberry import relay
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from portico.errors import DomainError, NotFound

MAX_PAGE = 200
N = TypeVar("N")
M = TypeVar("M", bound=Model)


def encode_id(type_name: str, pk: int | str) -> strawberry.ID:
    return strawberry.ID(relay.to_base64(type_name, pk))


# Primary keys are PostgreSQL `integer` (int4), except these types' `bigint`. A larger number in an id the client
# made up would reach the database as an out-of-range parameter ("Unexpected error"), so it is not found instead.
_BIGINT_PK_TYPES = frozenset({"ActivityEvent"})
_PK = re.compile(r"[1-9][0-9]{0,18}")


def pk_from_global_id(value: object) -> tuple[str, int] | None:
    """(type name, primary key) of a global id, or None for anything no row can have."""
    try:
        type_name, raw = relay.from_base64(str(value))
    except (ValueError, TypeError):
        return None
    if not _PK.fullmatch(raw):
        return None
    pk = int(raw)
    if pk > (2**63 - 1 if type_name in _BIGINT_PK_TYPES else 2**31 - 1):
        return None
    return type_name, pk


def decode_id(value: str | None, type_name: str, field: str, what: str | None = None) -> int:
    """The primary key inside a global id of `type_name`; anything else is "not found" for that field."""
    decoded = pk_from_global_id(value)
    if decoded is None or decoded[0] != type_name:
        raise NotFound(what or type_name, field)
    return decoded[1]


def decode_ids(values: Sequence[str], type_name: str, field: str) -> list[int]:
    return [decode_id(v, type_name, field) for v in values]


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[N]):
    cursor: str
    node: N


def _encode_cursor(values: list[Any]) -> str:
    # orjson: a page makes a cursor for each of its rows (json.dumps was 2% of the hub page's CPU, issue 8). Its
    # JSON has no spaces; cursors given out before, with json.dumps's, still decode.
    return base64.urlsafe_b64encode(orjson.dumps(values, default=str)).decode()


def _decode_cursor(cursor: str, width: int) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except ValueError:
        raise DomainError("INVALID_CURSOR", "The cursor is not one this API gave out.", "after") from None
    if not isinstance(values, list) or len(values) != width:
        raise DomainError("INVALID_CURSOR", "The cursor is not one this API gave out.", "after")
    return values


async def keyset_page(
    queryset: QuerySet[M], *, first: int | None, after: str | None, order: tuple[str, ...]
) -> tuple[list[tuple[str, M]], PageInfo]:
    """One page of `queryset` ordered by `order` (fields, "-" for descending; the last must be unique, e.g. id).

    Returns (cursor, row) pairs and the page info. Fetches one extra row to know whether there is a next page.
    """
    size = 50 if first is None else first
    if not 0 <= size <= MAX_PAGE:
        raise DomainError("INVALID_PAGE_SIZE", f"`first` must be between 0 and {MAX_PAGE}.", "first")
    fields = [o.lstrip("-") for o in order]
    if after:
        values = _decode_cursor(after, len(order))
        condition: Q | None = None
        # (a, b, c) > (x, y, z)  ==  a > x OR (a = x AND (b > y OR (b = y AND c > z)))
        for i in reversed(range(len(order))):
            op = "lt" if order[i].startswith("-") else "gt"
            step = Q(**{f"{fields[i]}__{op}": values[i]})
            condition = step if condition is None else step | (Q(**{fields[i]: values[i]}) & condition)
        assert condition is not None
        queryset = queryset.filter(condition)
    rows = await queryset.order_by(*order).limit(size + 1)
    has_next = len(rows) > size
    rows = rows[:size]
    pairs = [(row_cursor(r, order), r) for r in rows]
    info = PageInfo(
        has_next_page=has_next,
        has_previous_page=after is not None,
        start_cursor=pairs[0][0] if pairs else None,
        end_cursor=pairs[-1][0] if pairs else None,
    )
    return pairs, info


def row_cursor(row: Model, order: tuple[str, ...]) -> str:
    """The cursor `keyset_page` gives a row for this order (for pages cut outside it, e.g. batched per parent)."""
    return _encode_cursor([_cursor_value(getattr(row, o.lstrip("-"))) for o in order])


def _cursor_value(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def edges(pairs: list[tuple[str, M]], convert: Callable[[M], N]) -> list[Edge[N]]:
    return [Edge(cursor=c, node=convert(r)) for c, r in pairs]
