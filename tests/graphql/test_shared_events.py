"""Subscription events shared by payload (graphql/shared_events.py, issue 8 point 4): subscribers handed the same
payload object with the same operation and variables share one execution; other variables, another payload, or a
payload that does not opt in execute on their own; each subscriber gets its own result."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncGenerator
from typing import Any

import strawberry

from portico.graphql.shared_events import SharedData, SharedEventExecution

calls: list[str] = []


@strawberry.type
class Message:
    text: str
    shared_results: strawberry.Private[dict[Any, Any] | None] = None

    @strawberry.field
    async def shout(self, times: int = 1) -> str:
        calls.append(self.text)
        await asyncio.sleep(0)  # an awaitable field: the others wait for the first execution
        return self.text.upper() * times


PAYLOADS: list[Message] = []


@strawberry.type
class Query:
    ok: bool = True


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def messages(self) -> AsyncGenerator[Message, None]:
        for payload in PAYLOADS:
            yield payload


SCHEMA = strawberry.Schema(query=Query, subscription=Subscription, execution_context_class=SharedEventExecution)


async def _receive(query: str, variables: dict[str, Any] | None = None) -> list[Any]:
    results = []
    async for result in await SCHEMA.subscribe(query, variable_values=variables):
        assert not result.errors, result.errors
        results.append(result)
    return results


async def test_one_execution_per_payload_operation_and_variables() -> None:
    calls.clear()
    shared = Message(text="hi", shared_results={})
    alone = Message(text="solo")  # does not opt in
    PAYLOADS[:] = [shared, alone]
    query = "subscription($n: Int!) { messages { text shout(times: $n) } }"
    twice = await asyncio.gather(*(_receive(query, {"n": 2}) for _ in range(5)))
    thrice = await _receive(query, {"n": 3})
    assert [[r.data for r in results] for results in twice] == [
        [{"messages": {"text": "hi", "shout": "HIHI"}}, {"messages": {"text": "solo", "shout": "SOLOSOLO"}}]] * 5
    assert thrice[0].data == {"messages": {"text": "hi", "shout": "HIHIHI"}}
    # The shared payload: once for n=2 (five subscribers) and once for n=3; the other payload: once per subscriber.
    assert calls.count("hi") == 2 and calls.count("solo") == 6
    # Each subscriber has its own result object around the same data.
    firsts = [results[0] for results in twice]
    assert len({id(r) for r in firsts}) == 5
    # ... around the very same data, encoded once for all of them (graphql/ws.py sends that text to each socket).
    assert all(r.data is firsts[0].data for r in firsts) and isinstance(firsts[0].data, SharedData)
    encoded: list[str] = []

    def encode(data: Any) -> str:
        encoded.append(json.dumps(data))
        return encoded[-1]

    assert {r.data.encoded(encode) for r in firsts} == {'{"messages": {"text": "hi", "shout": "HIHI"}}'}
    assert len(encoded) == 1
    assert not isinstance(twice[0][1].data, SharedData)  # the payload that did not opt in
    # Another operation on the same payload executes on its own.
    other = await _receive("subscription { messages { shout } }")
    assert other[0].data == {"messages": {"shout": "HI"}} and calls.count("hi") == 3
