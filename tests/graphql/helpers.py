"""Operations and helpers shared by the accounts, customers, policy and GraphQL security tests.

Everything goes through GraphQL; the database is only read (or aged, e.g. an expiry moved into the past) to check
what the API cannot show.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from strawberry import relay

from tests.conftest import PASSWORD, GraphQLClient

ERRORS = "errors { code field message }"

SIGN_UP = f"""mutation($input: SignUpInput!) {{ signUp(input: $input) {{
  viewer {{ kind member {{ id email role isAccountManager }} organization {{ id name }} }} {ERRORS} }} }}"""
LOG_IN = f"""mutation($input: LogInInput!) {{ logIn(input: $input) {{
  viewer {{ kind member {{ id email role }} }} {ERRORS} }} }}"""
ME = (
    "{ me { kind member { id email role isAccountManager isActive firstName language standardMessage }"
    " organization { id name timezone } } }"
)
CREATE_CUSTOMER = f"""mutation($input: CreateCustomerInput!) {{ createCustomer(input: $input) {{
  customer {{ id kind name hubAccess modules primaryContact {{ id firstName lastName email isPrimary }}
    contacts {{ id }} accountManagers {{ id }} }} {ERRORS} }} }}"""
ADD_CONTACT = f"""mutation($input: AddContactInput!) {{ addContact(input: $input) {{
  contact {{ id firstName lastName email hubAccess isPrimary }} {ERRORS} }} }}"""
ASSIGN = f"""mutation($input: AccountManagersInput!) {{ assignAccountManagers(input: $input) {{
  customers {{ id accountManagers {{ id }} }} {ERRORS} }} }}"""
UNASSIGN = f"""mutation($input: AccountManagersInput!) {{ unassignAccountManagers(input: $input) {{
  customers {{ id accountManagers {{ id }} }} {ERRORS} }} }}"""
CREATE_API_KEY = f"""mutation($input: CreateApiKeyInput!) {{ createApiKey(input: $input) {{
  apiKey {{ id name prefix scopes lastUsedAt revokedAt actsAs {{ id }} }} secret {ERRORS} }} }}"""
# API-key scopes: each kind of data needs its read scope (issue 7, point 9); ORG_READER reads the whole organization.
READ_SCOPES = ["CUSTOMERS_READ", "DOCUMENTS_READ", "ACTIVITY_READ"]
ORG_READER = ["ORG_READ", *READ_SCOPES]
CUSTOMER_NAMES = "query($first: Int) { customers(first: $first) { totalCount edges { node { id name } } } }"


def gid(type_name: str, pk: int) -> str:
    return relay.to_base64(type_name, pk)


def pk_of(global_id: str) -> int:
    return int(relay.from_base64(global_id)[1])


def codes(errors: list[dict[str, Any]]) -> set[tuple[str, str | None]]:
    return {(e["code"], e["field"]) for e in errors}


async def sign_up(client: GraphQLClient, email: str, organization: str = "Solo Ltd") -> dict[str, Any]:
    data = await client(SIGN_UP, {"input": {"organizationName": organization, "firstName": "Sam", "lastName": "Solo",
                                            "email": email, "password": PASSWORD}})
    assert data["signUp"]["errors"] == [], data
    return data["signUp"]["viewer"]  # type: ignore[no-any-return]


async def create_customer(client: GraphQLClient, name: str, kind: str = "COMPANY", **extra: Any) -> str:
    data = await client(CREATE_CUSTOMER, {"input": {"kind": kind, "name": name, **extra}})
    assert data["createCustomer"]["errors"] == [], data
    return str(data["createCustomer"]["customer"]["id"])


async def add_contact(client: GraphQLClient, customer_id: str, first: str, last: str, email: str | None = None,
                      **extra: Any) -> dict[str, Any]:
    data = await client(ADD_CONTACT, {"input": {"customerId": customer_id, "firstName": first, "lastName": last,
                                                "email": email, **extra}})
    assert data["addContact"]["errors"] == [], data
    return data["addContact"]["contact"]  # type: ignore[no-any-return]


ALLOW_NO_EMAIL = f"""mutation($allow: Boolean!) {{ updateOrganization(input: {{allowContactsWithoutEmail: $allow}}) {{
  organization {{ allowContactsWithoutEmail }} {ERRORS} }} }}"""


async def allow_contacts_without_email(admin: GraphQLClient, allow: bool = True) -> None:
    """The organization setting of seed 003 (administrators)."""
    data = await admin(ALLOW_NO_EMAIL, {"allow": allow})
    assert data["updateOrganization"] == {"organization": {"allowContactsWithoutEmail": allow}, "errors": []}


async def assign(client: GraphQLClient, customer_ids: list[str], member_ids: list[str]) -> None:
    data = await client(ASSIGN, {"input": {"customerIds": customer_ids, "memberIds": member_ids}})
    assert data["assignAccountManagers"]["errors"] == [], data


async def create_api_key(admin: GraphQLClient, scopes: list[str], acts_as: str | None = None,
                         name: str = "Partner") -> tuple[str, str]:
    data = await admin(CREATE_API_KEY, {"input": {"name": name, "scopes": scopes, "actsAsMemberId": acts_as}})
    assert data["createApiKey"]["errors"] == [], data
    return str(data["createApiKey"]["apiKey"]["id"]), str(data["createApiKey"]["secret"])


def key_client(client_factory: Callable[..., GraphQLClient], secret: str) -> GraphQLClient:
    return client_factory(headers={"Authorization": f"Bearer {secret}"})


async def customer_names(client: GraphQLClient) -> set[str]:
    data = await client(CUSTOMER_NAMES, {"first": 200})
    names = {e["node"]["name"] for e in data["customers"]["edges"]}
    assert data["customers"]["totalCount"] == len(names)
    return names


def link_token(text: str, path: str) -> str:
    """The token of the first `<path>?token=...` link in an email body."""
    match = re.search(rf"{re.escape(path)}\?token=([A-Za-z0-9_\-]+)", text)
    assert match, f"no {path} link in: {text}"
    return match.group(1)
