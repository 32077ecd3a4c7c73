"""The hub page costs the same number of SQL statements for 10 documents as for 40 (no N+1 anywhere)."""

from __future__ import annotations

from typing import Any

from tests.hubs.helpers import MY_HUB, World, folder_documents, person, share, sign_in_contact, upload_ok
from tests.sqlcount import count_sql

HUB_PAGE = """query($id: ID!) { hub(id: $id) { id customer { name } insights { views downloads uniqueViewers }
  folders { id name sender { fullName } documents(first: 200) { edges { node { id name contentType
    insights { views downloads uniqueViewers lastActivityAt } share { id sender { id } } } } } } } }"""


async def _add_documents(world: World, n: int, rep: Any, tag: str) -> dict[str, Any]:
    uploads = [await upload_ok(rep, f"{tag} file {i}\n".encode(), f"{tag}-{i}.txt") for i in range(n)]
    return await share(rep, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")], [], uploads)


async def _statements(client: Any, query: str, variables: dict[str, Any]) -> int:
    await client(query, variables)  # warm up (first-use work such as sessions' last-seen updates)
    with count_sql() as counter:
        await client(query, variables)
    return len(counter.statements)


async def test_hub_page_statement_count_does_not_grow_with_documents(world: World, client_factory: Any) -> None:
    a, b = world.acme.member.client, world.acme.member2.client
    first = await _add_documents(world, 5, a, "a")
    await _add_documents(world, 5, b, "b")
    hub_id = first["hub"]["id"]
    mette = client_factory()
    await sign_in_contact(mette, "mette@fjord.example")
    # Some activity, so the insights have rows to group.
    docs = (await mette(MY_HUB))["myHub"]["folders"]
    for folder in docs:
        for doc in folder_documents(folder)[:2]:
            assert (await mette.http.get(doc["viewUrl"])).status_code == 200

    viewers = {"admin": world.acme.admin.client, "rep": a}
    small = {name: await _statements(c, HUB_PAGE, {"id": hub_id}) for name, c in viewers.items()}
    small["contact"] = await _statements(mette, MY_HUB, {})

    await _add_documents(world, 15, a, "a2")
    await _add_documents(world, 15, b, "b2")
    data = await world.acme.admin.client(HUB_PAGE, {"id": hub_id})
    assert sum(len(folder_documents(f)) for f in data["hub"]["folders"]) == 40
    large = {name: await _statements(c, HUB_PAGE, {"id": hub_id}) for name, c in viewers.items()}
    large["contact"] = await _statements(mette, MY_HUB, {})

    assert small == large, (small, large)
    assert all(n > 0 for n in small.values())  # the counter did see the queries
    assert max(small.values()) < 25
