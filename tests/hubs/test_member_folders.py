"""A MEMBER's folders, exactly (seed 003): every staff folder of the customers they reach (account manager of, or
shared to) and the date folders holding a document they see; nothing of other customers or organizations. Checked
by the queryset, by its compiled condition, by the hub's tree and by id, and against the rule as first written
(folders of `documents_visible_to` plus the staff folders), on SQLite and PostgreSQL.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from tortoise.expressions import Q, Subquery

from portico import policy, policy_sql
from portico.accounts.models import Member, MemberDocumentVisibility, Organization
from portico.actors import Actor, ActorKind, Scope
from portico.customers.models import Customer
from portico.hubs import reads
from portico.hubs.models import Document, Folder, Hub, Share
from tests.hubs.folder_helpers import create_folder, upload_documents
from tests.hubs.helpers import World, create_customer, person, pk, share, upload_ok

ALL, OWN = MemberDocumentVisibility.ALL_HUB_DOCUMENTS, MemberDocumentVisibility.OWN_SHARES


async def _date_folder(payload: dict[str, Any]) -> int:
    return (await Share.get(id=pk(payload["share"]["id"]))).folder_id


async def _staff_folder(client: Any, customer: str, name: str, content: bytes | None = None) -> int:
    """A staff folder, with one uploaded document (it comes with no share) when `content` is given."""
    folder = await create_folder(client, customer, name)
    if content is not None:
        upload = await upload_ok(client, content, f"{name}.txt")
        assert (await upload_documents(client, folder["folder"]["id"], [upload]))["errors"] == []
    return pk(folder["folder"]["id"])


async def _visible(actor: Actor, hubs: list[int]) -> set[int]:
    """The folders `actor` sees, after checking that every way of asking answers the same."""
    found = {int(i) for i in await policy.folders_visible_to(actor).values_list("id", flat=True)}
    q = policy_sql.Statement()
    rows = await q.rows(q.visible(policy_sql.condition(policy.folders_visible_to, actor), '"id"'))
    assert {int(r["id"]) for r in rows} == found
    trees = await reads.folder_trees(actor, hubs)
    assert {t.folder.id for tree in trees.values() for t in tree} == found
    for folder_id in await Folder.all().values_list("id", flat=True):
        assert await policy.folders_visible_to(actor).filter(id=folder_id).exists() == (folder_id in found)
    # The rule as first written: folders holding a visible document, or staff folders of the customers reached.
    assert actor.organization is not None and actor.member is not None
    holding = Subquery(policy.documents_visible_to(actor).values_list("folder_id", flat=True))
    first = Folder.filter(organization_id=actor.organization.id).filter(
        Q(id__in=holding) | Q(id__in=policy._member_staff_folder_ids(actor.member)))
    assert {int(i) for i in await first.values_list("id", flat=True)} == found
    return found


async def test_a_members_folders_are_those_of_the_customers_they_reach(world: World, client_factory: Any) -> None:
    acme, globex = world.acme, world.globex
    rita, bob, admin = acme.member, acme.member2, acme.admin.client
    pubs = list(world.publications.values())
    a = await create_customer(admin, "Alder", [rita.member_id])  # Rita's
    b = await create_customer(admin, "Birch", [bob.member_id])  # Bob's: Rita never reaches it
    c = await create_customer(admin, "Cedar", [bob.member_id, rita.member_id])  # Bob's once Rita has shared to it
    ann, bo, cy = (person("Ann", "Alder", "ann@alder.example"), person("Bo", "Birch", "bo@birch.example"),
                   person("Cy", "Cedar", "cy@cedar.example"))
    a_rita = await _date_folder(await share(rita.client, a, [ann], pubs[:1]))
    a_admin = await _date_folder(await share(admin, a, [ann], pubs[1:2]))
    a_files = await _staff_folder(admin, a, "Files", b"minutes\n" * 20)  # its document has no share
    a_empty = await _staff_folder(admin, a, "Empty")
    b_bob = await _date_folder(await share(bob.client, b, [bo], pubs[:1]))
    b_files = await _staff_folder(admin, b, "Secret", b"secret\n" * 20)
    c_rita = await _date_folder(await share(rita.client, c, [cy], pubs[:1]))
    c_bob = await _date_folder(await share(bob.client, c, [cy], pubs[1:2]))
    c_notes = await _staff_folder(bob.client, c, "Notes")
    rita_member = await Member.get(id=pk(rita.member_id))
    await (await Customer.get(id=pk(c))).account_managers.remove(rita_member)
    g_date = await _date_folder(await share(globex.member.client, world.globex_customer,
                                            [person("Gus", "Harbor", "gus@harbor.example")],
                                            [world.globex_publication]))
    g_files = await _staff_folder(globex.admin.client, world.globex_customer, "Harbor files", b"harbor\n" * 20)
    # Date folders holding nothing anyone but ADMIN and MANAGER sees: an empty one, and one whose only document
    # lost its share.
    hub_a = await Hub.get(customer_id=pk(a))
    admin_member = await Member.get(id=pk(acme.admin.member_id))
    a_void = await Folder.create(organization_id=hub_a.organization_id, hub=hub_a, name="void", date=date(2030, 1, 1),
                                 sender=admin_member)
    a_orphan = await Folder.create(organization_id=hub_a.organization_id, hub=hub_a, name="orphan",
                                   date=date(2030, 1, 2), sender=admin_member)
    await Document.create(organization_id=hub_a.organization_id, hub=hub_a, folder=a_orphan, share=None,
                          name="orphan.txt", storage_key="orphan", content_type="text/plain", size_bytes=1, sha256="0")
    # An account-manager row across organizations (the services never write one) gives Rita nothing of Globex.
    await (await Customer.get(id=pk(world.globex_customer))).account_managers.add(rita_member)

    hubs = [int(h) for h in await Hub.all().values_list("id", flat=True)]
    acme_org = await Organization.get(id=rita_member.organization_id)
    expected = {
        ("rita", ALL): {a_rita, a_admin, a_files, a_empty, c_rita, c_bob, c_notes},
        ("rita", OWN): {a_rita, a_files, a_empty, c_rita, c_notes},  # OWN_SHARES limits shares, not folders
        ("bob", ALL): {b_bob, b_files, c_rita, c_bob, c_notes},
        ("bob", OWN): {b_bob, b_files, c_bob, c_notes},
    }
    for (who, setting), folders in expected.items():
        org = copy.copy(acme_org)
        org.member_document_visibility = setting
        member = await Member.get(id=pk((rita if who == "rita" else bob).member_id))
        assert await _visible(Actor(kind=ActorKind.MEMBER, organization=org, member=member), hubs) == folders, who
        key = Actor(kind=ActorKind.API_KEY, organization=org, member=member, scopes=frozenset({Scope.DOCUMENTS_READ}))
        assert await _visible(key, hubs) == folders, who
    customers = {int(i) for i in await policy.customers_visible_to(Actor(
        kind=ActorKind.MEMBER, organization=acme_org, member=rita_member)).values_list("id", flat=True)}
    assert customers == {pk(a), pk(c), pk(world.customer_x), pk(world.customer_y)}
    # Globex's MEMBER: their customer's folders only; Acme's ADMIN: every Acme folder, voids included.
    g_member = await Member.get(id=pk(globex.member.member_id))
    g_org = await Organization.get(id=g_member.organization_id)
    assert await _visible(Actor(kind=ActorKind.MEMBER, organization=g_org, member=g_member), hubs) == {
        g_date, g_files}
    everything = {int(i) for i in await Folder.filter(organization_id=acme_org.id).values_list("id", flat=True)}
    assert {a_void.id, a_orphan.id} <= everything
    assert {int(i) for i in await policy.folders_visible_to(Actor(
        kind=ActorKind.MEMBER, organization=acme_org, member=admin_member)).values_list("id", flat=True)} == everything
