"""Checks shared by every domain for input that comes from outside."""

from __future__ import annotations

import re
import uuid
from zoneinfo import ZoneInfo, available_timezones

from portico.errors import DomainError, Problem

# Deliberately simple: one @, a dot in the domain, no spaces. Real validation is the email arriving.
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 200


class Checker:
    """Collects every problem of one input, so the caller sees them all at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, code: str, message: str, field: str | None) -> None:
        self.problems.append(Problem(code, message, field))

    def text(self, value: str | None, field: str, label: str, *, max_length: int, required: bool = True) -> str:
        cleaned = (value or "").strip()
        if required and not cleaned:
            self.add("REQUIRED", f"{label} is required.", field)
        elif len(cleaned) > max_length:
            self.add("TOO_LONG", f"{label} must be at most {max_length} characters.", field)
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


def is_uuid(value: str) -> bool:
    """Upload ids are UUIDs; anything else is simply not found (and never reaches the database as a bad cast)."""
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
