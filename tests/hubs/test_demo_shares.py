"""`portico seed-demo` gives `make run` a hub to show: each rep has shared documents with one of their customers,
whose primary contact opened them; staff see it in the hub's insights, and the contact finds the documents."""

from __future__ import annotations

from pathlib import Path

from portico import policy
from portico.accounts.models import Member
from portico.activity import insights
from portico.actors import contact_actor, member_actor
from portico.customers.models import Contact, Customer
from portico.demo import seed_demo
from portico.hubs.models import Document, Hub, Share
from portico.mail.models import OutboxEmail
from portico.settings import load_settings
from portico.storage.local import LocalStorage


async def test_the_demo_has_shared_documents_that_were_opened(db: str, tmp_path: Path) -> None:
    settings = load_settings({"DATABASE_URL": db, "DATA_DIR": str(tmp_path)})
    storage = LocalStorage(tmp_path / "files")
    await storage.start()
    await seed_demo(settings, storage)
    fjord = await Customer.get(name="Fjord Logistics A/S")
    anna = await Member.get(email="anna@northwind.example")
    share = await Share.get(customer_id=fjord.id)
    assert share.sender_id == anna.id
    hub = await Hub.get(customer_id=fjord.id)
    assert await Document.filter(hub_id=hub.id).count() == 3
    # Each contact of a shared-to customer got the share email (the dev mailbox shows it).
    shared_to = await Contact.filter(customer_id__in=[fjord.id, (await Customer.get(name="Svea Bygg AB")).id])
    emailed = set(await OutboxEmail.filter(kind="hub_share").values_list("to_address", flat=True))
    assert emailed == {c.email for c in shared_to}
    # Anna sees Mette's visit in the hub's figures; the contact sees the documents; Ben, not Anna's customer's.
    as_anna = await member_actor(anna.id)
    assert as_anna is not None
    figures = (await insights.figures(as_anna, "hub", [hub.id]))[hub.id]
    assert figures.counts == {"HUB_OPENED": 1, "DOCUMENT_VIEWED": 2, "DOCUMENT_DOWNLOADED": 1}
    assert figures.unique_viewers == 1
    mette = await contact_actor((await Contact.get(email="mette@fjord-logistics.example")).id)
    assert mette is not None
    assert await policy.documents_visible_to(mette).filter(hub_id=hub.id).count() == 3
    harbor = await Customer.get(name="Harbor Foods Ltd")
    assert not await Hub.filter(customer_id=harbor.id).exists()  # not every customer: "created on the first send"
    assert (await seed_demo(settings, storage))[0] == "Demo data already present."
    assert await Share.all().count() == 2
