"""Requests served at the same time keep their own GraphQL extensions' state: an unexpected error of one request is
masked in production even when another request ran while it was waiting on the database (a MaskErrors shared by
the whole schema read the other request's result after its own had failed, and let the message through)."""

from __future__ import annotations

import asyncio
import json

import pytest
from starlette.applications import Starlette

from portico.graphql.customers import queries as customer_queries
from tests.conftest import GraphQLClient
from tests.graphql.helpers import ME, sign_up


async def test_an_unexpected_error_is_masked_while_other_requests_run(
    production_app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_client, other_client = GraphQLClient(production_app), GraphQLClient(production_app)
    try:
        # given: a request that fails on our side after waiting (as on a query to the database)
        await sign_up(failing_client, "masked@solo.example")
        waiting, release = asyncio.Event(), asyncio.Event()

        async def fail_after_waiting(*args: object, **kwargs: object) -> None:
            waiting.set()
            await release.wait()
            raise RuntimeError("password=hunter2 at db.internal:5432")

        monkeypatch.setattr(customer_queries, "keyset_page", fail_after_waiting)
        failing = asyncio.create_task(failing_client.raw("{ customers { totalCount } }"))
        await asyncio.wait_for(waiting.wait(), 10)

        # when: other requests are served meanwhile, one of them failing validation (an error meant for the caller)
        assert (await other_client(ME))["me"] is None
        refused = await other_client.raw("{ nope }")
        release.set()
        body = await asyncio.wait_for(failing, 10)

        # then: each request's errors are its own, masked or not as they should be
        assert "hunter2" not in json.dumps(body) and "db.internal" not in json.dumps(body), body
        assert body["data"] is None and [e["message"] for e in body["errors"]] == ["Unexpected error."]
        assert [e["message"] for e in refused["errors"]] == ["Cannot query field 'nope' on type 'Query'."]
    finally:
        await failing_client.close()
        await other_client.close()


def test_every_extension_is_made_per_request_and_validation_stays_cached() -> None:
    from strawberry.extensions import SchemaExtension
    from strawberry.extensions.validation_cache import _get_validate_cache

    from portico.graphql.schema import _extensions, build_schema
    from portico.settings import load_settings

    settings = load_settings({"PORTICO_ENV": "production", "SECRET_KEY": "s" * 48, "DATABASE_URL": "sqlite://:memory:",
                              "PUBLIC_URL": "http://testserver"})
    factories = _extensions(settings)
    # An instance would be shared by every request (its execution_context: the last request's).
    assert factories and not [f for f in factories if isinstance(f, SchemaExtension)]
    first, second = ([f() for f in factories] for _ in range(2))
    assert all(a is not b for a, b in zip(first, second, strict=True))

    # The limiters' rules are the same classes for every request, so a query is validated once, then found by its
    # syntax tree (graphql/validated_documents.py): strawberry's hashed cache is asked once, then not at all.
    schema = build_schema(settings)
    cache = _get_validate_cache(512)
    query = "{ me { kind organization { name } } }"
    before = cache.cache_info()
    schema.execute_sync(query)
    once = cache.cache_info()
    assert once.hits + once.misses == before.hits + before.misses + 1
    schema.execute_sync(query)
    schema.execute_sync(query)
    assert cache.cache_info() == once
