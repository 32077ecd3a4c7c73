"""Quotes through the public API: a customer with the QUOTES module and contacts, PDFs uploaded, quotes made."""

from __future__ import annotations

from typing import Any

from portico.demo import demo_pdf
from tests.conftest import GraphQLClient
from tests.hubs.helpers import ADD_CONTACT, switch_hub_access_on, upload_ok

ERRORS = "errors { code field message }"
QUOTE_FIELDS = """id number title amount currency status visibility sentAt openedAt downloadedAt versionNumber
  customer { id } sender { id } contact { id } recipients { id email }
  currentVersion { id number sha256 viewUrl downloadUrl attachments { id filename viewUrl } }
  versions { id number isCurrent frozen }"""
CREATE_CUSTOMER = f"""mutation($input: CreateCustomerInput!) {{ createCustomer(input: $input) {{
  customer {{ id }} {ERRORS} }} }}"""
ASSIGN = f"""mutation($input: AccountManagersInput!) {{ assignAccountManagers(input: $input) {{ {ERRORS} }} }}"""
CREATE_QUOTE = f"""mutation($input: CreateQuoteInput!) {{ createQuote(input: $input) {{
  quote {{ {QUOTE_FIELDS} }} version {{ id number }} {ERRORS} }} }}"""
PUBLISH = f"""mutation($id: ID!) {{ publishQuote(input: {{quoteId: $id}}) {{ quote {{ id status }} {ERRORS} }} }}"""
ARCHIVE = f"""mutation($id: ID!) {{ archiveQuote(input: {{quoteId: $id}}) {{ quote {{ id status }} {ERRORS} }} }}"""
UPDATE = f"""mutation($input: UpdateQuoteInput!) {{ updateQuote(input: $input) {{
  quote {{ id title remindUnopenedDays expiresOn }} {ERRORS} }} }}"""
ADD_VERSION = f"""mutation($input: AddQuoteVersionInput!) {{ addQuoteVersion(input: $input) {{
  quote {{ id versionNumber }} version {{ id number sha256 }} {ERRORS} }} }}"""
UPSERT = f"""mutation($input: UpsertQuoteInput!) {{ upsertQuote(input: $input) {{
  quote {{ id status versionNumber externalRef }} created versionAdded {ERRORS} }} }}"""
QUOTE = f"query($id: ID!) {{ quote(id: $id) {{ {QUOTE_FIELDS} events {{ kind actorName }} }} }}"
QUOTES = """query($status: [QuoteStatus!], $customerId: ID, $senderId: ID, $days: Int, $search: String,
  $first: Int, $after: String) {
  quotes(status: $status, customerId: $customerId, senderId: $senderId, notOpenedForDays: $days, search: $search,
         first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id number status } } } }"""
MY_QUOTES = f"{{ myQuotes {{ {QUOTE_FIELDS} }} }}"


async def quote_customer(client: GraphQLClient, name: str, contacts: list[tuple[str, str]],
                         managers: list[str] = (), modules: tuple[str, ...] = ("DOCUMENTS", "QUOTES")  # type: ignore[assignment]
                         ) -> tuple[str, list[str]]:
    """A company with the QUOTES module, its contacts (first name, email) and hub access on."""
    data = await client(CREATE_CUSTOMER, {"input": {"kind": "COMPANY", "name": name, "modules": list(modules)}})
    assert data["createCustomer"]["errors"] == [], data
    customer = str(data["createCustomer"]["customer"]["id"])
    contact_ids = []
    for first, email in contacts:
        added = await client(ADD_CONTACT, {"input": {"customerId": customer, "firstName": first, "lastName": "Kunde",
                                                     "email": email}})
        assert added["addContact"]["errors"] == [], added
        contact_ids.append(str(added["addContact"]["contact"]["id"]))
    await switch_hub_access_on(client, customer)
    if managers:
        assigned = await client(ASSIGN, {"input": {"customerIds": [customer], "memberIds": list(managers)}})
        assert assigned["assignAccountManagers"]["errors"] == []
    return customer, contact_ids


async def create_quote(client: GraphQLClient, customer_id: str, number: str = "Q-1001", *,
                       pdf: bytes | None = None, expect_errors: bool = False, **fields: Any) -> dict[str, Any]:
    upload_id = await upload_ok(client, pdf if pdf is not None else demo_pdf(f"Quote {number}"), f"{number}.pdf")
    data = await client(CREATE_QUOTE, {"input": {
        "customerId": customer_id, "number": number, "title": f"Offer {number}", "uploadId": upload_id,
        "amount": "1250.00", "currency": "EUR", "visibility": "ALL_CONTACTS", **fields}})
    payload: dict[str, Any] = data["createQuote"]
    if not expect_errors:
        assert payload["errors"] == [], payload
    return payload
