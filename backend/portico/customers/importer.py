"""Customer import (issue 9, point 4): customers with their contacts from a CSV or XLSX file.

How a file is read (also in docs/customer-import.md):

- The first row holds the column names; the caller maps columns to fields (`columns.ImportField`), or takes the
  mapping suggested from the headers. The external reference is required: it is what makes an import idempotent.
- Every row is one customer reference, and, when any contact column is filled in, one contact of it, matched by
  email within the customer. Several rows with the same reference are one customer with several contacts; the
  rows need not be next to each other. The FIRST row of a reference carries the customer's fields (name, kind, hub
  access); later rows of it may leave them empty or repeat them; a different value is an error on that row.
- A reference that exists updates that customer (name, hub access) and its contacts (names, hub access); one that
  does not creates the customer, with the importing member as account manager (as `create_customer` does). An
  empty cell changes nothing. Nothing is ever deleted, and the kind of an existing customer is not changed.
  Importing the same file again changes nothing.
- The "Account Manager" column (emails separated by ";") replaces a customer's account managers when filled in:
  see account_manager_column.py for its rules (unknown emails and members who are not account managers are row
  errors; only ADMIN and MANAGER change them).
- A dry run checks everything (with the database, read-only) and counts what would change; the import does the
  same and writes, in one transaction: a file with any error writes nothing.

Memory stays flat in the number of rows: the file is read lazily a batch at a time, each batch written with a few
set-based statements (bulk INSERT/UPDATE, no statement per row). What is kept per distinct reference is two
8-byte digests (to check later rows of a reference against its first), about 100 bytes each.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts.models import Member, Session
from portico.actors import Actor
from portico.customers import account_manager_column as managers_column
from portico.customers import rules
from portico.customers.columns import CONTACT_FIELDS, NO, YES, ImportField, suggest_mapping
from portico.customers.import_summary import (
    MAX_REPORTED_ERRORS,
    ImportSummary,
    RowError,
    mapping_problems,
    parse_mapping,
    unique_headers,
)
from portico.customers.models import Contact, Customer, CustomerKind
from portico.customers.services import add_account_manager_pairs
from portico.customers.tabular import UnreadableFile, kind_of, read_rows, restore, spooled_copy
from portico.errors import DomainError, NotFound
from portico.hubs.models import Upload
from portico.hubs.sweeps import forget_upload
from portico.storage.base import Storage
from portico.validation import Checker, is_uuid

BATCH_ROWS = 1000
_LABELS = {
    ImportField.EXTERNAL_REF: "external reference",
    ImportField.CUSTOMER_NAME: "name",
    ImportField.CUSTOMER_KIND: "kind",
    ImportField.CUSTOMER_HUB_ACCESS: "hub access",
}


async def import_customers(
    actor: Actor, storage: Storage, *, upload_id: str, mapping: dict[str, str] | None, dry_run: bool
) -> ImportSummary:
    """Check (dry run) or import the uploaded file. Row errors come back in the summary; the mapping's problems in
    `summary.problems` (with the columns and the mapping, so the caller can show both)."""
    member = policy.require_customer_editor(actor)
    upload = await Upload.filter(
        id=upload_id, organization_id=actor.organization_id, member_id=member.id, used_at=None
    ).first() if is_uuid(upload_id) else None
    if upload is None:
        raise NotFound("Upload", "uploadId")
    kind = kind_of(upload.content_type)
    async with spooled_copy(storage, upload.storage_key, kind) as path:
        rows = read_rows(path, kind)
        try:
            header = await asyncio.to_thread(next, rows, None)
            if header is None:
                raise UnreadableFile("The file is empty.")
            columns = unique_headers(header)
            chosen = suggest_mapping(columns) if mapping is None else parse_mapping(mapping)
            summary = ImportSummary(dry_run=dry_run, columns=columns, mapping=chosen)
            summary.problems = mapping_problems(columns, chosen)
            if summary.problems:
                return summary
            reader = _Reader(actor, member, summary, columns)
            if dry_run:
                await reader.run(rows, None)
                return summary
            try:
                async with in_transaction() as conn:
                    await reader.run(rows, conn)
                    if summary.error_count:
                        raise _RollBack
                    # The file has done its job: it stops counting toward the storage quota with the import's
                    # commit (a second import of the same upload finds nothing), and its object goes after it.
                    consumed = await forget_upload(upload, conn)
            except _RollBack:
                return summary
            except IntegrityError:
                raise DomainError(
                    "CONFLICT", "Another import changed these customers at the same time. Import again.", "uploadId"
                ) from None
            if consumed:
                await storage.delete(upload.storage_key)
            return summary
        finally:
            rows.close()


class _RollBack(Exception):
    """A row had an error: nothing of the file is kept."""


def _digest(*parts: str) -> int:
    return int.from_bytes(hashlib.blake2b("\0".join(parts).encode(), digest_size=8).digest())


def _take(rows: Iterator[list[str]], size: int) -> list[list[str]]:
    batch = []
    for record in rows:
        batch.append(record)
        if len(batch) == size:
            break
    return batch


@dataclass
class _ContactIn:
    first_name: str
    last_name: str
    email: str
    hub_access: bool | None


@dataclass
class _Row:
    line: int
    ref: str
    name: str | None
    kind: CustomerKind | None
    hub_access: bool | None
    contact: _ContactIn | None
    failed: bool = False
    managers: tuple[str, ...] | None = None  # the Account Manager cell's emails; None: empty (unchanged)


# What a reference's first row said, packed in one int: name digest | kind | hub access | has a contact.
_KINDS = {None: 0, CustomerKind.COMPANY: 1, CustomerKind.PERSON: 2}
_FLAGS = {None: 0, False: 1, True: 2}


def _pack(row: _Row, has_contact: bool) -> int:
    name = _digest(row.name) >> 16 if row.name is not None else 0
    return (name << 8) | (_KINDS[row.kind] << 4) | (_FLAGS[row.hub_access] << 2) | int(has_contact)


class _Reader:
    """Reads the rows a batch at a time; checks, counts and (with a connection) writes each batch."""

    def __init__(self, actor: Actor, member: Member, summary: ImportSummary, columns: list[str]) -> None:
        self.actor = actor
        self.member = member
        self.summary = summary
        self.column_of = {f: c for c, f in summary.mapping.items()}
        self.index = {f: columns.index(c) for c, f in summary.mapping.items()}
        self.seen_customers: dict[int, int] = {}
        self.seen_contacts: set[int] = set()
        self.seen_managers: dict[int, int] = {}  # reference digest -> its first row's account managers digest

    async def run(self, rows: Iterator[list[str]], conn: BaseDBAsyncClient | None) -> None:
        line = 1
        while batch := await asyncio.to_thread(_take, rows, BATCH_ROWS):
            parsed = []
            for cells in batch:
                line += 1
                if any(cells):  # blank lines are skipped
                    self.summary.rows += 1
                    parsed.append(self._parse(line, cells))
            await _Batch(self, conn).run(parsed)

    def error(self, row: _Row, field: ImportField | None, code: str, message: str) -> None:
        row.failed = True
        self.summary.add_error(RowError(row.line, self.column_of.get(field) if field else None, field, code, message))

    def _cell(self, cells: list[str], field: ImportField) -> str:
        i = self.index.get(field)
        return restore(cells[i]) if i is not None and i < len(cells) else ""

    def _parse(self, line: int, cells: list[str]) -> _Row:
        check = Checker()
        ref = rules.external_ref(check, self._cell(cells, ImportField.EXTERNAL_REF), ImportField.EXTERNAL_REF)
        name = rules.customer_name(check, self._cell(cells, ImportField.CUSTOMER_NAME), ImportField.CUSTOMER_NAME,
                                   required=False) or None
        row = _Row(line, ref, name, None, None, None)
        row.kind = self._kind(row, self._cell(cells, ImportField.CUSTOMER_KIND))
        row.hub_access = self._flag(row, ImportField.CUSTOMER_HUB_ACCESS, cells)
        if ImportField.ACCOUNT_MANAGERS in self.index:
            row.managers = managers_column.parse_cell(
                check, self._cell(cells, ImportField.ACCOUNT_MANAGERS), ImportField.ACCOUNT_MANAGERS
            )
        if any(self._cell(cells, f) for f in CONTACT_FIELDS):
            first = rules.first_name(check, self._cell(cells, ImportField.CONTACT_FIRST_NAME),
                                     ImportField.CONTACT_FIRST_NAME)
            last = rules.last_name(check, self._cell(cells, ImportField.CONTACT_LAST_NAME),
                                   ImportField.CONTACT_LAST_NAME)
            email = rules.contact_email(check, self._cell(cells, ImportField.CONTACT_EMAIL),
                                        ImportField.CONTACT_EMAIL, required=True)
            hub = self._flag(row, ImportField.CONTACT_HUB_ACCESS, cells)
            row.contact = _ContactIn(first, last, email or "", hub)
        for problem in check.problems:
            field = ImportField(problem.field) if problem.field else None
            self.error(row, field, problem.code, problem.message)
        return row

    def _kind(self, row: _Row, text: str) -> CustomerKind | None:
        if not text:
            return None
        value = {"PRIVATE": "PERSON"}.get(text.upper(), text.upper())
        if value not in CustomerKind.__members__:
            self.error(
                row, ImportField.CUSTOMER_KIND, "INVALID_VALUE", f"{text!r} is not a kind: write COMPANY or PERSON."
            )
            return None
        return CustomerKind(value)

    def _flag(self, row: _Row, field: ImportField, cells: list[str]) -> bool | None:
        text = self._cell(cells, field).lower()
        if not text:
            return None
        if text in YES or text in NO:
            return text in YES
        self.error(row, field, "INVALID_VALUE", f"{text!r} is not yes or no.")
        return None


class _Batch:
    """One batch of rows: a handful of queries to look them up, a handful of statements to write them."""

    def __init__(self, reader: _Reader, conn: BaseDBAsyncClient | None) -> None:
        self.reader = reader
        self.conn = conn
        self.summary = reader.summary
        self.new_customers: dict[str, Customer] = {}
        self.changed_customers: list[Customer] = []
        # (reference, customer id when it exists already, the contact's fields)
        self.new_contacts: list[tuple[str, int | None, dict[str, Any]]] = []
        self.changed_contacts: list[Contact] = []
        self.hub_access_revoked: list[int] = []
        self.members: dict[str, Member] = {}
        self.current_managers: dict[int, tuple[str, ...]] = {}
        self.new_customer_managers: dict[str, list[int]] = {}
        self.changed_managers: dict[int, list[int]] = {}

    async def run(self, rows: list[_Row]) -> None:
        organization_id = self.reader.actor.organization_id
        refs = {r.ref for r in rows if r.ref}
        existing = {
            c.external_ref: c
            for c in await Customer.filter(organization_id=organization_id, external_ref__in=refs).using_db(self.conn)
        }
        ids = [c.id for c in existing.values()]
        visible = _ints(
            await policy.customers_visible_to(self.reader.actor).filter(id__in=ids).using_db(self.conn)
            .values_list("id", flat=True)
        ) if ids else set()
        emails = {r.contact.email for r in rows if r.contact and r.contact.email}
        contacts = {
            (c.customer_id, c.email): c
            for c in await Contact.filter(customer_id__in=list(visible), email__in=emails).using_db(self.conn)
        } if visible and emails else {}
        with_contacts = _ints(
            await Contact.filter(customer_id__in=list(visible)).using_db(self.conn).distinct()
            .values_list("customer_id", flat=True)
        ) if visible else set()
        named = {e for r in rows if r.managers for e in r.managers}
        self.members = await managers_column.members_by_email(organization_id, named, self.conn)
        self.current_managers = await managers_column.current_managers(list(visible), self.conn) if named else {}
        for row in rows:
            if not row.failed:
                self._row(row, existing.get(row.ref), visible, contacts, with_contacts)
            elif row.ref and (first_row := self.reader.seen_customers.get(_digest(row.ref))) is not None:
                self._agrees(row, first_row)  # so that every problem of the row is told at once
        if self.conn is not None and not self.summary.error_count:
            await self._write(self.conn)

    def _row(
        self, row: _Row, customer: Customer | None, visible: set[int],
        contacts: dict[tuple[int, str | None], Contact], with_contacts: set[int],
    ) -> None:
        reader = self.reader
        key = _digest(row.ref)
        first_row = reader.seen_customers.get(key)
        if customer is not None and customer.id not in visible:
            reader.error(row, ImportField.EXTERNAL_REF, "NOT_FOUND",
                         "This external reference belongs to a customer you cannot see.")
            return
        if first_row is not None:
            if not self._agrees(row, first_row) or not self._same_managers(row, key):
                return
            has_contact = bool(first_row & 1)
        else:
            if row.managers is not None and not self._plan_managers(row, customer):
                return
            reader.seen_managers[key] = managers_column.digest(row.managers) if row.managers is not None else 0
            if customer is None and not self._plan_new_customer(row):
                return
            if customer is not None and not self._plan_update(row, customer):
                return
            has_contact = customer is not None and customer.id in with_contacts
            reader.seen_customers[key] = _pack(row, has_contact)
        if row.contact is None:
            return
        contact_key = _digest(row.ref, row.contact.email)
        if contact_key in reader.seen_contacts:
            reader.error(row, ImportField.CONTACT_EMAIL, "DUPLICATE_CONTACT",
                         "An earlier row already has this contact (same reference and email).")
            return
        kind = customer.kind if customer is not None else (row.kind or self._first_kind(key))
        existing = contacts.get((customer.id, row.contact.email)) if customer is not None else None
        if kind is CustomerKind.PERSON and existing is None and has_contact:
            reader.error(row, ImportField.CONTACT_EMAIL, "PERSON_HAS_ONE_CONTACT",
                         "A private person is their own single contact.")
            return
        reader.seen_contacts.add(contact_key)
        reader.seen_customers[key] |= 1
        if existing is not None:
            self._plan_contact_update(existing, row.contact)
        else:
            self.summary.contacts_created += 1
            self.new_contacts.append((row.ref, customer.id if customer is not None else None, {
                "organization_id": reader.actor.organization_id,
                "first_name": row.contact.first_name,
                "last_name": row.contact.last_name,
                "email": row.contact.email,
                "hub_access": True if row.contact.hub_access is None else row.contact.hub_access,
                "is_primary": not has_contact,
            }))

    def _first_kind(self, key: int) -> CustomerKind:
        packed = (self.reader.seen_customers[key] >> 4) & 3
        return CustomerKind.PERSON if packed == 2 else CustomerKind.COMPANY

    def _agrees(self, row: _Row, first_row: int) -> bool:
        """A later row of a reference: its customer fields are empty or the first row's."""
        ours = _pack(row, False)
        for which, shift, width in ((ImportField.CUSTOMER_NAME, 8, 48), (ImportField.CUSTOMER_KIND, 4, 2),
                                    (ImportField.CUSTOMER_HUB_ACCESS, 2, 2)):
            mask = (1 << width) - 1
            mine = (ours >> shift) & mask
            if mine and mine != (first_row >> shift) & mask:
                self.reader.error(row, which, "CONFLICTING_VALUE",
                                  f"The first row of this external reference gives another {_LABELS[which]}: later "
                                  "rows may leave it empty or repeat it.")
                return False
        return True

    def _same_managers(self, row: _Row, key: int) -> bool:
        if row.managers is None or managers_column.digest(row.managers) == self.reader.seen_managers.get(key):
            return True
        self.reader.error(row, ImportField.ACCOUNT_MANAGERS, "CONFLICTING_VALUE",
                          "The first row of this external reference gives other account managers: later rows may "
                          "leave them empty or repeat them.")
        return False

    def _plan_managers(self, row: _Row, customer: Customer | None) -> bool:
        """Check the row's account managers (every problem at once) and plan the change."""
        assert row.managers is not None
        ids = []
        for email in row.managers:
            member = self.members.get(email)
            if member is None:
                self.reader.error(row, ImportField.ACCOUNT_MANAGERS, "UNKNOWN_MEMBER",
                                  f"{email} is not an active member of the organization.")
            elif not member.is_account_manager:
                self.reader.error(row, ImportField.ACCOUNT_MANAGERS, "NOT_AN_ACCOUNT_MANAGER",
                                  f"{email} is not an account manager.")
            else:
                ids.append(member.id)
        if row.failed:
            return False
        if customer is None:
            if ids != [self.reader.member.id] and not managers_column.may_change(self.reader.member):
                self.reader.error(row, ImportField.ACCOUNT_MANAGERS, "NOT_ALLOWED",
                                  "Only administrators and managers choose other account managers.")
                return False
            self.new_customer_managers[row.ref] = ids
            return True
        if self.current_managers.get(customer.id, ()) == row.managers:
            return True
        if not managers_column.may_change(self.reader.member):
            self.reader.error(row, ImportField.ACCOUNT_MANAGERS, "NOT_ALLOWED",
                              "Only administrators and managers change a customer's account managers.")
            return False
        self.summary.account_managers_changed += 1
        self.changed_managers[customer.id] = ids
        return True

    def _plan_new_customer(self, row: _Row) -> bool:
        kind = row.kind or CustomerKind.COMPANY
        name = row.name
        if name is None and kind is CustomerKind.PERSON and row.contact is not None:
            name = f"{row.contact.first_name} {row.contact.last_name}".strip()
        if not name:
            self.reader.error(row, ImportField.CUSTOMER_NAME, "REQUIRED", "A new customer needs a name.")
            return False
        if row.ref in self.new_customers:  # cannot happen: a reference's first row is planned once
            return True
        self.summary.customers_created += 1
        self.new_customers[row.ref] = Customer(
            organization_id=self.reader.actor.organization_id,
            kind=kind,
            name=name,
            name_key=name.lower(),
            hub_access=bool(row.hub_access),
            modules=["DOCUMENTS"],
            external_ref=row.ref,
            created_by_id=self.reader.member.id,
        )
        return True

    def _plan_update(self, row: _Row, customer: Customer) -> bool:
        if row.kind is not None and row.kind is not customer.kind:
            self.reader.error(row, ImportField.CUSTOMER_KIND, "KIND_CHANGE",
                              f"This customer is a {customer.kind.value}; an import does not change the kind.")
            return False
        changed = False
        if row.name is not None and row.name != customer.name:
            customer.name, customer.name_key, changed = row.name, row.name.lower(), True
        if row.hub_access is not None and row.hub_access != customer.hub_access:
            customer.hub_access, changed = row.hub_access, True
            customer.hub_access_switched_off_at = None if row.hub_access else datetime.now(UTC)
        if changed:
            self.summary.customers_updated += 1
            self.changed_customers.append(customer)
        else:
            self.summary.customers_unchanged += 1
        return True

    def _plan_contact_update(self, contact: Contact, given: _ContactIn) -> None:
        changed = False
        if given.first_name != contact.first_name or given.last_name != contact.last_name:
            contact.first_name, contact.last_name, changed = given.first_name, given.last_name, True
        if given.hub_access is not None and given.hub_access != contact.hub_access:
            contact.hub_access, changed = given.hub_access, True
            if not given.hub_access:
                self.hub_access_revoked.append(contact.id)
        if changed:
            self.summary.contacts_updated += 1
            self.changed_contacts.append(contact)
        else:
            self.summary.contacts_unchanged += 1

    async def _write(self, conn: BaseDBAsyncClient) -> None:
        """The batch's changes in set-based statements (one INSERT or UPDATE per kind of change)."""
        ids: dict[str, int] = {}
        if self.new_customers:
            await Customer.bulk_create(list(self.new_customers.values()), using_db=conn)
            ids = {
                ref: pk for ref, pk in await Customer.filter(
                    organization_id=self.reader.actor.organization_id, external_ref__in=list(self.new_customers)
                ).using_db(conn).values_list("external_ref", "id")
            }
            # The importing member manages what they created, so a MEMBER keeps seeing it (as create_customer does).
            # A filled Account Manager cell names them instead.
            await add_account_manager_pairs(conn, [
                (pk, m) for ref, pk in ids.items() for m in self.new_customer_managers.get(ref, [self.reader.member.id])
            ])
        if self.changed_customers:
            await Customer.bulk_update(
                self.changed_customers, fields=["name", "name_key", "hub_access", "hub_access_switched_off_at"],
                using_db=conn,
            )
        if self.new_contacts:
            await Contact.bulk_create(
                [Contact(customer_id=pk or ids[ref], **values) for ref, pk, values in self.new_contacts],
                using_db=conn,
            )
        if self.changed_contacts:
            await Contact.bulk_update(
                self.changed_contacts, fields=["first_name", "last_name", "hub_access"], using_db=conn
            )
        await managers_column.replace(conn, self.changed_managers)
        if self.hub_access_revoked:
            # As for one contact switched off in the form: their open sessions end now.
            await Session.filter(contact_id__in=self.hub_access_revoked).using_db(conn).delete()


def _ints(values: Any) -> set[int]:
    return {int(v) for v in values}


__all__ = ["MAX_REPORTED_ERRORS", "ImportSummary", "RowError", "import_customers"]
