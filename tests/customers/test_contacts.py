"""Contacts of a customer: add, update, delete, the primary contact, and the PERSON rule."""

from __future__ import annotations

from portico.customers.models import Contact
from tests.conftest import Org
from tests.graphql.helpers import (
    ADD_CONTACT,
    add_contact,
    allow_contacts_without_email,
    codes,
    create_customer,
    gid,
    pk_of,
)

UPDATE_CONTACT = """mutation($input: UpdateContactInput!) { updateContact(input: $input) {
  contact { id firstName lastName email hubAccess isPrimary } errors { code field message } } }"""
DELETE_CONTACT = """mutation($id: ID!) { deleteContact(input: {contactId: $id}) {
  contact { id } errors { code field message } } }"""
CONTACTS = """query($id: ID!) { customer(id: $id) { primaryContact { id }
  contacts { id email isPrimary customer { id } } } }"""


async def _primary_and_ids(client, customer_id: str) -> tuple[str | None, set[str]]:  # type: ignore[no-untyped-def]
    customer = (await client(CONTACTS, {"id": customer_id}))["customer"]
    primaries = [c["id"] for c in customer["contacts"] if c["isPrimary"]]
    assert len(primaries) <= 1
    assert (customer["primaryContact"] or {}).get("id") == (primaries[0] if primaries else None)
    assert all(c["customer"]["id"] == customer_id for c in customer["contacts"])
    return (primaries[0] if primaries else None), {c["id"] for c in customer["contacts"]}


async def test_add_contact_validation_and_primary(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    customer = await create_customer(acme.member.client, "Nordic Widgets")

    # required names and a well-formed email
    data = await acme.member.client(ADD_CONTACT, {"input": {"customerId": customer, "firstName": " ",
                                                            "lastName": "", "email": "no at sign"}})
    assert data["addContact"]["contact"] is None
    assert codes(data["addContact"]["errors"]) == {("REQUIRED", "firstName"), ("REQUIRED", "lastName"),
                                                   ("INVALID_EMAIL", "email")}
    assert await Contact.all().count() == 0

    # the first contact becomes primary even if not asked; a later one only when asked
    first = await add_contact(acme.member.client, customer, "Ann", "First", "Ann@Nordic.example")
    assert first["isPrimary"] is True and first["email"] == "ann@nordic.example"
    # an email is required unless the organization allows contacts without one (seed 003)
    data = await acme.member.client(ADD_CONTACT, {"input": {"customerId": customer, "firstName": "Ben",
                                                            "lastName": "Second", "email": "  "}})
    assert codes(data["addContact"]["errors"]) == {("REQUIRED", "email")}
    await allow_contacts_without_email(acme.admin.client)
    second = await add_contact(acme.member.client, customer, "Ben", "Second", None, hubAccess=False)
    assert second["isPrimary"] is False and second["hubAccess"] is False and second["email"] is None
    assert await _primary_and_ids(acme.member.client, customer) == (first["id"], {first["id"], second["id"]})
    third = await add_contact(acme.member.client, customer, "Cid", "Third", "cid@nordic.example", isPrimary=True)
    assert third["isPrimary"] is True
    assert (await _primary_and_ids(acme.member.client, customer))[0] == third["id"]
    # several contacts without email are fine
    await add_contact(acme.member.client, customer, "Dee", "Fourth", None)

    # the same email twice in one customer (whatever the case) is refused, and the primary does not move
    data = await acme.member.client(ADD_CONTACT, {"input": {"customerId": customer, "firstName": "Ann",
                                                            "lastName": "Again", "email": "ANN@nordic.example",
                                                            "isPrimary": True}})
    assert codes(data["addContact"]["errors"]) == {("EMAIL_TAKEN", "email")}
    primary, ids = await _primary_and_ids(acme.member.client, customer)
    assert primary == third["id"] and len(ids) == 4
    # ... but the same email at another customer is fine
    other = await create_customer(acme.member.client, "Other Co")
    assert (await add_contact(acme.member.client, other, "Ann", "Elsewhere", "ann@nordic.example"))["isPrimary"]

    # customers one cannot see: not found, exactly like one that does not exist
    answers = []
    for client, target in ((globex.admin.client, customer), (acme.member2.client, customer),
                           (acme.member.client, gid("Customer", 987654321))):
        data = await client(ADD_CONTACT, {"input": {"customerId": target, "firstName": "X", "lastName": "Y"}})
        answers.append(data["addContact"]["errors"])
    assert codes(answers[0]) == {("NOT_FOUND", "customerId")}
    assert answers[0] == answers[1] == answers[2]
    assert await Contact.filter(customer_id=pk_of(customer)).count() == 4


async def test_update_and_delete_contacts(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    customer = await create_customer(acme.admin.client, "Nordic Widgets")
    await allow_contacts_without_email(acme.admin.client)
    ann = await add_contact(acme.admin.client, customer, "Ann", "First", "ann@nordic.example")
    ben = await add_contact(acme.admin.client, customer, "Ben", "Second", "ben@nordic.example")
    cid = await add_contact(acme.admin.client, customer, "Cid", "Third", None)

    # when
    data = await acme.admin.client(UPDATE_CONTACT, {"input": {"contactId": ben["id"], "firstName": "Benny",
                                                              "email": "BENNY@nordic.example", "hubAccess": False,
                                                              "isPrimary": True}})

    # then
    assert data["updateContact"] == {"contact": {"id": ben["id"], "firstName": "Benny", "lastName": "Second",
                                                 "email": "benny@nordic.example", "hubAccess": False,
                                                 "isPrimary": True}, "errors": []}
    assert (await _primary_and_ids(acme.admin.client, customer))[0] == ben["id"]

    # a taken email or a bad field changes nothing
    data = await acme.admin.client(UPDATE_CONTACT, {"input": {"contactId": cid["id"], "email": "ann@NORDIC.example",
                                                              "isPrimary": True}})
    assert codes(data["updateContact"]["errors"]) == {("EMAIL_TAKEN", "email")}
    data = await acme.admin.client(UPDATE_CONTACT, {"input": {"contactId": cid["id"], "lastName": "",
                                                              "email": "broken"}})
    assert codes(data["updateContact"]["errors"]) == {("REQUIRED", "lastName"), ("INVALID_EMAIL", "email")}
    stored = await Contact.get(id=pk_of(cid["id"]))
    assert (stored.email, stored.last_name, stored.is_primary) == (None, "Third", False)
    assert (await _primary_and_ids(acme.admin.client, customer))[0] == ben["id"]

    # another organization's contact is not found, like a missing one
    foreign = await globex.admin.client(UPDATE_CONTACT, {"input": {"contactId": ann["id"], "firstName": "X"}})
    missing = await globex.admin.client(UPDATE_CONTACT, {"input": {"contactId": gid("Contact", 987654321),
                                                                   "firstName": "X"}})
    assert codes(foreign["updateContact"]["errors"]) == {("NOT_FOUND", "contactId")}
    assert foreign["updateContact"]["errors"] == missing["updateContact"]["errors"]
    foreign = await globex.admin.client(DELETE_CONTACT, {"id": ann["id"]})
    assert foreign["deleteContact"]["errors"] == missing["updateContact"]["errors"]
    assert await Contact.filter(id=pk_of(ann["id"])).exists()

    # when the primary contact is deleted
    data = await acme.admin.client(DELETE_CONTACT, {"id": ben["id"]})

    # then the primary role passes to another contact (the oldest)
    assert data["deleteContact"] == {"contact": {"id": ben["id"]}, "errors": []}
    assert await _primary_and_ids(acme.admin.client, customer) == (ann["id"], {ann["id"], cid["id"]})
    # deleting a non-primary contact leaves the primary alone
    await acme.admin.client(DELETE_CONTACT, {"id": cid["id"]})
    assert await _primary_and_ids(acme.admin.client, customer) == (ann["id"], {ann["id"]})
    await acme.admin.client(DELETE_CONTACT, {"id": ann["id"]})
    assert await _primary_and_ids(acme.admin.client, customer) == (None, set())


async def test_a_person_is_their_single_contact(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    person = await create_customer(acme.admin.client, "", kind="PERSON", firstName="Carla", lastName="Jensen",
                                   email="carla@jensen.example")
    primary, ids = await _primary_and_ids(acme.admin.client, person)
    assert primary is not None and ids == {primary}

    # when
    added = await acme.admin.client(ADD_CONTACT, {"input": {"customerId": person, "firstName": "Second",
                                                            "lastName": "Person"}})
    deleted = await acme.admin.client(DELETE_CONTACT, {"id": primary})

    # then
    assert codes(added["addContact"]["errors"]) == {("PERSON_HAS_ONE_CONTACT", "customerId")}
    assert codes(deleted["deleteContact"]["errors"]) == {("PERSON_CONTACT", "contactId")}
    assert await _primary_and_ids(acme.admin.client, person) == (primary, {primary})
    # the person's own details can still be edited
    data = await acme.admin.client(UPDATE_CONTACT, {"input": {"contactId": primary, "email": "c@jensen.example"}})
    assert data["updateContact"]["errors"] == [] and data["updateContact"]["contact"]["email"] == "c@jensen.example"
