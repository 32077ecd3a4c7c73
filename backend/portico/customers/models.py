"""Customers (a company or a private person), their contacts, and their account managers."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class CustomerKind(StrEnum):
    COMPANY = "COMPANY"
    PERSON = "PERSON"


class CustomerModule(StrEnum):
    DOCUMENTS = "DOCUMENTS"
    QUOTES = "QUOTES"
    INVOICES = "INVOICES"


class Customer(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="customers", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(CustomerKind, max_length=16)
    name = fields.CharField(max_length=200)
    # Lower-cased name, kept for case-insensitive search and ordering on both databases.
    name_key = fields.CharField(max_length=200, db_index=True)
    hub_access = fields.BooleanField(default=False)
    # Set when a member switches hub access off (cleared when they switch it on again). A share to a customer that
    # never had access gives them their hub; a share never undoes a deliberate "off" (issue 7, point 6).
    hub_access_switched_off_at = fields.DatetimeField(null=True)
    modules: fields.JSONField[list[str]] = fields.JSONField(default=list)
    # The customer's id in the organization's own systems (ERP, CRM): what an import matches rows on, so that
    # importing the same file again changes nothing. Unique per organization; None for customers made by hand.
    external_ref = fields.CharField(max_length=100, null=True)
    # Seed 003: the primary contact may change who of their colleagues has which access to the hub's staff folders.
    primary_contact_manages_permissions = fields.BooleanField(default=False, db_default=False)
    account_managers: fields.ManyToManyRelation = fields.ManyToManyField(
        "models.Member", related_name="managed_customers", through="customer_account_manager"
    )
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Member", related_name="created_customers", null=True, on_delete=fields.SET_NULL
    )
    # Receivables (issue 11): the customer's own reminder workflow (null: the organization's default), and a pause
    # of all reminders to the customer (a dispute, a payment plan).
    reminder_workflow: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.ReminderWorkflow", related_name="customers", null=True, on_delete=fields.SET_NULL
    )
    reminders_paused = fields.BooleanField(default=False, db_default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    reminder_workflow_id: int | None

    class Meta:
        table = "customer"
        unique_together = (("organization", "external_ref"),)


class Contact(Model):
    id = fields.IntField(primary_key=True)
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="contacts", on_delete=fields.CASCADE
    )
    # Denormalised so that tenant checks on a contact need no join.
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="contacts", on_delete=fields.CASCADE
    )
    first_name = fields.CharField(max_length=100)
    last_name = fields.CharField(max_length=100)
    email = fields.CharField(max_length=254, null=True)
    hub_access = fields.BooleanField(default=True)
    is_primary = fields.BooleanField(default=False)
    password_hash = fields.CharField(max_length=200, null=True)
    # The colleague who invited this contact from a hub, if any (seed 000: "share with colleagues").
    invited_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Contact", related_name="invited_colleagues", null=True, on_delete=fields.SET_NULL
    )
    # The newest email that carried the contact a personal hub link (a welcome email or a share): "invited".
    invited_at = fields.DatetimeField(null=True)
    welcome_sent_at = fields.DatetimeField(null=True)
    # The newest time the contact signed in to the hub (any way): "signed in".
    last_signed_in_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    customer_id: int
    organization_id: int

    class Meta:
        table = "contact"
        unique_together = (("customer", "email"),)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
