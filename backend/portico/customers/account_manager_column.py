"""The "Account Manager" column of the customer file (issue 11, point 1): export writes each customer's account
managers' emails separated by ";", import reads them back.

Import rules (also in importer.py's docstring):
- A filled cell REPLACES the customer's account managers with the members named (in any order, any case, spaces
  allowed around ";"); an empty cell changes nothing (like every other column); a new customer without the column
  gets the importing member, as before.
- Each email must be an active member of the organization (UNKNOWN_MEMBER otherwise) who is flagged as account
  manager (NOT_AN_ACCOUNT_MANAGER): row errors on this column, in the dry run too.
- Changing who manages a customer is for ADMIN and MANAGER (as the bulk assignment): a MEMBER's file may repeat
  the current account managers (an export they re-import) but not change them (NOT_ALLOWED on that row).
- Later rows of a reference may leave the cell empty or repeat the first row's set (CONFLICTING_VALUE otherwise).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from tortoise.backends.base.client import BaseDBAsyncClient

from portico.accounts.models import Member, Role
from portico.customers.models import Customer
from portico.validation import Checker

SEPARATOR = ";"
MAX_MANAGERS = 20


def format_cell(emails: Iterable[str]) -> str:
    return SEPARATOR.join(sorted(emails))


def parse_cell(check: Checker, text: str, field: str) -> tuple[str, ...] | None:
    """The emails of a cell, lower-cased, sorted, without duplicates; None for an empty cell."""
    parts = [p.strip() for p in text.split(SEPARATOR)]
    parts = [p for p in parts if p]
    if not parts:
        return None
    emails = set()
    for part in parts:
        email = check.email(part, field)
        if email:
            emails.add(email)
    if len(emails) > MAX_MANAGERS:
        check.add("TOO_MANY", f"At most {MAX_MANAGERS} account managers per customer.", field)
    return tuple(sorted(emails))


def digest(emails: tuple[str, ...]) -> int:
    """8 bytes that stand for a set of emails (what a reference's first row said, kept for its later rows)."""
    return int.from_bytes(hashlib.blake2b("\0".join(emails).encode(), digest_size=8).digest())


def may_change(member: Member) -> bool:
    return member.role in (Role.ADMIN, Role.MANAGER)


async def members_by_email(organization_id: int, emails: set[str],
                           conn: BaseDBAsyncClient | None) -> dict[str, Member]:
    """Active members of the organization with these emails (one query per batch of rows)."""
    if not emails:
        return {}
    found = await Member.filter(organization_id=organization_id, email__in=sorted(emails), is_active=True).using_db(
        conn
    )
    return {m.email.lower(): m for m in found}


async def current_managers(customer_ids: list[int], conn: BaseDBAsyncClient | None) -> dict[int, tuple[str, ...]]:
    """Customer id -> its account managers' emails (sorted), for customers in one query."""
    if not customer_ids:
        return {}
    pairs = await Customer.filter(id__in=customer_ids).using_db(conn).values_list(
        "id", "account_managers__email"
    )
    emails: dict[int, set[str]] = defaultdict(set)
    for customer_id, email in pairs:
        if email:
            emails[int(customer_id)].add(str(email).lower())  # type: ignore[call-overload]
    return {c: tuple(sorted(e)) for c, e in emails.items()}


async def replace(conn: BaseDBAsyncClient, managers: dict[int, list[int]]) -> None:
    """Customer id -> its new account managers' ids, in two statements whatever the number of customers."""
    from portico.customers.services import ACCOUNT_MANAGERS_TABLE, add_account_manager_pairs

    if not managers:
        return
    customer_list = ", ".join(str(int(c)) for c in managers)
    await conn.execute_query(f'DELETE FROM "{ACCOUNT_MANAGERS_TABLE}" WHERE "customer_id" IN ({customer_list})')
    await add_account_manager_pairs(conn, [(c, m) for c, ms in managers.items() for m in ms])
