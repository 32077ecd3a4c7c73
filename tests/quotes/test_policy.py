"""Who sees which quote (policy.quotes_visible_to and friends), on SQLite and PostgreSQL, across two organizations.

Every caller is listed with exactly the quotes it sees; each quote not listed is a denied case (another contact for
ONE_CONTACT, another customer, another organization, a draft, a public-link quote, a quote removed from the portal).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from portico import policy
from portico.activity.models import ActivityEvent, ActivityKind
from portico.actors import Actor, Scope
from portico.customers.models import Customer
from portico.errors import NotAllowed
from portico.quotes.models import QuoteStatus, QuoteVisibility
from tests.quotes.world import (
    QuoteWorld,
    add_version,
    build_quote_world,
    contact_actor,
    key_actor,
    make_quote,
    member_actor,
)

pytestmark = pytest.mark.usefixtures("db")


async def _world() -> QuoteWorld:
    w = await build_quote_world()
    await make_quote(w, "Q1")  # ALL_CONTACTS, sent by rep
    await make_quote(w, "Q2", visibility=QuoteVisibility.ONE_CONTACT, contact=w.contact)
    await make_quote(w, "Q3", status=QuoteStatus.DRAFT)
    await make_quote(w, "Q4", visibility=QuoteVisibility.PUBLIC_LINK)
    await make_quote(w, "Q5", removed_at=datetime.now(UTC))
    await make_quote(w, "Q6", customer=w.customer_other, sender=w.manager)
    foreign = await Customer.get(id=w.foreign_contact.customer_id)
    await make_quote(w, "Q7", customer=foreign, sender=w.foreign_admin)
    await make_quote(w, "Q8", sender=w.admin, status=QuoteStatus.ACCEPTED)  # of rep's customer, not sent by rep
    await make_quote(w, "Q9", customer=w.customer_other, sender=w.rep_other)
    return w


def _actors(w: QuoteWorld) -> dict[str, Actor]:
    return {
        "admin": member_actor(w.admin, w.org),
        "manager": member_actor(w.manager, w.org),
        "rep": member_actor(w.rep, w.org),
        "account_manager": member_actor(w.account_manager, w.org),
        "rep_other": member_actor(w.rep_other, w.org),
        "contact": contact_actor(w.contact, w.org, w.customer),
        "colleague": contact_actor(w.colleague, w.org, w.customer),
        "contact_other": contact_actor(w.contact_other, w.org, w.customer_other),
        "reader_key": key_actor(w.org, {Scope.ORG_READ, Scope.QUOTES_READ}),
        "reader_key_without_quotes": key_actor(w.org, {Scope.ORG_READ, Scope.CUSTOMERS_READ, Scope.DOCUMENTS_READ}),
        "rep_key": key_actor(w.org, {Scope.QUOTES_READ, Scope.QUOTES_WRITE}, member=w.rep),
        "rep_write_only_key": key_actor(w.org, {Scope.QUOTES_WRITE}, member=w.rep),
        "foreign_admin": member_actor(w.foreign_admin, w.other_org),
    }


ORG = {"Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q8", "Q9"}
REP = {"Q1", "Q2", "Q3", "Q4", "Q5", "Q8"}
EXPECTED = {
    "admin": ORG,
    "manager": ORG,
    "rep": REP,  # sent by them or of the customer they manage
    "account_manager": REP,  # manages the customer, sent none of them
    "rep_other": {"Q9"},
    "contact": {"Q1", "Q2", "Q8"},  # not the draft, the public-link quote or the removed one
    "colleague": {"Q1", "Q8"},  # not Q2, addressed to `contact` only
    "contact_other": {"Q6", "Q9"},
    "reader_key": ORG,
    "reader_key_without_quotes": set(),
    "rep_key": REP,
    "rep_write_only_key": set(),  # a write scope reads nothing
    "foreign_admin": {"Q7"},
}


async def _numbers(actor: Actor) -> set[str]:
    return set(await policy.quotes_visible_to(actor).values_list("number", flat=True))  # type: ignore[arg-type]


async def test_quotes_visible_to_every_caller() -> None:
    w = await _world()
    actors = _actors(w)
    assert set(actors) == set(EXPECTED)
    seen = {name: await _numbers(actor) for name, actor in actors.items()}
    assert seen == EXPECTED
    for name, actor in actors.items():
        for number, quote in w.quotes.items():
            assert await policy.can_see_quote(actor, quote) is (number in EXPECTED[name]), (name, number)


async def test_contacts_lose_quotes_with_the_module_or_hub_access() -> None:
    w = await _world()
    await Customer.filter(id=w.customer.id).update(modules=["DOCUMENTS"])
    w.customer.modules = ["DOCUMENTS"]
    assert await _numbers(contact_actor(w.contact, w.org, w.customer)) == set()
    assert await _numbers(member_actor(w.rep, w.org)) == REP  # staff still see them
    await Customer.filter(id=w.customer.id).update(modules=["QUOTES"], hub_access=False)
    assert await _numbers(contact_actor(w.contact, w.org, w.customer)) == set()


async def test_contacts_see_the_current_version_staff_every_version() -> None:
    w = await _world()
    q1 = w.quotes["Q1"]
    old = await add_version(q1, 1, superseded_at=datetime.now(UTC))
    new = await add_version(q1, 2)
    draft = await add_version(w.quotes["Q3"], 1)

    async def versions(actor: Actor) -> set[int]:
        return set(await policy.quote_versions_visible_to(actor).values_list("id", flat=True))  # type: ignore[arg-type]

    assert await versions(member_actor(w.rep, w.org)) == {old.id, new.id, draft.id}
    assert await versions(contact_actor(w.contact, w.org, w.customer)) == {new.id}
    assert await versions(contact_actor(w.contact_other, w.org, w.customer_other)) == set()
    assert await versions(member_actor(w.foreign_admin, w.other_org)) == set()


async def test_quote_events_follow_the_quotes_module_for_contacts() -> None:
    w = await _world()
    q1 = w.quotes["Q1"]
    event = await ActivityEvent.create(organization=w.org, customer=w.customer, kind=ActivityKind.QUOTE_OPENED,
                                       contact=w.contact, quote=q1, sender=w.rep)
    contact = contact_actor(w.contact, w.org, w.customer)
    rep = member_actor(w.rep, w.org)
    for actor, sees in ((contact, True), (rep, True), (member_actor(w.rep_other, w.org), False)):
        assert await policy.events_visible_to(actor).filter(id=event.id).exists() is sees
        assert policy.event_visible_to(actor, event, []) is sees
    await Customer.filter(id=w.customer.id).update(modules=["DOCUMENTS"])
    w.customer.modules = ["DOCUMENTS"]
    assert not await policy.events_visible_to(contact).filter(id=event.id).exists()
    assert policy.event_visible_to(contact, event, []) is False


async def test_who_may_send_quotes() -> None:
    w = await _world()
    actors = _actors(w)
    senders = {name for name, actor in actors.items() if policy.can_send_quotes(actor)}
    assert senders == {"admin", "manager", "rep", "account_manager", "rep_other", "rep_key", "rep_write_only_key",
                       "foreign_admin"}
    for name in ("contact", "reader_key"):
        with pytest.raises(NotAllowed):
            policy.require_quote_sender(actors[name])
    w.rep.is_active = False
    assert not policy.can_send_quotes(member_actor(w.rep, w.org))
