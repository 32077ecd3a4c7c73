"""Issue 9, point 1: companies and private persons (seed 001), the contact a company needs before hub access, contact
emails (required, unless the organization allows contacts without one: seed 003), and clearing an email."""

from __future__ import annotations

from portico.customers.models import Contact, Customer
from portico.mail.models import OutboxEmail
from tests.conftest import Org
from tests.graphql.helpers import (
    ALLOW_NO_EMAIL,
    CREATE_CUSTOMER,
    add_contact,
    allow_contacts_without_email,
    codes,
    create_customer,
    pk_of,
)

UPDATE_CUSTOMER = """mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) {
  customer { hubAccess } errors { code field message } } }"""
UPDATE_CONTACT = """mutation($input: UpdateContactInput!) { updateContact(input: $input) {
  contact { email firstName } errors { code field message } } }"""
STATUS = """query($id: ID!) { customer(id: $id) { hubAccess contacts { email invitationStatus } } }"""


async def _hub_access(client, customer: str, on: bool) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    data = await client(UPDATE_CUSTOMER, {"input": {"customerId": customer, "hubAccess": on}})
    return data["updateCustomer"]["errors"]  # type: ignore[no-any-return]


async def test_a_company_needs_a_contact_with_hub_access_before_hub_access(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    client = acme.member.client

    # created with hub access but no contact: refused, nothing written
    data = await client(CREATE_CUSTOMER, {"input": {"kind": "COMPANY", "name": "Nordic", "hubAccess": True}})
    assert codes(data["createCustomer"]["errors"]) == {("NEEDS_CONTACT", "hubAccess")}
    assert await Customer.all().count() == 0

    # switched on later: refused while no contact has hub access
    customer = await create_customer(client, "Nordic")
    assert codes(await _hub_access(client, customer, True)) == {("NEEDS_CONTACT", "hubAccess")}
    await add_contact(client, customer, "Ann", "Buyer", "ann@nordic.example", hubAccess=False)
    assert codes(await _hub_access(client, customer, True)) == {("NEEDS_CONTACT", "hubAccess")}
    assert (await Customer.get(id=pk_of(customer))).hub_access is False
    await add_contact(client, customer, "Ben", "Buyer", "ben@nordic.example")
    assert await _hub_access(client, customer, True) == []
    assert (await Customer.get(id=pk_of(customer))).hub_access is True


async def test_a_company_created_with_its_first_contact_and_welcome(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    data = await acme.member.client(CREATE_CUSTOMER, {"input": {
        "kind": "COMPANY", "name": "Fjord", "hubAccess": True, "firstName": "Mette", "lastName": "Larsen",
        "email": "Mette@Fjord.example", "sendWelcome": True}})
    created = data["createCustomer"]
    assert created["errors"] == []
    primary = created["customer"]["primaryContact"]
    assert (primary["firstName"], primary["email"], primary["isPrimary"]) == ("Mette", "mette@fjord.example", True)
    [email] = await OutboxEmail.filter(kind="contact_welcome")
    assert email.to_address == "mette@fjord.example" and email.secrets
    status = await acme.member.client(STATUS, {"id": created["customer"]["id"]})
    assert status["customer"]["contacts"] == [{"email": "mette@fjord.example", "invitationStatus": "INVITED"}]


async def test_a_person_is_created_with_hub_access_and_welcome_in_one_go(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    person = {"kind": "PERSON", "name": "", "firstName": "Carla", "lastName": "Jensen", "hubAccess": True}

    # no email, and the organization does not allow that: refused, nothing written
    data = await acme.member.client(CREATE_CUSTOMER, {"input": person})
    assert codes(data["createCustomer"]["errors"]) == {("REQUIRED", "email")}
    # a welcome without hub access cannot be sent
    data = await acme.member.client(CREATE_CUSTOMER, {"input": {
        **person, "hubAccess": False, "email": "carla@jensen.example", "sendWelcome": True}})
    assert codes(data["createCustomer"]["errors"]) == {("HUB_ACCESS_OFF", "sendWelcome")}
    assert await Customer.all().count() == 0 and await Contact.all().count() == 0

    # when
    data = await acme.member.client(CREATE_CUSTOMER, {"input": {
        **person, "email": "carla@jensen.example", "sendWelcome": True}})

    # then one form made the customer, its contact and the welcome email
    assert data["createCustomer"]["errors"] == []
    assert data["createCustomer"]["customer"]["hubAccess"] is True
    assert await OutboxEmail.filter(kind="contact_welcome", to_address="carla@jensen.example").count() == 1

    # a person without email where the organization allows it; asking for a welcome then says why not
    await allow_contacts_without_email(acme.admin.client)
    data = await acme.member.client(CREATE_CUSTOMER, {"input": {**person, "firstName": "Ole", "sendWelcome": True}})
    assert codes(data["createCustomer"]["errors"]) == {("NO_EMAIL", "contactId")}
    data = await acme.member.client(CREATE_CUSTOMER, {"input": {**person, "firstName": "Ole"}})
    assert data["createCustomer"]["errors"] == []
    assert data["createCustomer"]["customer"]["primaryContact"]["email"] is None


async def test_clearing_an_email_is_explicit(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    customer = await create_customer(acme.admin.client, "Nordic")
    ann = await add_contact(acme.admin.client, customer, "Ann", "Buyer", "ann@nordic.example")

    # leaving the email out keeps it
    data = await acme.admin.client(UPDATE_CONTACT, {"input": {"contactId": ann["id"], "firstName": "Anne"}})
    assert data["updateContact"]["contact"] == {"email": "ann@nordic.example", "firstName": "Anne"}
    # "" or null asks to remove it: an error while the organization requires emails, and nothing changes
    for cleared in ("", None, "   "):
        data = await acme.admin.client(UPDATE_CONTACT, {"input": {"contactId": ann["id"], "email": cleared}})
        assert codes(data["updateContact"]["errors"]) == {("REQUIRED", "email")}, cleared
    assert (await Contact.get(id=pk_of(ann["id"]))).email == "ann@nordic.example"

    # where the organization allows contacts without email, it is removed
    await allow_contacts_without_email(acme.admin.client)
    data = await acme.admin.client(UPDATE_CONTACT, {"input": {"contactId": ann["id"], "email": None}})
    assert data["updateContact"] == {"contact": {"email": None, "firstName": "Anne"}, "errors": []}

    # the setting is the organization's own: another organization still requires emails
    other = await create_customer(globex.admin.client, "Harbor")
    data = await globex.admin.client("""mutation($input: AddContactInput!) { addContact(input: $input) {
      errors { code field } } }""", {"input": {"customerId": other, "firstName": "X", "lastName": "Y"}})
    assert codes(data["addContact"]["errors"]) == {("REQUIRED", "email")}


async def test_only_administrators_allow_contacts_without_email(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    for client in (acme.member.client, acme.manager.client):
        data = await client(ALLOW_NO_EMAIL, {"allow": True})
        assert codes(data["updateOrganization"]["errors"]) == {("NOT_ALLOWED", None)}
    assert (await acme.admin.client("{ me { organization { allowContactsWithoutEmail } } }"))[
        "me"]["organization"] == {"allowContactsWithoutEmail": False}
