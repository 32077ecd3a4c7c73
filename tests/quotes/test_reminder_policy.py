"""Who sees the reminders sent about a quote (policy.quote_reminders_visible_to): staff who see the quote, never a
contact, nobody of another organization; SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from portico import policy
from portico.actors import Actor, Scope
from portico.quotes.reminder_models import QuoteReminder, ReminderOutcome
from portico.quotes.reminder_plan import ReminderKind
from tests.quotes.world import build_quote_world, contact_actor, key_actor, make_quote, member_actor


async def _seen(actor: Actor) -> set[str]:
    rows = await policy.quote_reminders_visible_to(actor).select_related("quote")
    return {r.quote.number for r in rows}


async def test_reminders_are_seen_by_the_staff_who_see_the_quote_and_by_no_contact(db: str) -> None:
    world = await build_quote_world()
    mine = await make_quote(world, "Q-1")  # sent by `rep`, to customer X (rep is its account manager)
    other = await make_quote(world, "Q-2", customer=world.customer_other, sender=world.admin)
    for quote in (mine, other):
        await QuoteReminder.create(organization_id=world.org.id, quote_id=quote.id, kind=ReminderKind.UNOPENED,
                                   outcome=ReminderOutcome.SENT, recipients=1, sent_at=datetime.now(UTC))
    org = world.org
    assert await _seen(member_actor(world.admin, org)) == {"Q-1", "Q-2"}
    assert await _seen(member_actor(world.manager, org)) == {"Q-1", "Q-2"}
    assert await _seen(member_actor(world.rep, org)) == {"Q-1"}
    assert await _seen(member_actor(world.rep_other, org)) == set()
    assert await _seen(key_actor(org, {Scope.ORG_READ, Scope.QUOTES_READ})) == {"Q-1", "Q-2"}
    assert await _seen(key_actor(org, {Scope.ORG_READ, Scope.CUSTOMERS_READ})) == set()  # no QUOTES_READ
    # The quote's own contacts see the quote, but not the vendor's follow-up on it.
    assert await policy.can_see_quote(contact_actor(world.contact, org, world.customer), mine)
    assert await _seen(contact_actor(world.contact, org, world.customer)) == set()
    assert await _seen(contact_actor(world.contact_other, org, world.customer_other)) == set()
    assert await _seen(member_actor(world.foreign_admin, world.other_org)) == set()
    assert await _seen(key_actor(world.other_org, {Scope.ORG_READ, Scope.QUOTES_READ})) == set()
