"""The live feed re-reads its subscribers for every event as plain values (activity.feed.recheck_actors, issue 8):
an unchanged caller keeps its actor (one statement for all of them, no reload), a changed one is built again from
its rows, and whoever may no longer act gets None (the feed ends), for members and contacts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from portico.accounts.models import Member, Role, Session
from portico.accounts.sessions import token_hash
from portico.activity.feed import recheck_actors
from portico.actors import Actor, refresh_actors, resolve_actor
from portico.customers.models import Contact, Customer
from tests.hubs.helpers import UPDATE_ORG, World, share_to_contact
from tests.sqlcount import count_sql


async def _actor(client: Any) -> Actor:
    return await resolve_actor(session_token=client.http.cookies.get("portico_session"), authorization=None)


async def test_unchanged_callers_keep_their_actor_and_changed_ones_are_rebuilt(
    world: World, app: Any, client_factory: Any
) -> None:
    acme, globex = world.acme, world.globex
    shared = await share_to_contact(world, client_factory)
    people = [acme.admin, acme.manager, acme.member, acme.member2, globex.admin]
    actors = [await _actor(p.client) for p in people] + [await _actor(shared.contact)]
    assert all(a.member or a.contact for a in actors)

    with count_sql() as counter:
        fresh = await recheck_actors(actors)
    assert all(f is a for f, a in zip(fresh, actors, strict=True))  # the same objects: nothing rebuilt
    assert len(counter.statements) == 1  # one statement for six callers of two organizations

    # Rita becomes a MANAGER, Acme shows members only their own shares, Bob is deactivated, the Globex admin
    # signs out, the manager's session expires, and Mette's customer loses the DOCUMENTS module.
    await Member.filter(id=actors[2].member.id).update(role=Role.MANAGER)
    assert (await acme.admin.client(UPDATE_ORG, {"input": {"memberDocumentVisibility": "OWN_SHARES"}})
            )["updateOrganization"]["errors"] == []
    await Member.filter(id=actors[3].member.id).update(is_active=False)
    await Session.filter(token_hash=token_hash(actors[4].session_token)).delete()
    await Session.filter(token_hash=token_hash(actors[1].session_token)).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1))
    await Customer.filter(id=actors[5].contact.customer_id).update(modules=[])
    fresh = await recheck_actors(actors)
    admin, manager, rita, bob, globex_admin, mette = fresh
    assert admin is not None and admin is not actors[0]  # rebuilt: the organization's setting changed
    assert admin.organization.member_document_visibility.value == "OWN_SHARES"
    assert rita is not None and rita.member.role is Role.MANAGER
    assert manager is None and bob is None and globex_admin is None
    assert mette is not None and mette.contact.customer.modules == []
    # The same answers as the full reload gives, caller by caller.
    reloaded = await refresh_actors(actors)
    assert [(f.kind, (f.member or f.contact).id) if f else None for f in fresh] == [
        (r.kind, (r.member or r.contact).id) if r else None for r in reloaded]

    # A contact cut off (hub access off) ends her feed too.
    await Contact.filter(id=actors[5].contact.id).update(hub_access=False)
    assert (await recheck_actors([actors[5]])) == [None]


async def test_a_thousand_subscribers_cost_one_statement(world: World, app: Any) -> None:
    """The tokens travel as one parameter (an array; a JSON list on SQLite), so the statement is the same for any
    number of subscribers, past SQLite's 999 parameters; and each caller gets its own row's answer."""
    member = world.acme.member
    rita = await _actor(member.client)
    tokens = [f"feed-bench-token-{n}" for n in range(1_000)]
    expires = datetime.now(UTC) + timedelta(hours=1)
    await Session.bulk_create([Session(token_hash=token_hash(t), member_id=rita.member.id, expires_at=expires)
                               for t in tokens])
    actors = [replace(rita, session_token=t) for t in tokens]
    await Session.filter(token_hash=token_hash(tokens[500])).delete()  # one of them signs out
    with count_sql() as counter:
        fresh = await recheck_actors(actors)
    assert len(counter.statements) == 1
    assert [f is a for f, a in zip(fresh, actors, strict=True)] == [n != 500 for n in range(1_000)]
