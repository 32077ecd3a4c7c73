"""Who sees a quote's public links and its acceptance (policy.quote_links_visible_to, quote_acceptances_visible_to),
every caller against two quotes, across two organizations, on SQLite and PostgreSQL.

Links are the vendor's (staff who see the quote); an acceptance and its certificate are both sides' (whoever sees
the quote: its contacts, or the link's visitor). Everything not listed is a denied case.
"""

from __future__ import annotations

import pytest

from portico import policy
from portico.actors import Actor, ActorKind, Scope
from portico.quotes.acceptance_models import QuoteAcceptance, QuoteLink
from portico.quotes.models import Quote, QuoteStatus, QuoteVisibility
from tests.quotes.world import QuoteWorld, add_version, build_quote_world, contact_actor, key_actor, member_actor

pytestmark = pytest.mark.usefixtures("db")


async def _accepted(w: QuoteWorld, number: str, visibility: QuoteVisibility) -> Quote:
    quote = await Quote.create(
        organization_id=w.org.id, customer=w.customer, sender=w.rep, number=number, title=number,
        visibility=visibility, status=QuoteStatus.ACCEPTED, version_number=1,
    )
    version = await add_version(quote, 1, frozen=True)
    await QuoteAcceptance.create(
        organization_id=w.org.id, quote=quote, version=version, version_number=1, version_sha256="0" * 64,
        full_name="Someone", email="someone@example.com", accepted_at=quote.created_at, code_sent_to="x@example.com",
        certificate_id=f"QAC-{number}", certificate_key=f"org/{w.org.id}/quote-certificates/{number}.pdf",
        certificate_size=100, certificate_sha256="1" * 64,
    )
    return quote


async def _world() -> tuple[QuoteWorld, dict[str, Actor]]:
    w = await build_quote_world()
    p1 = await _accepted(w, "P1", QuoteVisibility.PUBLIC_LINK)
    link = await QuoteLink.create(organization_id=w.org.id, quote=p1, token_hash="b" * 64, password_hash="x")
    await QuoteAcceptance.filter(quote_id=p1.id).update(link_id=link.id)
    await _accepted(w, "Q1", QuoteVisibility.ALL_CONTACTS)
    await QuoteLink.create(organization_id=w.org.id, quote=p1, token_hash="c" * 64, password_hash="x",
                           revoked_at=p1.created_at)
    actors = {
        "admin": member_actor(w.admin, w.org),
        "manager": member_actor(w.manager, w.org),
        "rep": member_actor(w.rep, w.org),  # sent both
        "account_manager": member_actor(w.account_manager, w.org),
        "rep_other": member_actor(w.rep_other, w.org),
        "contact": contact_actor(w.contact, w.org, w.customer),
        "colleague": contact_actor(w.colleague, w.org, w.customer),
        "contact_other": contact_actor(w.contact_other, w.org, w.customer_other),
        "reader_key": key_actor(w.org, {Scope.ORG_READ, Scope.QUOTES_READ}),
        "reader_key_without_quotes": key_actor(w.org, {Scope.ORG_READ, Scope.DOCUMENTS_READ}),
        "foreign_admin": member_actor(w.foreign_admin, w.other_org),
        "visitor": Actor(kind=ActorKind.QUOTE_VISITOR, quote_link=link),
    }
    return w, actors


STAFF = {"admin", "manager", "rep", "account_manager", "reader_key"}
LINKS = {name: 2 for name in STAFF}  # P1's two links (the live one and the revoked one)
ACCEPTANCES = {**{name: {"P1", "Q1"} for name in STAFF}, "contact": {"Q1"}, "colleague": {"Q1"},
               "visitor": {"P1"}}


async def test_links_are_staffs_and_acceptances_both_sides() -> None:
    _, actors = await _world()
    for name, actor in actors.items():
        assert await policy.quote_links_visible_to(actor).count() == LINKS.get(name, 0), name
        accepted = await policy.quote_acceptances_visible_to(actor).values_list("certificate_id", flat=True)
        assert {str(c).removeprefix("QAC-") for c in accepted} == ACCEPTANCES.get(name, set()), name
