"""Known queries over HTTP (graphql/prepared_queries.py and PorticoGraphQL._answer_known_query) answer exactly as
strawberry's view does (status, headers, body, logged errors, masking in production), and what they do not take is
left to strawberry's view."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from strawberry.extensions import AddValidationRules

from portico.graphql.customers import queries as customer_queries
from portico.graphql.prepared_queries import PreparedQueries
from portico.graphql.schema import PorticoSchema, build_schema
from portico.graphql.view import PorticoGraphQL
from portico.settings import load_settings
from tests.conftest import TEST_ORIGIN, GraphQLClient
from tests.graphql.helpers import create_customer, sign_up

CUSTOMERS = "query Customers($first: Int, $search: String) { customers(first: $first, search: $search) { totalCount " \
    "edges { node { id name kind } } pageInfo { hasNextPage endCursor } } }"
TWO_OPERATIONS = "query Names { customers { edges { node { name } } } } mutation Out { logOut { ok } }"
JSON = "application/json"
DEEP = '{ customer(id: "Q3VzdG9tZXI6MQ==") ' + "{ hub { customer " * 6 + "{ id }" + " } }" * 6 + " }"  # 13 > 10

# Each: the request body (bytes, as sent), whether a known query answers it (else strawberry's view).
REQUESTS: list[tuple[str, bytes, bool]] = [
    ("query with variables", json.dumps({"query": CUSTOMERS, "variables": {"first": 1}}).encode(), True),
    ("same query, other variables", json.dumps({"query": CUSTOMERS, "variables": {"search": "Ac"}}).encode(), True),
    ("variables null, no operationName", json.dumps({"query": "{ customers { totalCount } }",
                                                     "variables": None}).encode(), True),
    ("a variable of the wrong type", json.dumps({"query": CUSTOMERS, "variables": {"first": "ten"}}).encode(), True),
    ("operationName naming the query", json.dumps({"query": TWO_OPERATIONS, "operationName": "Names"}).encode(),
     True),
    ("operationName naming nothing", json.dumps({"query": TWO_OPERATIONS, "operationName": "Nope"}).encode(), False),
    ("two operations, no operationName", json.dumps({"query": TWO_OPERATIONS}).encode(), False),
    ("a mutation", json.dumps({"query": "mutation { logOut { ok } }"}).encode(), False),
    ("a field that does not exist", json.dumps({"query": "{ nope }"}).encode(), False),
    ("a syntax error", json.dumps({"query": "{ customers { "}).encode(), False),
    ("deeper than the limit, else valid", json.dumps({"query": DEEP}).encode(), False),
    ("over the token cap", json.dumps({"query": "{ " + "__typename " * 3100 + "}"}).encode(), False),
    ("variables not an object", json.dumps({"query": CUSTOMERS, "variables": [1]}).encode(), False),
    ("a batch", json.dumps([{"query": "{ customers { totalCount } }"}]).encode(), False),
    ("not JSON", b"{ customers", False),
    ("NaN, which only json.loads reads", b'{"query": "{ customers { totalCount } }", "variables": {"x": NaN}}',
     False),
    ("no query", json.dumps({"variables": {}}).encode(), False),
]


async def _post(http: httpx.AsyncClient, body: bytes) -> httpx.Response:
    return await http.post("/graphql", content=body, headers={"content-type": JSON})


def _view(app: Starlette) -> PorticoGraphQL:
    return next(r.app for r in app.routes if getattr(r, "path", None) == "/graphql"  # type: ignore[attr-defined]
                and isinstance(getattr(r, "app", None), PorticoGraphQL))


def _answer(response: httpx.Response) -> tuple[int, str | None, Any]:
    try:
        body: Any = response.json()
    except ValueError:
        body = response.text
    return response.status_code, response.headers.get("content-type"), body


async def _both_ways(app: Starlette, client: GraphQLClient, monkeypatch: pytest.MonkeyPatch,
                     body: bytes) -> tuple[Any, Any, int]:
    """The answer of the app as it is, how many of its requests strawberry's execute ran, and the answer with known
    queries turned off (strawberry's view only)."""
    from strawberry.schema.schema import Schema

    executed = 0
    execute = Schema.execute

    async def counting(self: Schema, *args: Any, **kwargs: Any) -> Any:
        nonlocal executed
        executed += 1
        return await execute(self, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(Schema, "execute", counting)
        answer = _answer(await _post(client.http, body))
    with monkeypatch.context() as patched:
        async def nothing_known(self: PorticoGraphQL, request: Any) -> None:
            return None

        patched.setattr(PorticoGraphQL, "_answer_known_query", nothing_known)
        reference = _answer(await _post(client.http, body))
    return answer, reference, executed


@pytest.mark.parametrize("anonymous", [False, True], ids=["signed in", "anonymous"])
async def test_known_queries_answer_as_strawberry_does(
    app: Starlette, monkeypatch: pytest.MonkeyPatch, anonymous: bool
) -> None:
    client = GraphQLClient(app)
    try:
        await sign_up(client, "known@solo.example")
        for name in ("Acme", "Acorn", "Zenith"):
            await create_customer(client, name)
        if anonymous:
            await client("mutation { logOut { ok } }")
        for label, body, known in REQUESTS:
            # when: the same request answered as the app does, then by strawberry's view alone
            answer, reference, strawberry_executed = await _both_ways(app, client, monkeypatch, body)

            # then: the same status, content type and body; a known query never reached strawberry's execute
            assert answer == reference, label
            if known:
                assert strawberry_executed == 0, label
            elif answer[0] == 200:
                assert strawberry_executed == 1, label
            if label == "query with variables" and not anonymous:
                assert answer[2]["data"]["customers"]["totalCount"] == 3
            if label == "a variable of the wrong type" or (anonymous and known):
                assert answer[2]["errors"], label
        if anonymous:  # the caller's error comes with its code, as before
            answer, _, _ = await _both_ways(app, client, monkeypatch, REQUESTS[0][1])
            assert answer[2]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
            assert answer[2]["data"] is None
    finally:
        await client.close()


async def test_an_unexpected_error_is_logged_whole_and_masked_in_production(
    production_app: Starlette, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    client = GraphQLClient(production_app)
    try:
        await sign_up(client, "masked@solo.example")

        async def fail(*args: object, **kwargs: object) -> None:
            raise RuntimeError("password=hunter2 at db.internal:5432")

        monkeypatch.setattr(customer_queries, "keyset_page", fail)
        body = json.dumps({"query": CUSTOMERS, "variables": {"first": 2}}).encode()
        with caplog.at_level(logging.INFO):
            answer, reference, strawberry_executed = await _both_ways(production_app, client, monkeypatch, body)

        # then: the caller reads "Unexpected error." at the field's path, both ways; the log has the whole error
        assert strawberry_executed == 0
        assert answer == reference
        assert "hunter2" not in json.dumps(answer[2])
        assert [(e["message"], e["path"]) for e in answer[2]["errors"]] == [("Unexpected error.", ["customers"])]
        logged = [r for r in caplog.records if r.levelno == logging.ERROR and "hunter2" in r.getMessage()]
        assert len(logged) == 2 and all(r.exc_info for r in logged)  # once per way
    finally:
        await client.close()


async def test_the_texts_kept_are_bounded(app: Starlette) -> None:
    known = _view(app).known_queries
    limit = known.document.cache_info().maxsize
    assert limit == 512
    client = GraphQLClient(app)

    async def ask(n: int) -> None:
        body = json.dumps({"query": f"query Q{n} {{ customers {{ totalCount }} }}"}).encode()
        assert (await _post(client.http, body)).json()["data"]["customers"]["totalCount"] == 0

    try:
        await sign_up(client, "bounded@solo.example")
        for n in range(limit + 20):
            await ask(n)
        assert known.document.cache_info().currsize == limit
        # the least recently used went first: Q0 is checked again, the latest text is not
        misses = known.document.cache_info().misses
        await ask(limit + 19)
        assert known.document.cache_info().misses == misses
        await ask(0)
        assert known.document.cache_info().misses == misses + 1
    finally:
        await client.close()


def test_a_schema_with_an_extension_it_does_not_apply_is_refused() -> None:
    settings = load_settings({"DATABASE_URL": "sqlite://:memory:", "PUBLIC_URL": TEST_ORIGIN})
    schema = build_schema(settings)
    assert isinstance(schema, PorticoSchema)
    PreparedQueries(schema, limit=8)  # the schema as built: accepted
    schema.extensions = [*schema.extensions, lambda: AddValidationRules([])]
    with pytest.raises(ValueError, match="AddValidationRules"):
        PreparedQueries(schema, limit=8)
