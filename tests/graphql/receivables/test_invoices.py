"""Invoices through GraphQL (issue 11, point 2): exact amounts, payments driving the status, totals per currency,
validation by field, keyset pages, and who sees what across two organizations."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import GraphQLClient, Org
from tests.graphql.helpers import gid
from tests.graphql.receivables.helpers import (
    CREATE_INVOICE,
    INVOICE,
    INVOICES,
    PAUSE_INVOICE,
    RECORD_PAYMENT,
    UPDATE_INVOICE,
    VOID_INVOICE,
    World,
    create_invoice,
    invoice_input,
    make_world,
)


@pytest.fixture
async def world(two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]) -> World:
    return await make_world(two_orgs[0], client_factory())


def _errors(data: dict, name: str) -> list[tuple[str, str | None]]:  # type: ignore[type-arg]
    return [(e["code"], e["field"]) for e in data[name]["errors"]]


async def _pay(client: GraphQLClient, invoice_id: str, amount: str, paid_on: str = "2026-11-02") -> dict:  # type: ignore[type-arg]
    return await client(RECORD_PAYMENT, {"input": {"invoiceId": invoice_id, "amount": amount, "paidOn": paid_on,
                                                   "note": "bank"}})


async def test_payments_drive_the_status_with_exact_decimals(two_orgs: tuple[Org, Org], world: World) -> None:
    acme, _ = two_orgs
    member = acme.member.client
    # given an invoice of 0.30 EUR created by its customer's account manager
    invoice = await create_invoice(member, world.managed, "INV-1", amount="0.3")
    assert (invoice["amount"], invoice["status"], invoice["openAmount"]) == ("0.30", "OPEN", "0.30")

    # when 0.10 and then 0.20 are paid (0.1 + 0.2 is not 0.3 in floating point)
    first = await _pay(member, invoice["id"], "0.10")
    assert first["recordPayment"]["errors"] == []
    assert (first["recordPayment"]["invoice"]["status"], first["recordPayment"]["invoice"]["openAmount"]) == (
        "PARTIALLY_PAID", "0.20")
    second = await _pay(member, invoice["id"], "0.20")
    paid = second["recordPayment"]["invoice"]

    # then it is paid exactly, with both payments listed
    assert (paid["status"], paid["paidAmount"], paid["openAmount"]) == ("PAID", "0.30", "0.00")
    assert [p["amount"] for p in paid["payments"]] == ["0.10", "0.20"]
    # and nothing more can be paid, nor can the amount fall below what was paid
    assert _errors(await _pay(member, invoice["id"], "0.01"), "recordPayment") == [("OVERPAID", "amount")]
    lowered = await member(UPDATE_INVOICE, {"input": {"invoiceId": invoice["id"], "amount": "0.29"}})
    assert _errors(lowered, "updateInvoice") == [("BELOW_PAID", "amount")]
    raised = await member(UPDATE_INVOICE, {"input": {"invoiceId": invoice["id"], "amount": "0.31"}})
    assert raised["updateInvoice"]["invoice"]["status"] == "PARTIALLY_PAID"
    currency = await member(UPDATE_INVOICE, {"input": {"invoiceId": invoice["id"], "currency": "DKK"}})
    assert _errors(currency, "updateInvoice") == [("HAS_PAYMENTS", "currency")]


async def test_input_is_checked_field_by_field(two_orgs: tuple[Org, Org], world: World) -> None:
    acme, _ = two_orgs
    admin = acme.admin.client
    bad = invoice_input(world.managed, " ", amount="12.345", currency="XYZ", due_on="2026-09-01")
    data = await admin(CREATE_INVOICE, {"input": bad})
    assert set(_errors(data, "createInvoice")) == {("REQUIRED", "number"), ("INVALID_CURRENCY", "currency"),
                                                    ("DUE_BEFORE_ISSUE", "dueOn")}
    for amount in ("12.345", "-1", "0", "abc", "NaN", "1e30"):
        data = await admin(CREATE_INVOICE, {"input": invoice_input(world.managed, "X-1", amount=amount)})
        assert _errors(data, "createInvoice") == [("INVALID_AMOUNT", "amount")], amount
    # JPY has no minor unit, KWD three
    assert _errors(await admin(CREATE_INVOICE, {"input": invoice_input(world.managed, "J", "1.5", "JPY")}),
                   "createInvoice") == [("INVALID_AMOUNT", "amount")]
    kwd = await create_invoice(admin, world.managed, "K-1", amount="1.125", currency="kwd")
    assert (kwd["amount"], kwd["currency"]) == ("1.125", "KWD")
    await create_invoice(admin, world.managed, "D-1")
    duplicate = await admin(CREATE_INVOICE, {"input": invoice_input(world.unmanaged, "D-1")})
    assert _errors(duplicate, "createInvoice") == [("DUPLICATE_NUMBER", "number")]
    assert _errors(await _pay(admin, kwd["id"], "1", paid_on="2026-11-01"), "recordPayment") == []


async def test_totals_per_currency_never_mix_and_pages_are_keyset(two_orgs: tuple[Org, Org], world: World) -> None:
    acme, _ = two_orgs
    admin = acme.admin.client
    eur = [await create_invoice(admin, world.managed, f"E-{i}", amount="1000.10", due_on=f"2026-10-{10 + i}")
           for i in range(3)]
    await create_invoice(admin, world.unmanaged, "K-1", amount="99.95", currency="DKK", due_on="2026-10-20")
    voided = await create_invoice(admin, world.managed, "E-void", amount="5.00")
    assert (await admin(VOID_INVOICE, {"id": voided["id"]}))["voidInvoice"]["invoice"]["status"] == "VOID"
    assert (await _pay(admin, eur[0]["id"], "0.05"))["recordPayment"]["errors"] == []

    data = (await admin(INVOICES, {"first": 2}))["invoices"]
    assert data["totalCount"] == 5
    assert data["totals"] == [
        {"currency": "DKK", "amount": "99.95", "paid": "0.00", "open": "99.95", "count": 1},
        {"currency": "EUR", "amount": "3000.30", "paid": "0.05", "open": "3000.25", "count": 3},
    ]
    # by due date, then id; the next page starts after the cursor even when a row is added before it
    first_page = [e["node"]["number"] for e in data["edges"]]
    assert first_page == ["E-0", "E-1"]
    await create_invoice(admin, world.managed, "E-early", due_on="2026-10-01")
    rest = (await admin(INVOICES, {"first": 10, "after": data["pageInfo"]["endCursor"]}))["invoices"]
    assert [e["node"]["number"] for e in rest["edges"]] == ["E-2", "K-1", "E-void"]
    assert rest["pageInfo"]["hasNextPage"] is False
    # filters: status, customer, overdue (every due date is in 2026-10, "today" is later)
    only_dkk = (await admin(INVOICES, {"customerId": world.unmanaged}))["invoices"]
    assert [e["node"]["number"] for e in only_dkk["edges"]] == ["K-1"]
    void = (await admin(INVOICES, {"status": ["VOID"]}))["invoices"]
    assert [e["node"]["number"] for e in void["edges"]] == ["E-void"]
    overdue = (await admin(INVOICES, {"overdue": True, "first": 20}))["invoices"]
    assert {e["node"]["number"] for e in overdue["edges"]} == {"E-early", "E-0", "E-1", "E-2", "K-1"}


async def test_who_sees_and_changes_invoices(two_orgs: tuple[Org, Org], world: World,
                                            client_factory: Callable[..., GraphQLClient]) -> None:
    acme, globex = two_orgs
    mine = await create_invoice(acme.admin.client, world.managed, "A-1")
    other = await create_invoice(acme.admin.client, world.unmanaged, "A-2")
    void = await create_invoice(acme.admin.client, world.managed, "A-void")
    await acme.admin.client(VOID_INVOICE, {"id": void["id"]})

    async def numbers(client: GraphQLClient) -> set[str]:
        return {e["node"]["number"] for e in (await client(INVOICES, {"first": 50}))["invoices"]["edges"]}

    assert await numbers(acme.admin.client) == {"A-1", "A-2", "A-void"}
    assert await numbers(acme.manager.client) == {"A-1", "A-2", "A-void"}
    assert await numbers(acme.member.client) == {"A-1", "A-void"}  # their portfolio
    assert await numbers(acme.member2.client) == set()
    assert await numbers(world.contact) == {"A-1"}  # their customer's, not the void one
    assert await numbers(globex.admin.client) == set()
    # one invoice: what is not visible is not found, the same as an id that does not exist
    assert (await acme.member2.client(INVOICE, {"id": mine["id"]}))["invoice"] is None
    assert (await globex.admin.client(INVOICE, {"id": mine["id"]}))["invoice"] is None
    assert (await world.contact(INVOICE, {"id": mine["id"]}))["invoice"]["payments"] == []
    # changes: a MEMBER only in their portfolio, another organization never, a contact never
    missing = gid("Invoice", 10**9)
    for client, invoice_id in ((acme.member.client, other["id"]), (globex.admin.client, mine["id"]),
                               (acme.member2.client, mine["id"]), (acme.admin.client, missing)):
        data = await client(PAUSE_INVOICE, {"input": {"invoiceId": invoice_id, "paused": True}})
        assert _errors(data, "pauseInvoice") == [("NOT_FOUND", "invoiceId")]
        assert data["pauseInvoice"]["errors"][0]["message"] == "Invoice not found."
        assert _errors(await _pay(client, invoice_id, "1"), "recordPayment") == [("NOT_FOUND", "invoiceId")]
    assert _errors(await _pay(world.contact, mine["id"], "1"), "recordPayment")[0][0] == "NOT_ALLOWED"
    outside = await acme.member.client(CREATE_INVOICE, {"input": invoice_input(world.unmanaged, "M-1")})
    assert _errors(outside, "createInvoice") == [("NOT_FOUND", "customerId")]
    # a dispute pauses reminders, with its reason
    paused = await acme.member.client(PAUSE_INVOICE, {"input": {"invoiceId": mine["id"], "paused": True,
                                                                "reason": "Goods damaged"}})
    assert (paused["pauseInvoice"]["invoice"]["paused"], paused["pauseInvoice"]["invoice"]["pausedReason"]) == (
        True, "Goods damaged")
    # a void invoice is final
    assert _errors(await _pay(acme.admin.client, void["id"], "1"), "recordPayment") == [("VOID", "invoiceId")]
    changed = await acme.admin.client(UPDATE_INVOICE, {"input": {"invoiceId": void["id"], "amount": "1"}})
    assert _errors(changed, "updateInvoice") == [("VOID", "invoiceId")]
