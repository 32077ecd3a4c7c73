"""Invoice import through GraphQL: a dry run (`checkInvoiceImport`) and the import (`importInvoices`) of an uploaded
CSV or XLSX file. How the file is read: portico/receivables/importer.py."""

from __future__ import annotations

import strawberry

from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate
from portico.receivables import importer
from portico.receivables.importer import InvoiceImportSummary

DOC = ("Columns by header: Invoice Number, Customer Reference (or Customer Name), Amount, Currency, Issue Date, Due "
       "Date. Idempotent on the invoice number; a file with any error writes nothing. Members (a MEMBER: their "
       "portfolio's customers); API keys acting as one need INVOICES_WRITE.")


@strawberry.input
class InvoiceImportInput:
    upload_id: str = strawberry.field(description="From POST /uploads (CSV or XLSX).")


@strawberry.type
class InvoiceImportRowError:
    row: int = strawberry.field(description="The row number a spreadsheet shows (the header is row 1).")
    column: str | None
    code: str
    message: str


@strawberry.type(description="How one of the file's columns was read (by its header).")
class InvoiceImportColumn:
    column: str = strawberry.field(description="The file's header.")
    field: str = strawberry.field(description="What it was read as: Invoice Number, Customer Reference, Customer "
                                  "Name, Amount, Currency, Issue Date or Due Date.")


@strawberry.type
class InvoiceImportResult:
    dry_run: bool
    applied: bool
    columns: list[str]
    mapping: list[InvoiceImportColumn] = strawberry.field(
        description="The columns read, in the file's order; the file's other columns are ignored."
    )
    row_count: int
    created: int
    updated: int
    unchanged: int
    row_errors: list[InvoiceImportRowError]
    row_error_count: int

    @classmethod
    def from_summary(cls, s: InvoiceImportSummary) -> InvoiceImportResult:
        return cls(
            dry_run=s.dry_run, applied=s.applied, columns=s.columns,
            mapping=[InvoiceImportColumn(column=c, field=f) for c, f in s.mapping], row_count=s.rows, created=s.created,
            updated=s.updated, unchanged=s.unchanged, row_error_count=s.error_count,
            row_errors=[InvoiceImportRowError(row=e.row, column=e.column, code=e.code, message=e.message)
                        for e in s.errors],
        )


@strawberry.type
class InvoiceImportPayload:
    result: InvoiceImportResult | None = None
    errors: list[UserError]


@strawberry.type
class InvoiceImportMutations:
    @strawberry.mutation(description=f"Check an invoice file without writing anything. {DOC}")
    async def check_invoice_import(self, info: Info, input: InvoiceImportInput) -> InvoiceImportPayload:
        return await _run(info, input, dry_run=True)

    @strawberry.mutation(description=f"Import an invoice file, all or nothing. {DOC}")
    async def import_invoices(self, info: Info, input: InvoiceImportInput) -> InvoiceImportPayload:
        return await _run(info, input, dry_run=False)


async def _run(info: Info, input: InvoiceImportInput, *, dry_run: bool) -> InvoiceImportPayload:
    async def work() -> dict[str, object]:
        summary = await importer.import_invoices(info.context.actor.require_signed_in(),
                                                 info.context.services.storage, upload_id=input.upload_id,
                                                 dry_run=dry_run)
        return {"result": InvoiceImportResult.from_summary(summary)}

    return await mutate(InvoiceImportPayload, work)
