"""Invoices through GraphQL: operations and a small world (customers with and without an account manager, a
signed-in contact)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portico.customers.models import Customer
from tests.conftest import GraphQLClient, Org
from tests.graphql.helpers import ASSIGN, CREATE_CUSTOMER, pk_of
from tests.hubs.helpers import sign_in_contact

ERRORS = "errors { code field message }"
INVOICE_FIELDS = ("id number amount currency issuedOn dueOn status paidAmount openAmount paused pausedReason opened "
                  "firstOpenedAt customer { id name }")
CREATE_INVOICE = f"""mutation($input: CreateInvoiceInput!) {{ createInvoice(input: $input) {{
  invoice {{ {INVOICE_FIELDS} }} {ERRORS} }} }}"""
UPDATE_INVOICE = f"""mutation($input: UpdateInvoiceInput!) {{ updateInvoice(input: $input) {{
  invoice {{ {INVOICE_FIELDS} }} {ERRORS} }} }}"""
UPSERT_INVOICE = f"""mutation($input: UpsertInvoiceInput!) {{ upsertInvoice(input: $input) {{
  invoice {{ {INVOICE_FIELDS} }} created changed {ERRORS} }} }}"""
VOID_INVOICE = f"""mutation($id: ID!) {{ voidInvoice(input: {{invoiceId: $id}}) {{
  invoice {{ {INVOICE_FIELDS} }} {ERRORS} }} }}"""
PAUSE_INVOICE = f"""mutation($input: PauseInvoiceInput!) {{ pauseInvoice(input: $input) {{
  invoice {{ {INVOICE_FIELDS} }} {ERRORS} }} }}"""
RECORD_PAYMENT = f"""mutation($input: RecordPaymentInput!) {{ recordPayment(input: $input) {{
  invoice {{ {INVOICE_FIELDS} payments {{ amount paidOn note }} }} payment {{ amount }} {ERRORS} }} }}"""
INVOICES = f"""query($first: Int, $after: String, $status: [InvoiceStatus!], $customerId: ID, $am: ID,
  $overdue: Boolean, $opened: Boolean) {{ invoices(first: $first, after: $after, status: $status,
  customerId: $customerId, accountManagerId: $am, overdue: $overdue, opened: $opened) {{ totalCount
  totals {{ currency amount paid open count }}
  pageInfo {{ hasNextPage endCursor }} edges {{ node {{ {INVOICE_FIELDS} }} }} }} }}"""
INVOICE = f"query($id: ID!) {{ invoice(id: $id) {{ {INVOICE_FIELDS} payments {{ amount }} }} }}"
PORTFOLIO = """query($memberId: ID) { portfolio(memberId: $memberId) { member { id }
  open { currency amount } overdue { currency amount }
  rows { customer { id name } open { currency amount } overdue { currency amount } openInvoices
         lastContactActivityAt } } }"""


@dataclass
class World:
    managed: str  # customer account-managed by acme.member, INVOICES on, with a signed-in contact
    unmanaged: str  # nobody's portfolio
    contact: GraphQLClient


async def make_world(acme: Org, contact_client: GraphQLClient, label: str = "fjord") -> World:
    admin = acme.admin.client
    data = await admin(CREATE_CUSTOMER, {"input": {
        "kind": "COMPANY", "name": f"{label.title()} Logistics", "hubAccess": True,
        "modules": ["DOCUMENTS", "INVOICES"], "firstName": "Mette", "lastName": "Larsen",
        "email": f"mette@{label}.example", "sendWelcome": True}})
    assert data["createCustomer"]["errors"] == [], data
    managed = data["createCustomer"]["customer"]["id"]
    assigned = await admin(ASSIGN, {"input": {"customerIds": [managed], "memberIds": [acme.member.member_id]}})
    assert assigned["assignAccountManagers"]["errors"] == []
    data = await admin(CREATE_CUSTOMER, {"input": {"kind": "COMPANY", "name": f"{label.title()} Bygg",
                                                   "modules": ["INVOICES"]}})
    unmanaged = data["createCustomer"]["customer"]["id"]
    await Customer.filter(id=pk_of(managed)).update(external_ref=f"ERP-{label}-1")
    await Customer.filter(id=pk_of(unmanaged)).update(external_ref=f"ERP-{label}-2")
    await sign_in_contact(contact_client, f"mette@{label}.example", kind="contact_welcome")
    return World(managed, unmanaged, contact_client)


def invoice_input(customer_id: str, number: str, amount: str = "100.00", currency: str = "EUR",
                  issued_on: str = "2026-10-01", due_on: str = "2026-10-31") -> dict[str, Any]:
    return {"customerId": customer_id, "number": number, "amount": amount, "currency": currency,
            "issuedOn": issued_on, "dueOn": due_on}


async def create_invoice(client: GraphQLClient, *args: Any, **kwargs: Any) -> dict[str, Any]:
    data = await client(CREATE_INVOICE, {"input": invoice_input(*args, **kwargs)})
    assert data["createInvoice"]["errors"] == [], data
    invoice: dict[str, Any] = data["createInvoice"]["invoice"]
    return invoice
