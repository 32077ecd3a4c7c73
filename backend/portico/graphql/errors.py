"""UserError and the helper every mutation uses to turn expected failures into payload data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import TypeVar

import strawberry
from strawberry.extensions import SchemaExtension

from portico.errors import DomainError, NotAuthenticated


@strawberry.type
class UserError:
    code: str
    field: str | None
    message: str


class ErrorCodes(SchemaExtension):
    """Adds `extensions.code` to top-level errors a client must act on (e.g. UNAUTHENTICATED: show the sign-in)."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        for error in getattr(result, "errors", None) or []:
            original = error.original_error
            if isinstance(original, NotAuthenticated):
                error.extensions = {**(error.extensions or {}), "code": "UNAUTHENTICATED"}
            elif isinstance(original, DomainError):
                error.extensions = {**(error.extensions or {}), "code": original.problems[0].code}


def user_errors(error: DomainError) -> list[UserError]:
    return [UserError(code=p.code, field=p.field, message=p.message) for p in error.problems]


P = TypeVar("P")


async def mutate(make_payload: Callable[..., P], work: Callable[[], Awaitable[dict[str, object]]]) -> P:
    """Run `work`; on success build the payload from its fields, on a DomainError return the errors."""
    try:
        fields = await work()
    except DomainError as error:
        return make_payload(errors=user_errors(error))
    return make_payload(errors=[], **fields)
