"""Files and operations shared by the customer import and export tests."""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl

from tests.conftest import GraphQLClient

HEADER = ["External Reference", "Customer Name", "Kind", "Customer Hub Access", "Contact First Name",
          "Contact Last Name", "Contact Email", "Contact Hub Access"]
# What an export writes: the columns above and the customer's account managers (emails separated by ";").
EXPORT_HEADER = [*HEADER, "Account Manager"]
RESULT = """result { dryRun applied columns mapping { column field } rowCount customersCreated customersUpdated
  customersUnchanged contactsCreated contactsUpdated contactsUnchanged accountManagersChanged
  rowErrors { row column field code message } rowErrorCount } errors { code field message }"""
CHECK = f"mutation($input: CustomerImportInput!) {{ checkCustomerImport(input: $input) {{ {RESULT} }} }}"
IMPORT = f"mutation($input: CustomerImportInput!) {{ importCustomers(input: $input) {{ {RESULT} }} }}"


def csv_bytes(rows: list[list[str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode()


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_rows(data: bytes) -> list[list[str]]:
    """The cells' text; every cell must be text (a formula would be a spreadsheet injection)."""
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    rows = []
    for row in workbook.worksheets[0].iter_rows():
        assert all(cell.data_type == "s" for cell in row if cell.value is not None), row
        rows.append(["" if cell.value is None else str(cell.value) for cell in row])
    workbook.close()
    return rows


async def upload_file(client: GraphQLClient, data: bytes, filename: str) -> str:
    response = await client.http.post("/uploads", params={"filename": filename}, content=data)
    assert response.status_code == 201, response.text
    return str(response.json()["uploadId"])


async def run(client: GraphQLClient, upload_id: str, *, dry_run: bool,
              mapping: list[dict[str, str]] | None = None) -> dict[str, Any]:
    data = await client(CHECK if dry_run else IMPORT, {"input": {"uploadId": upload_id, "mapping": mapping}})
    payload: dict[str, Any] = data["checkCustomerImport" if dry_run else "importCustomers"]
    return payload


def counts(result: dict[str, Any]) -> tuple[int, ...]:
    return (result["customersCreated"], result["customersUpdated"], result["customersUnchanged"],
            result["contactsCreated"], result["contactsUpdated"], result["contactsUnchanged"])
