"""ActivityEvent.quoteVersion (the activity feed's "opened quote Q-1042 (version 2)"): the version current when a
quote event happened, through GraphQL on SQLite and PostgreSQL; a contact gets it only for the version they see,
another organization sees neither the events nor the quote."""

from __future__ import annotations

from collections.abc import Callable

from portico.demo import demo_pdf
from tests.conftest import GraphQLClient, Org
from tests.graphql.quotes.helpers import ADD_VERSION, MY_QUOTES, create_quote, quote_customer
from tests.hubs.helpers import sign_in_contact, upload_ok

EVENTS = """query($customerId: ID) { activity(first: 20, customerId: $customerId) { edges { node {
  kind actorName quoteVersion quote { number } } } } }"""


def _lines(data: dict) -> list[tuple[str, int | None]]:  # type: ignore[type-arg]
    return [(e["node"]["kind"], e["node"]["quoteVersion"]) for e in data["activity"]["edges"]]


async def test_each_quote_event_names_the_version_current_when_it_happened(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, globex = two_orgs
    rep = acme.member.client
    customer, _ = await quote_customer(rep, "Fjord Logistics", [("Mette", "mette@fjord.example")])
    quote = (await create_quote(rep, customer, "Q-1042", publish=True))["quote"]
    mette = client_factory()
    await sign_in_contact(mette, "mette@fjord.example", kind="quote_published")
    [seen] = (await mette(MY_QUOTES))["myQuotes"]
    assert (await mette.http.get(seen["currentVersion"]["viewUrl"])).status_code == 200  # opens version 1
    pdf = await upload_ok(rep, demo_pdf("Version two"), "v2.pdf")
    added = await rep(ADD_VERSION, {"input": {"quoteId": quote["id"], "uploadId": pdf}})
    assert added["addQuoteVersion"]["errors"] == []
    [seen] = (await mette(MY_QUOTES))["myQuotes"]
    assert (await mette.http.get(seen["currentVersion"]["downloadUrl"])).status_code == 200  # version 2

    staff = await rep(EVENTS, {"customerId": customer})
    assert _lines(staff) == [
        ("QUOTE_DOWNLOADED", 2), ("QUOTE_VERSION_ADDED", 2), ("QUOTE_OPENED", 1), ("QUOTE_PUBLISHED", 1),
    ]
    assert {e["node"]["quote"]["number"] for e in staff["activity"]["edges"]} == {"Q-1042"}
    admin = await acme.admin.client(EVENTS, {"customerId": customer})
    assert _lines(admin) == _lines(staff)
    # The contact's own events: the version they see now is named, the superseded one is not theirs to see.
    own = await mette(EVENTS, {"customerId": None})
    assert [line for line in _lines(own) if line[0].startswith("QUOTE_")] == [
        ("QUOTE_DOWNLOADED", 2), ("QUOTE_OPENED", None),
    ]
    # Another organization: nothing of it.
    assert (await globex.admin.client(EVENTS, {"customerId": customer}))["activity"]["edges"] == []
