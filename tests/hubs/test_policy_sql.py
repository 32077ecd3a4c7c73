"""The policy's rules compiled to SQL conditions (portico.policy_sql) select exactly what the querysets select, and
the hub page's reads built on them (portico.hubs.reads, portico.activity.insights) answer exactly what the same
reads through the querysets answer: for every kind of caller, on SQLite and PostgreSQL (the `app` fixture).

The callers: ADMIN, MANAGER, MEMBERs (account manager of the customer; merely shared to it; neither), each with the
organization setting ALL_HUB_DOCUMENTS and OWN_SHARES; contacts (recipient of a share, with folder permissions
for all or by name, a primary contact who manages permissions, a colleague holding a grant, a contact whose
customer has the DOCUMENTS module off); API keys (org-wide reader, acting as a MEMBER, without read scopes); the
other organization's ADMIN; anonymous.
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
