"""Administering members, one's own settings, and the organization's settings."""

from __future__ import annotations

from collections.abc import Callable

from portico.accounts.models import ApiKey, Member, Organization, Session
from tests.conftest import PASSWORD, GraphQLClient, Org
from tests.graphql.helpers import (
    LOG_IN,
    ME,
    codes,
    create_api_key,
    gid,
    key_client,
    pk_of,
)

CHANGE_ROLE = """mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) {
  member { id role isAccountManager } errors { code field message } } }"""
DEACTIVATE = """mutation($id: ID!) { deactivateMember(input: {memberId: $id}) {
  member { id isActive } errors { code field message } } }"""
UPDATE_MY_SETTINGS = """mutation($input: UpdateMySettingsInput!) { updateMySettings(input: $input) {
  member { id firstName lastName language standardMessage } errors { code field message } } }"""
UPDATE_ORG = """mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) {
  organization { id name timezone memberDocumentVisibility } errors { code field message } } }"""
MISSING_MEMBER = gid("Member", 987654321)


async def test_change_member_role(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs

    # only an ADMIN may change roles
    for person in (acme.manager, acme.member):
        data = await person.client(CHANGE_ROLE, {"input": {"memberId": acme.member2.member_id, "role": "ADMIN"}})
        assert [e["code"] for e in data["changeMemberRole"]["errors"]] == ["NOT_ALLOWED"]
    assert (await Member.get(id=pk_of(acme.member2.member_id))).role == "MEMBER"

    # when
    data = await acme.admin.client(CHANGE_ROLE, {"input": {"memberId": acme.member2.member_id, "role": "MANAGER",
                                                           "isAccountManager": False}})

    # then
    assert data["changeMemberRole"] == {"member": {"id": acme.member2.member_id, "role": "MANAGER",
                                                   "isAccountManager": False}, "errors": []}
    assert (await acme.member2.client(ME))["me"]["member"]["role"] == "MANAGER"

    # a member of another organization is "not found", exactly like one that does not exist
    foreign = await acme.admin.client(CHANGE_ROLE, {"input": {"memberId": globex.member.member_id, "role": "ADMIN"}})
    missing = await acme.admin.client(CHANGE_ROLE, {"input": {"memberId": MISSING_MEMBER, "role": "ADMIN"}})
    assert codes(foreign["changeMemberRole"]["errors"]) == {("NOT_FOUND", "memberId")}
    assert foreign["changeMemberRole"]["errors"] == missing["changeMemberRole"]["errors"]
    assert (await Member.get(id=pk_of(globex.member.member_id))).role == "MEMBER"

    # an admin cannot demote themself
    own = await acme.admin.client(CHANGE_ROLE, {"input": {"memberId": acme.admin.member_id, "role": "MEMBER"}})
    assert [e["code"] for e in own["changeMemberRole"]["errors"]] == ["NOT_ALLOWED"]
    assert (await acme.admin.client(ME))["me"]["member"]["role"] == "ADMIN"


async def test_deactivate_member_ends_sessions_and_revokes_keys(two_orgs: tuple[Org, Org],
                                                                client_factory: Callable[..., GraphQLClient]) -> None:
    acme, globex = two_orgs
    # given an API key acting as the member, in use
    _, secret = await create_api_key(acme.admin.client, ["CUSTOMERS_WRITE"], acts_as=acme.member.member_id)
    partner = key_client(client_factory, secret)
    assert (await partner(ME))["me"]["member"]["id"] == acme.member.member_id

    # only an ADMIN may deactivate
    data = await acme.manager.client(DEACTIVATE, {"id": acme.member.member_id})
    assert [e["code"] for e in data["deactivateMember"]["errors"]] == ["NOT_ALLOWED"]
    assert (await acme.member.client(ME))["me"] is not None

    # when
    data = await acme.admin.client(DEACTIVATE, {"id": acme.member.member_id})

    # then
    assert data["deactivateMember"] == {"member": {"id": acme.member.member_id, "isActive": False}, "errors": []}
    assert (await acme.member.client(ME))["me"] is None
    assert await Session.filter(member_id=pk_of(acme.member.member_id)).count() == 0
    assert (await partner(ME))["me"] is None
    assert (await ApiKey.get(acts_as_id=pk_of(acme.member.member_id))).revoked_at is not None
    relog = await client_factory()(LOG_IN, {"input": {"email": acme.member.email, "password": PASSWORD}})
    assert relog["logIn"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    assert (await acme.member2.client(ME))["me"] is not None  # colleagues unaffected

    # an admin cannot deactivate themself; another organization's member is not found
    own = await acme.admin.client(DEACTIVATE, {"id": acme.admin.member_id})
    assert codes(own["deactivateMember"]["errors"]) == {("NOT_ALLOWED", "memberId")}
    foreign = await acme.admin.client(DEACTIVATE, {"id": globex.member.member_id})
    missing = await acme.admin.client(DEACTIVATE, {"id": MISSING_MEMBER})
    assert codes(foreign["deactivateMember"]["errors"]) == {("NOT_FOUND", "memberId")}
    assert foreign["deactivateMember"]["errors"] == missing["deactivateMember"]["errors"]
    assert (await globex.member.client(ME))["me"] is not None


async def test_update_my_settings(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs

    # when
    data = await acme.member.client(UPDATE_MY_SETTINGS, {"input": {
        "firstName": " Rita ", "lastName": "Rossi", "language": "DA", "standardMessage": "Hej! Here you go."}})

    # then
    assert data["updateMySettings"]["errors"] == []
    assert data["updateMySettings"]["member"] == {"id": acme.member.member_id, "firstName": "Rita",
                                                  "lastName": "Rossi", "language": "da",
                                                  "standardMessage": "Hej! Here you go."}
    me = (await acme.member.client(ME))["me"]["member"]
    assert (me["firstName"], me["language"], me["standardMessage"]) == ("Rita", "da", "Hej! Here you go.")

    # when the input is wrong nothing is saved
    data = await acme.member.client(UPDATE_MY_SETTINGS, {"input": {
        "firstName": "", "language": "danish", "standardMessage": "x" * 5001}})
    assert codes(data["updateMySettings"]["errors"]) == {
        ("REQUIRED", "firstName"), ("INVALID_LANGUAGE", "language"), ("TOO_LONG", "standardMessage")}
    stored = await Member.get(id=pk_of(acme.member.member_id))
    assert (stored.first_name, stored.language, stored.standard_message) == ("Rita", "da", "Hej! Here you go.")


async def test_update_organization(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs

    # only an ADMIN may change the organization
    for person in (acme.manager, acme.member):
        data = await person.client(UPDATE_ORG, {"input": {"name": "Hijacked"}})
        assert [e["code"] for e in data["updateOrganization"]["errors"]] == ["NOT_ALLOWED"]

    # a bad time zone changes nothing
    data = await acme.admin.client(UPDATE_ORG, {"input": {"name": "Acme Renamed", "timezone": "Mars/Olympus"}})
    assert codes(data["updateOrganization"]["errors"]) == {("INVALID_TIMEZONE", "timezone")}
    assert data["updateOrganization"]["organization"] is None

    # when
    data = await acme.admin.client(UPDATE_ORG, {"input": {"name": "Acme Renamed", "timezone": "Europe/Copenhagen",
                                                          "memberDocumentVisibility": "OWN_SHARES"}})

    # then
    assert data["updateOrganization"]["errors"] == []
    assert data["updateOrganization"]["organization"] == {
        "id": acme.organization_id, "name": "Acme Renamed", "timezone": "Europe/Copenhagen",
        "memberDocumentVisibility": "OWN_SHARES"}
    assert (await acme.member.client(ME))["me"]["organization"]["name"] == "Acme Renamed"
    names = sorted(await Organization.all().values_list("name", flat=True))
    assert names == ["Acme Renamed", "Globex Partners"]
    assert (await globex.admin.client(ME))["me"]["organization"]["timezone"] == "UTC"
