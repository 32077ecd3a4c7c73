"""Plain fields completed without graphql-core's per-field machinery (graphql/plain_fields.py, issue 8): every
answer, error and error path is the one graphql-core gives with its own execution; only plain fields' cost differs."""

from __future__ import annotations

import asyncio
import enum
from datetime import UTC, date, datetime
from typing import Any

import pytest
import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from portico.graphql.compiled_queries import CompiledQueryExecution
from portico.graphql.plain_fields import PlainFieldExecution, plain_field
from portico.graphql.schema import build_schema


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


async def _later(value: Any) -> Any:
    await asyncio.sleep(0)
    return value


@strawberry.type
class Item:
    number: int
    ratio: float
    name: str
    flag: bool
    key: strawberry.ID
    colour: Colour
    at: datetime
    day: date
    maybe: str | None
    must: str  # set to None by some items: graphql-core's non-null error, at its path
    wrong: int  # set to text by some items: the scalar refuses it
    pending: Any = strawberry.field(default=None, graphql_type=str)  # an awaitable attribute
    secret: strawberry.Private[str] = ""

    @strawberry.field
    def resolved(self) -> str:
        return f"resolved {self.name}"

    @strawberry.field
    def shout(self, times: int = 1) -> str:
        return self.name.upper() * times


class _Raising:
    """Stands for an Item whose `name` is a property that raises: graphql-core reports the error, so must we."""

    number = 5

    @property
    def name(self) -> str:
        raise RuntimeError("the property failed")


def _item(n: int, **changes: Any) -> Item:
    values: dict[str, Any] = {
        "number": n, "ratio": n / 4, "name": f"item {n}", "flag": n % 2 == 0, "key": f"K{n}",
        "colour": Colour.RED if n % 2 else Colour.BLUE, "at": datetime(2026, 12, 4, 10, n, tzinfo=UTC),
        "day": date(2026, 12, n + 1), "maybe": None if n % 2 else "here", "must": "set", "wrong": n,
    }
    values.update(changes)
    return Item(**values)


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item]:
        return [_item(n) for n in range(4)]

    @strawberry.field
    def with_null(self) -> list[Item]:
        return [_item(0), _item(1, must=None)]

    @strawberry.field
    def with_text(self) -> Item | None:
        return _item(2, wrong="not a number")

    @strawberry.field
    def at_the_edges(self) -> list[Item | None]:
        """Values a scalar changes or refuses, next to values it returns as they are (2**31 - 1 is the largest Int)."""
        return [_item(0, wrong=2**31 - 1, number=-(2**31)), _item(1, wrong=2**31), _item(2, wrong=-(2**31) - 1),
                _item(3, wrong=True, number=False, name=7, key=12, flag=1), _item(0, name=1.5, flag=0.0)]

    @strawberry.field
    def with_awaitable(self) -> Item:
        return _item(3, pending=_later("arrived"))

    @strawberry.field
    def with_raising(self) -> Item | None:
        return _Raising()  # type: ignore[return-value]

    @strawberry.field
    def without_attribute(self) -> Item:
        item = _item(1)
        del item.name
        return item


ALL = "number ratio name flag key colour at day maybe must wrong resolved shout(times: 2)"
QUERIES = [
    f"{{ items {{ {ALL} }} }}",
    "{ items { n: number again: number number __typename } }",
    "{ withNull { number must } }",
    "{ atTheEdges { number wrong name key flag } }",
    "{ withText { number wrong } }",
    "{ withAwaitable { number pending } }",
    "{ withoutAttribute { number name } }",
    "{ withRaising { number name } }",
    "{ items { ... on Item { name } ...More } } fragment More on Item { colour maybe }",
    "query ($skip: Boolean!) { items { name @skip(if: $skip) number } }",
]


def _schema(execution: type[StrawberryGraphQLCoreExecutionContext], extensions: list[Any] | None = None) -> Any:
    return strawberry.Schema(Query, execution_context_class=execution, extensions=extensions or [])


def _answer(result: Any) -> tuple[Any, Any]:
    errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or [])
    return result.data, errors


# Both executors with the short cut: per field, and from a query plan (which reads a selection's plain fields at once).
EXECUTORS = pytest.mark.parametrize("execution", [PlainFieldExecution, CompiledQueryExecution],
                                    ids=["per field", "from a plan"])


@EXECUTORS
@pytest.mark.parametrize("query", QUERIES)
async def test_answers_and_errors_are_graphql_cores_own(query: str, execution: type[PlainFieldExecution]) -> None:
    variables = {"skip": True}
    plain = await _schema(execution).execute(query, variable_values=variables)
    usual = await _schema(StrawberryGraphQLCoreExecutionContext).execute(query, variable_values=variables)
    assert _answer(plain) == _answer(usual)
    assert plain.data is not None or plain.errors


@EXECUTORS
async def test_the_error_cases_are_errors(execution: type[PlainFieldExecution]) -> None:
    """The cases handed back to graphql-core do fail there (so the comparison above compares errors)."""
    schema = _schema(execution)
    null = await schema.execute("{ withNull { number must } }")
    assert null.data is None
    assert [(e.path, "Cannot return null" in e.message) for e in null.errors or []] == [
        (["withNull", 1, "must"], True)
    ]
    text = await schema.execute("{ withText { number wrong } }")
    assert text.data == {"withText": None}
    assert [e.path for e in text.errors or []] == [["withText", "wrong"]]
    missing = await schema.execute("{ withoutAttribute { number name } }")
    assert [e.path for e in missing.errors or []] == [["withoutAttribute", "name"]]
    raising = await schema.execute("{ withRaising { number name } }")
    assert raising.data == {"withRaising": None}
    assert [(e.path, e.message) for e in raising.errors or []] == [(["withRaising", "name"], "the property failed")]
    pending = await schema.execute("{ withAwaitable { number pending } }")
    assert pending.data == {"withAwaitable": {"number": 3, "pending": "arrived"}}


async def test_plain_fields_skip_graphql_cores_execute_field(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    usual = StrawberryGraphQLCoreExecutionContext.execute_field

    def counting(self: Any, parent_type: Any, source: Any, details: Any, path: Any, position: Any) -> Any:
        seen.append(details[0].node.name.value)
        return usual(self, parent_type, source, details, path, position)

    monkeypatch.setattr(StrawberryGraphQLCoreExecutionContext, "execute_field", counting)
    result = await _schema(PlainFieldExecution).execute(f"{{ items {{ {ALL} }} }}")
    assert not result.errors
    # The list itself and the two fields with resolvers, for each of the four items; no plain field.
    assert sorted(set(seen)) == ["items", "resolved", "shout"]
    assert len(seen) == 1 + 4 * 2


async def test_an_extension_resolving_fields_sees_every_field() -> None:
    """strawberry runs an extension's `resolve` hook as graphql-core middleware: then no field takes the short cut."""
    resolved: list[str] = []

    class Watch(SchemaExtension):
        def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
            resolved.append(info.field_name)
            return _next(root, info, *args, **kwargs)

    result = await _schema(PlainFieldExecution, [Watch]).execute("{ items { number name } }")
    assert not result.errors
    assert resolved.count("number") == 4 and resolved.count("name") == 4


def test_which_fields_are_plain() -> None:
    fields = _schema(PlainFieldExecution)._schema.type_map["Item"].fields
    plain = {name for name, field in fields.items() if plain_field(field) is not None}
    assert plain == {"number", "ratio", "name", "flag", "key", "colour", "at", "day", "maybe", "must", "wrong",
                     "pending"}
    # Nullable or not, as the type says.
    assert plain_field(fields["maybe"])[2] is True  # type: ignore[index]
    assert plain_field(fields["must"])[2] is False  # type: ignore[index]


def test_portico_schema_executes_plain_fields_so() -> None:
    assert issubclass(build_schema().execution_context_class, PlainFieldExecution)  # type: ignore[attr-defined]
