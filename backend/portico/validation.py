"""Checks shared by every domain for input that comes from outside."""

from __future__ import annotations

import re
import unicodedata
import uuid
from zoneinfo import ZoneInfo, available_timezones

from portico.errors import DomainError, Problem

# Deliberately simple: one @, a dot in the domain, no spaces. Real validation is the email arriving.
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 200
MAX_SEARCH_LENGTH = 100
_LINE_BREAKS = "\n\r\t"


def has_control_characters(value: str, *, single_line: bool = True) -> bool:
    """C0/C1 control characters (NUL, ESC, ...) and, for single-line text, line breaks and tabs too.

    They have no place in names or titles: PostgreSQL refuses NUL outright, and a title ends up in HTTP headers
    (Content-Disposition) and email subjects, where a line break is an injection."""
    for ch in value:
        if ch in _LINE_BREAKS:
            if single_line:
                return True
        elif unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            return True
    return False


class Checker:
    """Collects every problem of one input, so the caller sees them all at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, code: str, message: str, field: str | None) -> None:
        self.problems.append(Problem(code, message, field))

    def text(
        self,
        value: str | None,
        field: str,
        label: str,
        *,
        max_length: int,
        required: bool = True,
        single_line: bool = False,
    ) -> str:
        """Trimmed text. Control characters are refused; `single_line` (names, titles) refuses line breaks too,
        while multi-line text (messages, descriptions) keeps its line breaks and tabs."""
        cleaned = (value or "").strip()
        if required and not cleaned:
            self.add("REQUIRED", f"{label} is required.", field)
        elif len(cleaned) > max_length:
            self.add("TOO_LONG", f"{label} must be at most {max_length} characters.", field)
        elif has_control_characters(cleaned, single_line=single_line):
            what = "line breaks, tabs or control characters" if single_line else "control characters"
            self.add("INVALID_TEXT", f"{label} must not contain {what}.", field)
        return cleaned

    def email(self, value: str | None, field: str = "email", *, required: bool = True) -> str | None:
        cleaned = (value or "").strip().lower()
        if not cleaned:
            if required:
                self.add("REQUIRED", "Email is required.", field)
            return None
        if len(cleaned) > 254 or not _EMAIL.match(cleaned):
            self.add("INVALID_EMAIL", f"{value!r} is not a valid email address.", field)
        return cleaned

    def password(self, value: str, field: str = "password") -> str:
        if len(value) < MIN_PASSWORD_LENGTH:
            self.add("WEAK_PASSWORD", f"Password must be at least {MIN_PASSWORD_LENGTH} characters.", field)
        elif len(value) > MAX_PASSWORD_LENGTH:
            self.add("TOO_LONG", f"Password must be at most {MAX_PASSWORD_LENGTH} characters.", field)
        return value

    def timezone(self, value: str, field: str = "timezone") -> str:
        if value not in available_timezones():
            self.add("INVALID_TIMEZONE", f"{value!r} is not a known time zone (e.g. Europe/Copenhagen).", field)
        else:
            ZoneInfo(value)
        return value

    def language(self, value: str, field: str = "language") -> str:
        cleaned = value.strip().lower()
        if not re.fullmatch(r"[a-z]{2}", cleaned):
            self.add("INVALID_LANGUAGE", f"{value!r} is not a two-letter language code (e.g. en, da, sv).", field)
        return cleaned

    def raise_if_any(self) -> None:
        if self.problems:
            raise DomainError.many(self.problems)


def check_lookup_email(value: str | None, field: str = "email") -> str:
    """The normalized address to look an account up by (sign-in, password reset); "" when none was given.

    No account can have an address longer than 254 characters or with control characters or spaces: such input is
    a validation error, not a lookup (PostgreSQL refuses NUL, and derived keys have bounded columns). Whether an
    account exists is still never revealed."""
    cleaned = (value or "").strip().lower()
    if len(cleaned) > 254 or any(ch.isspace() for ch in cleaned) or has_control_characters(cleaned):
        raise DomainError("INVALID_EMAIL", "This is not a valid email address.", field)
    return cleaned


def search_term(value: str | None, field: str = "search", *, max_length: int = MAX_SEARCH_LENGTH) -> str | None:
    """A search string as the queries use it (trimmed, lower-cased, bounded), or None when there is nothing to
    search for. Control characters are a validation error: PostgreSQL refuses NUL in a query parameter."""
    cleaned = (value or "").strip().lower()
    if has_control_characters(cleaned):
        raise DomainError("INVALID_SEARCH", "Search text must not contain control characters.", field)
    return cleaned[:max_length] or None


def is_uuid(value: str) -> bool:
    """Upload ids are UUIDs; anything else is simply not found (and never reaches the database as a bad cast)."""
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
