"""GET /invoices/{id}/pdf with Range (pdf.js reads large PDFs in ranges), on LocalStorage and on S3 (moto over real
HTTP), SQLite and PostgreSQL: single ranges answer 206 with Content-Range, bad ones 416; every range goes through
policy like the whole file; only a GET from byte 0 can be the contact's opening."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from portico.activity.models import ActivityEvent, ActivityKind
from tests.conftest import GraphQLClient, Org
from tests.customers.import_helpers import upload_file
from tests.graphql.receivables.helpers import INVOICE, World, create_invoice, make_world
from tests.hubs.conftest import use_s3

ATTACH = """mutation($input: AttachInvoicePdfInput!) { attachInvoicePdf(input: $input) {
  invoice { id pdfUrl } errors { code field message } } }"""
# A PDF a few hundred KiB long, so that ranges fall inside, across S3's and the local store's read chunks.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 1200 + b"\ntrailer\n%%EOF\n"


@pytest.fixture(params=["local", "s3"])
def app_env(app_env: dict[str, str], request: pytest.FixtureRequest) -> dict[str, str]:
    if request.param == "s3":
        use_s3(app_env, request.getfixturevalue("s3_endpoint"))
    return app_env


@pytest.fixture
async def world(two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]) -> World:
    return await make_world(two_orgs[0], client_factory())


async def _openings() -> int:
    return await ActivityEvent.filter(kind=ActivityKind.INVOICE_OPENED).count()


async def test_single_ranges_through_policy(two_orgs: tuple[Org, Org], world: World,
                                           client_factory: Callable[..., GraphQLClient]) -> None:
    acme, globex = two_orgs
    member = acme.member.client
    invoice = await create_invoice(member, world.managed, "INV-R1")
    upload = await upload_file(member, PDF, "INV-R1.pdf")
    attached = (await member(ATTACH, {"input": {"invoiceId": invoice["id"], "uploadId": upload}}))["attachInvoicePdf"]
    assert attached["errors"] == []
    url, size = attached["invoice"]["pdfUrl"], len(PDF)

    # staff: the whole file says it takes ranges; a range is 206 with exactly its bytes
    whole = await member.http.get(url)
    assert (whole.status_code, whole.headers["accept-ranges"], whole.content) == (200, "bytes", PDF)
    first = await member.http.get(url, headers={"range": "bytes=0-99"})
    assert (first.status_code, first.content) == (206, PDF[:100])
    assert (first.headers["content-range"], first.headers["content-length"]) == (f"bytes 0-99/{size}", "100")
    assert first.headers["content-type"] == "application/pdf"

    # the contact's ranges after the first byte are the rest of a viewing: recorded as nothing; nor is a HEAD
    contact = world.contact.http
    cases = {"bytes=100-": PDF[100:], "bytes=70000-70099": PDF[70000:70100], "bytes=-7": PDF[-7:],
             f"bytes={size - 3}-{size + 100}": PDF[-3:]}
    for header, expected in cases.items():
        part = await contact.get(url, headers={"range": header})
        assert (part.status_code, part.content) == (206, expected), header
        start = size - len(expected)
        if header in ("bytes=100-", "bytes=70000-70099"):
            start = int(header.split("=")[1].split("-")[0])
        assert part.headers["content-range"] == f"bytes {start}-{start + len(expected) - 1}/{size}", header
        assert part.headers["content-length"] == str(len(expected))
    head = await contact.head(url)
    assert (head.status_code, head.headers["content-length"]) == (200, str(size))
    # bad ranges: 416 with the size, nothing sent; several ranges at once are not served either
    for bad in (f"bytes={size}-", "bytes=5-2", "bytes=abc", "bytes=-", "items=0-1", "bytes=0-1,5-6"):
        refused = await contact.get(url, headers={"range": bad})
        assert (refused.status_code, refused.headers["content-range"], refused.content) == (
            416, f"bytes */{size}", b""), bad
    assert await _openings() == 0
    assert (await member(INVOICE, {"id": invoice["id"]}))["invoice"]["opened"] is False

    # pdf.js's first request starts at byte 0: that is the opening, once
    for _ in range(2):
        opening = await contact.get(url, headers={"range": "bytes=0-65535"})
        assert (opening.status_code, opening.content) == (206, PDF[:65536])
    assert await _openings() == 1
    assert (await member(INVOICE, {"id": invoice["id"]}))["invoice"]["opened"] is True

    # a range is no way around policy: another rep, another organization, nobody signed in
    for client in (acme.member2.client, globex.admin.client):
        assert (await client.http.get(url, headers={"range": "bytes=0-9"})).status_code == 404
    anonymous = client_factory()
    assert (await anonymous.http.get(url, headers={"range": "bytes=0-9"})).status_code == 401
