"""Public quote links (issue 10 point 2): a password, throttled guesses, revocation, expiry, and a visitor who sees
that one quote and nothing else. Services and policy on SQLite and PostgreSQL; the HTTP side is in
tests/graphql/quotes/test_acceptance_api.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from portico import policy
from portico.accounts.models import ThrottleBucket
from portico.actors import ActorKind, quote_visitor_actor
from portico.errors import DomainError
from portico.quotes import links
from portico.quotes.acceptance_models import QuoteVisitSession
from portico.quotes.models import Quote, QuoteStatus, QuoteVisibility
from portico.settings import Settings, load_settings
from tests.conftest import Clock
from tests.quotes.world import QuoteWorld, add_version, build_quote_world, contact_actor, make_quote, member_actor

pytestmark = pytest.mark.usefixtures("db")
PASSWORD = "open sesame 42"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"DATA_DIR": str(tmp_path), "PUBLIC_URL": "https://portico.example"})


async def _world() -> QuoteWorld:
    w = await build_quote_world()
    public = await make_quote(w, "P1", visibility=QuoteVisibility.PUBLIC_LINK)
    await add_version(public, 1)
    await make_quote(w, "P2", visibility=QuoteVisibility.PUBLIC_LINK)  # another public quote of the same customer
    await make_quote(w, "H1")  # in the hub (ALL_CONTACTS)
    return w


def _codes(error: pytest.ExceptionInfo[DomainError]) -> list[str]:
    return [p.code for p in error.value.problems]


async def _link(settings: Settings, w: QuoteWorld, number: str = "P1", **kwargs: object) -> str:
    created = await links.create_link(
        settings, member_actor(w.rep, w.org), quote_id=w.quotes[number].id, password=PASSWORD,
        expires_at=kwargs.get("expires_at", datetime.now(UTC) + timedelta(days=7)),  # type: ignore[arg-type]
    )
    assert created.url.startswith("https://portico.example/quote-link/")
    return created.url.rsplit("/", 1)[1]


async def test_the_right_password_opens_a_visit_that_sees_that_quote_and_nothing_else(settings: Settings) -> None:
    w = await _world()
    token = await _link(settings, w)

    opened = await links.open_link(token=token, password=PASSWORD, ip="198.51.100.7", user_agent="Firefox")

    assert opened.quote.id == w.quotes["P1"].id
    visitor = await quote_visitor_actor(opened.visit_token, ip="198.51.100.7")
    assert visitor is not None and visitor.kind is ActorKind.QUOTE_VISITOR and visitor.organization is None
    assert [q.number for q in await policy.quotes_visible_to(visitor)] == ["P1"]
    assert [v.number for v in await policy.quote_versions_visible_to(visitor)] == [1]
    # Nothing else: no organization, customer, contact, member, document, folder, share, event, logo, link.
    for queryset in (
        policy.organizations_visible_to, policy.customers_visible_to, policy.contacts_visible_to,
        policy.members_visible_to, policy.api_keys_visible_to, policy.invitations_visible_to,
        policy.invitation_templates_visible_to, policy.outbox_visible_to, policy.logos_visible_to,
        policy.libraries_visible_to, policy.publications_visible_to, policy.hubs_visible_to,
        policy.shares_visible_to, policy.documents_visible_to, policy.document_versions_visible_to,
        policy.folders_visible_to, policy.events_visible_to, policy.folders_open_for_upload,
        policy.folders_with_permissions_managed_by, policy.contacts_for_folder_permissions,
        policy.quote_links_visible_to,
    ):
        assert await queryset(visitor).count() == 0, queryset.__name__
    assert not visitor.is_staff
    with pytest.raises(DomainError):
        policy.require_quote_sender(visitor)


async def test_staff_create_links_for_public_link_quotes_they_may_send_only(settings: Settings) -> None:
    w = await _world()
    rep = member_actor(w.rep, w.org)
    for quote_id, actor, code in (
        (w.quotes["H1"].id, rep, "NOT_A_PUBLIC_LINK_QUOTE"),  # shown in the hub: no link
        (w.quotes["P1"].id, member_actor(w.rep_other, w.org), "NOT_FOUND"),  # a rep who does not see it
        (w.quotes["P1"].id, member_actor(w.foreign_admin, w.other_org), "NOT_FOUND"),  # another organization
        (w.quotes["P1"].id, contact_actor(w.contact, w.org, w.customer), "NOT_ALLOWED"),  # the customer
    ):
        with pytest.raises(DomainError) as refused:
            await links.create_link(settings, actor, quote_id=quote_id, password=PASSWORD, expires_at=None)
        assert _codes(refused) == [code]
    with pytest.raises(DomainError) as refused:
        await links.create_link(settings, rep, quote_id=w.quotes["P1"].id, password="short",
                                expires_at=datetime.now(UTC) - timedelta(minutes=1))
    assert sorted(_codes(refused)) == ["IN_THE_PAST", "WEAK_PASSWORD"]


async def test_wrong_passwords_are_refused_and_throttled_with_doubling_delays(
    settings: Settings, clock: Clock
) -> None:
    w = await _world()
    token = await _link(settings, w)

    for _ in range(5):
        with pytest.raises(DomainError) as wrong:
            await links.open_link(token=token, password="guess guess", ip="203.0.113.5")
        assert _codes(wrong) == ["INVALID_PASSWORD"]
    # The fifth failure locked the link for 2 s: even the right password waits, from any address.
    with pytest.raises(DomainError) as locked:
        await links.open_link(token=token, password=PASSWORD, ip="192.0.2.1")
    assert _codes(locked) == ["TOO_MANY_ATTEMPTS"]
    clock.advance(seconds=3)
    with pytest.raises(DomainError):
        await links.open_link(token=token, password="guess again", ip="203.0.113.5")
    bucket = await ThrottleBucket.get(key=f"quote-link:account:link-{(await _only_link(w)).id}")
    assert bucket.locked_until is not None
    assert round((bucket.locked_until - clock.now()).total_seconds()) == 4  # doubled
    clock.advance(seconds=5)
    opened = await links.open_link(token=token, password=PASSWORD, ip="192.0.2.1")  # right: let in, count cleared
    assert opened.quote.id == w.quotes["P1"].id
    assert not await ThrottleBucket.filter(key=bucket.key).exists()


async def test_a_revoked_link_stops_opening_and_ends_its_visits(settings: Settings) -> None:
    w = await _world()
    token = await _link(settings, w)
    opened = await links.open_link(token=token, password=PASSWORD)
    link = await _only_link(w)

    with pytest.raises(DomainError) as refused:  # not the customer's to revoke
        await links.revoke_link(contact_actor(w.contact, w.org, w.customer), link_id=link.id)
    assert _codes(refused) == ["NOT_ALLOWED"]
    with pytest.raises(DomainError) as refused:  # another organization: not found
        await links.revoke_link(member_actor(w.foreign_admin, w.other_org), link_id=link.id)
    assert _codes(refused) == ["NOT_FOUND"]
    revoked = await links.revoke_link(member_actor(w.manager, w.org), link_id=link.id)

    assert revoked.revoked_at is not None and revoked.revoked_by_id == w.manager.id
    assert await quote_visitor_actor(opened.visit_token) is None
    assert not await QuoteVisitSession.filter(link_id=link.id).exists()
    with pytest.raises(DomainError) as refused:
        await links.open_link(token=token, password=PASSWORD)
    assert _codes(refused) == ["LINK_REVOKED"]


async def test_an_expired_link_stops_opening_and_its_visits_end(settings: Settings) -> None:
    w = await _world()
    token = await _link(settings, w)
    opened = await links.open_link(token=token, password=PASSWORD)
    link = await _only_link(w)
    link.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    await link.save(update_fields=["expires_at"])

    assert await quote_visitor_actor(opened.visit_token) is None
    with pytest.raises(DomainError) as refused:
        await links.open_link(token=token, password=PASSWORD)
    assert _codes(refused) == ["LINK_EXPIRED"]


async def test_a_visit_ends_after_an_hour_and_a_removed_or_draft_quote_shows_nothing(settings: Settings) -> None:
    w = await _world()
    token = await _link(settings, w)
    opened = await links.open_link(token=token, password=PASSWORD)
    await QuoteVisitSession.filter(link_id=opened.link.id).update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    assert await quote_visitor_actor(opened.visit_token) is None

    second = await links.open_link(token=token, password=PASSWORD)
    visitor = await quote_visitor_actor(second.visit_token)
    assert visitor is not None
    await Quote.filter(id=w.quotes["P1"].id).update(removed_at=datetime.now(UTC))  # removed from the portal
    assert await policy.quotes_visible_to(visitor).count() == 0
    with pytest.raises(DomainError) as refused:
        await links.open_link(token=token, password=PASSWORD)
    assert _codes(refused) == ["INVALID_LINK"]
    await Quote.filter(id=w.quotes["P1"].id).update(removed_at=None, status=QuoteStatus.DRAFT)
    assert await policy.quotes_visible_to(visitor).count() == 0


async def test_unknown_and_malformed_tokens_are_the_same_invalid_link() -> None:
    await _world()
    for token in ("", "x", "not a token at all!", "A" * 43):
        with pytest.raises(DomainError) as refused:
            await links.open_link(token=token, password=PASSWORD)
        assert _codes(refused) == ["INVALID_LINK"]


async def _only_link(w: QuoteWorld):  # type: ignore[no-untyped-def]
    from portico.quotes.acceptance_models import QuoteLink

    return await QuoteLink.get(quote_id=w.quotes["P1"].id)


async def test_a_visit_cookie_counts_only_without_a_session_or_an_api_key(settings: Settings) -> None:
    from portico.accounts.sessions import start_session
    from portico.actors import resolve_actor

    w = await _world()
    opened = await links.open_link(token=await _link(settings, w), password=PASSWORD)
    alone = await resolve_actor(session_token=None, authorization=None, visit_token=opened.visit_token)
    assert alone.kind is ActorKind.QUOTE_VISITOR and alone.quote_link is not None
    # A signed-in contact who also opened the link stays themselves (their own rights decide).
    session = await start_session(contact_id=w.contact.id)
    await w.customer.refresh_from_db()
    signed_in = await resolve_actor(session_token=session, authorization=None, visit_token=opened.visit_token)
    assert signed_in.kind is ActorKind.CONTACT and signed_in.quote_link is None
    # A request with an (invalid) API key is that key's or nobody's, never the visitor's.
    keyed = await resolve_actor(session_token=None, authorization="Bearer nope", visit_token=opened.visit_token)
    assert keyed.kind is ActorKind.ANONYMOUS


async def test_ended_visits_and_long_expired_codes_are_forgotten(settings: Settings) -> None:
    from portico.quotes.acceptance_models import QuoteIdentityCode
    from portico.quotes.acceptance_sweeps import CODE_RETENTION, forget_stale

    w = await _world()
    token = await _link(settings, w)
    ended = await links.open_link(token=token, password=PASSWORD)
    live = await links.open_link(token=token, password=PASSWORD)
    now = datetime.now(UTC)
    await QuoteVisitSession.filter(id=(await QuoteVisitSession.get(token_hash=_hash(ended.visit_token))).id).update(
        expires_at=now - timedelta(seconds=1))
    quote_id = w.quotes["P1"].id
    for email, expired_ago in (("old@buyer.example", CODE_RETENTION + timedelta(minutes=1)),
                               ("recent@buyer.example", timedelta(minutes=5))):
        await QuoteIdentityCode.create(quote_id=quote_id, email=email, code_hash="x" * 64,
                                       expires_at=now - expired_ago)

    assert await forget_stale(now) == 2

    assert await quote_visitor_actor(live.visit_token) is not None
    assert await QuoteVisitSession.filter(link_id=live.link.id).count() == 1
    assert [c.email for c in await QuoteIdentityCode.all()] == ["recent@buyer.example"]


def _hash(token: str) -> str:
    from portico.accounts.tokens import token_hash

    return token_hash(token)
