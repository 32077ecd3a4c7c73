"""Known queries, executed without strawberry's per-request layers.

A query text the SPA or a partner sends is checked once: parsed within the token cap, validated with the schema's
rules, and found to name a query. From then on a request of that text only builds its context, executes and
encodes. strawberry's view and its extensions runner do the same work, but each request they make an execution
context and the four extensions, enter and leave their hooks for the operation, the parsing, the validation and
the execution, and ask the caches again. The hub page's two requests through the whole app in-process took 13-21%
less CPU this way (issue 8, 2026-12-04, alternating runs).

What this does is what those extensions do (RequestLimits, ParserCache, ValidatedDocuments, MaskErrors; the
constructor refuses a schema with any other, or with schema directives, whose extension acts on every field), in the
order strawberry runs them: the same parser cache, so the same syntax tree (and the same execution plan,
compiled_queries.py); the same validation entry (validated_documents.py); errors go through the schema's
`process_errors` (logged, codes added) and then, in production, `masked`.

Anything else is answered by strawberry's own path, unchanged: mutations and subscriptions, texts that do not parse
or validate (their errors are strawberry's), an operation name that names nothing. Those texts are remembered as
not prepared, so they are not checked twice either (the last `limit` texts, in an LRU cache as the ParserCache's).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any

from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.extensions import ParserCache
from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.types import ExecutionResult

from graphql import DocumentNode, GraphQLError, OperationType, execute, get_operation_ast
from portico.graphql.schema import PARSED_TEXTS, MaskUnexpectedErrors, PorticoSchema, RequestLimits, masked
from portico.graphql.validated_documents import ValidatedDocuments, validation_errors

if TYPE_CHECKING:
    from portico.graphql.context import Context

class PreparedQueries:
    def __init__(self, schema: PorticoSchema, *, limit: int) -> None:
        made = {type(factory()) for factory in schema.extensions}
        applied = {RequestLimits, ParserCache, ValidatedDocuments, MaskUnexpectedErrors}
        if not made <= applied or schema.directives:
            raise ValueError(f"known queries would skip what {sorted(t.__name__ for t in made - applied)} or the "
                             "schema's directives do: teach prepared_queries.py to do it first")
        self.schema = schema
        # The ParserCache's own LRU (keyed by its size), so both paths get one tree per text.
        self._parse = _get_parse_cache(PARSED_TEXTS)
        self.document = functools.lru_cache(maxsize=limit)(self._prepare)

    def _prepare(self, query: str, operation_name: str | None) -> DocumentNode | None:
        """The text's syntax tree when the operation it names (`operation_name`, or its only one) is a valid query;
        None when strawberry's path must answer it. Asked through `document`, which keeps the answers."""
        schema = self.schema
        try:
            document: DocumentNode = self._parse(query, max_tokens=schema.max_tokens)
        except GraphQLError:
            return None
        operation = get_operation_ast(document, operation_name)
        if operation is None or operation.operation is not OperationType.QUERY:
            return None
        if validation_errors(schema._schema, document, schema.validation_rules):
            return None
        return document

    async def execute(self, document: DocumentNode, *, operation_name: str | None, variables: dict[str, Any] | None,
                      context: Context) -> ExecutionResult:
        schema = self.schema
        try:
            executed = execute(
                schema._schema, document, context_value=context, variable_values=variables,
                operation_name=operation_name, executor_class=schema.execution_context_class,
                is_awaitable=optimized_is_awaitable,  # type: ignore[arg-type]
            )
            result = await executed if isinstance(executed, Awaitable) else executed
            data, errors = result.data, result.errors
        except Exception as error:  # noqa: BLE001 - as strawberry does: a failure of the executor is an error result
            data, errors = None, [error if isinstance(error, GraphQLError) else GraphQLError(str(error),
                                                                                            original_error=error)]
        if errors:
            schema._process_errors(errors)  # as strawberry's execute does: logged whole, codes added
            if schema.masks_errors:
                errors = masked(errors)
        return ExecutionResult(data=data, errors=errors or None)
