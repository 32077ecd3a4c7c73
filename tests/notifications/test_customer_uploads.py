"""Issue 9 point 8 with point 6: a contact's upload into a folder emails the staff who may see it (CUSTOMER_UPLOADS,
immediately by default) - the customer's account managers and ADMIN/MANAGER, not a MEMBER who does not manage the
customer, never the other organization - and a member who chose NEVER gets nothing."""

from __future__ import annotations

from typing import Any

from portico.notifications.delivery import deliver_due
from tests.conftest import Clock
from tests.hubs.folder_helpers import contact_client, create_folder, permissions, upload_documents, upload_into
from tests.hubs.helpers import ADD_CONTACT, World, create_customer, switch_hub_access_on
from tests.notifications.helpers import choose, notification_emails

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


async def test_a_contact_upload_emails_the_account_managers_at_once(app: Any, world: World, client_factory: Any,
                                                                   notification_clock: Clock) -> None:
    acme = world.acme
    # A customer only Rita (acme.member) manages; the manager chose never to hear about uploads.
    await choose(acme.manager.client, CUSTOMER_UPLOADS="NEVER")
    own = await create_customer(acme.admin.client, "Rita's own", [acme.member.member_id])
    added = await acme.admin.client(ADD_CONTACT, {"input": {"customerId": own, "firstName": "Ulla",
                                                            "lastName": "Berg", "email": "ulla@own.example"}})
    await switch_hub_access_on(acme.admin.client, own)
    ulla = await contact_client(client_factory, added["addContact"]["contact"]["id"])
    folder = (await create_folder(acme.member.client, own, "Drop box", perms=permissions("VIEW_AND_UPLOAD")))
    folder_id = folder["folder"]["id"]
    response = await upload_into(ulla, folder_id, PDF, "signed-contract.pdf")
    assert response.status_code == 201, response.text
    assert (await upload_documents(ulla, folder_id, [response.json()["uploadId"]]))["errors"] == []

    assert await deliver_due(app.state.settings) >= 1

    emails = await notification_emails()
    by_address = {e.to_address: e for e in emails}
    # Rita (account manager) and the ADMIN are told; Bob (a MEMBER who does not manage it), the manager (NEVER)
    # and the other organization are not.
    assert set(by_address) == {acme.member.email, acme.admin.email}
    email = by_address[acme.member.email]
    assert email.kind == "notification_customer_uploads"
    assert "signed-contract.pdf" in email.text and "Rita's own" in email.text
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Sent once.
    assert await deliver_due(app.state.settings) == 0
