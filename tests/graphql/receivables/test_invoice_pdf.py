"""An invoice's PDF in the hub (issue 11, point 2): attached from an upload, served to staff and the customer's
contacts; a contact's first opening records INVOICE_OPENED and firstOpenedAt, shown to staff."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from portico.activity.models import ActivityEvent, ActivityKind
from portico.hubs.quota import recount_storage_bytes, storage_used_bytes
from tests.conftest import GraphQLClient, Org
from tests.customers.import_helpers import upload_file
from tests.graphql.helpers import pk_of
from tests.graphql.receivables.helpers import INVOICE, INVOICES, World, create_invoice, make_world

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ATTACH = """mutation($input: AttachInvoicePdfInput!) { attachInvoicePdf(input: $input) {
  invoice { id hasPdf pdfFilename pdfUrl } errors { code field message } } }"""


@pytest.fixture
async def world(two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]) -> World:
    return await make_world(two_orgs[0], client_factory())


async def test_the_contact_opens_the_pdf_once_recorded(two_orgs: tuple[Org, Org], world: World) -> None:
    acme, globex = two_orgs
    member = acme.member.client
    invoice = await create_invoice(member, world.managed, "INV-7")
    await create_invoice(member, world.managed, "INV-8")  # never opened: the `opened` filter's other side
    # a text file is not an invoice's PDF
    text = await upload_file(member, b"hello\n", "a.txt")
    refused = await member(ATTACH, {"input": {"invoiceId": invoice["id"], "uploadId": text}})
    assert [e["code"] for e in refused["attachInvoicePdf"]["errors"]] == ["NOT_A_PDF"]
    upload = await upload_file(member, PDF, "INV-7.pdf")
    attached = (await member(ATTACH, {"input": {"invoiceId": invoice["id"], "uploadId": upload}}))["attachInvoicePdf"]
    assert attached["errors"] == [] and attached["invoice"]["hasPdf"] is True
    url = attached["invoice"]["pdfUrl"]
    organization_id = pk_of(acme.organization_id)
    assert await storage_used_bytes(organization_id) == await recount_storage_bytes(organization_id)

    # staff reading it record nothing
    staff = await member.http.get(url)
    assert (staff.status_code, staff.content, staff.headers["content-type"]) == (200, PDF, "application/pdf")
    assert (await member(INVOICE, {"id": invoice["id"]}))["invoice"]["opened"] is False

    # the contact opens it twice: one opening, at the first time
    for _ in range(2):
        seen = await world.contact.http.get(url)
        assert (seen.status_code, seen.content) == (200, PDF)
    events = await ActivityEvent.filter(kind=ActivityKind.INVOICE_OPENED)
    assert [(e.invoice_id, e.customer_id) for e in events] == [(pk_of(invoice["id"]), pk_of(world.managed))]
    shown = (await member(INVOICE, {"id": invoice["id"]}))["invoice"]
    assert shown["opened"] is True and shown["firstOpenedAt"] is not None
    # the `opened` filter: true lists the opened one, false the other, null both (the member's own portfolio)
    async def numbers(opened: bool | None) -> list[str]:
        found = (await member(INVOICES, {"opened": opened, "first": 20}))["invoices"]
        return sorted(e["node"]["number"] for e in found["edges"])
    assert await numbers(True) == ["INV-7"]
    assert await numbers(False) == ["INV-8"]
    assert await numbers(None) == ["INV-7", "INV-8"]
    # another organization's admin filtering on opened sees none of them
    assert (await globex.admin.client(INVOICES, {"opened": True}))["invoices"]["totalCount"] == 0
    # the account manager sees the event in their activity feed
    feed = await member("{ activity(first: 20) { edges { node { kind } } } }")
    assert "INVOICE_OPENED" in [e["node"]["kind"] for e in feed["activity"]["edges"]]

    # nobody else gets the file: another rep, another organization, nobody signed in
    for client in (acme.member2.client, globex.admin.client):
        assert (await client.http.get(url)).status_code == 404
    assert (await world.contact.http.get(f"/invoices/{10**9}/pdf")).status_code == 404
