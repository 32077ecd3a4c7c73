"""Accepting and declining a quote (issue 10 point 5), as services on SQLite and PostgreSQL: the emailed code, what
the acceptance records, the certificate, and every refusal (who, when, which code)."""

from __future__ import annotations

import hashlib
import io
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pypdf
import pytest

from portico.accounts.models import Organization, StorageAccount
from portico.actors import Actor, ActorKind
from portico.errors import DomainError
from portico.hubs import quota
from portico.mail.models import OutboxEmail
from portico.quotes import acceptance, codes, links
from portico.quotes.acceptance_models import QuoteAcceptance, QuoteIdentityCode, QuoteLink
from portico.quotes.models import Quote, QuoteStatus, QuoteVersion, QuoteVisibility
from portico.settings import Settings, load_settings
from portico.storage.local import LocalStorage
from tests.quotes.world import QuoteWorld, add_version, build_quote_world, contact_actor, make_quote, member_actor

pytestmark = pytest.mark.usefixtures("db")
QUOTE_PDF = b"%PDF-1.4\n% the quote as sent, version 2\n%%EOF\n"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"DATA_DIR": str(tmp_path), "PUBLIC_URL": "https://portico.example"})


@pytest.fixture
async def storage(tmp_path: Path) -> LocalStorage:
    store = LocalStorage(tmp_path / "files")
    await store.start()
    return store


async def _world() -> QuoteWorld:
    w = await build_quote_world()
    q = await make_quote(w, "Q1", expires_on=date.today() + timedelta(days=30), version_number=2)
    await add_version(q, 1, superseded_at=datetime.now(UTC))
    v2 = await add_version(q, 2)
    await QuoteVersion.filter(id=v2.id).update(sha256=hashlib.sha256(QUOTE_PDF).hexdigest(), filename="roof-v2.pdf")
    one = await make_quote(w, "Q2", visibility=QuoteVisibility.ONE_CONTACT, contact=w.contact, version_number=1)
    await add_version(one, 1)
    public = await make_quote(w, "P1", visibility=QuoteVisibility.PUBLIC_LINK, version_number=1)
    await add_version(public, 1)
    return w


def _mette(w: QuoteWorld, ip: str = "198.51.100.20") -> Actor:
    actor = contact_actor(w.contact, w.org, w.customer)
    actor.ip, actor.user_agent = ip, "Mozilla/5.0 (Macintosh) Safari/17"
    return actor


async def _code_sent_to(address: str) -> str:
    email = await OutboxEmail.filter(to_address=address, kind="quote_acceptance_code").order_by("-id").first()
    assert email is not None
    found = re.search(r"\b(\d{6})\b", email.text)
    assert found is not None
    return found.group(1)


def _codes(error: pytest.ExceptionInfo[DomainError]) -> list[str]:
    return [p.code for p in error.value.problems]


async def test_a_contact_accepts_with_the_emailed_code_and_gets_a_certificate(
    settings: Settings, storage: LocalStorage
) -> None:
    w = await _world()
    quote = w.quotes["Q1"]
    mette = _mette(w)

    sent_to = await acceptance.request_code(settings, mette, quote_id=quote.id)
    assert sent_to == "m•••e@fjord.example"
    code = await _code_sent_to(w.contact.email)  # to her own address, whatever she might type
    accepted = await acceptance.accept(
        settings, storage, mette, quote_id=quote.id, code=code, full_name="  Mette Larsen "
    )

    version = await QuoteVersion.get(quote_id=quote.id, number=2)
    assert (accepted.version_id, accepted.version_number) == (version.id, 2)
    assert accepted.version_sha256 == version.sha256 == hashlib.sha256(QUOTE_PDF).hexdigest()
    assert (accepted.full_name, accepted.email, accepted.code_sent_to) == (
        "Mette Larsen", w.contact.email, w.contact.email)
    assert (accepted.ip, accepted.user_agent) == ("198.51.100.20", "Mozilla/5.0 (Macintosh) Safari/17")
    assert accepted.contact_id == w.contact.id and accepted.link_id is None
    assert version.frozen and not (await QuoteVersion.get(quote_id=quote.id, number=1)).frozen
    fresh = await Quote.get(id=quote.id)
    assert fresh.status is QuoteStatus.ACCEPTED and fresh.accepted_at is not None
    # The certificate: stored, counted, and stating the version's SHA-256 and the rest.
    pdf = b"".join([chunk async for chunk in storage.open_range(accepted.certificate_key)])
    assert hashlib.sha256(pdf).hexdigest() == accepted.certificate_sha256 and len(pdf) == accepted.certificate_size
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for fact in (version.sha256, "Mette Larsen", w.contact.email, "198.51.100.20", "Safari/17", quote.number,
                 accepted.certificate_id, "Fjord", "Acme", f"6-digit code emailed to {w.contact.email}"):
        assert fact in text, fact
    account = await StorageAccount.get(organization_id=w.org.id)
    versions = sum(await QuoteVersion.filter(organization_id=w.org.id).values_list("size", flat=True))
    assert account.used_bytes == versions + len(pdf) == await quota.recount_storage_bytes(w.org.id)
    # Single use: the same code again is refused, and so is any second answer.
    with pytest.raises(DomainError) as again:
        await acceptance.accept(settings, storage, mette, quote_id=quote.id, code=code, full_name="Mette Larsen")
    assert _codes(again) == ["ALREADY_ACCEPTED"]
    with pytest.raises(DomainError) as declined:
        await acceptance.decline(mette, quote_id=quote.id)
    assert _codes(declined) == ["ALREADY_ACCEPTED"]


async def test_codes_are_single_use_expire_and_allow_five_wrong_tries_in_all(
    settings: Settings, storage: LocalStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = await _world()
    quote = w.quotes["Q1"]
    mette = _mette(w)
    await acceptance.request_code(settings, mette, quote_id=quote.id)
    code = await _code_sent_to(w.contact.email)
    wrong = f"{(int(code) + 1) % 10**6:06d}"

    for _ in range(codes.CODE_MAX_FAILURES):
        with pytest.raises(DomainError) as refused:
            await acceptance.accept(settings, storage, mette, quote_id=quote.id, code=wrong, full_name="Mette L")
        assert _codes(refused) == ["INVALID_CODE"]
    with pytest.raises(DomainError) as dead:  # the right code no longer works: five wrong tries used it up
        await acceptance.accept(settings, storage, mette, quote_id=quote.id, code=code, full_name="Mette L")
    assert _codes(dead) == ["INVALID_CODE"]

    # A new code (after the resend pause) that expires unused.
    later = datetime.now(UTC) + timedelta(minutes=2)
    monkeypatch.setattr(codes, "now", lambda: later)
    await acceptance.request_code(settings, mette, quote_id=quote.id)
    code = await _code_sent_to(w.contact.email)
    expired = later + codes.CODE_LIFETIME + timedelta(seconds=1)
    monkeypatch.setattr(codes, "now", lambda: expired)
    with pytest.raises(DomainError) as late:
        await acceptance.accept(settings, storage, mette, quote_id=quote.id, code=code, full_name="Mette L")
    assert _codes(late) == ["INVALID_CODE"]
    assert await Quote.get(id=quote.id).values_list("status", flat=True) == QuoteStatus.SENT
    assert not await QuoteAcceptance.exists()


async def test_code_requests_are_limited_per_person_and_spaced(settings: Settings, monkeypatch) -> None:
    w = await _world()
    mette = _mette(w)
    moment = datetime.now(UTC)
    monkeypatch.setattr(codes, "now", lambda: moment)
    await acceptance.request_code(settings, mette, quote_id=w.quotes["Q1"].id)
    with pytest.raises(DomainError) as soon:
        await acceptance.request_code(settings, mette, quote_id=w.quotes["Q1"].id)
    assert _codes(soon) == ["TOO_MANY_CODES"]
    assert await QuoteIdentityCode.filter(email=w.contact.email).count() == 1
    # The stored code is a keyed hash, never the code.
    row = await QuoteIdentityCode.get(email=w.contact.email)
    assert await _code_sent_to(w.contact.email) not in row.code_hash


async def test_who_may_not_answer(settings: Settings, storage: LocalStorage) -> None:
    w = await _world()
    one_contact = w.quotes["Q2"]  # to Mette only
    cases = [
        (contact_actor(w.colleague, w.org, w.customer), one_contact.id, "NOT_FOUND"),  # another contact
        (contact_actor(w.contact_other, w.org, w.customer_other), w.quotes["Q1"].id, "NOT_FOUND"),  # customer
        (_foreign(w), w.quotes["Q1"].id, "NOT_FOUND"),  # another organization
        (member_actor(w.rep, w.org), w.quotes["Q1"].id, "NOT_ALLOWED"),  # staff do not answer for the customer
        (contact_actor(w.contact, w.org, w.customer), w.quotes["P1"].id, "NOT_FOUND"),  # a public-link quote
    ]
    for actor, quote_id, code in cases:
        with pytest.raises(DomainError) as refused:
            await acceptance.request_code(settings, actor, quote_id=quote_id)
        assert _codes(refused) == [code]
        with pytest.raises(DomainError) as refused:
            await acceptance.decline(actor, quote_id=quote_id, reason="no")
        assert _codes(refused) == [code]
    assert not await OutboxEmail.filter(kind="quote_acceptance_code").exists()


async def test_no_answer_after_expiry_or_to_a_declined_or_archived_quote(settings: Settings) -> None:
    w = await _world()
    mette = _mette(w)
    quote = w.quotes["Q1"]
    await Quote.filter(id=quote.id).update(expires_on=date.today() - timedelta(days=2))
    with pytest.raises(DomainError) as late:
        await acceptance.request_code(settings, mette, quote_id=quote.id)
    assert _codes(late) == ["QUOTE_EXPIRED"]
    for status, code in ((QuoteStatus.EXPIRED, "QUOTE_EXPIRED"), (QuoteStatus.ARCHIVED, "QUOTE_ARCHIVED"),
                         (QuoteStatus.DECLINED, "ALREADY_DECLINED")):
        await Quote.filter(id=quote.id).update(expires_on=None, status=status)
        with pytest.raises(DomainError) as refused:
            await acceptance.request_code(settings, mette, quote_id=quote.id)
        assert _codes(refused) == [code]


async def test_declining_records_the_reason(settings: Settings) -> None:
    w = await _world()
    declined = await acceptance.decline(_mette(w), quote_id=w.quotes["Q2"].id, reason="  Too expensive.  ")
    assert declined.status is QuoteStatus.DECLINED and declined.declined_at is not None
    assert declined.decline_reason == "Too expensive."
    with pytest.raises(DomainError) as twice:
        await acceptance.decline(_mette(w), quote_id=w.quotes["Q2"].id)
    assert _codes(twice) == ["ALREADY_DECLINED"]


async def test_a_link_visitor_accepts_with_the_address_and_name_they_type(
    settings: Settings, storage: LocalStorage
) -> None:
    w = await _world()
    await Organization.filter(id=w.org.id).update(archive_quotes_on_acceptance=True)
    created = await links.create_link(settings, member_actor(w.rep, w.org), quote_id=w.quotes["P1"].id,
                                      password="open sesame 42", expires_at=None)
    opened = await links.open_link(token=created.url.rsplit("/", 1)[1], password="open sesame 42")
    visitor = links.visitor(opened.link, ip="203.0.113.77", user_agent="Edge/120")

    with pytest.raises(DomainError) as missing:
        await acceptance.request_code(settings, visitor, quote_id=w.quotes["P1"].id)
    assert sorted(_codes(missing)) == ["REQUIRED", "REQUIRED"]  # their email and their name
    with pytest.raises(DomainError) as elsewhere:  # only the link's own quote
        await acceptance.request_code(settings, visitor, quote_id=w.quotes["Q1"].id, email="kim@buyer.example",
                                      full_name="Kim Buyer")
    assert _codes(elsewhere) == ["NOT_FOUND"]
    await acceptance.request_code(settings, visitor, quote_id=w.quotes["P1"].id, email="Kim@Buyer.example",
                                  full_name="Kim Buyer")
    code = await _code_sent_to("kim@buyer.example")
    with pytest.raises(DomainError) as other_address:  # the code belongs to the address it went to
        await acceptance.accept(settings, storage, visitor, quote_id=w.quotes["P1"].id, code=code,
                                full_name="Kim Buyer", email="someone@else.example")
    assert _codes(other_address) == ["INVALID_CODE"]
    accepted = await acceptance.accept(settings, storage, visitor, quote_id=w.quotes["P1"].id, code=code,
                                       full_name="Kim Buyer", email="kim@buyer.example")

    assert accepted.link_id == opened.link.id and accepted.contact_id is None
    assert (accepted.email, accepted.ip, accepted.user_agent) == ("kim@buyer.example", "203.0.113.77", "Edge/120")
    # The organization archives quotes on acceptance; the visitor still sees the quote and its acceptance.
    assert (await Quote.get(id=w.quotes["P1"].id)).status is QuoteStatus.ARCHIVED
    assert (await Quote.get(id=w.quotes["P1"].id)).accepted_at is not None
    from portico import policy

    assert await policy.quote_acceptances_visible_to(visitor).count() == 1
    assert await policy.quote_acceptances_visible_to(_mette(w)).count() == 0  # not in the hub
    assert await policy.quote_acceptances_visible_to(member_actor(w.rep, w.org)).count() == 1
    assert await policy.quote_acceptances_visible_to(_foreign(w)).count() == 0
    assert await QuoteLink.filter(id=opened.link.id).exists()


def _foreign(w: QuoteWorld) -> Actor:
    return Actor(kind=ActorKind.MEMBER, organization=w.other_org, member=w.foreign_admin)


async def test_a_storage_outage_refuses_the_acceptance_and_keeps_the_code(
    settings: Settings, storage: LocalStorage
) -> None:
    from portico.storage.errors import StorageUnavailable

    class DownStorage(LocalStorage):
        async def put_stream(self, key, chunks, *, content_type):  # type: ignore[no-untyped-def]
            raise StorageUnavailable("store down")

    w = await _world()
    quote = w.quotes["Q1"]
    mette = _mette(w)
    await acceptance.request_code(settings, mette, quote_id=quote.id)
    code = await _code_sent_to(w.contact.email)

    with pytest.raises(DomainError) as down:
        await acceptance.accept(settings, DownStorage(storage.root), mette, quote_id=quote.id, code=code,
                                full_name="Mette Larsen")
    assert _codes(down) == ["STORAGE_UNAVAILABLE"]
    assert (await Quote.get(id=quote.id)).status is QuoteStatus.SENT and not await QuoteAcceptance.exists()
    # The same code still works once the store is back.
    accepted = await acceptance.accept(settings, storage, mette, quote_id=quote.id, code=code, full_name="Mette L")
    assert accepted.version_number == 2
