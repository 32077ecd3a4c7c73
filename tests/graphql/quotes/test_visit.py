"""The public-link visitor's page through GraphQL and HTTP (issue 10 gap): before the password a token tells only the
quote's language (`quoteLinkIntro`); with the visit cookie, `quoteVisit` names the sending organization with its
logo (served to the visitor) and the quote's language. Denied: other organizations' logos, revoked links, staff and
contacts (no visit). On SQLite and PostgreSQL (the `app` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from portico.accounts.models import Member
from portico.accounts.passwords import hash_password
from portico.customers.models import Contact, Customer
from portico.quotes.models import Quote, QuoteVisibility
from tests.conftest import PASSWORD, GraphQLClient
from tests.graphql.helpers import LOG_IN
from tests.hubs.helpers import PNG
from tests.quotes.world import add_version, build_quote_world, make_quote

INTRO = "query($t: String!) { quoteLinkIntro(token: $t) { language } }"
VISIT = "{ quoteVisit { quoteId language organization { name logoUrl } } }"
CREATE_LINK = """mutation($input: CreateQuoteLinkInput!) { createQuoteLink(input: $input) { url link { id }
  errors { code } } }"""
REVOKE_LINK = "mutation($id: ID!) { revokeQuoteLink(input: {linkId: $id}) { errors { code } } }"
OPEN_LINK = """mutation($t: String!, $p: String!) { openQuoteLink(input: {token: $t, password: $p}) { quoteId
  errors { code } } }"""
HUB_LOG_IN = """mutation($e: String!, $p: String!) { hubLogIn(input: {email: $e, password: $p}) {
  errors { code } } }"""
LINK_PASSWORD = "open sesame 42"


def _gid(type_name: str, pk: int) -> str:
    from portico.graphql.relay import encode_id

    return str(encode_id(type_name, pk))


async def _signed_in(client: GraphQLClient, email: str) -> GraphQLClient:
    assert (await client(LOG_IN, {"input": {"email": email, "password": PASSWORD}}))["logIn"]["errors"] == []
    return client


async def _logo(admin: GraphQLClient) -> str:
    response = await admin.http.post("/branding/logo", content=PNG,
                                     headers={"content-type": "application/octet-stream"})
    assert response.status_code == 201, response.text
    return str(response.json()["logoUrl"])


async def _link(sender: GraphQLClient, quote: Quote) -> tuple[str, str]:
    made = await sender(CREATE_LINK, {"input": {"quoteId": _gid("Quote", quote.id), "password": LINK_PASSWORD}})
    assert made["createQuoteLink"]["errors"] == [], made
    return made["createQuoteLink"]["url"].rsplit("/", 1)[1], made["createQuoteLink"]["link"]["id"]


async def test_the_visit_names_the_sender_with_its_logo_and_language_and_the_token_alone_only_the_language(
    app: object, client_factory: Callable[..., GraphQLClient]
) -> None:
    w = await build_quote_world()
    password = await hash_password(PASSWORD)
    await Member.filter(id__in=[w.rep.id, w.admin.id, w.foreign_admin.id]).update(password_hash=password)
    await Contact.filter(id=w.contact.id).update(password_hash=password)
    public = await make_quote(w, "P1", visibility=QuoteVisibility.PUBLIC_LINK, language="da", version_number=1)
    await add_version(public, 1)
    foreign_customer = await Customer.get(id=w.foreign_contact.customer_id)
    foreign = await make_quote(w, "F1", customer=foreign_customer, sender=w.foreign_admin,
                               visibility=QuoteVisibility.PUBLIC_LINK, language="sv", version_number=1)
    await add_version(foreign, 1)
    rep = await _signed_in(client_factory(), w.rep.email)
    acme_logo = await _logo(await _signed_in(client_factory(), w.admin.email))
    globex_admin = await _signed_in(client_factory(), w.foreign_admin.email)
    globex_logo = await _logo(globex_admin)
    token, link_id = await _link(rep, public)
    foreign_token, _ = await _link(globex_admin, foreign)

    # Before the password: the language, and nothing else (the schema has no more to give).
    visitor = client_factory()
    assert (await visitor(INTRO, {"t": token}))["quoteLinkIntro"] == {"language": "da"}
    assert (await visitor(VISIT))["quoteVisit"] is None
    assert (await visitor.http.get(acme_logo)).status_code == 404
    for unknown in ("x" * 43, "not a token", ""):
        assert (await visitor(INTRO, {"t": unknown}))["quoteLinkIntro"] is None

    # With the password: the visit names Acme, with its logo (served to the visitor), in the quote's language.
    opened = await visitor(OPEN_LINK, {"t": token, "p": LINK_PASSWORD})
    assert opened["openQuoteLink"] == {"quoteId": _gid("Quote", public.id), "errors": []}
    assert (await visitor(VISIT))["quoteVisit"] == {
        "quoteId": _gid("Quote", public.id), "language": "da",
        "organization": {"name": "Acme", "logoUrl": acme_logo},
    }
    served = await visitor.http.get(acme_logo)
    assert served.status_code == 200 and served.content == PNG
    assert (await visitor.http.get(globex_logo)).status_code == 404  # another organization's: denied
    # Another organization's visitor sees Globex, never Acme.
    other = client_factory()
    assert (await other(OPEN_LINK, {"t": foreign_token, "p": LINK_PASSWORD}))["openQuoteLink"]["errors"] == []
    assert (await other(VISIT))["quoteVisit"]["organization"] == {"name": "Globex", "logoUrl": globex_logo}
    assert (await other(VISIT))["quoteVisit"]["language"] == "sv"
    assert (await other.http.get(acme_logo)).status_code == 404

    # Staff and contacts have no visit (their own pages carry their branding).
    assert (await rep(VISIT))["quoteVisit"] is None
    mette = client_factory()
    assert (await mette(HUB_LOG_IN, {"e": w.contact.email, "p": PASSWORD}))["hubLogIn"]["errors"] == []
    assert (await mette(VISIT))["quoteVisit"] is None

    # Removed from the portal, then revoked: the visit shows nothing, the token tells nothing.
    await Quote.filter(id=public.id).update(removed_at=datetime.now(UTC) - timedelta(seconds=1))
    assert (await visitor(VISIT))["quoteVisit"] is None
    assert (await visitor(INTRO, {"t": token}))["quoteLinkIntro"] is None
    assert (await visitor.http.get(acme_logo)).status_code == 404
    await Quote.filter(id=public.id).update(removed_at=None)
    assert (await visitor(VISIT))["quoteVisit"]["organization"]["name"] == "Acme"
    assert (await rep(REVOKE_LINK, {"id": link_id}))["revokeQuoteLink"]["errors"] == []
    assert (await visitor(VISIT))["quoteVisit"] is None
    assert (await visitor(INTRO, {"t": token}))["quoteLinkIntro"] is None
    assert (await visitor.http.get(acme_logo)).status_code == 404
