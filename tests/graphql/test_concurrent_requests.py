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
