"""The columns of a customer file: what an import can map a file's column to, and what an export writes.

One registry for both directions, so an exported file imports back unchanged (its headers are the default
mapping). Adding a column (the receivables issue adds "Account Manager") is one `Column` here, plus reading it in
importer.py and writing it in export.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class ImportField(StrEnum):
    EXTERNAL_REF = "EXTERNAL_REF"
    CUSTOMER_NAME = "CUSTOMER_NAME"
    CUSTOMER_KIND = "CUSTOMER_KIND"
    CUSTOMER_HUB_ACCESS = "CUSTOMER_HUB_ACCESS"
    CONTACT_FIRST_NAME = "CONTACT_FIRST_NAME"
    CONTACT_LAST_NAME = "CONTACT_LAST_NAME"
    CONTACT_EMAIL = "CONTACT_EMAIL"
    CONTACT_HUB_ACCESS = "CONTACT_HUB_ACCESS"
    ACCOUNT_MANAGERS = "ACCOUNT_MANAGERS"


@dataclass(frozen=True)
class Column:
    field: ImportField
    header: str  # what an export writes, and the first header auto-mapping recognises
    aliases: tuple[str, ...] = ()  # other headers that mean the same (compared without case, spaces or punctuation)


# Export order. Customer fields first, then the contact's: one row per contact (see export.py).
COLUMNS: tuple[Column, ...] = (
    Column(ImportField.EXTERNAL_REF, "External Reference",
           ("external ref", "reference", "ref", "customer number", "customer no", "customer id", "account number")),
    Column(ImportField.CUSTOMER_NAME, "Customer Name", ("name", "customer", "company", "company name")),
    Column(ImportField.CUSTOMER_KIND, "Kind", ("customer kind", "type", "customer type")),
    Column(ImportField.CUSTOMER_HUB_ACCESS, "Customer Hub Access", ("hub access",)),
    Column(ImportField.CONTACT_FIRST_NAME, "Contact First Name", ("first name", "firstname", "given name")),
    Column(ImportField.CONTACT_LAST_NAME, "Contact Last Name", ("last name", "lastname", "surname", "family name")),
    Column(ImportField.CONTACT_EMAIL, "Contact Email", ("email", "e-mail", "email address", "mail")),
    Column(ImportField.CONTACT_HUB_ACCESS, "Contact Hub Access", ()),
    # A customer's field, written last so that files exported before it existed keep their column positions.
    Column(ImportField.ACCOUNT_MANAGERS, "Account Manager",
           ("account managers", "account manager email", "account manager emails")),
)
HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)
CONTACT_FIELDS = frozenset(
    {ImportField.CONTACT_FIRST_NAME, ImportField.CONTACT_LAST_NAME, ImportField.CONTACT_EMAIL,
     ImportField.CONTACT_HUB_ACCESS}
)


def _key(header: str) -> str:
    return re.sub(r"[^0-9a-z]", "", header.lower())


_BY_KEY: dict[str, ImportField] = {}
for _column in COLUMNS:  # the exact header first: "Customer Hub Access" must not fall to the "hub access" alias
    _BY_KEY.setdefault(_key(_column.header), _column.field)
for _column in COLUMNS:
    for _alias in _column.aliases:
        _BY_KEY.setdefault(_key(_alias), _column.field)


def suggest_mapping(headers: list[str]) -> dict[str, ImportField]:
    """File column → field, for the headers that name a field (each field taken by the first column naming it)."""
    mapping: dict[str, ImportField] = {}
    taken: set[ImportField] = set()
    for header in headers:
        field = _BY_KEY.get(_key(header))
        if field is not None and field not in taken:
            mapping[header] = field
            taken.add(field)
    return mapping


YES = frozenset({"yes", "y", "true", "1", "on", "x", "ja", "j"})
NO = frozenset({"no", "n", "false", "0", "off", "nej", "nein"})


def format_bool(value: bool) -> str:
    return "yes" if value else "no"
