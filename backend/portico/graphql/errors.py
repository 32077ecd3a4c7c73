"""UserError and the helper every mutation uses to turn expected failures into payload data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import strawberry

from portico.errors import DomainError


@strawberry.type
class UserError:
    code: str
    field: str | None
    message: str


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
