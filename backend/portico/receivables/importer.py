"""Invoice import (issue 11, point 2): invoices from a CSV or XLSX file (read with customers/tabular.py).

How a file is read (the decisions):
- The first row names the columns, recognised by header (case, spaces and punctuation ignored): Invoice Number,
  Customer Reference, Customer Name, Amount, Currency, Issue Date, Due Date. Dates are ISO (2026-10-31; an XLSX
  date cell works too).
- A row's customer is found by its Customer Reference (the customer's external reference, which exports and the
  customer import use) when the column is there and the cell filled; else by its exact name (case-insensitive), and
  a name two customers share is an error (AMBIGUOUS_CUSTOMER): references are the reliable key, names the fallback.
  Only customers the importer may invoice count (a MEMBER: their portfolio); others are NOT_FOUND.
- Idempotent on the invoice number: a new number creates the invoice, an existing one updates its customer, amount,
  currency and dates when they differ (same rules as the form: not a void invoice, not below what was paid, not
  another currency once paid), and an identical row changes nothing. Importing the same file twice changes nothing.
- The dry run checks everything and counts what would change; the import does the same and writes in one
  transaction: a file with any error writes nothing. Errors come by row (as a spreadsheet numbers it) and column.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tortoise.transactions import in_transaction

from portico import policy
from portico.actors import Actor
from portico.customers.models import Customer
from portico.customers.tabular import UnreadableFile, kind_of, read_rows, restore, spooled_copy
from portico.errors import DomainError, NotFound
from portico.hubs.models import Upload
from portico.hubs.sweeps import forget_upload
from portico.receivables import rules
from portico.receivables.models import Invoice, InvoiceStatus
from portico.receivables.services import status_for
from portico.storage.base import Storage
from portico.validation import Checker, is_uuid

MAX_ROWS = 20_000
MAX_REPORTED_ERRORS = 200
HEADERS = {
    "number": ("Invoice Number", ("invoice number", "invoice no", "invoice", "number")),
    "reference": ("Customer Reference", ("customer reference", "external reference", "customer number", "reference")),
    "customer": ("Customer Name", ("customer name", "customer", "name")),
    "amount": ("Amount", ("amount", "total", "invoice amount")),
    "currency": ("Currency", ("currency", "ccy")),
    "issued_on": ("Issue Date", ("issue date", "issued on", "invoice date", "date")),
    "due_on": ("Due Date", ("due date", "due on", "due")),
}
REQUIRED = ("number", "amount", "currency", "issued_on", "due_on")


@dataclass(frozen=True)
class InvoiceRowError:
    row: int
    column: str | None
    code: str
    message: str


@dataclass
class InvoiceImportSummary:
    dry_run: bool
    columns: list[str]
    # (file column, what it was read as: one of HEADERS' names), in the file's order; columns not in it are ignored.
    mapping: list[tuple[str, str]] = field(default_factory=list)
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[InvoiceRowError] = field(default_factory=list)
    error_count: int = 0

    @property
    def applied(self) -> bool:
        return not self.dry_run and not self.error_count

    def add(self, error: InvoiceRowError) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(error)


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _mapping(columns: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for name, (header, aliases) in HEADERS.items():
        wanted = [_key(header), *(_key(a) for a in aliases)]
        for candidate in wanted:
            index = next((i for i, c in enumerate(columns) if _key(c) == candidate and i not in found.values()), None)
            if index is not None:
                found[name] = index
                break
    return found


def _date(check: Checker, text: str, column: str) -> date | None:
    if not text:
        return None  # rules.dates reports it as REQUIRED
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        check.add("INVALID_DATE", f"{text!r} is not a date like 2026-10-31.", column)
        return None


async def import_invoices(actor: Actor, storage: Storage, *, upload_id: str, dry_run: bool) -> InvoiceImportSummary:
    member = policy.require_invoice_editor(actor)
    upload = await Upload.filter(
        id=upload_id, organization_id=actor.organization_id, member_id=member.id, used_at=None
    ).first() if is_uuid(upload_id) else None
    if upload is None:
        raise NotFound("Upload", "uploadId")
    kind = kind_of(upload.content_type)
    async with spooled_copy(storage, upload.storage_key, kind) as path:
        records = await asyncio.to_thread(lambda: list(_limited(read_rows(path, kind))))
    if not records:
        raise UnreadableFile("The file is empty.")
    columns = records[0]
    index = _mapping(columns)
    missing = [HEADERS[n][0] for n in REQUIRED if n not in index]
    if "reference" not in index and "customer" not in index:
        missing.append("Customer Reference or Customer Name")
    if missing:
        raise DomainError("MISSING_COLUMNS", f"The file needs the columns: {', '.join(missing)}.", "uploadId")
    read_as = {i: HEADERS[name][0] for name, i in index.items()}
    summary = InvoiceImportSummary(dry_run=dry_run, columns=columns,
                                   mapping=[(columns[i], read_as[i]) for i in sorted(read_as)])
    plan = await _Plan.build(actor, summary, columns, index, records[1:])
    if dry_run or summary.error_count:
        return summary
    async with in_transaction() as conn:
        if plan.new:
            await Invoice.bulk_create(plan.new, using_db=conn)
        if plan.changed:
            await Invoice.bulk_update(plan.changed, fields=["customer_id", "amount", "currency", "issued_on",
                                                            "due_on", "status"], using_db=conn)
        consumed = await forget_upload(upload, conn)
    if consumed:
        await storage.delete(upload.storage_key)
    return summary


def _limited(rows: object) -> list[list[str]]:
    out = []
    for record in rows:  # type: ignore[attr-defined]
        out.append(record)
        if len(out) > MAX_ROWS + 1:
            raise UnreadableFile(f"At most {MAX_ROWS} invoices per file.")
    return out


@dataclass
class _Plan:
    new: list[Invoice] = field(default_factory=list)
    changed: list[Invoice] = field(default_factory=list)

    @classmethod
    async def build(cls, actor: Actor, summary: InvoiceImportSummary, columns: list[str], index: dict[str, int],
                    rows: list[list[str]]) -> _Plan:
        plan = cls()
        customers = await policy.invoice_customers_for(actor)
        by_ref: dict[str, Customer] = {c.external_ref: c for c in customers if c.external_ref}
        by_name: dict[str, list[Customer]] = {}
        for c in customers:
            by_name.setdefault(c.name_key, []).append(c)
        column = {n: columns[i] for n, i in index.items()}
        numbers = sorted({restore(r[index["number"]]).strip() for r in rows if index["number"] < len(r)} - {""})
        existing: dict[str, Invoice] = {}
        writable: set[int] = set()
        for start in range(0, len(numbers), 900):  # the file's numbers only, in chunks (SQLite's parameter limit)
            chunk = numbers[start:start + 900]
            existing.update({i.number: i for i in await Invoice.filter(organization_id=actor.organization_id,
                                                                         number__in=chunk)})
            ids = await policy.invoices_writable_by(actor).filter(number__in=chunk).values_list("id", flat=True)
            writable.update(int(i) for i in ids)  # type: ignore[call-overload]
        seen: set[str] = set()

        def cell(cells: list[str], name: str) -> str:
            i = index.get(name)
            return restore(cells[i]).strip() if i is not None and i < len(cells) else ""

        for line, cells in enumerate(rows, start=2):
            if not any(cells):
                continue
            summary.rows += 1
            check = Checker()
            issued = _date(check, cell(cells, "issued_on"), column["issued_on"])
            due = _date(check, cell(cells, "due_on"), column["due_on"])
            fields = rules.invoice_fields(
                check, number=cell(cells, "number"), amount=cell(cells, "amount"),
                currency_code=cell(cells, "currency"), issued_on=issued, due_on=due,
                fields={"number": column["number"], "amount": column["amount"], "currency": column["currency"],
                        "issuedOn": column["issued_on"], "dueOn": column["due_on"]},
            )
            customer = _customer(check, cell(cells, "reference"), cell(cells, "customer"), by_ref, by_name, column)
            if fields.number and fields.number in seen:
                check.add("DUPLICATE_NUMBER", "An earlier row has this invoice number.", column["number"])
            seen.add(fields.number)
            current = existing.get(fields.number)
            if current is not None and not check.problems:
                _check_update(check, current, fields, writable, column)
            for p in check.problems:
                summary.add(InvoiceRowError(line, p.field, p.code, p.message))
            if check.problems or customer is None:
                continue
            if current is None:
                summary.created += 1
                plan.new.append(Invoice(
                    organization_id=actor.organization_id, customer_id=customer.id, number=fields.number,
                    amount=fields.amount, currency=fields.currency, issued_on=fields.issued_on, due_on=fields.due_on,
                    status=InvoiceStatus.OPEN, paid_amount=Decimal(0), created_by_id=actor.member.id
                    if actor.member else None,
                ))
            elif (current.customer_id, current.amount, current.currency, current.issued_on, current.due_on) == (
                    customer.id, fields.amount, fields.currency, fields.issued_on, fields.due_on):
                summary.unchanged += 1
            else:
                summary.updated += 1
                current.customer_id, current.amount, current.currency = customer.id, fields.amount, fields.currency
                current.issued_on, current.due_on = fields.issued_on, fields.due_on
                current.status = status_for(current)
                plan.changed.append(current)
        return plan


def _customer(check: Checker, reference: str, name: str, by_ref: dict[str, Customer],
              by_name: dict[str, list[Customer]], column: dict[str, str]) -> Customer | None:
    if reference:
        found = by_ref.get(reference)
        if found is None:
            check.add("NOT_FOUND", f"No customer you may invoice has the reference {reference!r}.",
                      column["reference"])
        return found
    if not name:
        check.add("REQUIRED", "Give the customer's reference or name.", column.get("reference") or column["customer"])
        return None
    matches = by_name.get(name.lower(), [])
    if not matches:
        check.add("NOT_FOUND", f"No customer you may invoice is named {name!r}.", column["customer"])
        return None
    if len(matches) > 1:
        check.add("AMBIGUOUS_CUSTOMER", f"{len(matches)} customers are named {name!r}: use the reference.",
                  column["customer"])
        return None
    return matches[0]


def _check_update(check: Checker, current: Invoice, fields: rules.InvoiceFields, writable: set[int],
                  column: dict[str, str]) -> None:
    if current.id not in writable:
        check.add("NOT_FOUND", "This invoice number belongs to an invoice you cannot change.", column["number"])
    elif current.status is InvoiceStatus.VOID:
        check.add("VOID", "This invoice is void and cannot be changed.", column["number"])
    elif current.paid_amount > 0 and fields.currency != current.currency:
        check.add("HAS_PAYMENTS", "An invoice with payments keeps its currency.", column["currency"])
    elif fields.amount < current.paid_amount:
        check.add("BELOW_PAID", f"The amount cannot be less than what was paid ({current.paid_amount}).",
                  column["amount"])
