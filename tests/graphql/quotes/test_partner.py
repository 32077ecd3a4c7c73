"""A partner publishing quotes with an API key (QUOTES_WRITE), idempotent on its external reference."""

from __future__ import annotations

from collections.abc import Callable

from portico.demo import demo_pdf
from portico.hubs.models import Upload
from portico.quotes.models import Quote, QuoteVersion
from tests.conftest import GraphQLClient, Org
from tests.graphql.helpers import create_api_key, key_client
from tests.graphql.quotes.helpers import QUOTE, UPSERT, quote_customer
from tests.hubs.helpers import outbox_for, upload_ok


async def test_upsert_creates_then_versions_then_changes_nothing(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, globex = two_orgs
    customer, _ = await quote_customer(acme.member.client, "Fjord", [("Mette", "mette@fjord.example")])
    _, secret = await create_api_key(acme.admin.client, ["QUOTES_WRITE"], acts_as=acme.member.member_id)
    partner = key_client(client_factory, secret)

    async def upsert(pdf: bytes, **fields: object) -> dict[str, object]:
        upload_id = await upload_ok(partner, pdf, "erp-quote.pdf")
        data = await partner(UPSERT, {"input": {"externalRef": "ERP-77", "customerId": customer, "number": "Q-77",
                                                "title": "Generated", "uploadId": upload_id,
                                                "visibility": "ALL_CONTACTS", **fields}})
        payload: dict[str, object] = data["upsertQuote"]
        return payload

    first = await upsert(demo_pdf("v1"), amount="100.00", currency="EUR")
    assert first["errors"] == [] and (first["created"], first["versionAdded"]) == (True, True)
    assert first["quote"] == {"id": first["quote"]["id"], "status": "SENT", "versionNumber": 1,  # type: ignore[index]
                              "externalRef": "ERP-77"}
    assert len(await outbox_for("mette@fjord.example", "quote_published")) == 1

    same = await upsert(demo_pdf("v1"), amount="100.00", currency="EUR")
    assert same["errors"] == [] and (same["created"], same["versionAdded"]) == (False, False)
    assert await QuoteVersion.all().count() == 1 and await Quote.all().count() == 1
    assert await Upload.filter(used_at=None).count() == 0  # the duplicate upload was dropped
    assert await outbox_for("mette@fjord.example", "quote_changed") == []

    newer = await upsert(demo_pdf("v2"), amount="120.00", currency="EUR")
    assert newer["errors"] == [] and (newer["created"], newer["versionAdded"]) == (False, True)
    assert newer["quote"]["versionNumber"] == 2  # type: ignore[index]
    assert len(await outbox_for("mette@fjord.example", "quote_changed")) == 1
    quote = await Quote.get(external_ref="ERP-77")
    assert str(quote.amount) == "120.00"

    # The key writes but does not read quotes (no QUOTES_READ): the quote itself stays hidden from it.
    assert (await partner(QUOTE, {"id": first["quote"]["id"]}))["quote"] is None  # type: ignore[index]
    # A key without QUOTES_WRITE may not upsert; another organization's key cannot reach the customer.
    _, reader = await create_api_key(acme.admin.client, ["QUOTES_READ", "SHARES_WRITE"],
                                     acts_as=acme.member.member_id)
    refused = await key_client(client_factory, reader)(UPSERT, {"input": {
        "externalRef": "ERP-78", "customerId": customer, "number": "Q-78", "title": "x", "visibility": "ALL_CONTACTS",
        "uploadId": await upload_ok(key_client(client_factory, reader), demo_pdf("x"), "x.pdf")}})
    assert refused["upsertQuote"]["errors"][0]["code"] == "NOT_ALLOWED"
    _, foreign = await create_api_key(globex.admin.client, ["QUOTES_WRITE"], acts_as=globex.member.member_id)
    foreign_client = key_client(client_factory, foreign)
    outside = await foreign_client(UPSERT, {"input": {
        "externalRef": "ERP-77", "customerId": customer, "number": "Q-77", "title": "x", "visibility": "ALL_CONTACTS",
        "uploadId": await upload_ok(foreign_client, demo_pdf("x"), "x.pdf")}})
    assert outside["upsertQuote"]["errors"][0]["code"] == "NOT_FOUND"
