"""Member invitations (seed 004): role and account-manager flag, one-time link."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from portico.accounts.models import Invitation, Member, OneTimeToken
from portico.mail.models import OutboxEmail
from tests.conftest import GraphQLClient, Org
from tests.graphql.helpers import ME, codes, link_token

INVITE = """mutation($input: InviteMemberInput!) { inviteMember(input: $input) {
  invitation { id email role isAccountManager acceptedAt } errors { code field message } } }"""
ACCEPT = """mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) {
  viewer { kind member { id email role isAccountManager firstName } organization { id } }
  errors { code field message } } }"""
INVITATIONS = "{ invitations { email role isAccountManager acceptedAt } }"
NEW_PASSWORD = "welcome aboard 2024"


def _accept(token: str, password: str = NEW_PASSWORD) -> dict[str, object]:
    return {"input": {"token": token, "firstName": "Nina", "lastName": "New", "password": password}}


async def test_admin_invites_and_the_invitee_joins_once(two_orgs: tuple[Org, Org],
                                                        client_factory: Callable[..., GraphQLClient]) -> None:
    acme, globex = two_orgs

    # when
    data = await acme.admin.client(INVITE, {"input": {"email": "Nina@New.example", "role": "MANAGER",
                                                      "isAccountManager": True, "language": "en"}})

    # then
    assert data["inviteMember"]["errors"] == []
    assert data["inviteMember"]["invitation"] == {
        "id": data["inviteMember"]["invitation"]["id"], "email": "nina@new.example", "role": "MANAGER",
        "isAccountManager": True, "acceptedAt": None}
    emails = await OutboxEmail.filter(kind="member_invitation")
    assert [e.to_address for e in emails] == ["nina@new.example"]
    token = link_token(emails[0].text, "/accept-invitation")
    listed = await acme.admin.client(INVITATIONS)
    assert listed["invitations"] == [{"email": "nina@new.example", "role": "MANAGER", "isAccountManager": True,
                                      "acceptedAt": None}]
    assert (await globex.admin.client(INVITATIONS))["invitations"] == []

    # when a weak password is given first, the link is not spent
    invitee = client_factory()
    weak = await invitee(ACCEPT, _accept(token, "short"))
    assert codes(weak["acceptInvitation"]["errors"]) == {("WEAK_PASSWORD", "password")}

    # when
    data = await invitee(ACCEPT, _accept(token))

    # then the member exists with the invited role and flag, in the inviting organization, and is signed in
    assert data["acceptInvitation"]["errors"] == []
    viewer = data["acceptInvitation"]["viewer"]
    assert viewer["member"]["email"] == "nina@new.example"
    assert viewer["member"]["role"] == "MANAGER" and viewer["member"]["isAccountManager"] is True
    assert viewer["organization"]["id"] == acme.organization_id
    assert (await invitee(ME))["me"]["member"]["firstName"] == "Nina"
    invitation = await Invitation.get(email="nina@new.example")
    assert invitation.accepted_at is not None

    # when the link is used again
    again = await client_factory()(ACCEPT, _accept(token, "another passphrase"))

    # then
    assert codes(again["acceptInvitation"]["errors"]) == {("INVALID_TOKEN", "token")}
    assert again["acceptInvitation"]["viewer"] is None
    assert await Member.filter(email="nina@new.example").count() == 1


async def test_invitation_refusals(two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]) -> None:
    acme, globex = two_orgs
    invite = {"email": "x@new.example", "role": "MEMBER", "isAccountManager": False}

    # MEMBER and MANAGER may not invite
    for person in (acme.member, acme.manager):
        data = await person.client(INVITE, {"input": invite})
        assert data["inviteMember"]["invitation"] is None
        assert [e["code"] for e in data["inviteMember"]["errors"]] == ["NOT_ALLOWED"]
        refused = await person.client.raw(INVITATIONS)
        assert refused["errors"][0]["extensions"]["code"] == "NOT_ALLOWED"

    # an email that is already a member of this organization (whatever its case)
    data = await acme.admin.client(INVITE, {"input": {**invite, "email": acme.member.email.upper()}})
    assert codes(data["inviteMember"]["errors"]) == {("ALREADY_MEMBER", "email")}

    # a malformed email, a bad language
    data = await acme.admin.client(INVITE, {"input": {**invite, "email": "nope", "language": "english"}})
    assert codes(data["inviteMember"]["errors"]) == {("INVALID_EMAIL", "email"), ("INVALID_LANGUAGE", "language")}

    # not signed in
    anonymous = await client_factory().raw(INVITE, {"input": invite})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

    assert await OutboxEmail.filter(kind="member_invitation").count() == 0
    assert await Invitation.all().count() == 0

    # an expired invitation cannot be accepted
    data = await acme.admin.client(INVITE, {"input": invite})
    assert data["inviteMember"]["errors"] == []
    token = link_token((await OutboxEmail.get(kind="member_invitation")).text, "/accept-invitation")
    await OneTimeToken.filter(purpose="INVITATION").update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    late = await client_factory()(ACCEPT, _accept(token))
    assert codes(late["acceptInvitation"]["errors"]) == {("INVALID_TOKEN", "token")}
    assert not await Member.filter(email="x@new.example").exists()


async def test_inviting_does_not_reveal_an_email_known_in_another_organization(
    two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    """Issue 7, point 10: inviting globex's rep into acme answers like any new address; accepting makes them a
    member of both organizations (an email is unique within one)."""
    acme, globex = two_orgs
    for email in (globex.member.email.upper(), "fresh@new.example"):
        data = await acme.admin.client(INVITE, {"input": {"email": email, "role": "MEMBER"}})
        assert data["inviteMember"]["errors"] == []
        assert data["inviteMember"]["invitation"]["email"] == email.lower()

    # two invitations for the same person: the first accepted makes them a member, the second is refused
    again = await acme.admin.client(INVITE, {"input": {"email": globex.member.email, "role": "MANAGER"}})
    assert again["inviteMember"]["errors"] == []
    first, second = [link_token(e.text, "/accept-invitation")
                     for e in await OutboxEmail.filter(to_address=globex.member.email).order_by("id")]
    joined = await client_factory()(ACCEPT, _accept(first))
    assert joined["acceptInvitation"]["errors"] == []
    assert joined["acceptInvitation"]["viewer"]["organization"]["id"] == acme.organization_id
    refused = await client_factory()(ACCEPT, _accept(second))
    assert codes(refused["acceptInvitation"]["errors"]) == {("ALREADY_MEMBER", None)}
    assert await Member.filter(email=globex.member.email).count() == 2

    # now a member of acme too, the same address is refused there, and only there
    data = await acme.admin.client(INVITE, {"input": {"email": globex.member.email, "role": "MEMBER"}})
    assert codes(data["inviteMember"]["errors"]) == {("ALREADY_MEMBER", "email")}
