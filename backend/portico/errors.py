"""Expected failures of domain operations. The GraphQL layer turns them into `UserError`s (data, not exceptions)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    field: str | None = None


class DomainError(Exception):
    """One or more problems with what the caller asked for; nothing was written."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.problems = [Problem(code, message, field)]

    @classmethod
    def many(cls, problems: list[Problem]) -> DomainError:
        error = cls(problems[0].code, problems[0].message, problems[0].field)
        error.problems = list(problems)
        return error


class NotFound(DomainError):
    """What the caller may not see is reported exactly like what does not exist."""

    def __init__(self, what: str, field: str | None = None) -> None:
        super().__init__("NOT_FOUND", f"{what} not found.", field)


class NotAllowed(DomainError):
    """The caller can see the object but may not change it (e.g. a MEMBER editing organization settings)."""

    def __init__(self, message: str = "You are not allowed to do this.", field: str | None = None) -> None:
        super().__init__("NOT_ALLOWED", message, field)


class NotAuthenticated(Exception):
    """No signed-in caller: a top-level GraphQL error (extensions.code UNAUTHENTICATED), not a payload error."""

    def __init__(self, message: str = "Sign in first.") -> None:
        super().__init__(message)
