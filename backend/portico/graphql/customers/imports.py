"""Customer import over GraphQL: check a file (dry run), then import it. The file itself arrives first through the
streamed upload route (`POST /uploads`), which answers with the `uploadId` these mutations take."""

from __future__ import annotations

import strawberry

from portico.customers import columns, importer
from portico.errors import DomainError
from portico.graphql import scopes
from portico.graphql.context import Info
from portico.graphql.errors import UserError, user_errors

ImportField = strawberry.enum(columns.ImportField, description="What a column of an imported file holds.")


@strawberry.input
class ColumnMappingInput:
    column: str = strawberry.field(description="A column name, as in the file's first row.")
    field: ImportField  # type: ignore[valid-type]


@strawberry.input
class CustomerImportInput:
    upload_id: strawberry.ID = strawberry.field(description="A CSV or XLSX file from `POST /uploads`.")
    mapping: list[ColumnMappingInput] | None = strawberry.field(
        default=None, description="File columns → fields. Omitted: suggested from the headers (see `mapping`)."
    )


@strawberry.type
class ColumnMapping:
    column: str
    field: ImportField  # type: ignore[valid-type]


@strawberry.type
class ImportRowError:
    row: int = strawberry.field(description="The row number a spreadsheet shows (the header is row 1).")
    column: str | None
    field: ImportField | None  # type: ignore[valid-type]
    code: str
    message: str


@strawberry.type
class CustomerImportResult:
    dry_run: bool
    applied: bool = strawberry.field(description="True when the rows were written (an import without errors).")
    columns: list[str] = strawberry.field(description="The file's columns, in order.")
    mapping: list[ColumnMapping] = strawberry.field(description="The mapping used (suggested when none was given).")
    row_count: int
    customers_created: int
    customers_updated: int
    customers_unchanged: int
    contacts_created: int
    contacts_updated: int
    contacts_unchanged: int
    account_managers_changed: int = strawberry.field(
        description="Existing customers whose account managers the file's Account Manager column changes."
    )
    row_errors: list[ImportRowError] = strawberry.field(description=f"The first {importer.MAX_REPORTED_ERRORS}.")
    row_error_count: int

    @classmethod
    def from_summary(cls, summary: importer.ImportSummary) -> CustomerImportResult:
        return cls(
            dry_run=summary.dry_run,
            applied=summary.applied,
            columns=summary.columns,
            mapping=[ColumnMapping(column=c, field=f) for c, f in summary.mapping.items()],
            row_count=summary.rows,
            customers_created=summary.customers_created,
            customers_updated=summary.customers_updated,
            customers_unchanged=summary.customers_unchanged,
            contacts_created=summary.contacts_created,
            contacts_updated=summary.contacts_updated,
            contacts_unchanged=summary.contacts_unchanged,
            account_managers_changed=summary.account_managers_changed,
            row_errors=[
                ImportRowError(row=e.row, column=e.column, field=e.field, code=e.code, message=e.message)
                for e in summary.errors
            ],
            row_error_count=summary.error_count,
        )


@strawberry.type
class CustomerImportPayload:
    result: CustomerImportResult | None = strawberry.field(
        default=None, description="Also present when `errors` holds the mapping's problems (to show the columns)."
    )
    errors: list[UserError]


async def _run(info: Info, input: CustomerImportInput, *, dry_run: bool) -> CustomerImportPayload:
    try:
        summary = await importer.import_customers(
            info.context.actor.require_signed_in(),
            info.context.services.storage,
            upload_id=str(input.upload_id),
            mapping={m.column: str(m.field) for m in input.mapping} if input.mapping is not None else None,
            dry_run=dry_run,
        )
    except DomainError as error:
        return CustomerImportPayload(errors=user_errors(error))
    # The mapping's problems are errors, and the result still carries the columns and the mapping to fix them with.
    problems = [UserError(code=p.code, field=p.field, message=p.message) for p in summary.problems]
    return CustomerImportPayload(result=CustomerImportResult.from_summary(summary), errors=problems)


@strawberry.type
class CustomerImportMutations:
    @strawberry.mutation(
        description="Dry run of a customer import: every row checked, nothing written; row errors and what would be "
        f"created or updated. {scopes.CUSTOMERS_WRITE}"
    )
    async def check_customer_import(self, info: Info, input: CustomerImportInput) -> CustomerImportPayload:
        return await _run(info, input, dry_run=True)

    @strawberry.mutation(
        description="Import customers and contacts from the file, in one transaction: a file with any row error writes "
        f"nothing (`result.applied` false). Idempotent on the external reference. {scopes.CUSTOMERS_WRITE}"
    )
    async def import_customers(self, info: Info, input: CustomerImportInput) -> CustomerImportPayload:
        return await _run(info, input, dry_run=False)
