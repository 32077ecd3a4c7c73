"""Validation kept per syntax tree, found by the tree's identity.

strawberry's ValidationCache looks a request's document up in an `lru_cache`, which hashes its arguments, and
graphql-core's syntax nodes hash all their children: every request walked its whole query tree to find a
validation done long ago (~2% of a hub page load's CPU, issue 8). The ParserCache gives every request of one query
text the same tree, so a tree already validated against this schema with these rules is found by identity first;
any other tree goes through strawberry's cache as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from strawberry.extensions import ValidationCache

_MAX = 1024  # trees kept per schema; the ParserCache keeps 512 texts
# Kept on the GraphQLSchema (so a schema keeps nothing of another alive): id(tree) -> (tree, rules, errors), the
# tree kept so that its id is not reused while the entry lives.
_VALIDATED = "_portico_validated"


class ValidatedDocuments(ValidationCache):
    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document, schema, rules = context.graphql_document, context.schema._schema, context.validation_rules
        validated: dict[int, tuple[Any, Any, Any]] = schema.__dict__.setdefault(_VALIDATED, {})
        found = validated.get(id(document))
        if found is not None and found[0] is document and found[1] == rules:
            errors = found[2]
        else:
            errors = self.cached_validate_document(schema, document, rules)
            if len(validated) >= _MAX:
                del validated[next(iter(validated))]
            validated[id(document)] = (document, rules, errors)
        context.pre_execution_errors = errors
        yield
