"""What a customer import reports (its summary and row errors) and how a file's columns are mapped to fields.

Split from importer.py, which reads and writes the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from portico.customers.columns import CONTACT_FIELDS, ImportField
from portico.errors import DomainError, Problem

MAX_REPORTED_ERRORS = 200


@dataclass(frozen=True)
class RowError:
    row: int  # the row number a spreadsheet shows (the header is row 1)
    column: str | None  # the file's column
    field: ImportField | None
    code: str
    message: str


@dataclass
class ImportSummary:
    dry_run: bool
    columns: list[str]
    mapping: dict[str, ImportField]
    problems: list[Problem] = field(default_factory=list)  # the mapping's, or the file's: no row was read
    rows: int = 0
    customers_created: int = 0
    customers_updated: int = 0
    customers_unchanged: int = 0
    contacts_created: int = 0
    contacts_updated: int = 0
    contacts_unchanged: int = 0
    account_managers_changed: int = 0  # customers whose account managers the file changes
    errors: list[RowError] = field(default_factory=list)  # the first MAX_REPORTED_ERRORS
    error_count: int = 0

    @property
    def applied(self) -> bool:
        return not self.dry_run and not self.problems and not self.error_count

    def add_error(self, error: RowError) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(error)


def unique_headers(header: list[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for index, raw in enumerate(header, start=1):
        name = raw or f"Column {index}"
        candidate, n = name, 2
        while candidate in seen:
            candidate, n = f"{name} ({n})", n + 1
        seen.add(candidate)
        result.append(candidate)
    return result


def parse_mapping(mapping: dict[str, str]) -> dict[str, ImportField]:
    parsed = {}
    for column, name in mapping.items():
        try:
            parsed[column] = ImportField(name)
        except ValueError:
            raise DomainError("INVALID_MAPPING", f"{name!r} is not a field a column can be mapped to.", "mapping")
    return parsed


def mapping_problems(columns: list[str], mapping: dict[str, ImportField]) -> list[Problem]:
    problems = []
    for column in mapping:
        if column not in columns:
            problems.append(Problem("UNKNOWN_COLUMN", f"The file has no column {column!r}.", "mapping"))
    fields = list(mapping.values())
    for duplicate in sorted({f for f in fields if fields.count(f) > 1}):
        problems.append(Problem("DUPLICATE_FIELD", f"Only one column can be mapped to {duplicate}.", "mapping"))
    if ImportField.EXTERNAL_REF not in fields:
        problems.append(Problem(
            "REQUIRED", "Map a column to the external reference: re-importing a file matches customers on it.",
            "mapping",
        ))
    if CONTACT_FIELDS.intersection(fields) and ImportField.CONTACT_EMAIL not in fields:
        problems.append(
            Problem("REQUIRED", "Map a column to the contact email: contacts are matched on it.", "mapping")
        )
    return problems
