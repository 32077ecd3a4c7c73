"""The quotes list costs the same number of SQL statements for 2 quotes as for 8 (loaders, no per-item query)."""

from __future__ import annotations

from tests.conftest import Org
from tests.graphql.quotes.helpers import create_quote, quote_customer
from tests.sqlcount import count_sql

LIST = """{ quotes(first: 50) { totalCount edges { node { id number status amount customer { id name }
  sender { id fullName } contact { id } recipients { id } currentVersion { id sha256 attachments { id } }
  versions { id number } events { id kind } } } } }"""


async def test_the_quotes_list_does_not_query_per_quote(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    admin = acme.admin.client
    fjord, _ = await quote_customer(admin, "Fjord", [("Mette", "mette@fjord.example")])
    svea, _ = await quote_customer(admin, "Svea", [("Sven", "sven@svea.example")])
    for i in range(2):
        await create_quote(admin, fjord if i % 2 else svea, f"Q-{i}", publish=True)
    with count_sql() as few:
        small = await admin(LIST)
    for i in range(2, 8):
        await create_quote(admin, fjord if i % 2 else svea, f"Q-{i}", publish=True)
    with count_sql() as many:
        large = await admin(LIST)
    assert len(small["quotes"]["edges"]) == 2 and len(large["quotes"]["edges"]) == 8
    assert all(e["node"]["events"] and e["node"]["currentVersion"] for e in large["quotes"]["edges"])
    assert len(many.statements) == len(few.statements), many.statements
