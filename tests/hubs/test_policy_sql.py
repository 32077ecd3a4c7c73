"""The policy's rules compiled to SQL conditions (portico.policy_sql) select exactly what the querysets select, and
the hub page's reads built on them (portico.hubs.reads, portico.activity.insights) answer exactly what the same
reads through the querysets answer: for every kind of caller, on SQLite and PostgreSQL (the `app` fixture).

The callers: ADMIN, MANAGER, MEMBERs (account manager of the customer; merely shared to it; neither), each with the
organization setting ALL_HUB_DOCUMENTS and OWN_SHARES; contacts (recipient of a share, with folder permissions
for all or by name, a primary contact who manages permissions, a colleague holding a grant, a contact whose
customer has the DOCUMENTS module off); API keys (org-wide reader, one reading documents but not customers, one
acting as a MEMBER, one without read scopes); the other organization's ADMIN; anonymous.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from portico import policy, policy_sql
from portico.accounts.models import Member, MemberDocumentVisibility, Organization
from portico.actors import Actor, ActorKind, Scope
from portico.customers.models import Contact, Customer
from tests.hubs.folder_helpers import MANAGES, build_tree, create_folder, permissions, upload_documents
from tests.hubs.helpers import COLLEAGUE, PRINT, World, person, pk, share, sign_in_contact, upload_ok

RULES = (
    policy.hubs_visible_to,
    policy.customers_visible_to,
    policy.members_visible_to,
    policy.contacts_visible_to,
    policy.shares_visible_to,
    policy.folders_visible_to,
    policy.documents_visible_to,
    policy.events_visible_to,
)
OPEN_DOCUMENT = """mutation($input: OpenDocumentInput!) { openDocument(input: $input) { viewUrl
  errors { code } } }"""
UPDATE_MODULES = """mutation($id: ID!) { updateCustomer(input: {customerId: $id, modules: [QUOTES]}) {
  errors { code } } }"""


@dataclass
class Callers:
    actors: dict[str, Actor]
    hubs: list[int]


async def build_callers(world: World, make_client: Any) -> Callers:
    """Customer X's hub with shares by both reps, staff folders with every kind of permission and documents in
    them, a grant, activity; customer Y's contact with DOCUMENTS switched off; then one Actor per kind of caller."""
    tree = await build_tree(world, make_client)
    acme, x, y = world.acme, world.customer_x, world.customer_y
    pubs = list(world.publications.values())
    by_rep = await share(acme.member.client, x, [person("Mette", "Larsen", "mette@fjord.example")], pubs[:2])
    await share(acme.member2.client, x, [person("Erik", "Larsen", "erik@fjord.example")], pubs[2:])
    await share(acme.member.client, y, [person("Sven", "Berg", "sven@svea.example")], pubs[:1])
    folders = {
        "all": await create_folder(acme.admin.client, x, "Contracts", perms=permissions("VIEW")),
        "nina": await create_folder(acme.admin.client, x, "Payroll", perms=permissions("VIEW", [tree.ids["Nina"]])),
        "erik": await create_folder(acme.admin.client, x, "Drop",
                                    perms=permissions("VIEW_AND_UPLOAD", [tree.ids["Erik"]])),
        "none": await create_folder(acme.admin.client, x, "Internal"),
    }
    for name, folder in folders.items():
        upload = await upload_ok(acme.admin.client, f"{name} notes\n".encode() * 20, f"{name}.txt")
        assert (await upload_documents(acme.admin.client, folder["folder"]["id"], [upload]))["errors"] == []
    assert (await acme.admin.client(MANAGES, {"input": {"customerId": x, "allowed": True}})
            )["setPrimaryContactManagesPermissions"]["errors"] == []
    # Activity: views, a print, a grant to a colleague (who then signs in).
    mette = make_client()
    await sign_in_contact(mette, "mette@fjord.example")
    document = by_rep["share"]["documents"][0]["id"]
    opened = (await mette(OPEN_DOCUMENT, {"input": {"documentId": document}}))["openDocument"]
    assert (await mette.http.get(opened["viewUrl"])).status_code == 200
    assert (await mette(PRINT, {"id": document}))["recordDocumentPrint"]["errors"] == []
    given = await mette(COLLEAGUE, {"input": {"documentId": document, "firstName": "Olga", "lastName": "Holm",
                                              "email": "olga@fjord.example"}})
    assert given["shareWithColleague"]["errors"] == []
    assert (await acme.admin.client(UPDATE_MODULES, {"id": y}))["updateCustomer"]["errors"] == []
    # member2 shared to X but is no longer its account manager.
    member2 = await Member.get(id=pk(acme.member2.member_id))
    await (await Customer.get(id=pk(x))).account_managers.remove(member2)

    actors: dict[str, Actor] = {"anonymous": Actor(kind=ActorKind.ANONYMOUS)}
    for org in await Organization.all():
        for setting in MemberDocumentVisibility:
            seen = copy.copy(org)
            seen.member_document_visibility = setting
            for member in await Member.filter(organization_id=org.id):
                actors[f"{org.name}/{member.email}/{setting.value}"] = Actor(
                    kind=ActorKind.MEMBER, organization=seen, member=member)
            rep = await Member.get(id=pk(acme.member.member_id))
            if org.id == rep.organization_id:
                scopes = frozenset(s for s in Scope if s is not Scope.ORG_READ)
                actors[f"key as rep/{setting.value}"] = Actor(
                    kind=ActorKind.API_KEY, organization=seen, member=rep, scopes=scopes)
                actors[f"write-only key/{setting.value}"] = Actor(
                    kind=ActorKind.API_KEY, organization=seen, member=rep, scopes=frozenset({Scope.SHARES_WRITE}))
        reader = frozenset({Scope.ORG_READ, Scope.CUSTOMERS_READ, Scope.DOCUMENTS_READ, Scope.ACTIVITY_READ})
        actors[f"{org.name}/reader key"] = Actor(kind=ActorKind.API_KEY, organization=org, scopes=reader)
        actors[f"{org.name}/documents key"] = Actor(  # reads hubs and activity, not customers
            kind=ActorKind.API_KEY, organization=org,
            scopes=frozenset({Scope.ORG_READ, Scope.DOCUMENTS_READ, Scope.ACTIVITY_READ}))
        actors[f"{org.name}/no-read key"] = Actor(kind=ActorKind.API_KEY, organization=org,
                                                  scopes=frozenset({Scope.ORG_READ}))
        for contact in await Contact.filter(organization_id=org.id).prefetch_related("customer"):
            actors[f"{org.name}/contact {contact.email}"] = Actor(kind=ActorKind.CONTACT, organization=org,
                                                                   contact=contact)
    assert len([a for a in actors.values() if a.contact]) == 5  # Mette, Erik, Nina, Olga, Sven
    from portico.hubs.models import Hub

    hubs = [int(h) for h in await Hub.all().values_list("id", flat=True)]
    return Callers(actors, hubs)


async def test_each_rule_compiles_to_a_condition_selecting_the_same_rows(world: World, client_factory: Any) -> None:
    callers = await build_callers(world, client_factory)
    nonempty = set()
    for name, actor in callers.actors.items():
        for rule in RULES:
            expected = {int(i) for i in await rule(actor).values_list("id", flat=True)}
            for _ in range(2):  # compiled, then from the cache
                q = policy_sql.Statement()
                rows = await q.rows(q.visible(policy_sql.condition(rule, actor), '"id"'))
                assert {int(r["id"]) for r in rows} == expected, (name, rule.__name__)
            if expected:
                nonempty.add(rule.__name__)
    assert nonempty == {r.__name__ for r in RULES}  # every rule was tried on rows, not only on empty answers


def _values(row: Any) -> dict[str, Any] | None:
    """A model instance's stored values (None stays None), to compare rows built by Tortoise and by raw SQL."""
    if row is None:
        return None
    return {column: getattr(row, name) for name, column in row._meta.fields_db_projection.items()}


async def _reference_figures(actor: Actor, column: str, key: int) -> tuple[dict[str, int], int, Any, dict[Any, int]]:
    """Counts, unique viewers, last activity and views per day through the events queryset, counted in Python."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    events = await policy.events_visible_to(actor).filter(**{column: key})
    from portico.activity.insights import FIGURE_KINDS

    counts: dict[str, int] = {}
    for e in events:
        if e.kind in FIGURE_KINDS:  # what the figures count (Insights shows these)
            counts[e.kind.value] = counts.get(e.kind.value, 0) + 1
    zone = ZoneInfo(actor.organization.timezone if actor.organization else "UTC")
    first_day = datetime.now(zone).date() - timedelta(days=29)
    days: dict[Any, int] = {}
    for e in events:
        day = e.occurred_at.astimezone(zone).date()
        if e.kind.value == "DOCUMENT_VIEWED" and day >= first_day:
            days[day] = days.get(day, 0) + 1
    viewers = {e.contact_id for e in events if e.contact_id is not None}
    return counts, len(viewers), max((e.occurred_at for e in events), default=None), days


async def test_the_hub_pages_reads_answer_what_the_querysets_answer(world: World, client_factory: Any) -> None:
    from portico.activity import insights
    from portico.hubs import reads
    from portico.hubs.models import Document, Folder, Hub

    callers = await build_callers(world, client_factory)
    seen = {"hub": 0, "folder": 0, "document": 0, "sender": 0, "events": 0, "customer": 0, "no customer": 0,
            "hidden folder": 0}
    for name, actor in callers.actors.items():
        trees = await reads.folder_trees(actor, callers.hubs)
        hub_figures = await insights.figures(actor, "hub", callers.hubs, with_days=True)
        for hub_id in callers.hubs:
            hub = await policy.hubs_visible_to(actor).filter(id=hub_id).first()
            found = await reads.hub_with_customer(actor, hub_id, with_tree=True)
            assert _values(hub) == _values(found.hub if found else None), name
            assert _values(await reads.find(actor, policy.hubs_visible_to, Hub, hub_id)) == _values(hub), name
            if hub is not None and found is not None:
                seen["hub"] += 1
                customer = await policy.customers_visible_to(actor).filter(id=hub.customer_id).first()
                assert _values(found.customer) == _values(customer), name
                seen["customer" if customer else "no customer"] += 1
                # The tree read with the hub is the tree read alone (checked against the querysets below).
                assert found.tree is not None
                with_hub = {t.folder.id: (_values(t.folder), _values(t.sender), t.document_count) for t in found.tree}
                alone = {t.folder.id: (_values(t.folder), _values(t.sender), t.document_count)
                         for t in trees.get(hub_id, [])}
                assert with_hub == alone, name
            without = await reads.hub_with_customer(actor, hub_id)
            assert without is None or without.tree is None
            # The tree: the visible folders, each with its visible sender and its count of visible documents.
            folders = await policy.folders_visible_to(actor).filter(hub_id=hub_id)
            tree = {t.folder.id: t for t in trees.get(hub_id, [])}
            assert set(tree) == {f.id for f in folders}, name
            for folder in folders:
                t = tree[folder.id]
                assert _values(t.folder) == _values(folder), name
                sender = await policy.members_visible_to(actor).filter(id=folder.sender_id).first() \
                    if folder.sender_id else None
                assert _values(t.sender) == _values(sender), name
                seen["sender"] += sender is not None
                ids = [int(i) for i in await policy.documents_visible_to(actor).filter(folder_id=folder.id)
                       .order_by("id").values_list("id", flat=True)]
                assert t.document_count == len(ids), name
                assert _values(await reads.find(actor, policy.folders_visible_to, Folder, folder.id)) == \
                    _values(folder), name
                seen["folder"] += 1
                # Pages of 2: the first, then after the first page's last document.
                for after in (None, ids[1] if len(ids) > 2 else None):
                    page = (await reads.document_pages(actor, 2, {folder.id: after}))[folder.id]
                    expected = [i for i in ids if after is None or i > after]
                    assert [d.id for d, _ in page.documents] == expected[:2], name
                    assert page.has_next_page == (len(expected) > 2), name
                    for document, figures in page.documents:
                        counts, viewers, last, _ = await _reference_figures(actor, "document_id", document.id)
                        assert (figures.counts, figures.unique_viewers, figures.last_activity_at) == \
                            (counts, viewers, last), name
                        assert _values(document) == _values(await Document.get(id=document.id))
                        seen["document"] += 1
                        seen["events"] += bool(counts)
            # A folder opened with its first page: the folder and the page read alone, or nothing when hidden.
            visible = {f.id: f for f in folders}
            for folder in await Folder.filter(hub_id=hub_id):
                opened = await reads.folder_with_first_page(actor, folder.id, 2)
                if folder.id not in visible:
                    assert opened is None, name
                    seen["hidden folder"] += 1
                    continue
                assert opened is not None, name
                alone = (await reads.document_pages(actor, 2, {folder.id: None}))[folder.id]
                assert _values(opened[0]) == _values(visible[folder.id]), name
                assert [(_values(d), f) for d, f in opened[1].documents] == \
                    [(_values(d), f) for d, f in alone.documents], name
                assert opened[1].has_next_page == alone.has_next_page, name
            counts, viewers, last, days = await _reference_figures(actor, "hub_id", hub_id)
            figures = hub_figures[hub_id]
            assert (figures.counts, figures.unique_viewers, figures.last_activity_at) == (counts, viewers, last), name
            assert figures.views_per_day is not None and len(figures.views_per_day) == 30
            assert {d: n for d, n in figures.views_per_day if n} == days, name
    assert all(n > 0 for n in seen.values()), seen  # every branch met rows (and "events": figures not all zero)


async def test_what_an_event_points_at_is_what_the_querysets_answer(world: World, client_factory: Any) -> None:
    """The live feed's one statement per event and visibility class (activity.related): each event's contact,
    customer, document, share and the share's sender, for every kind of caller, as the loaders' querysets load them."""
    from portico.activity.models import ActivityEvent
    from portico.activity.related import related

    callers = await build_callers(world, client_factory)
    events = await ActivityEvent.all()
    seen = {"contact": 0, "customer": 0, "document": 0, "share": 0, "sender": 0, "hidden": 0}
    for name, actor in callers.actors.items():
        for event in events:
            found = await related(actor, event)

            async def first(rule: Any, key: int | None) -> Any:
                return await rule(actor).filter(id=key).first() if key is not None else None  # noqa: B023

            expected = {
                "contact": await first(policy.contacts_visible_to, event.contact_id),
                "customer": await first(policy.customers_visible_to, event.customer_id),
                "document": await first(policy.documents_visible_to, event.document_id),
                "share": await first(policy.shares_visible_to, event.share_id),
            }
            share_row = expected["share"]
            expected["sender"] = await first(policy.members_visible_to, share_row.sender_id) if share_row else None
            for part, row in expected.items():
                assert _values(getattr(found, part)) == _values(row), (name, event.id, part)
                seen[part] += row is not None
                seen["hidden"] += row is None and getattr(event, f"{part}_id", None) is not None
    assert all(seen.values()), seen  # each part was compared on rows, and some were hidden from some callers


async def test_instances_from_rows_are_the_ones_tortoise_builds(world: World, client_factory: Any) -> None:
    """`policy_sql.instance` builds without `_init_from_db`'s per-call work: for every model with rows (columns
    under a prefix, as joined reads name them), the instance holds exactly what Tortoise's own holds, converted
    values (dates, enums, JSON) included, and saves back as one."""
    from tortoise import Tortoise, connections

    await build_callers(world, client_factory)  # shares, folders, documents, events
    compared = set()
    for model in Tortoise.apps["models"].values():
        table = model._meta.db_table
        _, rows = await connections.get("default").execute_query(
            f'SELECT {policy_sql.columns(model, "x", "x.")} FROM "{table}" "x"')
        for row in rows:
            built = policy_sql.instance(model, row, "x.")
            tortoise = model._init_from_db(**{c: row["x." + c] for c in model._meta.db_fields})
            assert type(built) is model and built.__dict__ == tortoise.__dict__, model.__name__
            # Equal and alike: the same types, the same time zone objects (an aware datetime compares equal
            # across zones), the same enum members.
            assert ({k: (type(v), repr(v)) for k, v in built.__dict__.items()}
                    == {k: (type(v), repr(v)) for k, v in tortoise.__dict__.items()}), model.__name__
            compared.add(model.__name__)
    assert {"Document", "Folder", "Hub", "Member", "Customer", "Contact", "Organization", "ActivityEvent",
            "Share"} <= compared
    # An instance built so is one Tortoise can save: it updates its row, not a new one.
    from portico.hubs.models import Folder

    _, rows = await connections.get("default").execute_query(
        f'SELECT {policy_sql.columns(Folder, "f")} FROM "folder" "f"')
    folder = policy_sql.instance(Folder, rows[0])
    folder.name = "Renamed through a built instance"
    await folder.save(update_fields=["name"])
    assert (await Folder.get(id=folder.id)).name == "Renamed through a built instance"
    assert await Folder.all().count() == len(rows)
