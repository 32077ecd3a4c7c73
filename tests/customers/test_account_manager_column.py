"""The customer file's "Account Manager" column (issue 11, point 1): export -> edit the column -> import back changes
the assignments; the dry run lists unknown emails and members who are not account managers as row errors."""

from __future__ import annotations

import csv
import io

from portico.accounts.models import Member
from portico.customers.models import Customer
from tests.conftest import GraphQLClient, Org
from tests.customers.import_helpers import EXPORT_HEADER, HEADER, csv_bytes, run, upload_file

AM = EXPORT_HEADER.index("Account Manager")


async def _export(client: GraphQLClient) -> list[list[str]]:
    response = await client.http.get("/customers/export", params={"format": "csv"})
    assert response.status_code == 200, response.text
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


async def _managers(ref: str) -> set[str]:
    customer = await Customer.get(external_ref=ref)
    return {m.email for m in await customer.account_managers.all()}


async def _import(client: GraphQLClient, rows: list[list[str]], *, dry_run: bool) -> dict:  # type: ignore[type-arg]
    result: dict = (await run(client, await upload_file(client, csv_bytes(rows), "am.csv"), dry_run=dry_run))["result"]  # type: ignore[type-arg]
    return result


async def test_round_trip_changes_the_assignments(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    admin = acme.admin.client
    # given two customers imported by the admin (who becomes their account manager)
    await _import(admin, [HEADER, ["C-1", "Nordic Widgets", "COMPANY", "no", "Anna", "Berg", "anna@nordic.example",
                                   "yes"],
                          ["C-1", "", "", "", "Bo", "Lund", "bo@nordic.example", "yes"],
                          ["C-2", "Fjord Logistics", "COMPANY", "no", "", "", "", ""]], dry_run=False)
    exported = await _export(admin)
    assert exported[0] == EXPORT_HEADER
    assert {r[AM] for r in exported[1:]} == {"admin@acmesales.example"}

    # when the column is edited: C-1 to the two reps (one of its two rows repeats it, the other leaves it empty),
    # C-2 left as exported
    rows = [exported[0]]
    for row in exported[1:]:
        if row[0] == "C-1":
            row[AM] = " Member2@AcmeSales.example ; member@acmesales.example" if row[6].startswith("anna") else ""
        rows.append(row)
    checked = await _import(admin, rows, dry_run=True)
    assert (checked["rowErrors"], checked["accountManagersChanged"]) == ([], 1)
    assert await _managers("C-1") == {"admin@acmesales.example"}  # a dry run writes nothing
    done = await _import(admin, rows, dry_run=False)

    # then C-1 is managed by exactly the two reps, C-2 unchanged, and the member now sees C-1
    assert (done["applied"], done["accountManagersChanged"]) == (True, 1)
    assert await _managers("C-1") == {"member@acmesales.example", "member2@acmesales.example"}
    assert await _managers("C-2") == {"admin@acmesales.example"}
    assert [r[0] for r in (await _export(acme.member.client))[1:]] == ["C-1", "C-1"]
    # and exporting and importing again changes nothing
    again = await _import(admin, await _export(admin), dry_run=False)
    assert (again["applied"], again["accountManagersChanged"]) == (True, 0)


async def test_dry_run_lists_unknown_and_non_account_manager_members(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    admin = acme.admin.client
    await Member.filter(email="member2@acmesales.example").update(is_account_manager=False)
    rows = [
        EXPORT_HEADER,
        ["C-1", "Nordic", "COMPANY", "no", "", "", "", "", "nobody@acmesales.example;member@acmesales.example"],
        ["C-2", "Fjord", "COMPANY", "no", "", "", "", "", "member2@acmesales.example"],
        ["C-3", "Svea", "COMPANY", "no", "", "", "", "", "admin@globexpartners.example"],  # another organization's
        ["C-4", "Ok", "COMPANY", "no", "", "", "", "", "member@acmesales.example"],
        ["C-4", "", "", "", "", "", "", "", "manager@acmesales.example"],  # disagrees with the first row
        ["C-5", "Bad", "COMPANY", "no", "", "", "", "", "not-an-email"],
    ]
    result = await _import(admin, rows, dry_run=True)
    assert sorted((e["row"], e["column"], e["code"]) for e in result["rowErrors"]) == [
        (2, "Account Manager", "UNKNOWN_MEMBER"),
        (3, "Account Manager", "NOT_AN_ACCOUNT_MANAGER"),
        (4, "Account Manager", "UNKNOWN_MEMBER"),
        (6, "Account Manager", "CONFLICTING_VALUE"),
        (7, "Account Manager", "INVALID_EMAIL"),
    ]
    assert any("nobody@acmesales.example" in e["message"] for e in result["rowErrors"])
    # the import itself writes nothing of a file with errors
    assert (await _import(admin, rows, dry_run=False))["applied"] is False
    assert await Customer.filter(external_ref__in=["C-1", "C-4"]).count() == 0
    assert globex  # (the other organization's admin exists, and is still unknown to Acme)


async def test_only_admins_and_managers_change_account_managers(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    member = acme.member.client
    # a MEMBER imports a customer: they manage it; re-importing their export is fine
    await _import(member, [HEADER, ["C-9", "Rita Co", "COMPANY", "no", "", "", "", ""]], dry_run=False)
    exported = await _export(member)
    assert exported[1][AM] == "member@acmesales.example"
    assert (await _import(member, exported, dry_run=False))["applied"] is True
    # but naming someone else is refused on that row, for an existing customer and for a new one
    exported[1][AM] = "member2@acmesales.example"
    exported.append(["C-10", "New Co", "COMPANY", "no", "", "", "", "", "manager@acmesales.example"])
    result = await _import(member, exported, dry_run=True)
    assert [(e["row"], e["code"]) for e in result["rowErrors"]] == [(2, "NOT_ALLOWED"), (3, "NOT_ALLOWED")]
    # a MANAGER may
    managed = await _import(acme.manager.client, [EXPORT_HEADER, exported[1]], dry_run=False)
    assert managed["rowErrors"] == [] and await _managers("C-9") == {"member2@acmesales.example"}
