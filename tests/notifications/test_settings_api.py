"""myNotificationSettings / updateNotificationSettings: one's own settings, checked input, no API keys; and the
policy rule that picks who is notified agrees with events_visible_to for every member of both organizations."""

from __future__ import annotations

from typing import Any

from portico import policy
from portico.accounts.models import Member
from portico.activity.models import ActivityEvent
from portico.actors import member_actor
from tests.conftest import Clock
from tests.graphql.helpers import create_api_key, key_client
from tests.hubs.helpers import World, share_to_contact
from tests.notifications.helpers import MY_SETTINGS, UPDATE, choose, deliveries, print_document


async def test_defaults_then_own_changes(world: World, client_factory: Any) -> None:
    rita = world.acme.member
    data = await rita.client(MY_SETTINGS)
    assert data["myNotificationSettings"] == {
        "choices": [
            {"kind": "CUSTOMER_UPLOADS", "delivery": "IMMEDIATELY", "defaultDelivery": "IMMEDIATELY"},
            {"kind": "HUB_ACTIVITY_ON_MY_SHARES", "delivery": "DAILY_DIGEST", "defaultDelivery": "DAILY_DIGEST"},
            {"kind": "QUOTE_ACTIVITY", "delivery": "IMMEDIATELY", "defaultDelivery": "IMMEDIATELY"},
        ],
        "timezone": None, "effectiveTimezone": "UTC", "digestTime": "08:00",
    }
    view = await choose(rita.client, CUSTOMER_UPLOADS="NEVER", timezone="Europe/Stockholm", digestTime="17:45")
    assert deliveries(view) == {"CUSTOMER_UPLOADS": "NEVER", "HUB_ACTIVITY_ON_MY_SHARES": "DAILY_DIGEST",
                                "QUOTE_ACTIVITY": "IMMEDIATELY"}
    assert (view["timezone"], view["effectiveTimezone"], view["digestTime"]) == (
        "Europe/Stockholm", "Europe/Stockholm", "17:45")
    # Omitting the time zone keeps it; null gives the organization's back.
    assert (await choose(rita.client, digestTime="06:00"))["timezone"] == "Europe/Stockholm"
    assert (await choose(rita.client, timezone=None))["effectiveTimezone"] == "UTC"
    # Nobody else changed.
    other = (await world.acme.member2.client(MY_SETTINGS))["myNotificationSettings"]
    assert deliveries(other) == {"CUSTOMER_UPLOADS": "IMMEDIATELY", "HUB_ACTIVITY_ON_MY_SHARES": "DAILY_DIGEST",
                                 "QUOTE_ACTIVITY": "IMMEDIATELY"}


async def test_bad_input_is_refused_as_data(world: World, client_factory: Any) -> None:
    rita = world.acme.member
    data = await rita.client(UPDATE, {"input": {
        "choices": [{"kind": "DOCUMENTS_SHARED_WITH_ME", "delivery": "NEVER"}],
        "timezone": "Mars/Olympus", "digestTime": "25:00"}})
    payload = data["updateNotificationSettings"]
    assert payload["notificationSettings"] is None
    assert {(e["code"], e["field"]) for e in payload["errors"]} == {
        ("UNKNOWN_KIND", "choices.0.kind"), ("INVALID_TIMEZONE", "timezone"), ("INVALID_TIME", "digestTime")}
    assert (await rita.client(MY_SETTINGS))["myNotificationSettings"]["digestTime"] == "08:00"  # nothing written

    shared = await share_to_contact(world, client_factory)
    refused = await shared.contact(UPDATE, {"input": {"choices": [{"kind": "CUSTOMER_UPLOADS",
                                                                   "delivery": "NEVER"}]}})
    assert [e["code"] for e in refused["updateNotificationSettings"]["errors"]] == ["UNKNOWN_KIND"]


async def test_api_keys_and_anonymous_have_no_notification_settings(world: World, client_factory: Any) -> None:
    _, secret = await create_api_key(world.acme.admin.client, ["ORG_READ", "ACTIVITY_READ"],
                                     acts_as=world.acme.member.member_id)
    partner = key_client(client_factory, secret)
    for client in (partner, client_factory()):
        data = await client.raw(MY_SETTINGS)
        assert data["data"] is None and data["errors"]
        changed = await client.raw(UPDATE, {"input": {"digestTime": "10:00"}})
        assert changed["data"] is None or changed["data"]["updateNotificationSettings"]["errors"]
    assert (await world.acme.member.client(MY_SETTINGS))["myNotificationSettings"]["digestTime"] == "08:00"


async def test_who_is_notified_agrees_with_events_visible_to(world: World, client_factory: Any,
                                                             notification_clock: Clock) -> None:
    shared = await share_to_contact(world, client_factory)
    await print_document(shared.contact, shared.documents["Price list 2027"]["id"])
    await shared.contact("mutation { openHub { ok } }")
    everyone = [m.id for m in await Member.all()]
    for event in await ActivityEvent.all():
        chosen = set(await policy.members_who_see_event(event, everyone))
        expected = set()
        for member_id in everyone:
            actor = await member_actor(member_id)
            assert actor is not None
            if await policy.events_visible_to(actor).filter(id=event.id).exists():
                expected.add(member_id)
        assert chosen == expected, event.kind
        assert chosen  # someone of acme (never globex: an org's events stay in it)
        assert not chosen & {m.id for m in await Member.filter(organization_id__not=event.organization_id)}
