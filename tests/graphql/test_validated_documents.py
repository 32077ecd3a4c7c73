"""Validation kept per syntax tree (graphql/validated_documents.py): a query text's later requests reuse its
validation without looking it up by hash, and never across schemas or rules."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.extensions import AddValidationRules, ParserCache

from graphql import NoSchemaIntrospectionCustomRule
from portico.graphql.validated_documents import ValidatedDocuments

INTROSPECTION = "{ __schema { queryType { name } } }"


@strawberry.type
class Query:
    answer: int = 42


def _schema(calls: list[str], *rules: Any) -> strawberry.Schema:
    class Counting(ValidatedDocuments):
        def __init__(self) -> None:
            super().__init__(maxsize=77)
            validate = self.cached_validate_document

            def counted(*args: Any) -> Any:
                calls.append("validate")
                return validate(*args)

            self.cached_validate_document = counted

    extensions: list[Any] = [lambda: ParserCache(maxsize=77), Counting]
    if rules:
        extensions.append(AddValidationRules(list(rules)))
    return strawberry.Schema(Query, extensions=extensions)


async def test_a_query_text_is_looked_up_once() -> None:
    calls: list[str] = []
    schema = _schema(calls)
    for _ in range(3):
        result = await schema.execute("{ answer }", root_value=Query())
        assert result.data == {"answer": 42} and not result.errors
    assert calls == ["validate"]
    assert (await schema.execute("{ nope }")).errors
    assert (await schema.execute("{ nope }")).errors
    assert calls == ["validate", "validate"]


async def test_validation_is_not_shared_between_schemas_or_rules() -> None:
    """The parse cache gives both schemas the same tree for the same text: the refusal stays the strict one's."""
    open_calls: list[str] = []
    strict_calls: list[str] = []
    open_schema = _schema(open_calls)
    strict = _schema(strict_calls, NoSchemaIntrospectionCustomRule)
    for _ in range(2):
        allowed = await open_schema.execute(INTROSPECTION)
        assert allowed.data == {"__schema": {"queryType": {"name": "Query"}}}
        refused = await strict.execute(INTROSPECTION)
        assert refused.data is None
        assert refused.errors and "introspection" in refused.errors[0].message.lower()
    assert open_calls == ["validate"] and strict_calls == ["validate"]
