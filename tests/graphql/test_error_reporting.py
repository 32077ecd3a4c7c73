"""How GraphQL errors are reported (issue 7, point 19): no "Did you mean" suggestions in production (they spell out a
schema that introspection hides); the caller's errors logged at INFO without a traceback, ours at ERROR with one."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from starlette.applications import Starlette

from portico.customers import services as customer_services
from tests.conftest import GraphQLClient
from tests.graphql.helpers import sign_up

TYPO_FIELD = "{ mee { kind } }"
TYPO_ENUM = "{ customers(kind: COMPANI) { totalCount } }"
TYPO_ARGUMENT = "{ customers(serch: \"x\") { totalCount } }"
LOG_IN = "mutation($input: LogInInput!) { logIn(input: $input) { errors { code } } }"
TYPO_INPUT_FIELD = {"input": {"emial": "a@b.example", "password": "x" * 12}}


async def _messages(client: GraphQLClient) -> list[str]:
    messages = []
    for query in (TYPO_FIELD, TYPO_ENUM, TYPO_ARGUMENT):
        body = await client.raw(query)
        assert body.get("data") is None, body
        messages += [e["message"] for e in body["errors"]]
    body = await client.raw(LOG_IN, TYPO_INPUT_FIELD)
    messages += [e["message"] for e in body["errors"]]
    return messages


async def test_production_errors_carry_no_suggestions(production_app: Starlette) -> None:
    client = GraphQLClient(production_app)
    try:
        # when
        messages = await _messages(client)
    finally:
        await client.close()

    # then: each still says what is wrong (and is not masked), but suggests no real name
    assert len(messages) >= 4
    assert not [m for m in messages if "Did you mean" in m or "Unexpected error" in m], messages
    field, enum, argument, *variables = messages
    assert "'mee'" in field and "'me'" not in field
    assert "COMPANI" in enum and "COMPANY" not in enum
    assert "serch" in argument and "'search'" not in argument
    assert any("unknown field 'emial'" in m for m in variables)


async def test_development_keeps_the_suggestions(client_factory: Callable[..., GraphQLClient]) -> None:
    messages = await _messages(client_factory())
    assert sum("Did you mean" in m for m in messages) == 4, messages


async def test_the_callers_errors_are_info_without_traceback_and_ours_are_errors(
    client_factory: Callable[..., GraphQLClient], caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    anonymous = client_factory()
    member = client_factory()
    await sign_up(member, "logs@solo.example")
    caplog.set_level(logging.INFO)
    caplog.clear()

    # when: unauthenticated, invalid, refused by validation of input
    await anonymous.raw("{ organization { name } }")
    await member.raw("{ nope }")
    await member.raw("query($s: String) { customers(search: $s) { totalCount } }", {"s": "\x00"})
    await anonymous.raw(LOG_IN, {"input": {"email": "a@b.example", "password": 12345678901}})

    # then
    graphql_records = [r for r in caplog.records if r.name in ("portico.graphql", "strawberry.execution")]
    assert [(r.name, r.levelno) for r in graphql_records] == [("portico.graphql", logging.INFO)] * 4
    assert all(r.exc_info is None for r in graphql_records)
    assert [getattr(r, "code") for r in graphql_records] == [  # noqa: B009
        "UNAUTHENTICATED", "GRAPHQL_VALIDATION_FAILED", "INVALID_SEARCH", "GRAPHQL_VALIDATION_FAILED"
    ]
    assert "12345678901" not in caplog.text  # a variable's value (a password) is not logged

    # when: something breaks on our side
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(customer_services, "search_customers", explode)
    caplog.clear()
    await member.raw("{ customers { totalCount } }")

    # then: an ERROR with its traceback
    [record] = [r for r in caplog.records if r.name in ("portico.graphql", "strawberry.execution")]
    assert record.levelno == logging.ERROR and record.name == "strawberry.execution"
    assert record.exc_info is not None and isinstance(record.exc_info[1], RuntimeError)
