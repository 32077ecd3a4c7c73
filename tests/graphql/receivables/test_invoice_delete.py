"""Deleting an invoice (issue 11 gap): whoever may change it deletes one without payments and without a reminder email
sent; otherwise a clear error says to void it. Its PDF's bytes are released and its object removed, with nothing
orphaned; two organizations stay apart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from portico.activity.models import ActivityEvent, ActivityKind
from portico.hubs.models import StorageDeletion
from portico.hubs.quota import recount_storage_bytes, storage_used_bytes
from portico.receivables.models import Invoice
from portico.receivables.workflow_models import (
    Action,
    ActionKind,
    InvoiceStepRun,
    ReminderStep,
    ReminderWorkflow,
    StepKind,
    StepOutcome,
)
from tests.conftest import GraphQLClient, Org
from tests.customers.import_helpers import upload_file
from tests.graphql.helpers import pk_of
from tests.graphql.receivables.helpers import INVOICE, RECORD_PAYMENT, World, create_invoice, make_world
from tests.hubs.helpers import stored_keys

DELETE = """mutation($id: ID!) { deleteInvoice(input: {invoiceId: $id}) { deletedInvoiceId
  errors { code field message } } }"""
ATTACH = """mutation($input: AttachInvoicePdfInput!) { attachInvoicePdf(input: $input) {
  invoice { id pdfUrl } errors { code } } }"""
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b"x" * 4000 + b"\ntrailer\n%%EOF\n"


@pytest.fixture
async def world(two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]) -> World:
    return await make_world(two_orgs[0], client_factory())


async def _delete(client: GraphQLClient, invoice_id: str) -> tuple[str | None, list[str]]:
    data = (await client(DELETE, {"id": invoice_id}))["deleteInvoice"]
    return data["deletedInvoiceId"], [e["code"] for e in data["errors"]]


async def test_delete_with_its_pdf_releases_the_storage(two_orgs: tuple[Org, Org], world: World, app: Any) -> None:
    acme, _ = two_orgs
    member = acme.member.client  # the customer's account manager: may write its invoices, so may delete them
    organization_id = pk_of(acme.organization_id)
    before = await storage_used_bytes(organization_id)
    invoice = await create_invoice(member, world.managed, "DEL-1")
    upload = await upload_file(member, PDF, "DEL-1.pdf")
    attached = (await member(ATTACH, {"input": {"invoiceId": invoice["id"], "uploadId": upload}}))["attachInvoicePdf"]
    assert attached["errors"] == []
    url = attached["invoice"]["pdfUrl"]
    key = (await Invoice.get(id=pk_of(invoice["id"]))).pdf_storage_key
    assert key is not None and any(k.endswith(key.rsplit("/", 1)[-1]) for k in await stored_keys(app))
    assert await storage_used_bytes(organization_id) == before + len(PDF)
    # the contact opened it: the opening stays in the activity, without the invoice
    assert (await world.contact.http.get(url)).status_code == 200

    assert await _delete(member, invoice["id"]) == (invoice["id"], [])
    assert await Invoice.filter(id=pk_of(invoice["id"])).count() == 0
    assert (await member(INVOICE, {"id": invoice["id"]}))["invoice"] is None
    assert await storage_used_bytes(organization_id) == before == await recount_storage_bytes(organization_id)
    assert not any(k.endswith(key.rsplit("/", 1)[-1]) for k in await stored_keys(app))  # the object is gone
    assert await StorageDeletion.all().count() == 0  # removed after the commit, nothing left for the sweep
    opened = await ActivityEvent.get(kind=ActivityKind.INVOICE_OPENED)
    assert (opened.invoice_id, opened.detail) == (None, "DEL-1")
    assert (await world.contact.http.get(url)).status_code == 404
    # deleting again: it is not there any more
    assert await _delete(member, invoice["id"]) == (None, ["NOT_FOUND"])


async def test_paid_or_reminded_invoices_are_voided_not_deleted(two_orgs: tuple[Org, Org], world: World) -> None:
    acme, _ = two_orgs
    admin = acme.admin.client
    paid = await create_invoice(admin, world.managed, "DEL-PAID")
    data = await admin(RECORD_PAYMENT, {"input": {"invoiceId": paid["id"], "amount": "10", "paidOn": "2026-11-02"}})
    assert data["recordPayment"]["errors"] == []
    refused = (await admin(DELETE, {"id": paid["id"]}))["deleteInvoice"]
    assert refused["deletedInvoiceId"] is None
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [("HAS_PAYMENTS", "invoiceId")]
    assert "void it instead" in refused["errors"][0]["message"]

    # a reminder email went out about one; only an action was created about the other
    workflow = await ReminderWorkflow.create(organization_id=pk_of(acme.organization_id), name="W", is_default=True)
    email = await ReminderStep.create(workflow=workflow, offset_days=1, kind=StepKind.EMAIL)
    call = await ReminderStep.create(workflow=workflow, offset_days=15, kind=StepKind.ACTION,
                                     action_kind=ActionKind.CALL)
    reminded = await create_invoice(admin, world.managed, "DEL-REMINDED")
    acted = await create_invoice(admin, world.managed, "DEL-ACTED")
    now = datetime.now(UTC)
    await InvoiceStepRun.create(organization_id=pk_of(acme.organization_id), invoice_id=pk_of(reminded["id"]),
                                step=email, outcome=StepOutcome.EMAILED, ran_at=now)
    action = await Action.create(organization_id=pk_of(acme.organization_id), customer_id=pk_of(world.managed),
                                 kind=ActionKind.CALL, due_on=date(2026, 11, 20), invoice_id=pk_of(acted["id"]),
                                 step=call)
    await InvoiceStepRun.create(organization_id=pk_of(acme.organization_id), invoice_id=pk_of(acted["id"]),
                                step=call, outcome=StepOutcome.ACTION, action=action, ran_at=now)
    assert await _delete(admin, reminded["id"]) == (None, ["REMINDED"])
    # an invoice that only led to an action (nothing reached the customer) can go; the action stays, without it
    assert await _delete(admin, acted["id"]) == (acted["id"], [])
    await action.refresh_from_db()
    assert action.invoice_id is None
    assert await InvoiceStepRun.filter(invoice_id=pk_of(acted["id"])).count() == 0
    assert set(await Invoice.all().values_list("number", flat=True)) == {"DEL-PAID", "DEL-REMINDED"}

    # voiding is what the error points to, and it works on both
    for kept in (paid, reminded):
        voided = await admin("mutation($id: ID!) { voidInvoice(input: {invoiceId: $id}) { errors { code } } }",
                             {"id": kept["id"]})
        assert voided["voidInvoice"]["errors"] == []


async def test_who_may_delete(two_orgs: tuple[Org, Org], world: World,
                             client_factory: Callable[..., GraphQLClient]) -> None:
    acme, globex = two_orgs
    invoice = await create_invoice(acme.admin.client, world.managed, "DEL-W")
    other_org = await make_world(globex, client_factory(), label="kiel")
    theirs = await create_invoice(globex.admin.client, other_org.managed, "DEL-W")  # same number, other organization

    # another organization's admin, a MEMBER who does not manage the customer, the customer's contact, nobody
    assert await _delete(globex.admin.client, invoice["id"]) == (None, ["NOT_FOUND"])
    assert await _delete(acme.member2.client, invoice["id"]) == (None, ["NOT_FOUND"])
    for client in (world.contact, client_factory()):
        body = await client.raw(DELETE, {"id": invoice["id"]})
        payload = (body.get("data") or {}).get("deleteInvoice")
        assert body.get("errors") or (payload["deletedInvoiceId"] is None and payload["errors"]), body
    assert await Invoice.filter(number="DEL-W").count() == 2

    # a MANAGER may (the whole organization); the other organization's invoice of the same number stays
    assert await _delete(acme.manager.client, invoice["id"]) == (invoice["id"], [])
    remaining = await Invoice.filter(number="DEL-W")
    assert [i.id for i in remaining] == [pk_of(theirs["id"])]
