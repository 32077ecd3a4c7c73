"""Customer import (issue 9, point 4): mapping, dry run, per-row errors, one transaction, idempotence, CSV and XLSX,
and who may import."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from portico.accounts.models import Member
from portico.customers.models import Contact, Customer
from portico.hubs.models import Upload
from tests.conftest import GraphQLClient, Org
from tests.customers.import_helpers import HEADER, counts, csv_bytes, run, upload_file, xlsx_bytes
from tests.graphql.helpers import create_api_key, create_customer, customer_names, key_client, pk_of
from tests.hubs.helpers import build_world, share_to_contact

ROWS = [
    HEADER,
    ["C-1", "Nordic Widgets A/S", "COMPANY", "yes", "Anna", "Berg", "anna@nordic.example", "yes"],
    ["C-1", "", "", "", "Bo", "Lund", "bo@nordic.example", "no"],
    ["C-2", "Carla Jensen", "PERSON", "no", "Carla", "Jensen", "carla@jensen.example", ""],
    ["C-3", "Fjord Logistics", "", "", "", "", "", ""],
]


async def _state() -> list[tuple[object, ...]]:
    customers = await Customer.all().order_by("external_ref").values_list("external_ref", "name", "kind", "hub_access")
    contacts = await Contact.all().order_by("email").values_list(
        "customer__external_ref", "first_name", "last_name", "email", "hub_access", "is_primary")
    return [*customers, *contacts]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
async def test_dry_run_writes_nothing_then_import_and_reimport_changes_nothing(two_orgs: tuple[Org, Org],
                                                                              fmt: str) -> None:
    acme, _ = two_orgs
    data = csv_bytes(ROWS) if fmt == "csv" else xlsx_bytes(ROWS)
    upload_id = await upload_file(acme.member.client, data, f"customers.{fmt}")

    # when: a dry run with the suggested mapping
    checked = await run(acme.member.client, upload_id, dry_run=True)

    # then every header was recognised, the counts say what would happen, and nothing was written
    assert checked["errors"] == []
    result = checked["result"]
    assert result["columns"] == HEADER
    assert [m["column"] for m in result["mapping"]] == HEADER
    assert (result["dryRun"], result["applied"], result["rowCount"], result["rowErrors"]) == (True, False, 4, [])
    assert counts(result) == (3, 0, 0, 3, 0, 0)
    assert await Customer.all().count() == 0 and await Contact.all().count() == 0

    # when: imported
    imported = (await run(acme.member.client, upload_id, dry_run=False))["result"]

    # then: one customer per reference, several rows of a reference are its contacts; the first contact is primary
    assert (imported["applied"], counts(imported)) == (True, (3, 0, 0, 3, 0, 0))
    assert await _state() == [
        ("C-1", "Nordic Widgets A/S", "COMPANY", True),
        ("C-2", "Carla Jensen", "PERSON", False),
        ("C-3", "Fjord Logistics", "COMPANY", False),
        ("C-1", "Anna", "Berg", "anna@nordic.example", True, True),
        ("C-1", "Bo", "Lund", "bo@nordic.example", False, False),
        ("C-2", "Carla", "Jensen", "carla@jensen.example", True, True),
    ]
    # the MEMBER who imported manages what they created, so they see it (and a colleague does not)
    assert await customer_names(acme.member.client) == {"Nordic Widgets A/S", "Carla Jensen", "Fjord Logistics"}
    assert await customer_names(acme.member2.client) == set()
    member = await Member.get(email=acme.member.email)
    assert {c.id for c in await Customer.filter(account_managers__id=member.id)} == {
        c.id for c in await Customer.all()}

    # then the imported file has done its job: its upload is gone and no longer counts toward the storage quota
    assert not await Upload.filter(id=upload_id).exists()
    assert (await run(acme.member.client, upload_id, dry_run=False))["errors"][0]["code"] == "NOT_FOUND"

    # when: the same file again
    before = await _state()
    again_id = await upload_file(acme.member.client, data, f"customers.{fmt}")
    again = (await run(acme.member.client, again_id, dry_run=False))["result"]

    # then: nothing changes
    assert (again["applied"], counts(again)) == (True, (0, 0, 3, 0, 0, 3))
    assert await _state() == before


async def test_a_changed_row_updates(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    await run(acme.admin.client, await upload_file(acme.admin.client, csv_bytes(ROWS), "a.csv"), dry_run=False)
    changed = [HEADER,
               ["C-1", "Nordic Widgets Group", "", "no", "Anna", "Berg-Olsen", "ANNA@nordic.example", "no"],
               ["C-1", "", "", "", "Dan", "Holm", "dan@nordic.example", ""]]

    result = (await run(acme.admin.client, await upload_file(acme.admin.client, csv_bytes(changed), "b.csv"),
                        dry_run=False))["result"]

    assert (result["applied"], counts(result)) == (True, (0, 1, 0, 1, 1, 0))
    customer = await Customer.get(external_ref="C-1")
    assert (customer.name, customer.name_key, customer.hub_access) == (
        "Nordic Widgets Group", "nordic widgets group", False)
    assert customer.hub_access_switched_off_at is not None
    people = await Contact.filter(customer_id=customer.id).order_by("email").values_list(
        "email", "last_name", "hub_access", "is_primary")
    # contacts not in the file stay (an import never deletes); the emails match whatever their case
    assert people == [("anna@nordic.example", "Berg-Olsen", False, True), ("bo@nordic.example", "Lund", False, False),
                      ("dan@nordic.example", "Holm", True, False)]


async def test_errors_per_row_and_column_and_nothing_written(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    rows = [
        ["Ref", "Company", "Type", "E-mail", "First name", "Last name"],  # other headers, auto-mapped
        ["R-1", "Good Customer", "", "good@x.example", "Gina", "Good"],
        ["", "No Reference", "", "", "", ""],
        ["R-3", "Bad Mail", "", "not-an-email", "Ben", "Bad"],
        ["R-4", "Bad Kind", "ROBOT", "", "", ""],
        ["R-1", "Other Name", "", "gina2@x.example", "Gina", ""],
        ["R-1", "", "", "good@x.example", "Gina", "Good"],
        ["R-5", "", "", "", "", ""],
        ["R-6", "=cmd", "", "", "", ""],
    ]
    upload_id = await upload_file(acme.member.client, csv_bytes(rows, delimiter=";"), "bad.csv")

    for dry_run in (True, False):
        payload = await run(acme.member.client, upload_id, dry_run=dry_run)

        assert payload["errors"] == []
        result = payload["result"]
        assert {(m["column"], m["field"]) for m in result["mapping"]} == {
            ("Ref", "EXTERNAL_REF"), ("Company", "CUSTOMER_NAME"), ("Type", "CUSTOMER_KIND"),
            ("E-mail", "CONTACT_EMAIL"), ("First name", "CONTACT_FIRST_NAME"), ("Last name", "CONTACT_LAST_NAME")}
        found = {(e["row"], e["column"], e["code"]) for e in result["rowErrors"]}
        assert found == {
            (3, "Ref", "REQUIRED"),
            (4, "E-mail", "INVALID_EMAIL"),
            (5, "Type", "INVALID_VALUE"),
            (6, "Company", "CONFLICTING_VALUE"),
            (6, "Last name", "REQUIRED"),
            (7, "E-mail", "DUPLICATE_CONTACT"),
            (8, "Company", "REQUIRED"),
        }, result["rowErrors"]
        assert result["rowErrorCount"] == 7
        assert result["applied"] is False
        assert await Customer.all().count() == 0  # R-1 and R-6 were fine, but one transaction: nothing written


async def test_mapping_problems_come_with_the_columns(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    upload_id = await upload_file(acme.member.client, csv_bytes([["Firma", "Mail"], ["A", "a@x.example"]]), "m.csv")

    suggested = await run(acme.member.client, upload_id, dry_run=True)

    assert {(e["code"], e["field"]) for e in suggested["errors"]} == {("REQUIRED", "mapping")}
    assert suggested["result"]["columns"] == ["Firma", "Mail"]
    assert suggested["result"]["mapping"] == [{"column": "Mail", "field": "CONTACT_EMAIL"}]

    twice = [{"column": "Nope", "field": "EXTERNAL_REF"}, {"column": "Mail", "field": "EXTERNAL_REF"}]
    wrong = await run(acme.member.client, upload_id, dry_run=True, mapping=twice)
    assert {e["code"] for e in wrong["errors"]} == {"UNKNOWN_COLUMN", "DUPLICATE_FIELD"}

    # when: the user maps the columns
    mapping = [{"column": "Firma", "field": "CUSTOMER_NAME"}, {"column": "Mail", "field": "EXTERNAL_REF"}]
    fixed = await run(acme.member.client, upload_id, dry_run=False, mapping=mapping)
    assert fixed["errors"] == [] and fixed["result"]["applied"] is True
    assert await Customer.filter(external_ref="a@x.example", name="A").count() == 1


async def test_xlsx_numbers_and_booleans_read_as_text(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    rows = [["Customer Number", "Name", "Hub Access"], [10042, "Numbered", True], [10043.0, "Floaty", False]]
    upload_id = await upload_file(acme.manager.client, xlsx_bytes(rows), "n.xlsx")

    result = (await run(acme.manager.client, upload_id, dry_run=False))["result"]

    assert result["applied"] is True, result
    assert await Customer.all().order_by("external_ref").values_list("external_ref", "hub_access") == [
        ("10042", True), ("10043", False)]


async def test_denied(two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]) -> None:
    acme, globex = two_orgs
    upload_id = await upload_file(acme.member.client, csv_bytes(ROWS), "a.csv")

    # another organization, and a colleague, cannot use the upload: not found
    for other in (globex.admin.client, acme.member2.client):
        payload = await run(other, upload_id, dry_run=False)
        assert {(e["code"], e["field"]) for e in payload["errors"]} == {("NOT_FOUND", "uploadId")}
        assert payload["result"] is None

    # an API key without CUSTOMERS_WRITE may not import
    _, secret = await create_api_key(acme.admin.client, ["CUSTOMERS_READ", "SHARES_WRITE"],
                                     acts_as=acme.member.member_id)
    key = key_client(client_factory, secret)
    key_upload = await upload_file(key, csv_bytes(ROWS), "k.csv")
    payload = await run(key, key_upload, dry_run=False)
    assert [e["code"] for e in payload["errors"]] == ["NOT_ALLOWED"]
    assert await Customer.all().count() == 0

    # a reference of a customer the MEMBER cannot see is an error, not an update
    hidden = await create_customer(acme.admin.client, "Hidden Corp")
    await Customer.filter(id=pk_of(hidden)).update(external_ref="C-3")
    result = (await run(acme.member.client, upload_id, dry_run=False))["result"]
    assert [(e["row"], e["code"]) for e in result["rowErrors"]] == [(5, "NOT_FOUND")]
    assert (await Customer.get(id=pk_of(hidden))).name == "Hidden Corp"
    assert await Customer.all().count() == 1


async def test_an_api_key_with_customers_write_uploads_and_imports(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, _ = two_orgs
    _, secret = await create_api_key(acme.admin.client, ["CUSTOMERS_READ", "CUSTOMERS_WRITE"],
                                     acts_as=acme.member.member_id)
    _, reader = await create_api_key(acme.admin.client, ["CUSTOMERS_READ"], acts_as=acme.member.member_id)
    key = key_client(client_factory, secret)

    result = (await run(key, await upload_file(key, csv_bytes(ROWS), "k.csv"), dry_run=False))["result"]

    assert (result["applied"], counts(result)) == (True, (3, 0, 0, 3, 0, 0))
    # a key with neither write scope may not even upload
    refused = await key_client(client_factory, reader).http.post("/uploads", params={"filename": "r.csv"},
                                                                  content=csv_bytes(ROWS))
    assert refused.status_code == 403


async def test_the_same_reference_in_two_organizations(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    for org in (acme, globex):
        result = (await run(org.admin.client, await upload_file(org.admin.client, csv_bytes(ROWS), "a.csv"),
                            dry_run=False))["result"]
        assert counts(result) == (3, 0, 0, 3, 0, 0)
    assert await Customer.filter(external_ref="C-1").count() == 2


async def test_a_contact_may_neither_import_nor_export(two_orgs: tuple[Org, Org],
                                                       client_factory: Callable[..., GraphQLClient]) -> None:
    world = await build_world(*two_orgs)
    shared = await share_to_contact(world, client_factory)
    upload_id = await upload_file(world.acme.member.client, csv_bytes(ROWS), "a.csv")
    before = await Customer.all().count()

    payload = await run(shared.contact, upload_id, dry_run=True)

    assert [e["code"] for e in payload["errors"]] == ["NOT_ALLOWED"] and payload["result"] is None
    assert (await shared.contact.http.get("/customers/export")).status_code == 404
    assert await Customer.all().count() == before
