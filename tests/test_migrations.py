"""Migrations that rebuild tables keep every row that points at them, on SQLite and on PostgreSQL.

Staff emails became unique per organization (issue 7, point 10). On SQLite that rebuilds the `member` table, and a
careless rebuild (`DROP TABLE member` with foreign keys on) cascades: sessions, API keys, one-time tokens,
invitations and account-manager links would all be deleted.
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import asyncpg
import pytest
from tortoise import Tortoise, connections
from tortoise.exceptions import IntegrityError
from tortoise.migrations.api.migrate import migrate

from portico.db import init_db_url, tortoise_config
from tests.conftest import (
    POSTGRES_ADMIN_URL,
    _base_url,
    _create_postgres_database,
    _drop_postgres_database,
    service_missing,
)

PER_ORGANIZATION = importlib.import_module("portico.migrations.0011_member_email_per_organization")
BEFORE = PER_ORGANIZATION.Migration.dependencies[0][1]


@pytest.fixture(params=["sqlite", "postgres"])
async def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A database with no tables at all (the `db` fixture's are migrated already)."""
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path / 'migrations.sqlite3'}"
        return
    name = f"portico_migrations_{uuid.uuid4().hex[:8]}"
    try:
        await _create_postgres_database(name)
    except (OSError, asyncpg.PostgresError) as exc:
        service_missing("PostgreSQL", str(exc))
    try:
        yield f"{_base_url(POSTGRES_ADMIN_URL)}/{name}"
    finally:
        await _drop_postgres_database(name)


async def _migrate(url: str, target: str | None = None) -> None:
    try:
        await migrate(config=tortoise_config(url), target=f"models.{target}" if target else None)
    finally:
        await Tortoise.close_connections()


async def _counts() -> dict[str, int]:
    from portico.accounts.models import ApiKey, Invitation, Member, OneTimeToken, Session
    from portico.customers.models import Customer

    return {
        "member": await Member.all().count(),
        "session": await Session.all().count(),
        "api_key": await ApiKey.filter(acts_as_id__not_isnull=True, created_by_id__not_isnull=True).count(),
        "one_time_token": await OneTimeToken.filter(member_id__not_isnull=True).count(),
        "invitation": await Invitation.filter(invited_by_id__not_isnull=True).count(),
        # counted in SQL: today's Customer model has columns the old schema lacks
        "account_manager": (await connections.get("default").execute_query(
            "SELECT COUNT(*) AS n FROM customer_account_manager"))[1][0]["n"],
        "customer_created_by": await Customer.filter(created_by_id__not_isnull=True).count(),
    }


async def _old_customer(organization_id: int, created_by: int, managers: list[int]) -> None:
    """A customer row as the schema before the change has it. Today's model has columns added since (the external
    reference), so the ORM cannot write to the old table: plain SQL, in either database's parameter style."""
    conn = connections.get("default")
    postgres = conn.capabilities.dialect == "postgres"

    def marks(n: int) -> str:
        return ", ".join(f"${i}" if postgres else "?" for i in range(1, n + 1))

    await conn.execute_query(
        "INSERT INTO customer (organization_id, kind, name, name_key, hub_access, modules, created_by_id, created_at)"
        f" VALUES ({marks(8)})",
        [organization_id, "COMPANY", "C", "c", False, "[]", created_by, datetime.now(UTC)],
    )
    _, rows = await conn.execute_query(
        f"SELECT id FROM customer WHERE organization_id = {marks(1)}", [organization_id]
    )
    for member_id in managers:
        await conn.execute_query(
            f"INSERT INTO customer_account_manager (customer_id, member_id) VALUES ({marks(2)})",
            [rows[0]["id"], member_id],
        )


async def _old_organization(name: str) -> int:
    """An organization row as the schemas before 0018 had it (the model has columns added since): plain SQL."""
    connection = connections.get("default")
    postgres = connection.capabilities.dialect == "postgres"
    marks = ", ".join(f"${i}" if postgres else "?" for i in range(1, 6))
    await connection.execute_query(
        "INSERT INTO organization (name, timezone, storage_quota_bytes, member_document_visibility, created_at) "
        f"VALUES ({marks})",
        [name, "UTC", 10, "ALL_HUB_DOCUMENTS", datetime.now(UTC)],
    )
    rows = await connection.execute_query_dict(
        f"SELECT id FROM organization WHERE name = {'$1' if postgres else '?'}", [name]
    )
    return int(rows[0]["id"])


async def test_member_emails_per_organization_keep_every_dependent_row(empty_database: str) -> None:
    from portico.accounts.models import (
        ApiKey,
        Invitation,
        Member,
        OneTimeToken,
        Organization,
        Role,
        Session,
        TokenPurpose,
    )
    # given a database just before the change, with two organizations' staff and what points at them
    await _migrate(empty_database, BEFORE)
    await init_db_url(empty_database)
    later = datetime.now(UTC) + timedelta(days=1)
    for n in range(2):
        org = await _old_organization(f"Org {n}")
        admin = await Member.create(organization_id=org, email=f"admin{n}@x.example", first_name="A", last_name="A",
                                    password_hash="h", role=Role.ADMIN)
        rep = await Member.create(organization_id=org, email=f"rep{n}@x.example", first_name="R", last_name="R",
                                  password_hash="h")
        await Session.create(token_hash=f"session-{n}", member=admin, expires_at=later)
        await ApiKey.create(organization_id=org, name="k", prefix=f"p{n}", key_hash="h", acts_as=rep, created_by=admin)
        token = await OneTimeToken.create(purpose=TokenPurpose.INVITATION, token_hash=f"token-{n}", organization_id=org,
                                          member=admin, expires_at=later)
        await Invitation.create(organization_id=org, email="new@x.example", role=Role.MEMBER, token=token,
                                invited_by=admin, expires_at=later)
        await _old_customer(org, admin.id, [admin.id, rep.id])
    before = await _counts()
    await Tortoise.close_connections()

    # when
    await _migrate(empty_database)

    # then nothing that pointed at a member is gone
    await init_db_url(empty_database)
    try:
        assert await _counts() == before == {"member": 4, "session": 2, "api_key": 2, "one_time_token": 2,
                                             "invitation": 2, "account_manager": 4, "customer_created_by": 2}
        # an email may now be staff of two organizations, but only once in each
        org0, org1 = await Organization.all().order_by("id")
        await Member.create(organization=org1, email="admin0@x.example", first_name="A", last_name="A",
                            password_hash="h")
        with pytest.raises(IntegrityError):
            await Member.create(organization=org0, email="admin0@x.example", first_name="A", last_name="A",
                                password_hash="h")
        # and foreign keys still hold (SQLite switched them off for the rebuild, and on again)
        await Member.filter(email="rep0@x.example").delete()
        assert await ApiKey.filter(organization_id=org0.id).count() == 0  # acts as the deleted rep: cascaded
    finally:
        await Tortoise.close_connections()


READ_SCOPES_MIGRATION = importlib.import_module("portico.migrations.0012_api_key_read_scopes")


async def test_keys_made_before_read_scopes_keep_the_access_they_had(empty_database: str) -> None:
    """Issue 7, point 9 gave reads their own scopes; a key made before reads exactly what it read then."""
    from portico.accounts.models import ApiKey, Member, Role

    await _migrate(empty_database, READ_SCOPES_MIGRATION.Migration.dependencies[0][1])
    await init_db_url(empty_database)
    org = await _old_organization("Org")
    rep = await Member.create(organization_id=org, email="rep@x.example", first_name="R", last_name="R",
                              password_hash="h", role=Role.MEMBER)
    await ApiKey.create(organization_id=org, name="reader", prefix="p1", key_hash="h", scopes=["ORG_READ"])
    await ApiKey.create(organization_id=org, name="bi", prefix="p2", key_hash="h", scopes=["ACTIVITY_READ", "ORG_READ"])
    await ApiKey.create(organization_id=org, name="crm", prefix="p3", key_hash="h", scopes=["CUSTOMERS_WRITE"],
                        acts_as=rep)
    await Tortoise.close_connections()

    await _migrate(empty_database)

    await init_db_url(empty_database)
    try:
        scopes = dict(await ApiKey.all().values_list("name", "scopes"))
        assert scopes == {
            # an org-wide reader read customers and documents, and activity only with ACTIVITY_READ
            "reader": ["CUSTOMERS_READ", "DOCUMENTS_READ", "ORG_READ"],
            "bi": ["ACTIVITY_READ", "CUSTOMERS_READ", "DOCUMENTS_READ", "ORG_READ"],
            # a key acting as a member read all that member read
            "crm": ["ACTIVITY_READ", "CUSTOMERS_READ", "CUSTOMERS_WRITE", "DOCUMENTS_READ"],
        }
    finally:
        await Tortoise.close_connections()


LIFECYCLE_MIGRATION = importlib.import_module("portico.migrations.0018_contact_lifecycle")


async def test_contacts_keep_their_history_as_invited_and_signed_in(empty_database: str) -> None:
    """Issue 9, point 2: a contact's status is kept on the contact from now on; contacts from before get the dates
    their hub links and sessions show (not "never invited" for someone who has been using the hub)."""
    from portico.accounts.models import Member, Session
    from portico.customers.models import Contact, CustomerKind

    await _migrate(empty_database, LIFECYCLE_MIGRATION.Migration.dependencies[0][1])
    await init_db_url(empty_database)
    conn = connections.get("default")
    postgres = conn.capabilities.dialect == "postgres"

    def marks(n: int) -> str:
        return ", ".join(f"${i}" if postgres else "?" for i in range(1, n + 1))

    org = await _old_organization("Org")
    admin = await Member.create(organization_id=org, email="a@x.example", first_name="A", last_name="A",
                                password_hash="h")
    # Plain SQL: the model has columns added since (reminder_workflow_id, reminders_paused in 0023).
    await conn.execute_query(
        "INSERT INTO customer (organization_id, kind, name, name_key, hub_access, modules, created_by_id, created_at,"
        f" primary_contact_manages_permissions) VALUES ({marks(9)})",
        [org, CustomerKind.COMPANY.value, "C", "c", False, "[]", admin.id, datetime.now(UTC), False],
    )
    _, found = await conn.execute_query(f"SELECT id FROM customer WHERE name_key = {marks(1)}", ["c"])
    customer = SimpleNamespace(id=found[0]["id"])
    linked, used = datetime(2026, 11, 2, 9, tzinfo=UTC), datetime(2026, 11, 3, 10, tzinfo=UTC)
    ids = {}
    for name in ("never", "invited", "signed"):
        await conn.execute_query(
            "INSERT INTO contact (customer_id, organization_id, first_name, last_name, email, hub_access, is_primary,"
            f" created_at) VALUES ({marks(8)})",
            [customer.id, org, name, "X", f"{name}@c.example", True, False, datetime.now(UTC)],
        )
        _, rows = await conn.execute_query(f"SELECT id FROM contact WHERE first_name = {marks(1)}", [name])
        ids[name] = rows[0]["id"]
    for name, first_used in (("invited", None), ("signed", used)):
        await conn.execute_query(
            "INSERT INTO hub_link (organization_id, contact_id, token_hash, created_at, first_used_at, last_used_at)"
            f" VALUES ({marks(6)})",
            [org, ids[name], f"hash-{name}", linked, first_used, first_used],
        )
    later = datetime.now(UTC) + timedelta(days=1)
    await Session.create(token_hash="s", contact_id=ids["signed"], expires_at=later)
    await Tortoise.close_connections()

    await _migrate(empty_database)

    await init_db_url(empty_database)
    try:
        rows = {c.first_name: c for c in await Contact.all()}
        assert (rows["never"].invited_at, rows["never"].last_signed_in_at) == (None, None)
        assert (rows["invited"].invited_at, rows["invited"].last_signed_in_at) == (linked, None)
        assert rows["signed"].invited_at == linked
        assert rows["signed"].last_signed_in_at is not None and rows["signed"].last_signed_in_at > used  # the session
    finally:
        await Tortoise.close_connections()


CYCLES_MIGRATION = importlib.import_module("portico.migrations.0024_quote_reminder_cycles")


async def test_reminders_sent_before_versions_restart_them_count_for_the_version_the_customer_has(
    empty_database: str,
) -> None:
    """Issue 10's gap: a reminder is claimed per (quote, cycle, kind) now. A reminder recorded before counts as sent
    for its quote's current version (nothing goes out again because of the migration), "before expiry" for the
    quote as a whole; and the new claim is unique, on SQLite (table rebuilt) as on PostgreSQL."""
    from portico.accounts.models import Member
    from portico.quotes.reminder_models import QuoteReminder

    await _migrate(empty_database, CYCLES_MIGRATION.Migration.dependencies[0][1])
    await init_db_url(empty_database)
    conn = connections.get("default")
    postgres = conn.capabilities.dialect == "postgres"

    def marks(n: int) -> str:
        return ", ".join(f"${i}" if postgres else "?" for i in range(1, n + 1))

    now = datetime.now(UTC)
    org = await _old_organization("Org")
    admin = await Member.create(organization_id=org, email="a@x.example", first_name="A", last_name="A",
                                password_hash="h")
    # Plain SQL throughout: the models have columns the schema before the change lacks.
    await conn.execute_query(
        "INSERT INTO customer (organization_id, kind, name, name_key, hub_access, modules, created_by_id, created_at,"
        f" primary_contact_manages_permissions, reminders_paused) VALUES ({marks(10)})",
        [org, "COMPANY", "C", "c", True, '["QUOTES"]', admin.id, now, False, False],
    )
    _, found = await conn.execute_query(f"SELECT id FROM customer WHERE name_key = {marks(1)}", ["c"])
    quote_ids = {}
    for number, version in (("Q-1", 1), ("Q-2", 3)):
        await conn.execute_query(
            "INSERT INTO quote (organization_id, customer_id, sender_id, number, title, message, language, visibility,"
            " status, notify_on_publish, version_number, decline_reason, sent_at, created_at, updated_at)"
            f" VALUES ({marks(15)})",
            [org, found[0]["id"], admin.id, number, "T", "", "en", "ALL_CONTACTS", "OPENED", True, version, "", now,
             now, now],
        )
        _, rows = await conn.execute_query(f"SELECT id FROM quote WHERE number = {marks(1)}", [number])
        quote_ids[number] = rows[0]["id"]
    for number, kind, version in (("Q-1", "UNOPENED", 1), ("Q-2", "UNOPENED", 1), ("Q-2", "UNACCEPTED", 2),
                                  ("Q-2", "BEFORE_EXPIRY", 3)):
        await conn.execute_query(
            "INSERT INTO quote_reminder (organization_id, quote_id, kind, outcome, version_number, recipients,"
            f" sent_at) VALUES ({marks(7)})",
            [org, quote_ids[number], kind, "SENT", version, 1, now],
        )
    await Tortoise.close_connections()

    await _migrate(empty_database)

    await init_db_url(empty_database)
    try:
        rows = await QuoteReminder.all().order_by("id").values_list("quote_id", "kind", "version_number", "cycle")
        assert rows == [
            (quote_ids["Q-1"], "UNOPENED", 1, 1),
            (quote_ids["Q-2"], "UNOPENED", 1, 3),  # the quote is at version 3: sent for what the customer has
            (quote_ids["Q-2"], "UNACCEPTED", 2, 3),
            (quote_ids["Q-2"], "BEFORE_EXPIRY", 3, 0),
        ]
        fields = {"organization_id": org, "quote_id": quote_ids["Q-2"], "outcome": "SENT", "sent_at": now}
        await QuoteReminder.create(kind="UNOPENED", cycle=4, **fields)  # version 4's own
        with pytest.raises(IntegrityError):
            await QuoteReminder.create(kind="UNOPENED", cycle=3, **fields)
    finally:
        await Tortoise.close_connections()
