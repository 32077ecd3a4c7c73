"""Seed 000: "sales person B will only see the interactivity of customer A from his shared documents".

Contacts act on A's and B's shares in the same hub; each rep's activity feed and insights show only their own
shares' events, ADMIN and MANAGER see everything, and nothing crosses organizations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from portico.activity.models import ActivityKind
from tests.hubs.helpers import (
    ACTIVITY,
    HUB,
    PRINT,
    UPDATE_ORG,
    World,
    activity_of,
    events,
    folder_documents,
    my_documents,
    person,
    pk,
    share,
    sign_in_contact,
)


@dataclass
class Scene:
    hub_id: str
    share_a: str
    share_b: str
    doc_a: str  # "Price list 2027", shared by A
    doc_a2: str  # "Installation guide", shared by A
    doc_b: str  # "Trailmaster 300 sheet", shared by B


async def _scene(world: World, client_factory: Any) -> Scene:
    """A shares two publications to Mette and Erik, B shares one to Mette; then:
    Mette views A's price list twice and downloads it, Erik views it once, Mette prints B's sheet and views it."""
    a, b = world.acme.member.client, world.acme.member2.client
    pubs = world.publications
    both = [person("Mette", "Larsen", "mette@fjord.example"), person("Erik", "Lund", "erik@fjord.example")]
    by_a = await share(a, world.customer_x, both, [pubs["Price list 2027"], pubs["Installation guide"]])
    by_b = await share(b, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                       [pubs["Trailmaster 300 sheet"]])
    mette, erik = client_factory(), client_factory()
    await sign_in_contact(mette, "mette@fjord.example")
    await sign_in_contact(erik, "erik@fjord.example")
    m_docs, e_docs = await my_documents(mette), await my_documents(erik)
    price = m_docs["Price list 2027"]
    for url in (price["viewUrl"], price["viewUrl"], price["downloadUrl"], e_docs["Price list 2027"]["viewUrl"]):
        http = erik.http if url == e_docs["Price list 2027"]["viewUrl"] else mette.http
        assert (await http.get(url)).status_code == 200
    sheet = m_docs["Trailmaster 300 sheet"]
    assert (await mette(PRINT, {"id": sheet["id"]}))["recordDocumentPrint"]["ok"] is True
    assert (await mette.http.get(sheet["viewUrl"])).status_code == 200
    return Scene(by_a["hub"]["id"], by_a["share"]["id"], by_b["share"]["id"], price["id"],
                 m_docs["Installation guide"]["id"], sheet["id"])


async def test_each_rep_sees_only_activity_on_their_own_shares(world: World, client_factory: Any) -> None:
    s = await _scene(world, client_factory)
    a_feed = await activity_of(world.acme.member.client)
    b_feed = await activity_of(world.acme.member2.client)
    assert len(a_feed) == 4 and {e["share"]["id"] for e in a_feed} == {s.share_a}
    assert sorted(e["kind"] for e in a_feed) == ["DOCUMENT_DOWNLOADED", "DOCUMENT_VIEWED", "DOCUMENT_VIEWED",
                                                  "DOCUMENT_VIEWED"]
    assert len(b_feed) == 2 and {e["share"]["id"] for e in b_feed} == {s.share_b}
    assert sorted(e["kind"] for e in b_feed) == ["DOCUMENT_PRINTED", "DOCUMENT_VIEWED"]
    assert {e["actorName"] for e in b_feed} == {"Mette Larsen"}
    for boss in (world.acme.admin.client, world.acme.manager.client):
        feed = await activity_of(boss)
        assert len(feed) == 6
        assert [int(pk(e["id"])) for e in feed] == sorted((pk(e["id"]) for e in feed), reverse=True)  # newest first
    # Single events by id follow the same rule.
    a_event = a_feed[0]["id"]
    assert (await world.acme.member2.client("query($id: ID!) { node(id: $id) { id } }", {"id": a_event}))[
        "node"] is None
    assert (await world.acme.member.client("query($id: ID!) { node(id: $id) { id } }", {"id": a_event}))[
        "node"] == {"id": a_event}
    # Nothing crosses organizations.
    assert await activity_of(world.globex.admin.client) == []
    assert (await world.globex.admin.client("query($id: ID!) { node(id: $id) { id } }", {"id": a_event}))[
        "node"] is None
    # A contact sees only their own events.
    erik = client_factory()
    from portico.customers.models import Contact
    from portico.hubs.services import hub_link  # a fresh link for Erik, to sign in a second browser

    link = await hub_link(world_settings(client_factory), await Contact.get(email="erik@fjord.example"))
    from tests.hubs.helpers import REDEEM, token_of

    await erik(REDEEM, {"t": token_of(link)})
    erik_feed = await activity_of(erik)
    assert [e["kind"] for e in erik_feed] == ["DOCUMENT_VIEWED"]
    assert erik_feed[0]["contact"]["id"] is not None


def world_settings(client_factory: Any) -> Any:
    from portico.settings import load_settings

    return load_settings({"PUBLIC_URL": "http://testserver", "SECRET_KEY": "x" * 40})


async def test_activity_filters_by_customer_and_hub(world: World, client_factory: Any) -> None:
    s = await _scene(world, client_factory)
    admin = world.acme.admin.client
    q = """query($c: ID, $h: ID) { activity(first: 100, customerId: $c, hubId: $h) { edges { node { id } } } }"""
    assert len((await admin(q, {"c": world.customer_x}))["activity"]["edges"]) == 6
    assert len((await admin(q, {"c": world.customer_y}))["activity"]["edges"]) == 0
    assert len((await admin(q, {"h": s.hub_id}))["activity"]["edges"]) == 6
    # Pagination: two pages of three, no overlap.
    page = """query($after: String) { activity(first: 3, after: $after) { edges { node { id } }
      pageInfo { hasNextPage endCursor } } }"""
    one = (await admin(page, {"after": None}))["activity"]
    two = (await admin(page, {"after": one["pageInfo"]["endCursor"]}))["activity"]
    assert one["pageInfo"]["hasNextPage"] is True
    ids = [e["node"]["id"] for e in one["edges"] + two["edges"]]
    assert len(ids) == len(set(ids)) == 6


async def test_insights_differ_by_who_asks(world: World, client_factory: Any) -> None:
    s = await _scene(world, client_factory)

    async def hub_of(client: Any) -> dict[str, Any]:
        data = await client(HUB, {"id": s.hub_id})
        return data["hub"]  # type: ignore[no-any-return]

    admin_hub = await hub_of(world.acme.admin.client)
    assert {k: admin_hub["insights"][k] for k in ("views", "downloads", "prints", "uniqueViewers")} == {
        "views": 4, "downloads": 1, "prints": 1, "uniqueViewers": 2}
    assert admin_hub["insights"]["lastActivityAt"] is not None

    a_hub = await hub_of(world.acme.member.client)
    assert {k: a_hub["insights"][k] for k in ("views", "downloads", "prints", "uniqueViewers")} == {
        "views": 3, "downloads": 1, "prints": 0, "uniqueViewers": 2}
    b_hub = await hub_of(world.acme.member2.client)
    assert {k: b_hub["insights"][k] for k in ("views", "downloads", "prints", "uniqueViewers")} == {
        "views": 1, "downloads": 0, "prints": 1, "uniqueViewers": 1}

    # Per document: A sees figures for A's documents; for B's document (visible by default) A sees zeros.
    def docs(hub: dict[str, Any]) -> dict[str, Any]:
        return {d["id"]: d["insights"] for f in hub["folders"] for d in folder_documents(f)}

    a_docs, b_docs, admin_docs = docs(a_hub), docs(b_hub), docs(admin_hub)
    assert a_docs[s.doc_a]["views"] == 3 and a_docs[s.doc_a]["downloads"] == 1
    assert a_docs[s.doc_a]["uniqueViewers"] == 2
    assert a_docs[s.doc_a2]["views"] == 0 and a_docs[s.doc_a2]["lastActivityAt"] is None
    assert a_docs[s.doc_b] == {**a_docs[s.doc_b], "views": 0, "prints": 0, "uniqueViewers": 0,
                               "lastActivityAt": None}
    assert b_docs[s.doc_b]["views"] == 1 and b_docs[s.doc_b]["prints"] == 1
    assert b_docs[s.doc_a]["views"] == 0
    assert admin_docs[s.doc_a]["views"] == 3 and admin_docs[s.doc_b]["prints"] == 1

    # Views per day: 30 days, oldest first, today's count is the views.
    per_day = a_docs[s.doc_a]["viewsPerDay"]
    assert len(per_day) == 30
    assert per_day == sorted(per_day, key=lambda d: d["date"])
    assert per_day[-1]["date"] == datetime.now(UTC).date().isoformat()
    assert per_day[-1]["count"] == 3 and sum(d["count"] for d in per_day) == 3
    assert sum(d["count"] for d in b_docs[s.doc_a]["viewsPerDay"]) == 0

    # Share insights.
    q = """query($id: ID!) { node(id: $id) { ... on Share { insights { views downloads prints uniqueViewers } } } }"""
    a_share = (await world.acme.member.client(q, {"id": s.share_a}))["node"]["insights"]
    assert a_share == {"views": 3, "downloads": 1, "prints": 0, "uniqueViewers": 2}
    # B sees A's share (same hub, default visibility) but none of its activity.
    b_on_a = (await world.acme.member2.client(q, {"id": s.share_a}))["node"]["insights"]
    assert b_on_a == {"views": 0, "downloads": 0, "prints": 0, "uniqueViewers": 0}
    # The other organization sees nothing.
    assert (await world.globex.admin.client(q, {"id": s.share_a}))["node"] is None
    assert (await world.globex.admin.client(HUB, {"id": s.hub_id}))["hub"] is None


async def test_own_shares_setting_restricts_a_members_hub_view(world: World, client_factory: Any) -> None:
    s = await _scene(world, client_factory)
    a, b = world.acme.member.client, world.acme.member2.client

    async def names(client: Any) -> set[str]:
        hub = (await client(HUB, {"id": s.hub_id}))["hub"]
        return {d["name"] for f in hub["folders"] for d in folder_documents(f)}

    everything = {"Price list 2027", "Installation guide", "Trailmaster 300 sheet"}
    assert await names(a) == everything and await names(b) == everything
    # Only an ADMIN may change the setting.
    refused = await a(UPDATE_ORG, {"input": {"memberDocumentVisibility": "OWN_SHARES"}})
    assert refused["updateOrganization"]["errors"][0]["code"] == "NOT_ALLOWED"
    changed = await world.acme.admin.client(UPDATE_ORG, {"input": {"memberDocumentVisibility": "OWN_SHARES"}})
    assert changed["updateOrganization"]["organization"]["memberDocumentVisibility"] == "OWN_SHARES"

    assert await names(a) == {"Price list 2027", "Installation guide"}
    assert await names(b) == {"Trailmaster 300 sheet"}
    hub_b = (await b(HUB, {"id": s.hub_id}))["hub"]
    assert len(hub_b["folders"]) == 1  # A's folder is not even listed
    assert (await b("query($id: ID!) { node(id: $id) { id } }", {"id": s.doc_a}))["node"] is None
    assert (await b("query($id: ID!) { node(id: $id) { id } }", {"id": s.share_a}))["node"] is None
    # ADMIN and MANAGER still see everything; the contact's view does not change.
    assert await names(world.acme.admin.client) == everything
    assert await names(world.acme.manager.client) == everything
    # The other organization's setting is untouched.
    org = await world.globex.admin.client("{ organization { memberDocumentVisibility } }")
    assert org["organization"]["memberDocumentVisibility"] == "ALL_HUB_DOCUMENTS"


async def test_hub_open_is_attributed_to_the_newest_visible_share(world: World, client_factory: Any) -> None:
    s = await _scene(world, client_factory)
    erik = client_factory()
    from portico.customers.models import Contact
    from portico.hubs.services import hub_link
    from tests.hubs.helpers import REDEEM, token_of

    erik_contact = await Contact.get(email="erik@fjord.example")
    await erik(REDEEM, {"t": token_of(await hub_link(world_settings(None), erik_contact))})
    assert (await erik("mutation { openHub { ok errors { code } } }"))["openHub"]["ok"] is True
    [opened] = await events(kind=ActivityKind.HUB_OPENED)
    # Erik is a recipient of A's share only: the open belongs to A, not to B (whose share is newer).
    assert opened.share_id == pk(s.share_a)
    assert opened.sender_id == pk(world.acme.member.member_id)
    a_feed = await activity_of(world.acme.member.client)
    assert "HUB_OPENED" in {e["kind"] for e in a_feed}
    assert "HUB_OPENED" not in {e["kind"] for e in await activity_of(world.acme.member2.client)}


async def test_api_keys_see_activity_as_their_member_or_with_activity_read(world: World, client_factory: Any) -> None:
    await _scene(world, client_factory)
    admin = world.acme.admin.client
    make = """mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret errors { code } } }"""

    async def key(scopes: list[str], member: str | None = None) -> Any:
        data = await admin(make, {"input": {"name": "k", "scopes": scopes, "actsAsMemberId": member}})
        assert data["createApiKey"]["errors"] == [], data
        return client_factory({"authorization": f"Bearer {data['createApiKey']['secret']}"})

    as_b = await key(["SHARES_WRITE", "ACTIVITY_READ"], world.acme.member2.member_id)
    assert len(await activity_of(as_b)) == 2
    # acting as the same member, a key without ACTIVITY_READ reads no activity at all (issue 7, point 9)
    as_b_write_only = await key(["SHARES_WRITE", "CUSTOMERS_READ", "DOCUMENTS_READ"], world.acme.member2.member_id)
    assert await activity_of(as_b_write_only) == []
    reader = await key(["ORG_READ", "ACTIVITY_READ"])
    assert len(await activity_of(reader)) == 6
    no_activity = await key(["ORG_READ"])
    assert await activity_of(no_activity) == []
    assert ACTIVITY  # the query helper is shared with the other tests


async def test_views_per_day_follow_the_organizations_calendar(world: World, client_factory: Any) -> None:
    """Days are the organization's own: views a minute either side of its midnight land on two days, whether the
    database counts them (PostgreSQL) or Python does (SQLite), for the hub and for a document."""
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from portico.activity.models import ActivityEvent

    s = await _scene(world, client_factory)
    admin = world.acme.admin.client
    changed = await admin(UPDATE_ORG, {"input": {"timezone": "Pacific/Auckland"}})
    assert changed["updateOrganization"]["organization"]["timezone"] == "Pacific/Auckland"
    zone = ZoneInfo("Pacific/Auckland")
    day = datetime.now(zone).date() - timedelta(days=3)
    midnight = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    views = await ActivityEvent.filter(document_id=pk(s.doc_a), kind=ActivityKind.DOCUMENT_VIEWED).order_by("id")
    assert len(views) == 3
    for event, at in zip(views, (midnight - timedelta(minutes=1), midnight, midnight + timedelta(minutes=30)),
                         strict=True):
        await ActivityEvent.filter(id=event.id).update(occurred_at=at.astimezone(UTC))

    q = """query($id: ID!, $doc: ID!) { hub(id: $id) { insights { viewsPerDay { date count } } }
      node(id: $doc) { ... on Document { insights { viewsPerDay { date count } } } } }"""
    data = await admin(q, {"id": s.hub_id, "doc": s.doc_a})
    today = datetime.now(zone).date().isoformat()
    expected = {day.isoformat(): 1, (day + timedelta(days=1)).isoformat(): 2}
    # The hub also counts today's view of B's sheet.
    for per_day, more in ((data["hub"]["insights"]["viewsPerDay"], {today: 1}),
                          (data["node"]["insights"]["viewsPerDay"], {})):
        assert len(per_day) == 30 and per_day[-1]["date"] == today
        assert {d["date"]: d["count"] for d in per_day if d["count"]} == {**expected, **more}


async def test_a_time_zone_this_machine_does_not_know_counts_as_utc(world: World, client_factory: Any) -> None:
    """An organization whose stored zone is unknown here (tzdata differs between machines, or a zone was retired)
    still gets its hub's and documents' figures, on UTC days, instead of an error."""
    from portico.accounts.models import Organization

    s = await _scene(world, client_factory)
    await Organization.filter(name="Acme Sales").update(timezone="Atlantis/Poseidonia")
    q = """query($id: ID!, $doc: ID!) { hub(id: $id) { insights { views viewsPerDay { date count } } }
      node(id: $doc) { ... on Document { insights { views viewsPerDay { date count } } } } }"""
    data = await world.acme.admin.client(q, {"id": s.hub_id, "doc": s.doc_a})
    today = datetime.now(UTC).date().isoformat()
    for insights, views in ((data["hub"]["insights"], 4), (data["node"]["insights"], 3)):
        assert insights["views"] == views
        per_day = insights["viewsPerDay"]
        assert len(per_day) == 30 and per_day[-1] == {"date": today, "count": views}
