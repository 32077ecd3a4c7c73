"""Validation kept per syntax tree, found by the tree's identity.

strawberry's ValidationCache looks a request's document up in an `lru_cache`, which hashes its arguments, and
graphql-core's syntax nodes hash all their children: every request walked its whole query tree to find a
validation done long ago (~2% of a hub page load's CPU, issue 8). The ParserCache gives every request of one query
text the same tree, so a tree already validated against this schema with these rules is found by identity first
(per_tree.py); any other tree goes through strawberry's cache as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from strawberry.extensions import ValidationCache
from strawberry.schema.schema import validate_document

from graphql import ASTValidationRule, DocumentNode, GraphQLError, GraphQLSchema
from portico.graphql.per_tree import kept

Rules = tuple[type[ASTValidationRule], ...]


def validation_errors(schema: GraphQLSchema, document: DocumentNode, rules: Rules,
                      validate: Callable[[GraphQLSchema, DocumentNode, Rules], Any] = validate_document
                      ) -> list[GraphQLError]:
    """The document's validation errors against `schema` with `rules` (strawberry's rules added), worked out once per
    tree: shared by the extension below and by known queries (prepared_queries.py)."""
    return kept(schema, "_portico_validated", document, rules, lambda: validate(schema, document, rules))


class ValidatedDocuments(ValidationCache):
    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        assert context.graphql_document is not None
        context.pre_execution_errors = validation_errors(context.schema._schema, context.graphql_document,
                                                         context.validation_rules, self.cached_validate_document)
        yield
