"""Validation kept per syntax tree, found by the tree's identity.

strawberry's ValidationCache looks a request's document up in an `lru_cache`, which hashes its arguments, and
graphql-core's syntax nodes hash all their children: every request walked its whole query tree to find a
validation done long ago (~2% of a hub page load's CPU, issue 8). The ParserCache gives every request of one query
text the same tree, so a tree already validated against this schema with these rules is found by identity first
(per_tree.py); any other tree goes through strawberry's cache as before.
"""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import ValidationCache

from portico.graphql.per_tree import kept


class ValidatedDocuments(ValidationCache):
    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document, schema, rules = context.graphql_document, context.schema._schema, context.validation_rules
        context.pre_execution_errors = kept(schema, "_portico_validated", document, rules,
                                            lambda: self.cached_validate_document(schema, document, rules))
        yield
