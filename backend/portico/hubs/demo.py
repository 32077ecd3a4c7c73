"""`portico seed-demo`'s shares: each rep has sent documents from the library to one of their customers, and that
customer's primary contact has opened the hub, viewed them and downloaded one, so that `make run` shows the hub page,
its insights and the live feed with something in them (without a share a customer has no hub at all).

Through the services, as a rep would: the share, its folder, documents and emails (the dev mailbox shows them), then
the contact's activity recorded as their hub visits record it.
"""

from __future__ import annotations

from collections.abc import Sequence

from portico.accounts.models import Member, Organization
from portico.activity.models import ActivityKind
from portico.activity.services import record
from portico.actors import contact_actor, member_actor
from portico.customers.models import Contact, Customer
from portico.hubs.access import open_hub
from portico.hubs.models import Document, Hub
from portico.hubs.services import RecipientSpec, ShareRequest, share_documents
from portico.libraries.models import Publication
from portico.settings import Settings

# (rep, customer, publications by their position in the library): the rep is the customer's account manager.
SHARES = ((0, 0, (0, 1, 3)), (1, 1, (2, 4)))


async def seed_demo_shares(settings: Settings, org: Organization, reps: Sequence[Member],
                           customers: Sequence[Customer]) -> None:
    publications = await Publication.filter(organization_id=org.id).order_by("id")
    for rep_index, customer_index, picked in SHARES:
        rep, customer = reps[rep_index], customers[customer_index]
        sender = await member_actor(rep.id)
        assert sender is not None
        contacts = await Contact.filter(customer_id=customer.id).order_by("id")
        share = await share_documents(sender, settings, ShareRequest(
            customer_id=customer.id, recipients=[RecipientSpec(contact_id=c.id) for c in contacts], language="en",
            message=rep.standard_message or "", publication_ids=[publications[i].id for i in picked], upload_ids=[],
        ))
        hub = await Hub.get(customer_id=customer.id)
        documents = await Document.filter(share_id=share.id).order_by("id")
        viewer = await contact_actor(contacts[0].id)
        assert viewer is not None
        await open_hub(viewer)  # as the hub's home page records it (told to the senders of what the contact sees)
        for document in documents[:2]:
            await record(viewer, ActivityKind.DOCUMENT_VIEWED, customer_id=customer.id, hub_id=hub.id,
                         document=document)
        await record(viewer, ActivityKind.DOCUMENT_DOWNLOADED, customer_id=customer.id, hub_id=hub.id,
                     document=documents[0])
