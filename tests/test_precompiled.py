"""A precompiled queryset answers exactly what awaiting the queryset answers (the same model instances with their
related rows attached), inside transactions too, on SQLite and PostgreSQL; misuses are refused when compiled."""

from __future__ import annotations

import pytest
from tortoise.transactions import in_transaction

from portico.accounts.models import Session
from portico.accounts.session_callers import SESSION_CALLER
from portico.accounts.sessions import start_session
from portico.accounts.tokens import token_hash
from portico.precompiled import Precompiled
from tests.sqlcount import count_sql
from tests.test_actors import _people

SESSION_WITH_CALLER = Precompiled(
    Session, lambda p: Session.filter(token_hash=p["hash"]).select_related(*SESSION_CALLER).limit(1), "hash"
)


def _fields(instance: object) -> dict[str, object]:
    meta = instance._meta  # type: ignore[attr-defined]
    return {name: getattr(instance, name) for name in meta.db_fields}


async def test_the_same_instances_and_related_rows_as_the_queryset(db: str) -> None:
    people = await _people()
    for caller in ({"member_id": people.rep.id}, {"contact_id": people.contact.id}):
        token = await start_session(**caller)
        expected = await Session.filter(token_hash=token_hash(token)).select_related(*SESSION_CALLER).first()
        with count_sql() as counter:
            found = await SESSION_WITH_CALLER.first(hash=token_hash(token))
        assert len(counter.statements) == 1
        assert expected is not None and found is not None and found is not expected
        assert _fields(found) == _fields(expected)
        for path in ("member", "member.organization", "contact", "contact.organization", "contact.customer"):
            want, got = expected, found
            for attr in path.split("."):
                want = getattr(want, attr) if want is not None else None
                got = getattr(got, attr) if got is not None else None
            assert (got is None) == (want is None), path
            if want is not None:
                assert type(got) is type(want) and _fields(got) == _fields(want), path
        # Related rows came joined: reading them sends nothing.
        with count_sql() as counter:
            assert (found.member or found.contact) is not None
        assert counter.statements == []

    assert await SESSION_WITH_CALLER.first(hash=token_hash("no-such-token")) is None
    assert await SESSION_WITH_CALLER.all(hash=token_hash("no-such-token")) == []


async def test_inside_a_transaction_it_reads_the_transaction(db: str) -> None:
    people = await _people()
    async with in_transaction():
        token = await start_session(member_id=people.admin.id)  # not committed yet
        found = await SESSION_WITH_CALLER.first(hash=token_hash(token))
        assert found is not None and found.member is not None and found.member.id == people.admin.id


async def test_misuse_is_refused_when_the_sql_is_built(db: str) -> None:
    twice = Precompiled(Session, lambda p: Session.filter(token_hash=p["x"], ip=p["x"]), "x")
    with pytest.raises(ValueError, match="exactly once"):
        await twice.all(x="a")
    prefetching = Precompiled(Session, lambda p: Session.filter(token_hash=p["x"]).prefetch_related("member"), "x")
    with pytest.raises(ValueError, match="prefetch"):
        await prefetching.all(x="a")
