"""One pooled connection for a request's statements (portico/request_connection.py), on the real PostgreSQL pool:
statements share it, take turns when concurrent, give it back before a transaction and at the end, and a pool of 5
does not deadlock under many requests that each open a transaction."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from portico.accounts.models import Organization
from portico.request_connection import RequestConnectionClient, one_connection

POSTGRES_ONLY = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)  # SQLite keeps one connection


def _pool() -> Any:
    client = connections.get("default")
    assert isinstance(client, RequestConnectionClient)  # the engine db.py names for PostgreSQL
    return client._pool


async def _backend() -> int:
    rows = await connections.get("default").execute_query_dict("SELECT pg_backend_pid() AS pid")
    return int(rows[0]["pid"])


def _held(pool: Any) -> int:
    """Connections out of the pool right now."""
    return pool.get_size() - pool.get_idle_size()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_on_sqlite_the_block_changes_nothing(db: str) -> None:
    async with one_connection():
        await Organization.create(name="Acme", storage_quota_bytes=1)
        async with in_transaction() as tx:
            await Organization.create(name="Globex", storage_quota_bytes=1, using_db=tx)
    assert await Organization.all().count() == 2


@POSTGRES_ONLY
async def test_a_blocks_statements_share_one_connection_and_give_it_back(db: str) -> None:
    pool = _pool()
    assert _held(pool) == 0
    async with one_connection():
        first = await _backend()
        assert _held(pool) == 1
        await Organization.create(name="Acme", storage_quota_bytes=1)
        assert await Organization.filter(name="Acme").count() == 1
        assert await _backend() == first
        assert _held(pool) == 1
    assert _held(pool) == 0


@POSTGRES_ONLY
async def test_concurrent_statements_of_a_block_take_turns_on_its_connection(db: str) -> None:
    pool = _pool()
    client = connections.get("default")

    async def slow() -> int:
        rows = await client.execute_query_dict("SELECT pg_backend_pid() AS pid, pg_sleep(0.01)")
        return int(rows[0]["pid"])

    async with one_connection():
        pids = await asyncio.gather(*(slow() for _ in range(8)))
        assert len(set(pids)) == 1  # one connection, no "another operation is in progress"
        assert _held(pool) == 1
    assert _held(pool) == 0


@POSTGRES_ONLY
async def test_a_transaction_gives_the_connection_back_first_and_commits_or_rolls_back(db: str) -> None:
    pool = _pool()
    async with one_connection():
        await _backend()
        assert _held(pool) == 1
        async with in_transaction() as tx:
            # the held connection went back: the request holds only the transaction's
            assert _held(pool) == 1
            await Organization.create(name="Kept", storage_quota_bytes=1, using_db=tx)
        with pytest.raises(RuntimeError):
            async with in_transaction() as tx:
                await Organization.create(name="Undone", storage_quota_bytes=1, using_db=tx)
                raise RuntimeError("fails after writing")
        assert await Organization.filter(name="Kept").count() == 1
        assert await Organization.filter(name="Undone").count() == 0
        assert _held(pool) == 1  # held again from the first statement after the transactions
    assert _held(pool) == 0


@POSTGRES_ONLY
async def test_many_requests_opening_transactions_do_not_deadlock_the_pool(db: str) -> None:
    """Twenty concurrent requests on a pool of five, each holding its connection when it opens a transaction. Were
    the transaction to take a second connection while the first is held, five requests would each hold one and
    wait for another, for ever."""
    pool = _pool()
    assert pool.get_max_size() == 5
    started = asyncio.Event()
    waiting = 0

    async def request(n: int) -> None:
        nonlocal waiting
        async with one_connection():
            await _backend()  # holds a connection
            waiting += 1
            if waiting >= 5:
                started.set()
            await started.wait()  # every pooled connection is held by now
            async with in_transaction() as tx:
                await Organization.create(name=f"Org {n}", storage_quota_bytes=1, using_db=tx)
            await _backend()

    await asyncio.wait_for(asyncio.gather(*(request(n) for n in range(20))), timeout=30)
    assert await Organization.all().count() == 20
    assert _held(pool) == 0


@POSTGRES_ONLY
async def test_statements_after_the_block_or_after_a_failure_hold_nothing(db: str) -> None:
    pool = _pool()
    go_on = asyncio.Event()

    async def left_running() -> int:
        await go_on.wait()
        return await _backend()  # the block has ended: a connection for this statement only

    with pytest.raises(ValueError):
        async with one_connection():
            await _backend()
            task = asyncio.create_task(left_running())
            raise ValueError("the request fails")
    assert _held(pool) == 0
    go_on.set()
    await task
    assert _held(pool) == 0


@POSTGRES_ONLY
async def test_a_graphql_query_over_http_takes_one_connection_for_all_its_statements(
    two_orgs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The caller's lookup and the query's own statements (graphql/view.py's known queries): one connection taken
    from the pool for the request, not one per statement."""
    import logging

    acme, _ = two_orgs
    query = "{ customers(first: 5) { totalCount edges { node { id name } } } }"
    await acme.member.client(query)  # known from now on
    pool = _pool()
    taken = 0
    acquire = type(pool).acquire

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal taken
        taken += self is pool
        return acquire(self, *args, **kwargs)

    statements: list[str] = []

    class Recorded(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            statements.append(record.getMessage())

    logger = logging.getLogger("tortoise.db_client")
    handler, level = Recorded(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    monkeypatch.setattr(type(pool), "acquire", counted)  # asyncpg's Pool has slots: patched on the class
    try:
        data = await acme.member.client(query)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert data["customers"]["totalCount"] == 0
    assert len(statements) >= 2, statements  # the caller's lookup and the customers' count at least
    assert taken == 1
    assert _held(pool) == 0
