"""Customer export (issue 9, point 4): the visible, filtered list as CSV or XLSX, and it imports back unchanged."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest

from portico.customers.models import Contact, Customer
from tests.conftest import GraphQLClient, Org
from tests.customers.import_helpers import EXPORT_HEADER, HEADER, counts, csv_bytes, run, upload_file, xlsx_rows
from tests.graphql.helpers import create_api_key, create_customer, key_client

ROWS = [
    HEADER,
    ["C-1", "Nordic Widgets A/S", "COMPANY", "yes", "Anna", "Berg", "anna@nordic.example", "yes"],
    ["C-1", "Nordic Widgets A/S", "COMPANY", "yes", "Bo", "Lund", "bo@nordic.example", "no"],
    ["C-2", "Carla Jensen", "PERSON", "no", "Carla", "Jensen", "carla@jensen.example", "yes"],
    ["C-3", "=Fjord Logistics", "COMPANY", "no", "", "", "", ""],
]


async def _export(client: GraphQLClient, fmt: str = "csv", **params: str) -> list[list[str]]:
    response = await client.http.get("/customers/export", params={"format": fmt, **params})
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"].startswith("attachment;")
    if fmt == "xlsx":
        return xlsx_rows(response.content)
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
async def test_export_imports_back_unchanged(two_orgs: tuple[Org, Org], fmt: str) -> None:
    acme, _ = two_orgs
    await run(acme.admin.client, await upload_file(acme.admin.client, csv_bytes(ROWS), "in.csv"), dry_run=False)

    exported = await _export(acme.admin.client, fmt)

    # one row per contact, a customer without contacts has one row; sorted by name; a formula-like name is defused
    # in CSV (a leading quote mark) and stays plain text in XLSX
    fjord = "'=Fjord Logistics" if fmt == "csv" else "=Fjord Logistics"
    # the importing admin manages what the import created
    managed = [[*row, "admin@acmesales.example"] for row in (["C-3", fjord, "COMPANY", "no", "", "", "", ""],
                                                              *ROWS[3:4], *ROWS[1:3])]
    assert exported == [EXPORT_HEADER, *managed]

    # and the exported file imports back changing nothing
    data = csv_bytes(exported) if fmt == "csv" else (await acme.admin.client.http.get(
        "/customers/export", params={"format": "xlsx"})).content
    result = (await run(acme.admin.client, await upload_file(acme.admin.client, data, f"out.{fmt}"),
                        dry_run=False))["result"]
    assert (result["applied"], result["rowErrors"], counts(result)) == (True, [], (0, 0, 3, 0, 0, 3))
    assert await Customer.filter(name="=Fjord Logistics").count() == 1


async def test_export_follows_visibility_and_filters(two_orgs: tuple[Org, Org],
                                                     client_factory: Callable[..., GraphQLClient]) -> None:
    acme, globex = two_orgs
    # hub access needs a contact: the company is created with its first one (issue 9, point 1)
    await create_customer(acme.member.client, "Rita's Customer", hubAccess=True, firstName="Rolf", lastName="Rask",
                          email="rolf@rita.example")
    await create_customer(acme.admin.client, "Admin's Customer")
    await create_customer(globex.admin.client, "Globex Customer")

    def names(rows: list[list[str]]) -> list[str]:
        assert rows[0] == EXPORT_HEADER
        return [r[1] for r in rows[1:]]

    # a MEMBER exports only their customers; the admin all of the organization; the other organization none of it
    assert names(await _export(acme.member.client)) == ["Rita's Customer"]
    assert names(await _export(acme.member2.client, "xlsx")) == []
    assert names(await _export(acme.admin.client)) == ["Admin's Customer", "Rita's Customer"]
    assert names(await _export(globex.admin.client)) == ["Globex Customer"]
    # the filters of the customers list
    assert names(await _export(acme.admin.client, hubAccess="true")) == ["Rita's Customer"]
    assert names(await _export(acme.admin.client, search="rolf@")) == ["Rita's Customer"]
    assert names(await _export(acme.admin.client, accountManagerId=acme.member.member_id)) == ["Rita's Customer"]
    assert names(await _export(acme.admin.client, kind="PERSON")) == []
    bad = await acme.admin.client.http.get("/customers/export", params={"kind": "ROBOT"})
    assert bad.status_code == 400

    # API keys: CUSTOMERS_READ exports what the key reaches; without it the file has the header only
    _, reader = await create_api_key(acme.admin.client, ["CUSTOMERS_READ"], acts_as=acme.member.member_id)
    _, blind = await create_api_key(acme.admin.client, ["DOCUMENTS_READ"], acts_as=acme.member.member_id)
    assert names(await _export(key_client(client_factory, reader))) == ["Rita's Customer"]
    assert names(await _export(key_client(client_factory, blind))) == []

    # signed out: 401
    anonymous = client_factory()
    assert (await anonymous.http.get("/customers/export")).status_code == 401
    assert await Contact.all().count() == 1
