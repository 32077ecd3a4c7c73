"""The dev mailbox: each organization's staff read the emails it sent; contacts and other organizations do not;
production has no mailbox."""

from __future__ import annotations

from starlette.applications import Starlette

from tests.conftest import GraphQLClient, Org

MAILBOX = "{ devMailbox { to subject text } }"
INVITE = """
mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } errors { code } } }
"""


async def test_staff_read_their_own_organizations_emails(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    invited = await acme.admin.client(INVITE, {"input": {"email": "newbie@acme.example", "role": "MEMBER"}})
    assert invited["inviteMember"]["errors"] == []

    for person in (acme.admin, acme.member):
        emails = (await person.client(MAILBOX))["devMailbox"]
        assert [e["to"] for e in emails] == ["newbie@acme.example"]
        assert "/accept-invitation?token=" in emails[0]["text"]
    assert (await globex.admin.client(MAILBOX))["devMailbox"] == []


async def test_there_is_no_mailbox_in_production(production_app: Starlette) -> None:
    client = GraphQLClient(production_app)
    signed = await client(
        """mutation($input: SignUpInput!) { signUp(input: $input) { errors { code } } }""",
        {"input": {"organizationName": "Prod Co", "firstName": "P", "lastName": "Admin",
                   "email": "admin@prod.example", "password": "correct horse battery"}},
    )
    assert signed["signUp"]["errors"] == []
    body = await client.raw(MAILBOX)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "NOT_ALLOWED"
    await client.close()
