"""The field rules of customers and contacts, in one place: the forms (services.py) and the import (importer.py)
both check with these, so a file can never bring in what the forms would refuse."""

from __future__ import annotations

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
