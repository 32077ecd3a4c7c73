"""What a contact's hub landing page shows (issue 7, point 4): the rep's message beside the share it came with,
the organization's name, and the language of the share."""

from __future__ import annotations

from typing import Any

from tests.hubs.helpers import World, person, share, sign_in_contact

LANDING = """{ myHub { id language branding { name logoUrl } folders { id sender { fullName }
  documents { edges { node { id name } } }
  shares { id message language sender { fullName } documents { id name } } } } }"""


async def test_the_reps_message_is_shown_with_the_share_it_came_with(world: World, client_factory: Any) -> None:
    rep, pubs = world.acme.member.client, world.publications
    mette = person("Mette", "Larsen", "mette@fjord.example")
    first = await share(rep, world.customer_x, [mette], [pubs["Price list 2027"]], message="The prices we discussed.")
    second = await share(rep, world.customer_x, [mette], [pubs["Installation guide"]], message="")
    contact = client_factory()
    await sign_in_contact(contact, "mette@fjord.example")
    hub = (await contact(LANDING))["myHub"]
    [folder] = hub["folders"]  # one rep, one day: one folder, two shares
    shares = {s["id"]: s for s in folder["shares"]}
    assert [s["id"] for s in folder["shares"]] == [second["share"]["id"], first["share"]["id"]]  # newest first
    assert shares[first["share"]["id"]]["message"] == "The prices we discussed."
    assert [d["name"] for d in shares[first["share"]["id"]]["documents"]] == ["Price list 2027"]
    assert shares[second["share"]["id"]]["message"] == ""
    assert shares[first["share"]["id"]]["sender"]["fullName"] == "Rita Rep"
    assert hub["branding"] == {"name": "Acme Sales", "logoUrl": None}


async def test_a_co_contact_sees_neither_the_share_nor_its_message(world: World, client_factory: Any) -> None:
    rep, pubs = world.acme.member.client, world.publications
    await share(rep, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")], [pubs["Price list 2027"]],
                message="Only for Mette.")
    await share(rep, world.customer_x, [person("Erik", "Holm", "erik@fjord.example")], [pubs["Installation guide"]],
                message="Only for Erik.")
    erik = client_factory()
    await sign_in_contact(erik, "erik@fjord.example")
    hub = (await erik(LANDING))["myHub"]
    messages = [s["message"] for f in hub["folders"] for s in f["shares"]]
    assert messages == ["Only for Erik."]
    # Another organization's member sees no hub of this customer at all.
    foreign = await world.globex.member.client(
        "query($id: ID!) { hub(id: $id) { id folders { shares { message } } } }", {"id": hub["id"]}
    )
    assert foreign["hub"] is None


async def test_the_hub_speaks_the_language_of_the_newest_share_the_contact_can_see(
    world: World, client_factory: Any
) -> None:
    rep, pubs = world.acme.member.client, world.publications
    mette = person("Mette", "Larsen", "mette@fjord.example")
    erik = person("Erik", "Holm", "erik@fjord.example")
    await share(rep, world.customer_x, [mette], [pubs["Price list 2027"]], language="da")
    await share(rep, world.customer_x, [erik], [pubs["Installation guide"]], language="sv")
    mette_client, erik_client = client_factory(), client_factory()
    await sign_in_contact(mette_client, "mette@fjord.example")
    await sign_in_contact(erik_client, "erik@fjord.example")
    assert (await mette_client(LANDING))["myHub"]["language"] == "da"
    assert (await erik_client(LANDING))["myHub"]["language"] == "sv"
    await share(rep, world.customer_x, [mette], [pubs["Trailmaster 300 sheet"]], language="en")
    assert (await mette_client(LANDING))["myHub"]["language"] == "en"
    # Staff who see the whole hub get the language of its newest share.
    admin_view = await world.acme.admin.client(
        "query($id: ID!) { hub(id: $id) { language branding { name } } }",
        {"id": (await mette_client(LANDING))["myHub"]["id"]},
    )
    assert admin_view["hub"] == {"language": "en", "branding": {"name": "Acme Sales"}}
