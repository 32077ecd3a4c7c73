"""Set-based writes (issue 8, point 4): a share to 6 recipients with 6 documents, or to 50 with 50, costs the same
SQL statements as a share to 2 with 2 (one INSERT for the documents, the new contacts, the links, the emails);
assigning account managers to 6 customers costs what assigning one does."""

from __future__ import annotations

from typing import Any

from portico.customers.models import Customer
from portico.graphql.relay import encode_id
from portico.hubs.models import Document, HubLink
from portico.hubs.services import MAX_RECIPIENTS
from portico.libraries.models import Publication
from portico.mail.models import OutboxEmail
from tests.graphql.helpers import ASSIGN, UNASSIGN, pk_of
from tests.hubs.helpers import UPLOADED, World, create_customer, person, share, share_input, upload_ok
from tests.sqlcount import count_sql

SHARE_ONLY = """mutation($input: ShareInput!) { shareDocuments(input: $input) { share { id } errors { code } } }"""


async def _share_statements(world: World, recipients: list[dict[str, Any]], publications: list[str],
                            uploads: list[str]) -> int:
    rep = world.acme.member.client
    with count_sql() as counter:
        data = await rep(SHARE_ONLY, share_input(world.customer_x, recipients, publications, uploads))
    assert data["shareDocuments"]["errors"] == [], data
    return len(counter.statements)


async def test_a_share_costs_the_same_statements_for_6_recipients_and_documents_as_for_2(world: World) -> None:
    rep = world.acme.member.client
    pubs = list(world.publications.values())
    # The customer's hub, the rep's folder of today and three known contacts exist already.
    known = [person(n, "Known", f"{n.lower()}@fjord.example") for n in ("Ann", "Bo", "Cy")]
    await share(rep, world.customer_x, known, [pubs[0]])
    uploads = [await upload_ok(rep, UPLOADED, f"notes-{i}.txt") for i in range(4)]
    before = await Document.all().count(), await HubLink.all().count(), await OutboxEmail.all().count()

    small = await _share_statements(world, [known[0], person("Dan", "New", "dan@fjord.example")], [pubs[0]],
                                    uploads[:1])
    large = await _share_statements(
        world, [*known, *(person(n, "New", f"{n.lower()}@fjord.example") for n in ("Eva", "Fay", "Gus"))],
        pubs[:3], uploads[1:],
    )

    assert small == large, (small, large)
    # And the writes happened: 2 + 6 documents, a link and an email for each recipient, the new contacts.
    after = await Document.all().count(), await HubLink.all().count(), await OutboxEmail.all().count()
    assert [a - b for a, b in zip(after, before, strict=True)] == [8, 8, 8]
    contacts = await Customer.get(id=pk_of(world.customer_x)).prefetch_related("contacts")
    emails = {c.email for c in contacts.contacts}
    assert {"dan@fjord.example", "eva@fjord.example", "fay@fjord.example", "gus@fjord.example"} <= emails
    assert sum(c.is_primary for c in contacts.contacts) == 1


async def test_account_managers_are_assigned_and_removed_in_one_statement(world: World) -> None:
    admin = world.acme.admin.client
    customers = [await create_customer(admin, f"Customer {i}") for i in range(6)]
    reps = [world.acme.member.member_id, world.acme.member2.member_id, world.acme.manager.member_id]

    async def statements(operation: str, customer_ids: list[str], member_ids: list[str]) -> int:
        with count_sql() as counter:
            data = await admin(operation, {"input": {"customerIds": customer_ids, "memberIds": member_ids}})
        assert next(iter(data.values()))["errors"] == [], data
        return len(counter.statements)

    one = await statements(ASSIGN, customers[:1], reps[:1])
    many = await statements(ASSIGN, customers, reps)  # the first pair is assigned already: left as it is
    assert one == many, (one, many)
    rep_ids = {pk_of(r) for r in reps}

    async def managers(customer: str) -> set[int]:
        found = await (await Customer.get(id=pk_of(customer))).account_managers.all().values_list("id", flat=True)
        return {int(m) for m in found} & rep_ids  # the admin who created them manages them too

    for customer in customers:
        assert await managers(customer) == rep_ids

    assert await statements(UNASSIGN, customers[:1], reps[:1]) == await statements(UNASSIGN, customers[1:], reps)
    assert await managers(customers[0]) == rep_ids - {pk_of(reps[0])}
    for customer in customers[1:]:
        assert await managers(customer) == set()


async def test_a_share_to_50_recipients_with_50_documents_costs_what_one_to_2_with_2_does(world: World) -> None:
    """The largest share a rep may send (MAX_RECIPIENTS) against a small one: new and known contacts, publications
    and an upload each, the same statements."""
    rep = world.acme.member.client
    model = await Publication.get(id=pk_of(world.publications["Price list 2027"]))
    await Publication.bulk_create([
        Publication(organization_id=model.organization_id, library_id=model.library_id, title=f"Sheet {i:02d}",
                    title_key=f"sheet {i:02d}", tags=[], storage_key=model.storage_key,
                    content_type=model.content_type, size_bytes=model.size_bytes, sha256=model.sha256)
        for i in range(49)
    ])
    sheets = await Publication.filter(title__startswith="Sheet ").order_by("id").values_list("id", flat=True)
    sheet_ids = [encode_id("Publication", int(p)) for p in sheets]
    known = [person(f"Known{i}", "Known", f"known{i}@fjord.example") for i in range(10)]
    await share(rep, world.customer_x, known, [sheet_ids[0]])  # the hub, today's folder and 10 contacts exist
    uploads = [await upload_ok(rep, UPLOADED, f"notes-{i}.txt") for i in range(2)]
    before = await OutboxEmail.all().count()

    small = await _share_statements(world, [known[0], person("New", "One", "new1@fjord.example")], sheet_ids[:1],
                                    uploads[:1])
    recipients = [*known, *(person(f"New{i}", "Many", f"many{i}@fjord.example") for i in range(40))]
    assert len(recipients) == MAX_RECIPIENTS
    large = await _share_statements(world, recipients, sheet_ids, uploads[1:])  # 49 + 1 documents
    assert small == large, (small, large)
    assert await OutboxEmail.all().count() - before == 2 + 50
    assert await Document.filter(share__recipients__email="many39@fjord.example").count() == 50
