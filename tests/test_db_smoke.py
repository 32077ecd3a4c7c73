from portico.accounts.models import Organization


async def test_database_round_trip(db: str) -> None:
    org = await Organization.create(name="Acme", storage_quota_bytes=1000)
    assert (await Organization.get(id=org.id)).name == "Acme"
    assert await Organization.all().count() == 1



async def test_pooled_postgres_connections_skip_the_reset_statement_but_roll_back(db: str) -> None:
    """Pooled PostgreSQL connections go back without asyncpg's reset statement (a round trip per ORM statement;
    Portico keeps no session state), but a transaction left open is still rolled back on release."""
    from tortoise import connections

    from portico.db import PooledConnection

    client = connections.get("default")
    if db.startswith("sqlite"):
        assert not hasattr(client, "_pool")
        return
    pool = client._pool
    async with pool.acquire() as conn:
        assert isinstance(conn._con, PooledConnection) and conn.get_reset_query() == ""
        pid = await conn.fetchval("SELECT pg_backend_pid()")
        await conn.execute("SET application_name = 'no reset'")  # a session setting RESET ALL would undo
        await conn.execute("BEGIN")
        assert conn.is_in_transaction()
    async with pool.acquire() as conn:
        # The pool keeps one idle connection here, so this is the same one (asserted: else the test proves nothing).
        assert await conn.fetchval("SELECT pg_backend_pid()") == pid
        assert await conn.fetchval("SHOW application_name") == "no reset"  # no reset statement was sent
        assert not conn.is_in_transaction()  # the open transaction was rolled back
        await conn.execute("RESET application_name")
    # and no idle timer is armed on release (asyncpg re-arms one per release when idle connections expire)
    assert [h for h in pool._holders if h._inactive_callback is not None] == []
