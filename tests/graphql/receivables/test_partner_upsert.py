"""A partner pushes invoices with an API key (INVOICES_WRITE), idempotent on the invoice number (issue 11, point 2)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from portico.receivables.models import Invoice
from tests.conftest import GraphQLClient, Org
from tests.graphql.helpers import create_api_key, key_client
from tests.graphql.receivables.helpers import UPSERT_INVOICE, World, make_world


@pytest.fixture
async def world(two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]) -> World:
    return await make_world(two_orgs[0], client_factory())


def _push(number: str, amount: str = "1500.00", ref: str = "ERP-fjord-1", due_on: str = "2026-12-31") -> dict:  # type: ignore[type-arg]
    return {"input": {"number": number, "customerExternalRef": ref, "amount": amount, "currency": "SEK",
                      "issuedOn": "2026-12-01", "dueOn": due_on}}


async def test_upsert_is_idempotent_on_the_number(two_orgs: tuple[Org, Org], world: World,
                                                 client_factory: Callable[..., GraphQLClient]) -> None:
    acme, _ = two_orgs
    _, secret = await create_api_key(acme.admin.client, ["INVOICES_WRITE"], acts_as=acme.admin.member_id)
    partner = key_client(client_factory, secret)

    first = (await partner(UPSERT_INVOICE, _push("ERP-1001")))["upsertInvoice"]
    assert first["errors"] == [] and (first["created"], first["changed"]) == (True, True)
    assert first["invoice"]["customer"] is None  # INVOICES_WRITE alone reads no customer
    again = (await partner(UPSERT_INVOICE, _push("ERP-1001")))["upsertInvoice"]
    assert (again["created"], again["changed"], again["invoice"]["id"]) == (False, False, first["invoice"]["id"])
    moved = (await partner(UPSERT_INVOICE, _push("ERP-1001", amount="1499.50", due_on="2027-01-15")))["upsertInvoice"]
    assert (moved["created"], moved["changed"]) == (False, True)
    assert (moved["invoice"]["amount"], moved["invoice"]["dueOn"]) == ("1499.50", "2027-01-15")
    assert await Invoice.filter(number="ERP-1001").count() == 1

    # an unknown customer reference, a bad amount: errors by field, nothing written
    unknown = (await partner(UPSERT_INVOICE, _push("ERP-1002", ref="nope")))["upsertInvoice"]
    assert [(e["code"], e["field"]) for e in unknown["errors"]] == [("NOT_FOUND", "customerId")]
    bad = (await partner(UPSERT_INVOICE, _push("ERP-1002", amount="1.001")))["upsertInvoice"]
    assert [(e["code"], e["field"]) for e in bad["errors"]] == [("INVALID_AMOUNT", "amount")]
    assert await Invoice.filter(number="ERP-1002").count() == 0


async def test_keys_without_invoices_write_push_nothing(two_orgs: tuple[Org, Org], world: World,
                                                       client_factory: Callable[..., GraphQLClient]) -> None:
    acme, globex = two_orgs
    _, reader = await create_api_key(acme.admin.client, ["INVOICES_READ", "CUSTOMERS_WRITE"],
                                     acts_as=acme.admin.member_id)
    denied = (await key_client(client_factory, reader)(UPSERT_INVOICE, _push("ERP-1")))["upsertInvoice"]
    assert [e["code"] for e in denied["errors"]] == ["NOT_ALLOWED"]
    # a key acting as a MEMBER pushes only for their portfolio
    _, rep = await create_api_key(acme.admin.client, ["INVOICES_WRITE"], acts_as=acme.member.member_id)
    rep_key = key_client(client_factory, rep)
    assert (await rep_key(UPSERT_INVOICE, _push("ERP-2")))["upsertInvoice"]["errors"] == []
    outside = (await rep_key(UPSERT_INVOICE, _push("ERP-3", ref="ERP-fjord-2")))["upsertInvoice"]
    assert [e["code"] for e in outside["errors"]] == ["NOT_FOUND"]
    # another organization's key never reaches Acme's customers nor its numbers
    _, other = await create_api_key(globex.admin.client, ["INVOICES_WRITE"], acts_as=globex.admin.member_id)
    foreign = (await key_client(client_factory, other)(UPSERT_INVOICE, _push("ERP-2")))["upsertInvoice"]
    assert [e["code"] for e in foreign["errors"]] == ["NOT_FOUND"]
    assert await Invoice.filter(number__in=["ERP-1", "ERP-3"]).count() == 0
