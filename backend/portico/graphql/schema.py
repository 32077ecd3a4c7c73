"""Assembles Query, Mutation and Subscription from the domain modules, with the security extensions."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import strawberry
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext
from strawberry.utils.logging import StrawberryLogger

from graphql import ASTValidationRule, GraphQLError, NoSchemaIntrospectionCustomRule, specified_rules
from portico.errors import DomainError, NotAuthenticated
from portico.graphql import scopes
from portico.graphql.accounts.mutations import AccountMutations
from portico.graphql.accounts.queries import AccountQueries
from portico.graphql.accounts.storage import StorageMutations
from portico.graphql.branding.mutations import BrandingMutations
from portico.graphql.branding.queries import BrandingQueries
from portico.graphql.context import Info
from portico.graphql.customers.imports import CustomerImportMutations
from portico.graphql.customers.mutations import CustomerMutations
from portico.graphql.customers.queries import CustomerQueries
from portico.graphql.hubs.folder_mutations import FolderMutations
from portico.graphql.hubs.mutations import HubMutations
from portico.graphql.hubs.opening import DocumentOpeningMutations
from portico.graphql.hubs.queries import HubQueries
from portico.graphql.hubs.signin import HubSignInMutations
from portico.graphql.hubs.subscriptions import HubSubscriptions
from portico.graphql.hubs.templates import TemplateMutations, TemplateQueries
from portico.graphql.hubs.welcome import WelcomeMutations, WelcomeQueries
from portico.graphql.mail.queries import MailQueries
from portico.graphql.node import Node, resolve_node
from portico.graphql.notifications.mutations import NotificationMutations
from portico.graphql.notifications.queries import NotificationQueries
from portico.graphql.quotes.acceptance import QuoteAcceptanceMutations, QuoteAcceptanceQueries
from portico.graphql.quotes.mutations import QuoteMutations
from portico.graphql.quotes.queries import QuoteQueries
from portico.graphql.quotes.visit import QuoteVisitQueries
from portico.graphql.receivables.actions import ActionMutations, ActionQueries
from portico.graphql.receivables.invoice_imports import InvoiceImportMutations
from portico.graphql.receivables.invoice_mutations import InvoiceMutations
from portico.graphql.receivables.invoices import InvoiceQueries
from portico.graphql.receivables.reports import ReportQueries
from portico.graphql.receivables.workflows import WorkflowMutations, WorkflowQueries
from portico.graphql.shared_events import SharedEventExecution
from portico.graphql.validated_documents import ValidatedDocuments
from portico.settings import Settings

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 3000
PARSED_TEXTS = 512  # query texts whose syntax tree and validation are kept
# graphql-core ends messages about unknown fields, arguments, types and enum values with suggestions of real names.
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")
log = logging.getLogger("portico.graphql")


@strawberry.type
class NodeQueries:
    @strawberry.field(
        description=f"Any object by its global id; null when it does not exist or is not visible. {scopes.NODE}"
    )
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        actor = info.context.actor.require_signed_in()
        return await resolve_node(actor, str(id), info)


Query = merge_types(
    "Query",
    (NodeQueries, AccountQueries, CustomerQueries, HubQueries, MailQueries, TemplateQueries, BrandingQueries,
     NotificationQueries, WelcomeQueries, QuoteAcceptanceQueries, InvoiceQueries, QuoteQueries,
     WorkflowQueries, ActionQueries, ReportQueries, QuoteVisitQueries),
)
Mutation = merge_types(
    "Mutation",
    (
        AccountMutations, CustomerMutations, CustomerImportMutations, HubMutations, DocumentOpeningMutations,
        FolderMutations,
        HubSignInMutations, TemplateMutations, BrandingMutations, NotificationMutations, StorageMutations,
        WelcomeMutations, QuoteAcceptanceMutations, InvoiceMutations, QuoteMutations, WorkflowMutations,
        ActionMutations, InvoiceImportMutations,
    ),
)
Subscription = merge_types("Subscription", (HubSubscriptions,))


def _should_mask(error: GraphQLError) -> bool:
    """Hide internals in production, but keep the errors that are meant for the caller."""
    return not is_expected(error)  # syntax and validation errors describe the query, not the server


class RequestLimits(SchemaExtension):
    """The parser's token cap and the validation rules (depth, aliases, and no introspection where it is off) in one
    extension. strawberry keeps every extension's `on_operation` open while the operation runs, and a subscription
    runs for as long as its WebSocket is open: one hook instead of four per live feed (~2 KiB of each idle
    connection's memory, bench/idle_subscribers.py). The rules are the schema's (`PorticoSchema.validation_rules`),
    made once: the validation cache keys on them, and a limiter builds new rule classes each time it is made (a cache
    that would never hit); known queries (prepared_queries.py) apply the same ones."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        schema = context.schema
        assert isinstance(schema, PorticoSchema)
        context.parse_options["max_tokens"] = schema.max_tokens
        context.validation_rules = schema.validation_rules
        yield


def _validation_rules(settings: Settings | None) -> tuple[type[ASTValidationRule], ...]:
    """graphql's own rules, then the limits every request is held to."""
    rules: list[type[ASTValidationRule]] = [
        *specified_rules,
        *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
        *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
    ]
    if settings is not None and not settings.graphql_introspection:
        rules.append(NoSchemaIntrospectionCustomRule)
    return tuple(rules)


def masked(errors: list[GraphQLError]) -> list[GraphQLError]:
    """In production, an error that is not the caller's reads "Unexpected error." (process_errors logged it whole)
    and keeps only where it happened."""
    return [
        error if not _should_mask(error) else GraphQLError(
            "Unexpected error.", nodes=error.nodes, source=error.source, positions=error.positions, path=error.path,
        )
        for error in errors
    ]


class MaskUnexpectedErrors(MaskErrors):
    """strawberry's, with `masked`, and minus asking a runtime-checkable Protocol whether each result has errors: that
    isinstance walks the Protocol's members every request (~0.7% of a hub page load's CPU); `errors` is all it looks
    for."""

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return masked(errors)

    def _process_result(self, result: object) -> None:
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = self._process_errors(errors)  # type: ignore[attr-defined]


def _extensions(settings: Settings | None) -> list[Any]:
    """Factories, never instances: strawberry makes each request its own extensions. An instance is shared by every
    request and keeps the execution context of the one that started last, so MaskErrors, reading the result after
    the execution, masked another request's errors and let this one's through (tests/graphql/
    test_concurrent_requests.py). The parse and validation caches are module-level: shared all the same. Known
    queries over HTTP do what these do without them (prepared_queries.py, which refuses a schema with others)."""
    extensions: list[Any] = [
        RequestLimits,
        lambda: ParserCache(maxsize=PARSED_TEXTS),
        lambda: ValidatedDocuments(maxsize=PARSED_TEXTS),
    ]
    if settings is not None and settings.is_production:
        extensions.append(MaskUnexpectedErrors)
    return extensions


def is_expected(error: GraphQLError) -> bool:
    """Errors that describe the request, not the server: syntax and validation errors (graphql-core wraps its own
    for variables that do not fit their type), unauthenticated, refused."""
    return error.original_error is None or isinstance(
        error.original_error, (GraphQLError, NotAuthenticated, DomainError)
    )


def _loggable(message: str) -> str:
    """A variable's coercion error quotes the value sent (a password, say): the log keeps only which variable."""
    return message.split(":", 1)[0] if message.startswith("Variable '$") else message


def _code(error: GraphQLError) -> str:
    original = error.original_error
    if isinstance(original, DomainError):
        return original.problems[0].code
    return "UNAUTHENTICATED" if isinstance(original, NotAuthenticated) else "GRAPHQL_VALIDATION_FAILED"


def _add_code(error: GraphQLError) -> None:
    """`extensions.code` on the errors a client must act on (UNAUTHENTICATED: show the sign-in; a DomainError's
    code). Done here rather than by an extension: an extension's hook stays open for as long as a subscription runs,
    i.e. for the life of every live feed's WebSocket (~1 KiB each, bench/idle_subscribers.py)."""
    if isinstance(error.original_error, (NotAuthenticated, DomainError)):
        error.extensions = {**(error.extensions or {}), "code": _code(error)}


class PorticoSchema(strawberry.Schema):
    """Logs expected errors at INFO without a traceback (they are the caller's, not ours: an ERROR there hides real
    failures), unexpected ones at ERROR with it; in production, strips "Did you mean" suggestions, which would
    otherwise spell out the schema to a client that is not allowed to introspect it."""

    def __init__(self, *, settings: Settings | None, **kwargs: Any) -> None:
        super().__init__(extensions=_extensions(settings), **kwargs)
        self.hide_suggestions = settings is not None and settings.is_production
        self.masks_errors = settings is not None and settings.is_production  # with `masked`, after process_errors
        self.max_tokens = MAX_TOKENS
        self.validation_rules = _validation_rules(settings)

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        for error in errors:
            _add_code(error)
            if self.hide_suggestions:
                # Runs before the errors are returned (and before MaskErrors), so the client never sees them.
                error.message = _SUGGESTION.sub("", error.message)
            if is_expected(error):
                log.info("GraphQL error for the caller: %s", _loggable(error.message),
                         extra={"code": _code(error), "path": error.path})
            else:
                StrawberryLogger.error(error, execution_context)


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema with its extensions; `settings` None gives the exportable contract."""
    return PorticoSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        settings=settings,
        config=StrawberryConfig(auto_camel_case=True),
        # The live feed's subscribers of one visibility class share an event's execution (shared_events), queries
        # run from a plan kept per operation (compiled_queries), and plain fields skip graphql-core's per-field
        # machinery (plain_fields).
        execution_context_class=SharedEventExecution,
    )
