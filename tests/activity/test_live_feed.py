"""The live feed's reader (activity.feed.LiveFeed, issue 8): one broker subscription per organization channel and
process answers each event for all its subscribers, and wakes only the feeds the event concerns: those who see it
(with their caller as re-read for it) and those whose caller may no longer act (the feed ends). A feed that falls
behind gets a resync in place of what it missed, and holds up nobody."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from portico.accounts.models import Session
from portico.accounts.sessions import token_hash
from portico.activity.feed import RESYNC, FeedSubscriber, LiveFeed
from portico.activity.services import activity_channel
from portico.actors import Actor, resolve_actor
from tests.hubs.helpers import World, pk, share_to_contact


async def _actor(client: Any) -> Actor:
    return await resolve_actor(session_token=client.http.cookies.get("portico_session"), authorization=None)


async def _until(condition: Any, timeout: float = 10) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


async def test_only_the_feeds_an_event_concerns_wake(world: World, app: Any, client_factory: Any) -> None:
    x = await share_to_contact(world, client_factory)  # A's share to Mette
    acme = world.acme
    services = app.state.services
    feed: LiveFeed = services.live_feed
    manager, rep, other_rep = [FeedSubscriber(await _actor(p.client)) for p in (acme.manager, acme.member,
                                                                                acme.member2)]
    slow = FeedSubscriber(await _actor(acme.admin.client), max_queue=1)
    elsewhere = FeedSubscriber(await _actor(acme.manager.client), customer_id=pk(world.customer_y))
    subscribers = [manager, rep, other_rep, slow, elsewhere]
    channel = activity_channel(manager.actor.organization_id)
    doc = x.documents["notes.txt"]
    async with contextlib.AsyncExitStack() as stack:
        for subscriber in subscribers:
            await stack.enter_async_context(feed.subscribe(services.broker, channel, subscriber))
        assert feed.subscribers(channel) == 5
        assert services.broker.local_subscribers(channel) == 1  # one broker subscription for all of them

        assert (await x.contact.http.get(doc["viewUrl"])).status_code == 200
        await _until(lambda: len(manager._queue) == 1 and len(rep._queue) == 1)
        assert (await x.contact.http.get(doc["viewUrl"])).status_code == 200
        await _until(lambda: len(manager._queue) == 2)
        # B sees nothing of A's share, the filtered feed asked for another customer: neither was woken.
        assert not other_rep._queue and not other_rep._ended
        assert not elsewhere._queue and not elsewhere._ended
        # The admin's feed holds one item: the second event found it full, so it lost both and gets a resync.
        assert list(slow._queue) == [RESYNC]
        caller, delivery = await anext(manager)
        assert delivery.event is not None and delivery.event.document_id == pk(doc["id"])
        assert caller is manager.actor and caller.member is not None and caller.member.id == pk(acme.manager.member_id)

        # The rep signs out: the next event ends her feed (what she was sent before stays hers), not the others'.
        await Session.filter(token_hash=token_hash(rep.actor.session_token)).delete()
        assert (await x.contact.http.get(doc["viewUrl"])).status_code == 200
        await _until(lambda: rep._ended and len(manager._queue) == 2)
        assert [item is RESYNC for item in [await anext(rep), await anext(rep)]] == [False, False]
        with contextlib.suppress(StopAsyncIteration):
            await anext(rep)
            raise AssertionError("the signed-out feed goes on")
    assert feed.subscribers(channel) == 0
    await _until(lambda: services.broker.local_subscribers(channel) == 0)  # the last one out unsubscribes
