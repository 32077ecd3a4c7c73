"""Invoice import from CSV and XLSX (issue 11, point 2): customers matched by reference or name, a dry run with
errors by row and column, all or nothing, idempotent on the invoice number."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from portico.receivables.models import Invoice
from tests.conftest import GraphQLClient, Org
from tests.customers.import_helpers import csv_bytes, upload_file, xlsx_bytes
from tests.graphql.receivables.helpers import World, create_invoice, make_world

RESULT = """result { dryRun applied rowCount created updated unchanged rowErrors { row column code message }
  rowErrorCount } errors { code field message }"""
CHECK = f"mutation($input: InvoiceImportInput!) {{ checkInvoiceImport(input: $input) {{ {RESULT} }} }}"
IMPORT = f"mutation($input: InvoiceImportInput!) {{ importInvoices(input: $input) {{ {RESULT} }} }}"
HEADER = ["Invoice Number", "Customer Reference", "Customer Name", "Amount", "Currency", "Issue Date", "Due Date"]
GOOD = [
    HEADER,
    ["F-1", "ERP-fjord-1", "", "1000.10", "EUR", "2026-10-01", "2026-10-31"],
    ["F-2", "", "fjord bygg", "250", "dkk", "2026-10-02", "2026-11-01"],  # by name, any case
]


@pytest.fixture
async def world(two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]) -> World:
    return await make_world(two_orgs[0], client_factory())


async def _run(client: GraphQLClient, data: bytes, name: str, *, dry_run: bool) -> dict:  # type: ignore[type-arg]
    upload = await upload_file(client, data, name)
    payload = (await client(CHECK if dry_run else IMPORT, {"input": {"uploadId": upload}}))
    result: dict = payload["checkInvoiceImport" if dry_run else "importInvoices"]  # type: ignore[type-arg]
    assert result["errors"] == [], result
    return result["result"]  # type: ignore[no-any-return]


def _counts(result: dict) -> tuple[int, int, int]:  # type: ignore[type-arg]
    return result["created"], result["updated"], result["unchanged"]


async def test_dry_run_import_and_reimport(two_orgs: tuple[Org, Org], world: World) -> None:
    acme, _ = two_orgs
    admin = acme.admin.client
    checked = await _run(admin, csv_bytes(GOOD), "inv.csv", dry_run=True)
    assert (checked["rowErrors"], _counts(checked)) == ([], (2, 0, 0))
    assert await Invoice.all().count() == 0  # a dry run writes nothing

    done = await _run(admin, csv_bytes(GOOD), "inv.csv", dry_run=False)
    assert (done["applied"], _counts(done)) == (True, (2, 0, 0))
    f1 = await Invoice.get(number="F-1")
    assert (f1.amount, f1.currency, f1.due_on) == (Decimal("1000.10"), "EUR", date(2026, 10, 31))
    assert (await Invoice.get(number="F-2")).currency == "DKK"

    # the same file again changes nothing; as XLSX too (its dates are date cells)
    again = await _run(admin, csv_bytes(GOOD), "inv.csv", dry_run=False)
    assert _counts(again) == (0, 0, 2)
    rows = [GOOD[0], *[[*r[:5], date.fromisoformat(r[5]), date.fromisoformat(r[6])] for r in GOOD[1:]]]
    rows[1][3] = "999.90"  # one amount changed
    xlsx = await _run(admin, xlsx_bytes(rows), "inv.xlsx", dry_run=False)
    assert (xlsx["rowErrors"], _counts(xlsx)) == ([], (0, 1, 1))
    assert (await Invoice.get(number="F-1")).amount == Decimal("999.90")
    assert await Invoice.all().count() == 2


async def test_errors_by_row_and_column_and_nothing_written(two_orgs: tuple[Org, Org], world: World) -> None:
    acme, _ = two_orgs
    admin = acme.admin.client
    paid = await create_invoice(admin, world.managed, "P-1", amount="10.00")
    await admin("""mutation($id: ID!) { recordPayment(input: {invoiceId: $id, amount: "10", paidOn: "2026-11-01"})
      { errors { code } } }""", {"id": paid["id"]})
    rows = [
        HEADER,
        ["N-1", "ERP-fjord-1", "", "12.345", "EUR", "2026-10-01", "2026-10-31"],
        ["N-2", "nope", "", "1", "EUR", "2026-10-01", "2026-10-31"],
        ["N-3", "", "Unknown AB", "1", "XYZ", "31/10/2026", "2026-10-31"],
        ["N-4", "ERP-fjord-1", "", "1", "EUR", "2026-10-01", "2026-10-31"],
        ["N-4", "ERP-fjord-1", "", "1", "EUR", "2026-10-01", "2026-10-31"],
        ["P-1", "ERP-fjord-1", "", "5.00", "EUR", "2026-10-01", "2026-10-31"],  # below what was paid
    ]
    result = await _run(admin, csv_bytes(rows), "bad.csv", dry_run=False)
    assert result["applied"] is False
    assert sorted((e["row"], e["column"], e["code"]) for e in result["rowErrors"]) == [
        (2, "Amount", "INVALID_AMOUNT"),
        (3, "Customer Reference", "NOT_FOUND"),
        (4, "Currency", "INVALID_CURRENCY"),
        (4, "Customer Name", "NOT_FOUND"),
        (4, "Issue Date", "INVALID_DATE"),
        (4, "Issue Date", "REQUIRED"),
        (6, "Invoice Number", "DUPLICATE_NUMBER"),
        (7, "Amount", "BELOW_PAID"),
    ]
    assert await Invoice.filter(number="N-4").count() == 0  # the good rows were not written either


async def test_a_member_imports_only_for_their_portfolio(two_orgs: tuple[Org, Org], world: World) -> None:
    acme, globex = two_orgs
    result = await _run(acme.member.client, csv_bytes(GOOD), "inv.csv", dry_run=True)
    assert [(e["row"], e["code"]) for e in result["rowErrors"]] == [(3, "NOT_FOUND")]  # Fjord Bygg is not theirs
    other = await _run(globex.admin.client, csv_bytes(GOOD), "inv.csv", dry_run=True)
    assert sorted(e["code"] for e in other["rowErrors"]) == ["NOT_FOUND", "NOT_FOUND"]
    missing = await upload_file(acme.admin.client, csv_bytes([["Amount"], ["1"]]), "x.csv")
    data = await acme.admin.client(CHECK, {"input": {"uploadId": missing}})
    assert [e["code"] for e in data["checkInvoiceImport"]["errors"]] == ["MISSING_COLUMNS"]


async def test_the_mapping_says_how_each_column_was_read(two_orgs: tuple[Org, Org], world: World) -> None:
    """Headers in another wording map by alias; a column nobody knows is left out of the mapping (ignored)."""
    acme, _ = two_orgs
    rows = [["Note", "Invoice no", "Due", "CCY", "Total", "Invoice date", "Customer"],
            ["call first", "F-9", "2026-10-31", "EUR", "10", "2026-10-01", "Fjord Bygg"]]
    upload = await upload_file(acme.admin.client, csv_bytes(rows), "odd.csv")
    data = await acme.admin.client("""mutation($input: InvoiceImportInput!) { checkInvoiceImport(input: $input) {
      result { columns mapping { column field } rowErrorCount created } errors { code } } }""",
                                   {"input": {"uploadId": upload}})
    result = data["checkInvoiceImport"]["result"]
    assert result["columns"] == rows[0]
    assert [(m["column"], m["field"]) for m in result["mapping"]] == [
        ("Invoice no", "Invoice Number"), ("Due", "Due Date"), ("CCY", "Currency"), ("Total", "Amount"),
        ("Invoice date", "Issue Date"), ("Customer", "Customer Name")]
    assert (result["rowErrorCount"], result["created"]) == (0, 1)
