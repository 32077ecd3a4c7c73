"""The field rules of customers and contacts, in one place: the forms (services.py) and the import (importer.py)
both check with these, so a file can never bring in what the forms would refuse.

Seed 001: a contact needs a first name, a last name and an email. Seed 003: some organizations' client users have no
email; `Organization.allow_contacts_without_email` lets them exist (they cannot be sent a welcome email).
"""

from __future__ import annotations

from dataclasses import dataclass

from portico.validation import Checker

NAME_LENGTH = 200
PERSON_NAME_LENGTH = 100
EXTERNAL_REF_LENGTH = 100


def customer_name(check: Checker, value: str | None, field: str = "name", *, required: bool = True) -> str:
    return check.text(value, field, "Name", max_length=NAME_LENGTH, required=required, single_line=True)


def first_name(check: Checker, value: str | None, field: str = "firstName") -> str:
    return check.text(value, field, "First name", max_length=PERSON_NAME_LENGTH, single_line=True)


def last_name(check: Checker, value: str | None, field: str = "lastName") -> str:
    return check.text(value, field, "Last name", max_length=PERSON_NAME_LENGTH, single_line=True)


def contact_email(check: Checker, value: str | None, field: str = "email", *, required: bool = False) -> str | None:
    return check.email(value, field, required=required)


def external_ref(check: Checker, value: str | None, field: str = "externalRef", *, required: bool = True) -> str:
    return check.text(
        value, field, "External reference", max_length=EXTERNAL_REF_LENGTH, required=required, single_line=True
    )


@dataclass(frozen=True)
class ContactFields:
    first_name: str
    last_name: str
    email: str | None


def contact_fields(
    check: Checker, *, first: str | None, last: str | None, email: str | None, allow_missing_email: bool,
    prefix: str = "",
) -> ContactFields:
    """Every rule of a new contact; problems are collected in `check` with fields named `prefix + "firstName"`..."""
    return ContactFields(
        first_name(check, first, f"{prefix}firstName"),
        last_name(check, last, f"{prefix}lastName"),
        contact_email(check, email, f"{prefix}email", required=not allow_missing_email),
    )
