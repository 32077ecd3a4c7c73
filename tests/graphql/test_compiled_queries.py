"""Queries executed from a plan kept per operation (graphql/compiled_queries.py, issue 8): every answer, error,
error path and location is the one graphql-core gives with its own execution, on the first request (the plan is
made) and on the next ones (the plan is reused); DataLoaders batch the same loads."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import date
from enum import Enum
from typing import Annotated, Any

import pytest
import strawberry
from strawberry.dataloader import DataLoader
from strawberry.extensions import ParserCache
from strawberry.permission import BasePermission
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from portico.graphql.compiled_queries import CompiledQueryExecution, query_plans
from portico.graphql.direct_resolvers import direct_resolver
from portico.graphql.schema import build_schema


async def _later(value: Any) -> Any:
    await asyncio.sleep(0)
    return value


@strawberry.interface
class Thing:
    id: strawberry.ID


@strawberry.type
class Tag:
    label: str


class Deny(BasePermission):
    message = "Not for you."

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        return False


def _by_root(root: Part) -> str:
    return f"root of {root.name}"


def _by_parent(parent: strawberry.Parent[Part], info: strawberry.Info) -> str:
    return f"parent of {parent.name} at {info.path.key}"


def _secret() -> str:
    return "the secret"


def _prefixed(root: Part, prefix: str, info: strawberry.Info) -> str:
    return f"{prefix} {root.name} at {info.path.key}"


@strawberry.enum
class Colour(Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.input
class Heavier:
    than: int = 0


@strawberry.type
class Part(Thing):
    name: str
    weight: int | None = None
    broken: strawberry.Private[bool] = False
    by_root: str = strawberry.field(resolver=_by_root)
    by_parent: str = strawberry.field(resolver=_by_parent)
    secret: str | None = strawberry.field(resolver=_secret, permission_classes=[Deny])

    @strawberry.field
    def tags(self) -> list[Tag]:
        return [Tag(label=f"{self.name}-a"), Tag(label=f"{self.name}-b")]

    @strawberry.field
    async def owner(self, info: strawberry.Info) -> Person | None:
        return await info.context["people"].load(int(self.id) % 3)

    @strawberry.field
    async def must_own(self, info: strawberry.Info) -> Person:
        if self.broken:
            return None  # type: ignore[return-value]
        return await info.context["people"].load(int(self.id) % 3)

    @strawberry.field
    def fails(self) -> str | None:
        raise ValueError(f"part {self.id} fails")

    @strawberry.field
    async def fails_later(self) -> str:
        await asyncio.sleep(0)
        raise ValueError(f"part {self.id} fails later")

    @strawberry.field
    def greeting(self, name: str, times: int = 1) -> str:
        return f"hello {name} from {self.name} " * times

    # Arguments strawberry hands on unchanged (scalars, maybe optional): called directly, renamed.
    prefixed: str = strawberry.field(resolver=_prefixed)

    @strawberry.field
    def window(self, info: strawberry.Info, after: str | None = None, first: int | None = 2,
               since_id: strawberry.ID | None = None) -> str:
        return f"{self.name}: after={after!r} first={first!r} since={since_id!r} at {info.path.key}"

    @strawberry.field
    def dated(self, from_: Annotated[date, strawberry.argument(name="from")], until: date | None = None) -> str:
        return f"{self.name} from {from_!r} until {until!r}"  # a custom scalar, a Python name of its own

    @strawberry.field
    def hint(self, text: str | None) -> str:  # no default: left out, it is not passed (a TypeError)
        return f"{self.name}: {text!r}"

    # Arguments strawberry converts: its wrapper stays.
    @strawberry.field
    def in_colour(self, colour: Colour) -> str:
        return f"{self.name} in {colour.value} ({type(colour).__name__})"

    @strawberry.field
    def is_heavier(self, filter: Heavier) -> bool:
        return (self.weight or 0) > filter.than

    @strawberry.field
    def labelled(self, labels: list[str]) -> str:
        return "/".join([self.name, *labels])

    @strawberry.field
    def same_as(self, other: strawberry.relay.GlobalID) -> str:
        return f"{self.name} vs {other.type_name}:{other.node_id}"

    @strawberry.field
    def noted(self, note: strawberry.Maybe[str]) -> str:
        return f"{self.name}: {note!r}"


@strawberry.type
class Person(Thing):
    full_name: str

    @strawberry.field
    def initials(self) -> list[str]:
        return [w[0] for w in self.full_name.split()]

    @strawberry.field
    def scores(self) -> list[int | None]:
        return [1, None, 3]

    @strawberry.field
    def strict_scores(self) -> list[int]:
        return [1, None, 3]  # type: ignore[list-item]


Anything = Annotated[Part | Person, strawberry.union("Anything")]


def _part(n: int, **changes: Any) -> Part:
    return Part(id=strawberry.ID(str(n)), **{"name": f"part {n}", "weight": n * 10 if n % 2 else None, **changes})


@strawberry.type
class Query:
    @strawberry.field
    def parts(self, first: int = 4) -> list[Part]:
        return [_part(n) for n in range(first)]

    @strawberry.field
    async def slow_parts(self) -> list[Part]:
        return [await _later(_part(n)) for n in range(3)]

    @strawberry.field
    def awaitable_items(self) -> list[Part]:
        return [_later(_part(n)) for n in range(3)]  # type: ignore[misc]

    @strawberry.field
    def generated_parts(self) -> list[Part]:
        def parts() -> Iterator[Part]:
            yield from (_part(n) for n in range(2))

        return parts()  # type: ignore[return-value]

    @strawberry.field
    async def streamed_parts(self) -> list[Part]:
        async def parts() -> AsyncIterator[Part]:
            for n in range(2):
                yield _part(n)

        return parts()  # type: ignore[return-value]

    @strawberry.field
    def broken_parts(self) -> list[Part] | None:
        return [_part(0), _part(1, broken=True)]

    @strawberry.field
    def thing(self, id: strawberry.ID) -> Thing | None:
        n = int(id)
        return _part(n) if n < 10 else Person(id=id, full_name="Ada Lovelace")

    @strawberry.field
    def anything(self, kind: str) -> Anything | None:
        return _part(1) if kind == "part" else Person(id=strawberry.ID("2"), full_name="Grace Hopper")

    @strawberry.field
    def wrong_type(self) -> Part | None:
        return Person(id=strawberry.ID("1"), full_name="Not a part")  # type: ignore[return-value]

    @strawberry.field
    def returns_error(self) -> str | None:
        return ValueError("returned, not raised")  # type: ignore[return-value]

    @strawberry.field
    def not_a_list(self) -> list[int] | None:
        return 7  # type: ignore[return-value]


@strawberry.type
class Mutation:
    @strawberry.mutation
    def touch(self) -> Part:
        return _part(5)


PART = ("id name weight tags { label } owner { id fullName initials scores } greeting(name: $name, times: 2) "
        "byRoot byParent")
QUERIES = [
    f"query ($name: String!) {{ parts {{ {PART} }} }}",
    f"query ($name: String!) {{ slowParts {{ {PART} }} awaitableItems {{ id name }} }}",
    "{ parts(first: 2) { a: name b: name id __typename } more: parts(first: 1) { name } }",
    "{ parts(first: 3) { name mustOwn { fullName } } }",
    "{ brokenParts { name mustOwn { fullName } } parts(first: 1) { name } }",
    "{ parts(first: 3) { id fails } }",
    "{ parts(first: 2) { id secret byRoot } }",
    "{ parts(first: 3) { id failsLater } }",
    "{ parts(first: 2) { id owner { strictScores } } }",
    "{ generatedParts { id name } streamedParts { id owner { fullName } } }",
    "{ a: thing(id: \"3\") { id __typename ... on Part { name tags { label } } ... on Person { fullName } }"
    "  b: thing(id: \"12\") { id ...P ... on Person { fullName initials } } }"
    " fragment P on Part { name }",
    "{ part: anything(kind: \"part\") { ... on Part { name } } person: anything(kind: \"x\") { __typename"
    "  ... on Person { fullName } } }",
    "{ wrongType { name } returnsError notAList }",
    "query ($skip: Boolean!) { parts(first: 2) { name @skip(if: $skip) id } }",
    "{ parts(first: 1) { name } nope: parts(first: -1) { name } }",
    "query ($first: Int, $name: String!) { parts(first: 2) { a: window b: window(first: null, after: \"c1\")"
    "  c: window(first: $first, sinceId: 7) d: window(after: $name) prefixed(prefix: $name) hint(text: null)"
    "  e: hint(text: $name) } }",
    "{ parts(first: 1) { name hint } }",
    "{ parts(first: 2) { dated(from: \"2027-03-01\") d: dated(from: \"2027-03-01\", until: \"2027-03-31\") } }",
    "{ parts(first: 1) { dated(from: \"2027-02-30\") } }",
    "{ parts(first: 2) { inColour(colour: BLUE) isHeavier(filter: {than: 5}) labelled(labels: [\"x\", \"y\"])"
    "  sameAs(other: \"UGFydDox\") noted(note: \"n\") } }",
    "{ parts(first: 1) { sameAs(other: \"not a global id\") } }",
]


def _schema(execution: type[StrawberryGraphQLCoreExecutionContext]) -> Any:
    # Portico's schema parses through the same cache: a query text's later requests get the same syntax tree, whose
    # plan is then reused.
    return strawberry.Schema(Query, mutation=Mutation, execution_context_class=execution,
                             extensions=[ParserCache(maxsize=64)])


class _People:
    """A DataLoader per request, recording its batches."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []

        async def load(keys: list[int]) -> list[Person]:
            self.batches.append(list(keys))
            return [Person(id=strawberry.ID(str(k)), full_name=f"Person {k} Example") for k in keys]

        self.loader: DataLoader[int, Person] = DataLoader(load_fn=load)


async def _run(schema: Any, query: str) -> tuple[Any, list[Any], list[list[int]]]:
    people = _People()
    result = await schema.execute(query, variable_values={"name": "Ada", "skip": True},
                                  context_value={"people": people.loader})
    errors = sorted((e.message, tuple(e.path or ()), tuple((loc.line, loc.column) for loc in e.locations or ()))
                    for e in result.errors or [])
    return result.data, errors, people.batches


@pytest.mark.parametrize("query", QUERIES)
async def test_answers_errors_and_batches_are_graphql_cores_own(query: str) -> None:
    compiled = _schema(CompiledQueryExecution)
    usual = await _run(_schema(StrawberryGraphQLCoreExecutionContext), query)
    assert usual[0] is not None or usual[1]
    assert await _run(compiled, query) == usual  # the plan made
    assert await _run(compiled, query) == usual  # the plan reused


async def test_the_error_cases_are_errors() -> None:
    """What the comparison above compares does fail, where graphql-core says it fails."""
    schema = _schema(CompiledQueryExecution)
    data, errors, _ = await _run(schema, "{ brokenParts { name mustOwn { fullName } } parts(first: 1) { name } }")
    assert data == {"brokenParts": None, "parts": [{"name": "part 0"}]}
    assert [(m.startswith("Cannot return null for non-nullable field Part.mustOwn"), p) for m, p, _ in errors] == [
        (True, ("brokenParts", 1, "mustOwn"))]
    data, errors, _ = await _run(schema, "{ parts(first: 2) { id owner { strictScores } } }")
    assert data == {"parts": [{"id": "0", "owner": None}, {"id": "1", "owner": None}]}
    assert [p for _, p, _ in errors] == [("parts", 0, "owner", "strictScores", 1),
                                         ("parts", 1, "owner", "strictScores", 1)]
    data, errors, _ = await _run(schema, "{ wrongType { name } returnsError notAList }")
    assert data == {"wrongType": None, "returnsError": None, "notAList": None}
    assert len(errors) == 3


async def test_the_people_of_a_list_load_in_one_batch() -> None:
    _, errors, batches = await _run(_schema(CompiledQueryExecution), "{ parts(first: 6) { owner { id } } }")
    assert not errors
    assert batches == [[0, 1, 2]]


async def test_plans_are_kept_for_queries_only() -> None:
    schema = _schema(CompiledQueryExecution)
    await _run(schema, "{ parts { name } }")
    await _run(schema, "{ parts { name } }")
    await _run(schema, "query ($skip: Boolean!) { parts { name @skip(if: $skip) } }")  # depends on variables
    result = await schema.execute("mutation { touch { name tags { label } } }")
    assert result.data == {"touch": {"name": "part 5", "tags": [{"label": "part 5-a"}, {"label": "part 5-b"}]}}
    assert query_plans(schema._schema) == 1


async def test_a_reused_plan_collects_no_field_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of the plan: the second request finds its selections made (graphql-core's `collect_subfields`
    is not called) and no field goes through graphql-core's `execute_field`."""
    import portico.graphql.compiled_queries as compiled_queries

    schema = _schema(CompiledQueryExecution)
    query = f"query ($name: String!) {{ parts {{ {PART} }} }}"
    first = await _run(schema, query)
    calls: list[str] = []
    collect = compiled_queries.collect_subfields

    def counting_collect(*args: Any) -> Any:
        calls.append("collect")
        return collect(*args)

    def counting_execute_field(self: Any, *args: Any) -> Any:
        calls.append("execute_field")
        raise AssertionError("graphql-core's execute_field")

    monkeypatch.setattr(compiled_queries, "collect_subfields", counting_collect)
    monkeypatch.setattr(StrawberryGraphQLCoreExecutionContext, "execute_field", counting_execute_field)
    assert await _run(schema, query) == first
    assert calls == []


def test_which_resolvers_skip_strawberrys_wrapper() -> None:
    """Resolvers of fields without extensions whose arguments need no converting (none, or scalars maybe optional);
    `secret` has a permission class (an extension), the others take an enum, an input object, a list, a GlobalID
    or a Maybe, which strawberry converts."""
    schema = _schema(CompiledQueryExecution)._schema
    fields = schema.type_map["Part"].fields
    direct = {name for name, field in fields.items() if direct_resolver(field, schema) is not None}
    assert direct == {"tags", "owner", "mustOwn", "fails", "failsLater", "byRoot", "byParent", "greeting",
                      "prefixed", "window", "hint", "dated"}


def test_portico_schema_executes_queries_so() -> None:
    assert issubclass(build_schema().execution_context_class, CompiledQueryExecution)  # type: ignore[attr-defined]
