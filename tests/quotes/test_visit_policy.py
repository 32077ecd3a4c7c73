"""What a public-link visitor sees of the organization behind the quote, and what a link's token alone tells
(policy.branding_visible_to, logos_visible_to, quote_link_intro), for every kind of caller, across two
organizations, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from portico import policy
from portico.accounts.models import Organization
from portico.actors import Actor, ActorKind, Scope
from portico.branding.models import OrganizationLogo
from portico.customers.models import Customer
from portico.quotes.acceptance_models import QuoteLink
from portico.quotes.models import Quote, QuoteStatus, QuoteVisibility
from tests.quotes.world import QuoteWorld, build_quote_world, contact_actor, key_actor, make_quote, member_actor

pytestmark = pytest.mark.usefixtures("db")
NOW = datetime.now(UTC)


async def _link(w: QuoteWorld, quote: Quote, **fields: object) -> QuoteLink:
    return await QuoteLink.create(organization_id=quote.organization_id, quote_id=quote.id,
                                  token_hash=uuid.uuid4().hex, password_hash="-", **fields)


def _visitor(link: QuoteLink) -> Actor:
    return Actor(kind=ActorKind.QUOTE_VISITOR, quote_link=link)


async def _logo(org: Organization) -> None:
    await OrganizationLogo.create(id=uuid.uuid4(), organization=org, storage_key=f"org/{org.id}/branding/x",
                                  content_type="image/png", size_bytes=1, sha256="0" * 64)


async def _branding(actor: Actor) -> tuple[set[str], set[str]]:
    """(organizations whose branding the caller sees, organizations whose logo they see), by name."""
    names = set(await policy.branding_visible_to(actor).values_list("name", flat=True))  # type: ignore[arg-type]
    logo_orgs = await policy.logos_visible_to(actor).values_list("organization_id", flat=True)
    logos = set(await Organization.filter(id__in=list(logo_orgs)).values_list("name", flat=True))  # type: ignore[arg-type]
    return names, logos


async def test_branding_and_logos_for_every_caller() -> None:
    w = await build_quote_world()
    await _logo(w.org)
    await _logo(w.other_org)
    public = await make_quote(w, "P1", visibility=QuoteVisibility.PUBLIC_LINK, language="da")
    foreign_customer = await Customer.get(id=w.foreign_contact.customer_id)
    foreign = await make_quote(w, "F1", customer=foreign_customer, sender=w.foreign_admin,
                               visibility=QuoteVisibility.PUBLIC_LINK)
    removed = await make_quote(w, "P2", visibility=QuoteVisibility.PUBLIC_LINK, removed_at=NOW)
    draft = await make_quote(w, "P3", visibility=QuoteVisibility.PUBLIC_LINK, status=QuoteStatus.DRAFT)
    acme, globex = {"Acme"}, {"Globex"}
    expected: dict[str, tuple[Actor, set[str]]] = {
        "admin": (member_actor(w.admin, w.org), acme),
        "manager": (member_actor(w.manager, w.org), acme),
        "member": (member_actor(w.rep, w.org), acme),
        "contact": (contact_actor(w.contact, w.org, w.customer), acme),
        "api_key": (key_actor(w.org, {Scope.ORG_READ}), acme),
        "other_organization": (member_actor(w.foreign_admin, w.other_org), globex),
        "other_organization_contact": (contact_actor(w.foreign_contact, w.other_org, foreign_customer), globex),
        "anonymous": (Actor(kind=ActorKind.ANONYMOUS), set()),
        # a visitor: the organization that sent the quote they see, never another one
        "visitor": (_visitor(await _link(w, public)), acme),
        "visitor_of_the_other_organization": (_visitor(await _link(w, foreign)), globex),
        # a link whose quote its visitor does not see (removed from the portal, a draft): nothing
        "visitor_of_a_removed_quote": (_visitor(await _link(w, removed)), set()),
        "visitor_of_a_draft": (_visitor(await _link(w, draft)), set()),
    }
    for name, (actor, organizations) in expected.items():
        assert await _branding(actor) == (organizations, organizations), name
    # The visitor still gets no Organization node (only its branding) and no other quote.
    visitor = expected["visitor"][0]
    assert await policy.organizations_visible_to(visitor).count() == 0
    assert await policy.quotes_visible_to(visitor).values_list("number", flat=True) == ["P1"]


async def test_a_token_alone_tells_the_language_of_an_open_links_quote_and_nothing_of_a_closed_one() -> None:
    w = await build_quote_world()
    public = await make_quote(w, "P1", visibility=QuoteVisibility.PUBLIC_LINK, language="sv")
    hub_quote = await make_quote(w, "H1", language="da")  # ALL_CONTACTS: a link to it shows nothing
    cases = {
        "open": (await _link(w, public, expires_at=NOW + timedelta(days=1)), ["sv"]),
        "without expiry": (await _link(w, public), ["sv"]),
        "revoked": (await _link(w, public, revoked_at=NOW - timedelta(minutes=1)), []),
        "expired": (await _link(w, public, expires_at=NOW - timedelta(minutes=1)), []),
        "not a public-link quote": (await _link(w, hub_quote), []),
    }
    for name, (link, languages) in cases.items():
        rows = await policy.quote_link_intro(link, NOW).values_list(*policy.QUOTE_LINK_INTRO_FIELDS, flat=True)
        assert rows == languages, name
    assert policy.QUOTE_LINK_INTRO_FIELDS == ("language",)  # widening it is a decision: see policy.py
    await Quote.filter(id=public.id).update(removed_at=NOW)
    assert await policy.quote_link_intro(cases["open"][0], NOW).count() == 0
