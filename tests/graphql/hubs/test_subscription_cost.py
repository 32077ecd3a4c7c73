"""The live feed's per-event cost (issue 8, point 3): the SPA's own subscription (`OnActivity`), and one event costs
the same SQL statements for 4 subscribers as for 12 (callers re-checked together, the event loaded once, what they
may see loaded once per kind of viewer); revocation still ends a feed at the next event."""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from typing import Any

from portico.activity.services import activity_channel
from tests.conftest import LOG_IN, PASSWORD, GraphQLClient, Person
from tests.graphql.hubs.wsclient import Subscriber, cookie_header, serve_in_process
from tests.hubs.helpers import Shared, World, share_to_contact
from tests.spa_operations import spa_operation
from tests.sqlcount import count_sql

ON_ACTIVITY = spa_operation("OnActivity")


async def _wait_for_subscribers(app: Any, n: int, timeout: float = 15) -> None:
    from portico.accounts.models import Organization

    channel = activity_channel((await Organization.get(name="Acme Sales")).id)
    feed = app.state.services.live_feed
    deadline = time.monotonic() + timeout
    while feed.subscribers(channel) < n:
        assert time.monotonic() < deadline, "the subscriptions did not register"
        await asyncio.sleep(0.02)


async def _signed_in_again(client_factory: Any, person: Person) -> GraphQLClient:
    """Another browser of the same person (its own session)."""
    client: GraphQLClient = client_factory()
    assert (await client(LOG_IN, {"input": {"email": person.email, "password": PASSWORD}}))["logIn"]["errors"] == []
    return client


async def _view_and_count(x: Shared, told: list[Subscriber], not_told: list[Subscriber]) -> int:
    """Statements from the contact's view until every subscriber that may see it has the event."""
    doc = x.documents["notes.txt"]
    with count_sql() as counter:
        assert (await x.contact.http.get(doc["viewUrl"])).status_code == 200
        for sub in told:
            event = await sub.event_for(doc["id"], "DOCUMENT_VIEWED", timeout=15)
            assert event["contact"]["fullName"] == "Mette Larsen" and event["share"]["id"] == x.share_id
        for sub in not_told:
            await sub.nothing_within(0.3)
    return len(counter.statements)


async def test_one_event_costs_the_same_statements_for_4_subscribers_as_for_12(
    world: World, app: Any, client_factory: Any
) -> None:
    x = await share_to_contact(world, client_factory)  # A's share to Mette
    acme = world.acme
    people = [acme.admin, acme.manager, acme.member, acme.member2]  # B sees nothing of A's share
    clients = {p.email: [p.client] for p in people}
    for p in people:
        clients[p.email] += [await _signed_in_again(client_factory, p) for _ in range(2)]

    async with serve_in_process(app) as url, contextlib.AsyncExitStack() as stack:
        async def open_for(index: int) -> tuple[list[Subscriber], list[Subscriber]]:
            subs = [await stack.enter_async_context(Subscriber.open(url, cookie=cookie_header(clients[p.email][index]),
                                                                    query=ON_ACTIVITY)) for p in people]
            return subs[:3], subs[3:]

        told, not_told = await open_for(0)
        await _wait_for_subscribers(app, 4)
        await _view_and_count(x, told, not_told)  # warm up (first-use work: sessions' last-seen updates...)
        with_4 = await _view_and_count(x, told, not_told)
        for index in (1, 2):
            more_told, more_not_told = await open_for(index)
            told, not_told = told + more_told, not_told + more_not_told
        await _wait_for_subscribers(app, 12)
        await _view_and_count(x, told, not_told)
        with_12 = await _view_and_count(x, told, not_told)

    assert with_4 == with_12, (with_4, with_12)
    assert with_4 > 0


async def test_a_revoked_api_key_and_a_contact_cut_off_stop_receiving(
    world: World, app: Any, client_factory: Any
) -> None:
    x = await share_to_contact(world, client_factory)
    erik = await share_to_contact(world, client_factory, email="erik@fjord.example", first="Erik")
    admin = world.acme.admin.client
    made = (await admin(
        """mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }""",
        {"input": {"name": "feed", "scopes": ["ORG_READ", "ACTIVITY_READ", "DOCUMENTS_READ", "CUSTOMERS_READ"]}},
    ))["createApiKey"]
    doc = x.documents["notes.txt"]
    async with serve_in_process(app) as url, \
            Subscriber.open(url, payload={"authorization": f"Bearer {made['secret']}"}, query=ON_ACTIVITY) as partner, \
            Subscriber.open(url, cookie=cookie_header(x.contact), query=ON_ACTIVITY) as mette, \
            Subscriber.open(url, cookie=cookie_header(world.acme.manager.client), query=ON_ACTIVITY) as manager:
        await _wait_for_subscribers(app, 3)
        assert (await x.contact.http.get(doc["viewUrl"])).status_code == 200
        for sub in (partner, mette, manager):
            await sub.event_for(doc["id"], "DOCUMENT_VIEWED")

        revoked = await admin("mutation($id: ID!) { revokeApiKey(input: {apiKeyId: $id}) { errors { code } } }",
                              {"id": made["apiKey"]["id"]})
        assert revoked["revokeApiKey"]["errors"] == []
        assert (await x.contact.http.get(doc["downloadUrl"])).status_code == 200
        assert (await Subscriber._next_message(partner.ws, 10))["type"] == "complete"
        await manager.event_for(doc["id"], "DOCUMENT_DOWNLOADED")  # the others go on
        await mette.event_for(doc["id"], "DOCUMENT_DOWNLOADED")

        # Mette's hub access is switched off; the next event ends her feed (the manager still gets it).
        from portico.customers.models import Contact
        from tests.hubs.helpers import pk

        await Contact.filter(id=pk(x.contact_id)).update(hub_access=False)
        erik_doc = erik.documents["notes.txt"]
        assert (await erik.contact.http.get(erik_doc["viewUrl"])).status_code == 200
        assert (await Subscriber._next_message(mette.ws, 10))["type"] == "complete"
        assert (await manager.event_for(erik_doc["id"], "DOCUMENT_VIEWED"))["contact"]["fullName"] == "Erik Larsen"


ACTIVITY = spa_operation("Activity")
BY_ID = re.compile(  # a loader's model rows by id (values_list lookups of ids excepted)
    r'^SELECT (?!"id" "0" ).* FROM "(contact|customer|document|share|member)" WHERE '
    r'.*"id" IN \((\$\d+|\?)(,\s*(\$\d+|\?))*\)')


async def test_each_kind_of_caller_receives_what_its_activity_query_answers(
    world: World, app: Any, client_factory: Any
) -> None:
    """The event's contact, customer, document, share and sender come primed from one statement per kind of viewer
    (activity.related); what each subscriber receives is what the same fields answer through the loaders (the
    `activity` query), and a caller who may not see the event receives nothing."""
    x = await share_to_contact(world, client_factory)  # A's share to Mette
    acme = world.acme
    callers = {"admin": acme.admin.client, "manager": acme.manager.client, "sender": acme.member.client,
               "not sender": acme.member2.client, "contact": x.contact, "other organization": world.globex.admin.client}
    doc = x.documents["notes.txt"]
    async with serve_in_process(app) as url, contextlib.AsyncExitStack() as stack:
        subs = {name: await stack.enter_async_context(Subscriber.open(url, cookie=cookie_header(client),
                                                                      query=ON_ACTIVITY))
                for name, client in callers.items()}
        await _wait_for_subscribers(app, 5)
        with count_sql() as counter:
            assert (await x.contact.http.get(doc["viewUrl"])).status_code == 200
            received = {name: await subs[name].event_for(doc["id"], "DOCUMENT_VIEWED", timeout=15)
                        for name in ("admin", "manager", "sender", "contact")}
            await subs["other organization"].nothing_within(0.5)
        event_id = received["admin"]["id"]
        for name in ("not sender", "other organization"):  # who sees it is the policy's (the query's) answer
            edges = (await callers[name](ACTIVITY, {"first": 20}))["activity"]["edges"]
            if any(e["node"]["id"] == event_id for e in edges):
                received[name] = await subs[name].event_for(doc["id"], "DOCUMENT_VIEWED", timeout=15)
            else:
                await subs[name].nothing_within(0.3)
        assert "other organization" not in received
        for name, client in callers.items():
            edges = (await client(ACTIVITY, {"first": 20}))["activity"]["edges"]
            queried = [e["node"] for e in edges if e["node"]["id"] == event_id]
            assert queried == ([received[name]] if name in received else []), name
    assert received["sender"]["share"]["sender"]["fullName"]  # the sender is there for who sees it
    assert received["contact"]["contact"]["fullName"] == "Mette Larsen"
    # What the event points at: one statement per kind of viewer told (admin, manager, sender, contact; the other
    # MEMBER sees only their own shares' events here). The loaders' by-id lookups (`... "id" IN ($n)` over contact,
    # customer, document, share and member: five per kind of viewer, 39 statements for this event before, 23 now)
    # are not sent.
    by_id = [s for s in counter.statements if BY_ID.search(s)]
    assert by_id == [], by_id
    related = [s for s in counter.statements if 'FROM (SELECT 1 AS "one") "o"' in s]
    assert len(related) == 4, counter.statements
