"""Quotes through GraphQL on SQLite and PostgreSQL: sending, the contact's hub, files and status, the list's
filters, updates and versions, and what other callers cannot see or change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from portico.demo import demo_pdf
from portico.quotes.models import Quote
from tests.conftest import GraphQLClient, Org
from tests.graphql.quotes.helpers import (
    ADD_VERSION,
    ARCHIVE,
    MY_QUOTES,
    PUBLISH,
    QUOTE,
    QUOTES,
    UPDATE,
    create_quote,
    quote_customer,
)
from tests.hubs.helpers import outbox_for, sign_in_contact, upload_ok


async def test_send_open_download_and_follow_the_status(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, globex = two_orgs
    rep = acme.member.client
    customer, _ = await quote_customer(rep, "Fjord Logistics", [("Mette", "mette@fjord.example"),
                                                                 ("Nina", "nina@fjord.example")])
    terms = await upload_ok(rep, b"Terms and conditions\n", "terms.txt")
    made = await create_quote(rep, customer, message="As discussed.", attachmentUploadIds=[terms])
    quote = made["quote"]
    assert (quote["status"], quote["amount"], quote["versionNumber"]) == ("DRAFT", "1250.00", 1)
    assert len(quote["currentVersion"]["sha256"]) == 64
    assert [a["filename"] for a in quote["currentVersion"]["attachments"]] == ["terms.txt"]
    assert await outbox_for("mette@fjord.example", "quote_published") == []

    published = await rep(PUBLISH, {"id": quote["id"]})
    assert published["publishQuote"] == {"quote": {"id": quote["id"], "status": "SENT"}, "errors": []}
    assert len(await outbox_for("nina@fjord.example", "quote_published")) == 1

    mette = client_factory()
    await sign_in_contact(mette, "mette@fjord.example", kind="quote_published")
    [seen] = (await mette(MY_QUOTES))["myQuotes"]
    assert seen["id"] == quote["id"] and [v["number"] for v in seen["versions"]] == [1]
    viewed = await mette.http.get(seen["currentVersion"]["viewUrl"])
    assert viewed.status_code == 200 and viewed.content.startswith(b"%PDF")
    attachment = await mette.http.get(seen["currentVersion"]["attachments"][0]["viewUrl"])
    assert attachment.content == b"Terms and conditions\n"
    after_view = (await rep(QUOTE, {"id": quote["id"]}))["quote"]
    assert after_view["status"] == "OPENED" and after_view["openedAt"] is not None
    downloaded = await mette.http.get(seen["currentVersion"]["downloadUrl"])
    assert downloaded.status_code == 200 and "attachment" in downloaded.headers["content-disposition"]
    timeline = (await rep(QUOTE, {"id": quote["id"]}))["quote"]
    assert timeline["status"] == "DOWNLOADED"
    assert [e["kind"] for e in timeline["events"]] == ["QUOTE_DOWNLOADED", "QUOTE_OPENED", "QUOTE_PUBLISHED"]
    assert timeline["events"][0]["actorName"] == "Mette Kunde"
    # The sender's own download is not customer activity.
    assert (await rep.http.get(timeline["currentVersion"]["downloadUrl"])).status_code == 200
    assert len((await rep(QUOTE, {"id": quote["id"]}))["quote"]["events"]) == 3

    # Another organization: not found, whatever it tries.
    outsider = globex.admin.client
    assert (await outsider(QUOTE, {"id": quote["id"]}))["quote"] is None
    assert (await outsider(ARCHIVE, {"id": quote["id"]}))["archiveQuote"]["errors"][0]["code"] == "NOT_FOUND"
    assert (await outsider.http.get(seen["currentVersion"]["viewUrl"])).status_code == 200  # the link is Mette's...
    mette_link_as_rep = (await rep(QUOTE, {"id": quote["id"]}))["quote"]["currentVersion"]["viewUrl"]
    assert mette_link_as_rep != seen["currentVersion"]["viewUrl"]  # ...each caller gets their own grant


async def test_one_contact_drafts_and_the_module(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, _ = two_orgs
    admin = acme.admin.client
    customer, (mette_id, _) = await quote_customer(admin, "Fjord", [("Mette", "mette@fjord.example"),
                                                                     ("Nina", "nina@fjord.example")])
    personal = await create_quote(admin, customer, "Q-1", visibility="ONE_CONTACT", contactId=mette_id, publish=True)
    await create_quote(admin, customer, "Q-2")  # a draft
    await create_quote(admin, customer, "Q-3", visibility="PUBLIC_LINK", publish=True)
    everyone = await create_quote(admin, customer, "Q-4", publish=True)
    mette, nina = client_factory(), client_factory()
    await sign_in_contact(mette, "mette@fjord.example", kind="quote_published")
    await sign_in_contact(nina, "nina@fjord.example", kind="quote_published")
    assert [q["number"] for q in (await mette(MY_QUOTES))["myQuotes"]] == ["Q-4", "Q-1"]
    assert [q["number"] for q in (await nina(MY_QUOTES))["myQuotes"]] == ["Q-4"]
    assert (await nina(QUOTE, {"id": personal["quote"]["id"]}))["quote"] is None
    # Contacts cannot change quotes.
    assert (await mette(ARCHIVE, {"id": everyone["quote"]["id"]}))["archiveQuote"]["errors"][0]["code"] in (
        "NOT_ALLOWED", "NOT_FOUND")
    # With the QUOTES module off, the hub shows none.
    switched = await admin("""mutation($id: ID!) { updateCustomer(input: {customerId: $id, modules: [DOCUMENTS]}) {
      errors { code } } }""", {"id": customer})
    assert switched["updateCustomer"]["errors"] == []
    assert (await mette(MY_QUOTES))["myQuotes"] == []
    assert (await mette(QUOTE, {"id": everyone["quote"]["id"]}))["quote"] is None


async def test_the_quotes_list_filters(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    rep, bob, manager = acme.member.client, acme.member2.client, acme.manager.client
    fjord, _ = await quote_customer(rep, "Fjord", [("Mette", "mette@fjord.example")])
    svea, _ = await quote_customer(bob, "Svea", [("Sven", "sven@svea.example")])
    old = await create_quote(rep, fjord, "Q-OLD", publish=True)
    await create_quote(rep, fjord, "Q-NEW", publish=True)
    await create_quote(rep, fjord, "Q-DRAFT")
    await create_quote(bob, svea, "Q-SVEA", publish=True)
    await Quote.filter(number="Q-OLD").update(sent_at=datetime.now(UTC) - timedelta(days=8))

    async def numbers(client: GraphQLClient, **variables: Any) -> list[str]:
        data = await client(QUOTES, variables)
        assert data["quotes"]["totalCount"] == len(data["quotes"]["edges"])
        return [e["node"]["number"] for e in data["quotes"]["edges"]]

    assert await numbers(manager) == ["Q-SVEA", "Q-DRAFT", "Q-NEW", "Q-OLD"]
    assert await numbers(rep) == ["Q-DRAFT", "Q-NEW", "Q-OLD"]  # not bob's
    assert await numbers(bob) == ["Q-SVEA"]
    assert await numbers(manager, status=["DRAFT"]) == ["Q-DRAFT"]
    assert await numbers(manager, customerId=svea) == ["Q-SVEA"]
    assert await numbers(manager, senderId=acme.member.member_id) == ["Q-DRAFT", "Q-NEW", "Q-OLD"]
    assert await numbers(manager, days=7) == ["Q-OLD"]  # sent 7+ days ago, not opened
    assert await numbers(manager, search="new") == ["Q-NEW"]
    first = await manager(QUOTES, {"first": 2})
    assert first["quotes"]["pageInfo"]["hasNextPage"] is True
    rest = await manager(QUOTES, {"first": 2, "after": first["quotes"]["pageInfo"]["endCursor"]})
    assert [e["node"]["number"] for e in rest["quotes"]["edges"]] == ["Q-NEW", "Q-OLD"]
    assert old["quote"]["sender"]["id"] == acme.member.member_id


async def test_updates_versions_and_refusals(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    rep = acme.member.client
    customer, _ = await quote_customer(rep, "Fjord", [("Mette", "mette@fjord.example")])
    made = await create_quote(rep, customer, publish=True)
    quote_id = made["quote"]["id"]
    changed = await rep(UPDATE, {"input": {"quoteId": quote_id, "title": "Racking v2", "remindUnopenedDays": 3}})
    assert changed["updateQuote"]["quote"]["title"] == "Racking v2"
    assert changed["updateQuote"]["quote"]["remindUnopenedDays"] == 3
    bad = await rep(UPDATE, {"input": {"quoteId": quote_id, "currency": "XXX", "amount": "1.234",
                                       "expiresOn": "2001-01-01"}})
    assert {(e["code"], e["field"]) for e in bad["updateQuote"]["errors"]} == {
        ("INVALID_CURRENCY", "currency"), ("INVALID_AMOUNT", "amount"), ("IN_THE_PAST", "expiresOn")}
    pdf = await upload_ok(rep, demo_pdf("Version two"), "v2.pdf")
    added = await rep(ADD_VERSION, {"input": {"quoteId": quote_id, "uploadId": pdf}})
    assert added["addQuoteVersion"]["errors"] == [] and added["addQuoteVersion"]["version"]["number"] == 2
    assert len(await outbox_for("mette@fjord.example", "quote_changed")) == 1
    quote = (await rep(QUOTE, {"id": quote_id}))["quote"]
    assert [(v["number"], v["isCurrent"]) for v in quote["versions"]] == [(2, True), (1, False)]
    not_pdf = await upload_ok(rep, b"plain text\n", "notes.txt")
    refused = await rep(ADD_VERSION, {"input": {"quoteId": quote_id, "uploadId": not_pdf}})
    assert refused["addQuoteVersion"]["errors"][0]["code"] == "NOT_PDF"
    duplicate = await create_quote(rep, customer, "Q-1001", expect_errors=True)
    assert duplicate["errors"][0]["code"] == "DUPLICATE_NUMBER"
    # Another rep of the organization neither sees nor changes it.
    bob = acme.member2.client
    assert (await bob(QUOTE, {"id": quote_id}))["quote"] is None
    assert (await bob(UPDATE, {"input": {"quoteId": quote_id, "title": "x"}}))["updateQuote"]["errors"][0][
        "code"] == "NOT_FOUND"
    archived = await rep(ARCHIVE, {"id": quote_id})
    assert archived["archiveQuote"]["quote"]["status"] == "ARCHIVED"


async def test_the_next_number_is_suggested(two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
                                            ) -> None:
    acme, _ = two_orgs
    rep = acme.member.client
    suggest = "{ nextQuoteNumber }"
    assert (await rep(suggest))["nextQuoteNumber"] == "Q-0001"
    customer, _ = await quote_customer(rep, "Fjord", [("Mette", "mette@fjord.example")])
    await create_quote(rep, customer, "Q-2027-009", publish=True)
    assert (await rep(suggest))["nextQuoteNumber"] == "Q-2027-010"
    await create_quote(rep, customer, "Q-2027-010")
    await create_quote(rep, customer, "OFFER")  # no digits at the end: counts from the start
    assert (await rep(suggest))["nextQuoteNumber"] == "Q-0001"
    mette = client_factory()
    await sign_in_contact(mette, "mette@fjord.example", kind="quote_published")
    assert (await mette(suggest))["nextQuoteNumber"] is None
