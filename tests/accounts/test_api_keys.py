"""Partner API keys: created by admins, shown once, stored hashed, scoped, revocable, rate limited."""

from __future__ import annotations

import base64
from collections.abc import Callable

from starlette.applications import Starlette

from portico.accounts.models import ApiKey
from tests.conftest import GraphQLClient, Org
from tests.graphql.helpers import (
    CREATE_API_KEY,
    CREATE_CUSTOMER,
    ME,
    ORG_READER,
    assign,
    codes,
    create_api_key,
    create_customer,
    customer_names,
    gid,
    key_client,
    pk_of,
)

API_KEYS = "{ apiKeys { id name prefix scopes revokedAt actsAs { id } } }"
REVOKE = """mutation($id: ID!) { revokeApiKey(input: {apiKeyId: $id}) {
  apiKey { id revokedAt } errors { code field message } } }"""
CUSTOMER = "query($id: ID!) { customer(id: $id) { id name } }"


async def test_only_admins_create_keys_and_the_secret_is_shown_once(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    key_input = {"name": "ERP sync", "scopes": ["ORG_READ", "CUSTOMERS_WRITE"]}

    # MANAGER and MEMBER may not
    for person in (acme.manager, acme.member):
        data = await person.client(CREATE_API_KEY, {"input": key_input})
        assert data["createApiKey"]["secret"] is None
        assert [e["code"] for e in data["createApiKey"]["errors"]] == ["NOT_ALLOWED"]
    assert await ApiKey.all().count() == 0

    # when
    data = await acme.admin.client(CREATE_API_KEY, {"input": key_input})

    # then
    payload = data["createApiKey"]
    assert payload["errors"] == []
    secret = payload["secret"]
    assert secret.startswith("ptc_" + payload["apiKey"]["prefix"] + "_")
    random_part = secret.split("_", 2)[2]  # ptc_<hex prefix>_<urlsafe secret>
    assert len(base64.urlsafe_b64decode(random_part + "=" * (-len(random_part) % 4))) * 8 >= 128
    assert payload["apiKey"]["scopes"] == ["CUSTOMERS_WRITE", "ORG_READ"]
    assert payload["apiKey"]["actsAs"] is None and payload["apiKey"]["lastUsedAt"] is None
    row = await ApiKey.get(id=pk_of(payload["apiKey"]["id"]))
    stored = " ".join(str(v) for v in dict(row).values())
    assert secret not in stored and random_part not in stored
    # it is listed without its secret, to this organization's admin only
    listed = (await acme.admin.client(API_KEYS))["apiKeys"]
    assert [(k["id"], k["name"]) for k in listed] == [(payload["apiKey"]["id"], "ERP sync")]
    assert secret not in str(listed)
    assert "secret" in (await acme.admin.client.raw("{ apiKeys { secret } }"))["errors"][0]["message"]
    assert (await globex.admin.client(API_KEYS))["apiKeys"] == []

    # a key must have scopes; a key acting as nobody must be an ORG_READ reader; members of other orgs are not found
    data = await acme.admin.client(CREATE_API_KEY, {"input": {"name": "", "scopes": []}})
    assert codes(data["createApiKey"]["errors"]) == {("REQUIRED", "name"), ("REQUIRED", "scopes")}
    data = await acme.admin.client(CREATE_API_KEY, {"input": {"name": "w", "scopes": ["CUSTOMERS_WRITE"]}})
    assert codes(data["createApiKey"]["errors"]) == {("ORG_READ_REQUIRED", "scopes")}
    data = await acme.admin.client(CREATE_API_KEY, {"input": {"name": "x", "scopes": ["CUSTOMERS_WRITE"],
                                                              "actsAsMemberId": globex.member.member_id}})
    assert codes(data["createApiKey"]["errors"]) == {("NOT_FOUND", "actsAsMemberId")}
    assert await ApiKey.all().count() == 1


async def test_keys_read_as_their_member_or_as_org_wide_reader(two_orgs: tuple[Org, Org],
                                                               client_factory: Callable[..., GraphQLClient]) -> None:
    acme, globex = two_orgs
    # given: one customer the member manages, one they do not, one in the other organization
    managed = await create_customer(acme.admin.client, "Managed Co")
    await assign(acme.admin.client, [managed], [acme.member.member_id])
    await create_customer(acme.admin.client, "Unmanaged Co")
    foreign = await create_customer(globex.admin.client, "Globex Customer")
    _, member_secret = await create_api_key(acme.admin.client, ["CUSTOMERS_WRITE", "CUSTOMERS_READ"],
                                            acts_as=acme.member.member_id)
    _, reader_secret = await create_api_key(acme.admin.client, ORG_READER)
    _, readonly_member_secret = await create_api_key(acme.admin.client, ["SHARES_WRITE", "CUSTOMERS_READ"],
                                                     acts_as=acme.member.member_id)
    as_member = key_client(client_factory, member_secret)
    reader = key_client(client_factory, reader_secret)
    no_write = key_client(client_factory, readonly_member_secret)

    # a key acting as a MEMBER is that member: it sees only that member's customers, and may write
    me = (await as_member(ME))["me"]
    assert me["kind"] == "API_KEY" and me["member"]["id"] == acme.member.member_id
    assert me["organization"]["id"] == acme.organization_id
    assert await customer_names(as_member) == {"Managed Co"}
    created = await as_member(CREATE_CUSTOMER, {"input": {"kind": "COMPANY", "name": "Via API"}})
    assert created["createCustomer"]["errors"] == []
    assert created["createCustomer"]["customer"]["accountManagers"] == [{"id": acme.member.member_id}]
    assert await customer_names(as_member) == {"Managed Co", "Via API"}
    assert (await as_member(CUSTOMER, {"id": foreign}))["customer"] is None

    # an org-wide reader sees every customer of its organization, none of the other, and cannot write
    me = (await reader(ME))["me"]
    assert me["kind"] == "API_KEY" and me["member"] is None and me["organization"]["id"] == acme.organization_id
    assert await customer_names(reader) == {"Managed Co", "Unmanaged Co", "Via API"}
    assert (await reader(CUSTOMER, {"id": foreign}))["customer"] is None
    refused = await reader(CREATE_CUSTOMER, {"input": {"kind": "COMPANY", "name": "Nope"}})
    assert [e["code"] for e in refused["createCustomer"]["errors"]] == ["NOT_ALLOWED"]
    assert (await reader.raw(API_KEYS))["errors"][0]["extensions"]["code"] == "NOT_ALLOWED"

    # a key without CUSTOMERS_WRITE cannot create customers even as a member
    refused = await no_write(CREATE_CUSTOMER, {"input": {"kind": "COMPANY", "name": "Nope"}})
    assert [e["code"] for e in refused["createCustomer"]["errors"]] == ["NOT_ALLOWED"]
    assert "CUSTOMERS_WRITE" in refused["createCustomer"]["errors"][0]["message"]
    assert "Nope" not in await customer_names(acme.admin.client)

    # the keys' use was recorded
    used = await ApiKey.filter(last_used_at__not_isnull=True).count()
    assert used == 3


async def test_revoked_or_unknown_key_is_not_authenticated(two_orgs: tuple[Org, Org],
                                                           client_factory: Callable[..., GraphQLClient]) -> None:
    acme, globex = two_orgs
    key_id, secret = await create_api_key(acme.admin.client, ["ORG_READ"])
    partner = key_client(client_factory, secret)
    assert (await partner(ME))["me"]["kind"] == "API_KEY"

    # another organization's admin cannot revoke it: not found, like a key that does not exist
    foreign = await globex.admin.client(REVOKE, {"id": key_id})
    missing = await globex.admin.client(REVOKE, {"id": gid("ApiKey", 987654321)})
    assert codes(foreign["revokeApiKey"]["errors"]) == {("NOT_FOUND", "apiKeyId")}
    assert foreign["revokeApiKey"]["errors"] == missing["revokeApiKey"]["errors"]
    manager = await acme.manager.client(REVOKE, {"id": key_id})
    assert [e["code"] for e in manager["revokeApiKey"]["errors"]] == ["NOT_ALLOWED"]
    assert (await partner(ME))["me"] is not None

    # when
    data = await acme.admin.client(REVOKE, {"id": key_id})

    # then
    assert data["revokeApiKey"]["errors"] == [] and data["revokeApiKey"]["apiKey"]["revokedAt"] is not None
    assert (await partner(ME))["me"] is None
    body = await partner.raw("{ customers { totalCount } }")
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED" and body["data"] is None

    # made-up and malformed keys are nobody
    prefix = (await ApiKey.get(id=pk_of(key_id))).prefix
    for header in (f"Bearer ptc_{prefix}_{'A' * 43}", "Bearer ptc_nope", "Basic dXNlcjpwYXNz", "Bearer "):
        assert (await client_factory(headers={"Authorization": header})(ME))["me"] is None


async def test_requests_per_key_are_rate_limited(app: Starlette, two_orgs: tuple[Org, Org],
                                                 client_factory: Callable[..., GraphQLClient]) -> None:
    acme, _ = two_orgs
    _, secret = await create_api_key(acme.admin.client, ["ORG_READ"], name="busy")
    _, other_secret = await create_api_key(acme.admin.client, ["ORG_READ"], name="quiet")
    busy = key_client(client_factory, secret)
    quiet = key_client(client_factory, other_secret)
    app.state.services.api_rate_limiter.per_minute = 3

    # when
    for _ in range(3):
        assert (await busy(ME))["me"]["kind"] == "API_KEY"
    response = await busy.http.post("/graphql", json={"query": ME})

    # then the fourth request in the minute is refused, for that key only
    assert response.status_code == 429
    assert "rate limit" in response.text.lower()
    assert (await quiet(ME))["me"]["kind"] == "API_KEY"
    for _ in range(5):  # signed-in browsers are not counted
        assert (await acme.admin.client(ME))["me"]["kind"] == "MEMBER"
