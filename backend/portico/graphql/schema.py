"""Assembles Query, Mutation and Subscription from the domain modules, with the security extensions."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from graphql import GraphQLError
from portico.errors import DomainError, NotAuthenticated
from portico.graphql.accounts.mutations import AccountMutations
from portico.graphql.accounts.queries import AccountQueries
from portico.graphql.context import Info
from portico.graphql.customers.mutations import CustomerMutations
from portico.graphql.customers.queries import CustomerQueries
from portico.graphql.errors import ErrorCodes
from portico.graphql.hubs.mutations import HubMutations
from portico.graphql.hubs.queries import HubQueries
from portico.graphql.hubs.subscriptions import HubSubscriptions
from portico.graphql.mail.queries import MailQueries
from portico.graphql.node import Node, resolve_node
from portico.settings import Settings

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 3000


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Any object by its global id; null when it does not exist or is not visible.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        actor = info.context.actor.require_signed_in()
        return await resolve_node(actor, str(id))


Query = merge_types("Query", (NodeQueries, AccountQueries, CustomerQueries, HubQueries, MailQueries))
Mutation = merge_types("Mutation", (AccountMutations, CustomerMutations, HubMutations))
Subscription = merge_types("Subscription", (HubSubscriptions,))


def _should_mask(error: GraphQLError) -> bool:
    """Hide internals in production, but keep the errors that are meant for the caller."""
    original = error.original_error
    if original is None:
        return False  # syntax and validation errors describe the query, not the server
    return not isinstance(original, (NotAuthenticated, DomainError))


def _extensions(settings: Settings | None) -> list[Any]:
    extensions: list[Any] = [
        MaxTokensLimiter(max_token_count=MAX_TOKENS),
        QueryDepthLimiter(max_depth=MAX_DEPTH),
        MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        ParserCache(maxsize=512),
        ErrorCodes,
        ValidationCache(maxsize=512),
    ]
    if settings is not None and settings.is_production:
        extensions.append(MaskErrors(should_mask_error=_should_mask))
    if settings is not None and not settings.graphql_introspection:
        from strawberry.extensions import DisableIntrospection

        extensions.append(DisableIntrospection())
    return extensions


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema with its extensions; `settings` None gives the exportable contract."""
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=_extensions(settings),
        config=StrawberryConfig(auto_camel_case=True),
    )
