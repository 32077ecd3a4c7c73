"""Accepting a quote through GraphQL, end to end, with the code read from a real SMTP server (aiosmtpd): by a hub
contact and by a public link's visitor; the certificate downloaded by both sides with the accepted version's SHA-256;
the link's cookie, password, revocation. On SQLite and PostgreSQL (the `app` fixture)."""

from __future__ import annotations

import asyncio
import hashlib
import io
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta

import pypdf
import pytest

from portico.accounts.models import Member
from portico.accounts.passwords import hash_password
from portico.activity.models import ActivityEvent, ActivityKind
from portico.customers.models import Contact
from portico.mail.sender import SmtpSender, deliver_due
from portico.notifications.kinds import Delivery, NotificationKind
from portico.notifications.models import Notification
from portico.quotes.acceptance_models import QuoteAcceptance
from portico.quotes.models import Quote, QuoteStatus, QuoteVersion, QuoteVisibility
from tests.conftest import PASSWORD, Clock, GraphQLClient
from tests.graphql.helpers import LOG_IN
from tests.mail.smtp_testserver import RecordingHandler, SmtpServer, start_server
from tests.quotes.world import QuoteWorld, add_version, build_quote_world, make_quote

HUB_LOG_IN = """mutation($e: String!, $p: String!) { hubLogIn(input: {email: $e, password: $p}) {
  viewer { kind } errors { code } } }"""
REQUEST_CODE = """mutation($input: RequestQuoteAcceptanceCodeInput!) { requestQuoteAcceptanceCode(input: $input) {
  sentTo errors { code field message } } }"""
ACCEPT = """mutation($input: AcceptQuoteInput!) { acceptQuote(input: $input) { acceptance { id fullName email
  acceptedAt versionNumber versionSha256 ip codeSentTo certificateId certificateSha256 certificateUrl }
  errors { code field message } } }"""
DECLINE = """mutation($input: DeclineQuoteInput!) { declineQuote(input: $input) { quoteId errors { code } } }"""
CREATE_LINK = """mutation($input: CreateQuoteLinkInput!) { createQuoteLink(input: $input) { url
  link { id expiresAt revokedAt } errors { code field message } } }"""
REVOKE_LINK = """mutation($id: ID!) { revokeQuoteLink(input: {linkId: $id}) { link { id revokedAt }
  errors { code } } }"""
ACCEPTANCE = """query($id: ID!) { quoteAcceptance(quoteId: $id) { fullName versionSha256 certificateUrl } }"""
OPEN_LINK = """mutation($t: String!, $p: String!) { openQuoteLink(input: {token: $t, password: $p}) { quoteId
  errors { code field } } }"""
QUOTE = """query($id: ID!) { quote(id: $id) { id number status currentVersion { number sha256 viewUrl } customer { id }
  sender { id } links { id revokedAt } acceptance { fullName versionSha256 certificateUrl } } }"""
QUOTE_PDF = b"%PDF-1.4\n% Roof repair, version 1\n%%EOF\n"
CONTACT_PASSWORD = "contact password 123"
LINK_PASSWORD = "open sesame 42"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    controller, server = start_server(RecordingHandler())
    try:
        yield server
    finally:
        controller.stop()


def _in_days(days: int) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


def _gid(type_name: str, pk: int) -> str:
    from portico.graphql.relay import encode_id

    return str(encode_id(type_name, pk))


async def _world(app: object) -> QuoteWorld:
    w = await build_quote_world()
    password = await hash_password(PASSWORD)
    await Member.filter(id=w.rep.id).update(password_hash=password)
    await Contact.filter(id=w.contact.id).update(password_hash=await hash_password(CONTACT_PASSWORD))
    storage = app.state.services.storage  # type: ignore[attr-defined]
    for number, visibility in (("Q1", QuoteVisibility.ALL_CONTACTS), ("P1", QuoteVisibility.PUBLIC_LINK)):
        quote = await make_quote(w, number, visibility=visibility, expires_on=date.today() + timedelta(days=14),
                                 version_number=1)
        version = await add_version(quote, 1)
        key = f"org/{w.org.id}/quotes/{quote.id}-1.pdf"

        async def body() -> object:
            yield QUOTE_PDF

        await storage.put_stream(key, body(), content_type="application/pdf")
        await QuoteVersion.filter(id=version.id).update(
            storage_key=key, size=len(QUOTE_PDF), sha256=hashlib.sha256(QUOTE_PDF).hexdigest()
        )
    return w


async def _code_from_smtp(smtp: SmtpServer, address: str) -> str:
    sender = SmtpSender(smtp.url, "Portico <no-reply@portico.example>", timeout=5)
    assert await deliver_due(sender) >= 1
    [received] = [r for r in smtp.handler.received if r.rcpt_tos == [address]][-1:]
    text = received.message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    found = re.search(r"^\s+(\d{6})\s*$", text, re.MULTILINE)
    assert found is not None, text
    assert found.group(1) in str(received.message["Subject"])
    return found.group(1)


async def _certificate_text(client: GraphQLClient, url: str) -> tuple[bytes, str]:
    response = await client.http.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert "attachment" in response.headers["content-disposition"]
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    return response.content, text


async def test_a_contact_accepts_with_the_code_from_the_smtp_server_and_both_sides_get_the_certificate(
    app: object, client_factory: Callable[..., GraphQLClient], smtp: SmtpServer
) -> None:
    w = await _world(app)
    quote_id = _gid("Quote", w.quotes["Q1"].id)
    mette, rep, colleague = client_factory(), client_factory(), client_factory()
    assert (await mette(HUB_LOG_IN, {"e": w.contact.email, "p": CONTACT_PASSWORD}))["hubLogIn"]["errors"] == []
    assert (await rep(LOG_IN, {"input": {"email": w.rep.email, "password": PASSWORD}}))["logIn"]["errors"] == []

    # Staff cannot answer for the customer; an anonymous caller is told to sign in.
    staff = await rep(REQUEST_CODE, {"input": {"quoteId": quote_id}})
    assert [e["code"] for e in staff["requestQuoteAcceptanceCode"]["errors"]] == ["NOT_ALLOWED"]
    anonymous = await colleague.raw(REQUEST_CODE, {"input": {"quoteId": quote_id}})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

    sent = await mette(REQUEST_CODE, {"input": {"quoteId": quote_id, "email": "attacker@evil.example"}})
    assert sent["requestQuoteAcceptanceCode"] == {"sentTo": "m•••e@fjord.example", "errors": []}
    code = await _code_from_smtp(smtp, w.contact.email)  # her own address, not the one typed
    wrong = await mette(ACCEPT, {"input": {"quoteId": quote_id, "code": "000000" if code != "000000" else "111111",
                                           "fullName": "Mette Larsen"}})
    assert [e["code"] for e in wrong["acceptQuote"]["errors"]] == ["INVALID_CODE"]
    nameless = await mette(ACCEPT, {"input": {"quoteId": quote_id, "code": code, "fullName": "  "}})
    assert [(e["code"], e["field"]) for e in nameless["acceptQuote"]["errors"]] == [("REQUIRED", "fullName")]
    accepted = await mette(ACCEPT, {"input": {"quoteId": quote_id, "code": code, "fullName": "Mette Larsen"}})

    assert accepted["acceptQuote"]["errors"] == []
    acceptance = accepted["acceptQuote"]["acceptance"]
    version = await QuoteVersion.get(quote_id=w.quotes["Q1"].id)
    assert acceptance["versionSha256"] == version.sha256 == hashlib.sha256(QUOTE_PDF).hexdigest()
    assert (acceptance["fullName"], acceptance["email"], acceptance["codeSentTo"], acceptance["versionNumber"]) == (
        "Mette Larsen", w.contact.email, w.contact.email, 1)
    assert version.frozen
    assert (await Quote.get(id=w.quotes["Q1"].id)).status is QuoteStatus.ACCEPTED
    assert await ActivityEvent.filter(quote_id=w.quotes["Q1"].id, kind=ActivityKind.QUOTE_ACCEPTED,
                                      contact_id=w.contact.id, sender_id=w.rep.id).exists()
    # The sender is told at once (QUOTE_ACTIVITY, immediately).
    told = await Notification.filter(member_id=w.rep.id, kind=NotificationKind.QUOTE_ACTIVITY).first()
    assert told is not None and told.delivery is Delivery.IMMEDIATELY
    # The certificate, downloaded by the contact, states the stored version's SHA-256.
    pdf, text = await _certificate_text(mette, acceptance["certificateUrl"])
    assert version.sha256 in text and "Mette Larsen" in text and acceptance["certificateId"] in text
    assert hashlib.sha256(pdf).hexdigest() == acceptance["certificateSha256"]
    # ... and by the sender, through their own grant; not by a rep who does not see the quote.
    staff_view = (await rep(ACCEPTANCE, {"id": quote_id}))["quoteAcceptance"]
    assert staff_view["versionSha256"] == version.sha256
    _, staff_text = await _certificate_text(rep, staff_view["certificateUrl"])
    assert version.sha256 in staff_text
    assert (await colleague.raw(ACCEPTANCE, {"id": quote_id}))["errors"][0]["extensions"]["code"] == \
        "UNAUTHENTICATED"
    # A code used once is not used twice; the quote takes no second answer.
    again = await mette(ACCEPT, {"input": {"quoteId": quote_id, "code": code, "fullName": "Mette Larsen"}})
    assert [e["code"] for e in again["acceptQuote"]["errors"]] == ["ALREADY_ACCEPTED"]
    declined = await mette(DECLINE, {"input": {"quoteId": quote_id}})
    assert [e["code"] for e in declined["declineQuote"]["errors"]] == ["ALREADY_ACCEPTED"]
    # A grant issued to the contact does not open for someone else's altered token.
    tampered = acceptance["certificateUrl"][:-3] + ("AAA" if not acceptance["certificateUrl"].endswith("AAA")
                                                    else "BBB")
    assert (await colleague.http.get(tampered)).status_code == 404


async def test_a_link_visitor_opens_with_the_password_and_accepts_with_the_address_they_type(
    app: object, client_factory: Callable[..., GraphQLClient], smtp: SmtpServer
) -> None:
    w = await _world(app)
    quote_id = _gid("Quote", w.quotes["P1"].id)
    rep, visitor, stranger = client_factory(), client_factory(), client_factory()
    assert (await rep(LOG_IN, {"input": {"email": w.rep.email, "password": PASSWORD}}))["logIn"]["errors"] == []

    made = await rep(CREATE_LINK, {"input": {"quoteId": quote_id, "password": LINK_PASSWORD,
                                             "expiresAt": _in_days(30)}})
    assert made["createQuoteLink"]["errors"] == []
    token = made["createQuoteLink"]["url"].rsplit("/", 1)[1]
    hub_quote = await rep(CREATE_LINK, {"input": {"quoteId": _gid("Quote", w.quotes["Q1"].id),
                                                  "password": LINK_PASSWORD}})
    assert [e["code"] for e in hub_quote["createQuoteLink"]["errors"]] == ["NOT_A_PUBLIC_LINK_QUOTE"]

    # Before the password: nothing. A wrong password: refused, no cookie.
    before = await visitor.raw(REQUEST_CODE, {"input": {"quoteId": quote_id}})
    assert before["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    wrong = await visitor(OPEN_LINK, {"t": token, "p": "not the password"})
    assert wrong["openQuoteLink"] == {"quoteId": None, "errors": [{"code": "INVALID_PASSWORD", "field": "password"}]}
    assert "portico_quote_visit" not in visitor.http.cookies

    response = await visitor.http.post("/graphql", json={"query": OPEN_LINK, "variables": {"t": token,
                                                                                            "p": LINK_PASSWORD}})
    assert response.json()["data"]["openQuoteLink"] == {"quoteId": quote_id, "errors": []}
    cookie = response.headers["set-cookie"].lower()
    assert "portico_quote_visit=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert "max-age=3600" in cookie

    # The visitor reads their quote (not its customer, sender or links), and no other.
    seen = (await visitor(QUOTE, {"id": quote_id}))["quote"]
    assert seen["number"] == "P1" and seen["currentVersion"]["sha256"] == hashlib.sha256(QUOTE_PDF).hexdigest()
    assert (seen["customer"], seen["sender"], seen["links"], seen["acceptance"]) == (None, None, [], None)
    assert (await visitor(QUOTE, {"id": _gid("Quote", w.quotes["Q1"].id)}))["quote"] is None
    # ... opens its PDF (the sender sees it OPENED, named by nobody yet), the bytes the acceptance will certify.
    pdf = await visitor.http.get(seen["currentVersion"]["viewUrl"])
    assert pdf.status_code == 200 and pdf.content == QUOTE_PDF
    assert (await Quote.get(id=w.quotes["P1"].id)).status is QuoteStatus.OPENED
    # The visitor answers only their link's quote.
    elsewhere = await visitor(REQUEST_CODE, {"input": {"quoteId": _gid("Quote", w.quotes["Q1"].id),
                                                       "email": "kim@buyer.example", "fullName": "Kim Buyer"}})
    assert [e["code"] for e in elsewhere["requestQuoteAcceptanceCode"]["errors"]] == ["NOT_FOUND"]
    sent = await visitor(REQUEST_CODE, {"input": {"quoteId": quote_id, "email": "kim@buyer.example",
                                                  "fullName": "Kim Buyer"}})
    assert sent["requestQuoteAcceptanceCode"] == {"sentTo": "k•••m@buyer.example", "errors": []}
    code = await _code_from_smtp(smtp, "kim@buyer.example")
    accepted = await visitor(ACCEPT, {"input": {"quoteId": quote_id, "code": code, "fullName": "Kim Buyer",
                                                "email": "kim@buyer.example"}})
    assert accepted["acceptQuote"]["errors"] == []
    acceptance = accepted["acceptQuote"]["acceptance"]
    row = await QuoteAcceptance.get(quote_id=w.quotes["P1"].id)
    assert row.link_id is not None and row.contact_id is None and row.email == "kim@buyer.example"
    event = await ActivityEvent.get(quote_id=w.quotes["P1"].id, kind=ActivityKind.QUOTE_ACCEPTED)
    assert event.actor_name == "Kim Buyer" and event.contact_id is None and event.sender_id == w.rep.id
    assert await Notification.filter(member_id=w.rep.id, kind=NotificationKind.QUOTE_ACTIVITY).exists()
    _, text = await _certificate_text(visitor, acceptance["certificateUrl"])
    assert hashlib.sha256(QUOTE_PDF).hexdigest() in text and "kim@buyer.example" in text
    assert (await visitor(QUOTE, {"id": quote_id}))["quote"]["acceptance"]["fullName"] == "Kim Buyer"
    staff_quote = (await rep(QUOTE, {"id": quote_id}))["quote"]
    assert staff_quote["status"] == "ACCEPTED" and staff_quote["acceptance"]["fullName"] == "Kim Buyer"
    assert [link["id"] for link in staff_quote["links"]] == [made["createQuoteLink"]["link"]["id"]]

    # Revoked: the visit ends at once, the link no longer opens, the visitor's certificate link stops working.
    link_id = made["createQuoteLink"]["link"]["id"]
    revoked = await rep(REVOKE_LINK, {"id": link_id})
    assert revoked["revokeQuoteLink"]["errors"] == [] and revoked["revokeQuoteLink"]["link"]["revokedAt"]
    after = await visitor.raw(DECLINE, {"input": {"quoteId": quote_id}})
    assert after["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    reopened = await stranger(OPEN_LINK, {"t": token, "p": LINK_PASSWORD})
    assert reopened["openQuoteLink"]["errors"] == [{"code": "LINK_REVOKED", "field": "token"}]
    assert (await visitor.http.get(acceptance["certificateUrl"])).status_code == 404
    # The sender still reads the acceptance and its certificate (both sides).
    staff_view = (await rep(ACCEPTANCE, {"id": quote_id}))["quoteAcceptance"]
    assert staff_view["fullName"] == "Kim Buyer"
    _, staff_text = await _certificate_text(rep, staff_view["certificateUrl"])
    assert "kim@buyer.example" in staff_text


async def test_two_browsers_accepting_with_one_code_at_once_make_one_acceptance_and_one_certificate(
    app: object, client_factory: Callable[..., GraphQLClient], smtp: SmtpServer
) -> None:
    w = await _world(app)
    quote_id = _gid("Quote", w.quotes["Q1"].id)
    phone, laptop = client_factory(), client_factory()
    for browser in (phone, laptop):
        assert (await browser(HUB_LOG_IN, {"e": w.contact.email, "p": CONTACT_PASSWORD}))["hubLogIn"]["errors"] == []
    assert (await phone(REQUEST_CODE, {"input": {"quoteId": quote_id}}))["requestQuoteAcceptanceCode"]["errors"] == []
    code = await _code_from_smtp(smtp, w.contact.email)
    storage = app.state.services.storage  # type: ignore[attr-defined]

    answers = await asyncio.gather(*(
        browser(ACCEPT, {"input": {"quoteId": quote_id, "code": code, "fullName": "Mette Larsen"}})
        for browser in (phone, laptop)
    ))

    outcomes = sorted(tuple(e["code"] for e in a["acceptQuote"]["errors"]) for a in answers)
    assert outcomes[0] == () and outcomes[1] in {("ALREADY_ACCEPTED",), ("INVALID_CODE",)}
    [row] = await QuoteAcceptance.filter(quote_id=w.quotes["Q1"].id)
    assert await storage.exists(row.certificate_key)
    # The loser's certificate was removed again: one certificate object for the organization.
    keys = [key async for key in _certificate_keys(storage, w.org.id)]
    assert keys == [row.certificate_key]


async def _certificate_keys(storage: object, organization_id: int):  # type: ignore[no-untyped-def]
    root = getattr(storage, "root", None)
    assert root is not None, "the test app stores files locally"
    folder = root / f"org/{organization_id}/quote-certificates"
    for path in sorted(folder.iterdir()) if folder.exists() else []:
        yield f"org/{organization_id}/quote-certificates/{path.name}"


async def test_a_visitor_gets_no_websocket_and_wrong_passwords_lock_the_link(
    app: object, client_factory: Callable[..., GraphQLClient], clock: Clock
) -> None:
    from tests.graphql.hubs.wsclient import cookie_header, rejected, serve_in_process

    w = await _world(app)
    rep, visitor, guesser = client_factory(), client_factory(), client_factory()
    assert (await rep(LOG_IN, {"input": {"email": w.rep.email, "password": PASSWORD}}))["logIn"]["errors"] == []
    made = await rep(CREATE_LINK, {"input": {"quoteId": _gid("Quote", w.quotes["P1"].id), "password": LINK_PASSWORD}})
    token = made["createQuoteLink"]["url"].rsplit("/", 1)[1]
    assert (await visitor(OPEN_LINK, {"t": token, "p": LINK_PASSWORD}))["openQuoteLink"]["errors"] == []

    async with serve_in_process(app) as url:
        assert await rejected(url, cookie=cookie_header(visitor))  # a visit is no key to the live feed

    codes = []
    for _ in range(6):
        answer = await guesser(OPEN_LINK, {"t": token, "p": "wrong password"})
        codes.append(answer["openQuoteLink"]["errors"][0]["code"])
    assert codes == ["INVALID_PASSWORD"] * 5 + ["TOO_MANY_ATTEMPTS"]
    # Locked for everyone, the right password included, until the (doubling) lock ends.
    locked = await visitor(OPEN_LINK, {"t": token, "p": LINK_PASSWORD})
    assert locked["openQuoteLink"]["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"
    clock.advance(seconds=3)
    assert (await visitor(OPEN_LINK, {"t": token, "p": LINK_PASSWORD}))["openQuoteLink"]["errors"] == []
