"""Subscription events executed once for every subscriber that receives the same payload object.

The live feed hands every subscriber of one visibility class (`policy.visibility_key`: callers who see exactly the
same rows) the same message object for an event. Subscribers asking the same operation with the same variables
would resolve the same fields to the same values, one execution each: with 50 managers of an organization in one
process that was most of a server's time per event in bench/fanout.py (issue 8, point 4). This executor resolves
the event once per (payload, operation, variables) and gives each subscriber its own result around the shared data.

Only payloads that opt in (an attribute `shared_results`, a dict kept with the payload) are shared; every other
operation executes as usual.

The shared result's data is a `SharedData`: the same dict for every subscriber, which also keeps its JSON once
encoded, so the WebSocket handler (graphql/ws.py) serializes an event once per class, not once per subscriber.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from graphql import ExecutionResult, OperationType
from portico.graphql.compiled_queries import CompiledQueryExecution


class SharedData(dict[str, Any]):
    """An execution's data shared by the subscribers of one payload; read-only once shared."""

    __slots__ = ("_encoded",)

    def encoded(self, encode: Callable[[Any], str | bytes]) -> str | bytes:
        """`encode(self)`, computed by the first subscriber that sends it (every sender encodes alike)."""
        try:
            return self._encoded
        except AttributeError:
            self._encoded: str | bytes = encode(self)
            return self._encoded


class SharedEventExecution(CompiledQueryExecution):
    def build_per_event_executor(self, payload: Any) -> Any:
        # graphql-core copies the subscription's executor for every event of every subscriber (a tenth of a
        # server's CPU at 100 subscribers of an event); a subscriber whose class already executed this payload
        # needs no executor, only its own result around the shared data.
        results = getattr(payload, "shared_results", None)
        if isinstance(results, dict) and self.operation.operation is OperationType.SUBSCRIPTION:
            found = results.get(self._shared_key())
            if found is not None:
                return _Executed(found)
        return super().build_per_event_executor(payload)

    def execute_operation(self, serially: bool | None = None) -> Any:
        results = getattr(self.root_value, "shared_results", None)
        if not isinstance(results, dict) or self.operation.operation is not OperationType.SUBSCRIPTION:
            return super().execute_operation(serially)
        key = self._shared_key()
        found: Any = results.get(key)
        if found is None:
            outcome: Any = super().execute_operation(serially)
            # The first subscriber's execution, as a task every other one awaits (shielded: one leaving does not
            # cancel it for the rest).
            found = results[key] = (
                asyncio.ensure_future(_sharing(outcome)) if self.is_awaitable(outcome) else _shared(outcome)
            )
        return _Executed(found).execute_operation(serially)

    def _shared_key(self) -> tuple[str, str]:
        """The operation and its variables: what, with the payload, decides the result. The same for every event
        of one subscription, so computed once (and carried by graphql-core's per-event copies)."""
        key: tuple[str, str] | None = getattr(self, "_portico_shared_key", None)
        if key is None:
            key = self._portico_shared_key = (
                _source_of(self.operation), repr(sorted(self.variable_values.coerced.items())))
        return key


class _Executed:
    """Stands for a per-event executor when the payload's result is already shared (or being computed)."""

    __slots__ = ("_found",)

    def __init__(self, found: Any) -> None:
        self._found = found

    def execute_operation(self, serially: bool | None = None) -> Any:
        if isinstance(self._found, asyncio.Future):
            return _own_copy(self._found)
        return ExecutionResult(self._found.data, self._found.errors)


def _source_of(operation: Any) -> str:
    """The operation's text (its location in the parsed document), or its printed form without one."""
    loc = operation.loc
    if loc is not None:
        return str(loc.source.body[loc.start:loc.end])
    from graphql import print_ast

    return print_ast(operation)


def _shared(result: Any) -> Any:
    if not isinstance(result, ExecutionResult) or result.errors or not isinstance(result.data, dict):
        return result  # errors are formatted per subscriber, as usual
    return ExecutionResult(SharedData(result.data), None)


async def _sharing(outcome: Awaitable[Any]) -> Any:
    return _shared(await outcome)


async def _own_copy(shared: Awaitable[ExecutionResult]) -> ExecutionResult:
    result = await asyncio.shield(shared)
    return ExecutionResult(result.data, result.errors)
