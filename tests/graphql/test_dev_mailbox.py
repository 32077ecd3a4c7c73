"""The dev mailbox: an organization's ADMIN members, signed in with a session, read the emails it sent. Nobody else
does: not MEMBERs or MANAGERs (a MEMBER reading the administrator's reset link becomes administrator), not API keys
(even one acting as an administrator with every scope), not contacts, not other organizations. Production has no
mailbox."""

from __future__ import annotations

from collections.abc import Callable

from starlette.applications import Starlette

from tests.conftest import GraphQLClient, Org
from tests.graphql.helpers import create_api_key, key_client
from tests.hubs.helpers import create_customer, person, share, sign_in_contact, upload_ok

MAILBOX = "{ devMailbox { to subject text } }"
AVAILABLE = "{ devMailboxAvailable }"
INVITE = """
mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } errors { code } } }
"""
RESET = "mutation($e: String!) { requestPasswordReset(input: {email: $e}) { ok errors { code } } }"
ALL_SCOPES = ["ORG_READ", "CUSTOMERS_WRITE", "SHARES_WRITE", "ACTIVITY_READ"]


async def _denied(client: GraphQLClient) -> None:
    body = await client.raw(MAILBOX)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "NOT_ALLOWED"
    assert (await client(AVAILABLE))["devMailboxAvailable"] is False


async def test_admins_read_their_own_organizations_emails(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    invited = await acme.admin.client(INVITE, {"input": {"email": "newbie@acme.example", "role": "MEMBER"}})
    assert invited["inviteMember"]["errors"] == []

    emails = (await acme.admin.client(MAILBOX))["devMailbox"]
    assert [e["to"] for e in emails] == ["newbie@acme.example"]
    assert "/accept-invitation?token=" in emails[0]["text"]
    assert (await acme.admin.client(AVAILABLE))["devMailboxAvailable"] is True
    # Another organization's administrator sees only their own (empty) mailbox.
    assert (await globex.admin.client(MAILBOX))["devMailbox"] == []


async def test_a_member_cannot_read_the_administrators_reset_link(two_orgs: tuple[Org, Org]) -> None:
    """The attack of issue 7: ask a reset for the admin's address, read the link in the mailbox, become admin."""
    acme, _ = two_orgs
    asked = await acme.member.client(RESET, {"e": acme.admin.email})
    assert asked["requestPasswordReset"]["ok"] is True
    for person_ in (acme.member, acme.member2, acme.manager):
        await _denied(person_.client)


async def test_api_keys_never_read_the_mailbox(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, _ = two_orgs
    await acme.admin.client(INVITE, {"input": {"email": "newbie@acme.example", "role": "MEMBER"}})
    _, as_admin = await create_api_key(acme.admin.client, ALL_SCOPES, acts_as=acme.admin.member_id, name="As admin")
    _, org_reader = await create_api_key(acme.admin.client, ALL_SCOPES, name="Org reader")
    for secret in (as_admin, org_reader):
        await _denied(key_client(client_factory, secret))


async def test_contacts_and_anonymous_callers_never_read_the_mailbox(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, _ = two_orgs
    customer = await create_customer(acme.admin.client, "Fjord Logistics", [acme.member.member_id])
    upload = await upload_ok(acme.member.client, b"Meeting notes\n" * 20, "notes.txt")
    await share(acme.member.client, customer, [person("Mette", "Larsen", "mette@fjord.example")], [], [upload])
    contact = client_factory()
    await sign_in_contact(contact, "mette@fjord.example")
    await _denied(contact)

    anonymous = client_factory()
    body = await anonymous.raw(MAILBOX)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await anonymous(AVAILABLE))["devMailboxAvailable"] is False


async def test_there_is_no_mailbox_in_production(production_app: Starlette) -> None:
    client = GraphQLClient(production_app)
    signed = await client(
        """mutation($input: SignUpInput!) { signUp(input: $input) { errors { code } } }""",
        {"input": {"organizationName": "Prod Co", "firstName": "P", "lastName": "Admin",
                   "email": "admin@prod.example", "password": "correct horse battery"}},
    )
    assert signed["signUp"]["errors"] == []
    await _denied(client)
    await client.close()
