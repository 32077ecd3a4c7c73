"""One pooled PostgreSQL connection for a request's statements, not one per statement (issue 8).

Tortoise takes a connection from asyncpg's pool for every statement and hands it back after it: the pool's queue,
a proxy object and, on release, a shielded task, about as much client CPU as a small statement's own. Inside
`one_connection()`, a request's first statement takes a connection from the pool and its later statements reuse
it; it goes back when the block ends. A hand-written asyncpg endpoint works this way (bench/hub_page.py's
baseline). GraphQL queries run in such a block (graphql/view.py); a hub page load is five statements in two.

- Statements of the request that run at once (graphql-core resolves sibling fields concurrently) take turns on the
  connection, as they do on a transaction's (asyncpg runs one at a time).
- A transaction opened in the block first gives the held connection back, then takes one from the pool as
  everywhere else, and until it ends the request's other statements go back to a connection each. A request never
  holds a connection while it waits for another, so a pool of 5 cannot deadlock on requests waiting for a second
  one.
- A task the request leaves running after the block (its context is a copy) takes a connection per statement
  again: the held one is back in the pool.

A connection carries nothing from one request to the next: Portico leaves no session state on it (no SET, LISTEN,
advisory lock or cursor; see db.PooledConnection), and an open transaction is rolled back when it goes back.
SQLite's client keeps one connection anyway: there the block changes nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextvars import ContextVar
from typing import Any

import asyncpg
from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.backends.base.client import PoolConnectionWrapper, TransactionContext


class _Held:
    """The connection a request holds (None until its first statement, and while a transaction is open), taken
    and given back by Tortoise's own PoolConnectionWrapper (which also makes the pool at first use)."""

    __slots__ = ("taken", "connection", "lock", "transactions", "ended")

    def __init__(self) -> None:
        self.taken: PoolConnectionWrapper[asyncpg.Connection] | None = None
        self.connection: asyncpg.Connection | None = None
        self.lock = asyncio.Lock()
        self.transactions = 0  # open in this request: meanwhile, a connection per statement
        self.ended = False

    async def take(self, client: AsyncpgDBClient) -> asyncpg.Connection:
        if self.connection is None:
            taken: PoolConnectionWrapper[asyncpg.Connection] = PoolConnectionWrapper(client, client._pool_init_lock)
            self.connection = await taken.__aenter__()
            self.taken = taken
        return self.connection

    async def give_back(self) -> None:
        async with self.lock:
            taken, self.taken, self.connection = self.taken, None, None
            if taken is not None and taken.client._pool is not None:  # None once the database is closed
                await taken.__aexit__(None, None, None)


_held: ContextVar[_Held | None] = ContextVar("portico_request_connection", default=None)


@contextlib.asynccontextmanager
async def one_connection() -> AsyncIterator[None]:
    """The block's statements (outside transactions) share one pooled connection, taken at the first."""
    held = _Held()
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
        held.ended = True
        await held.give_back()


class _Statement:
    """`acquire_connection()` inside the block: the held connection (taken from the pool the first time), one
    statement at a time."""

    __slots__ = ("held", "client", "own")

    def __init__(self, held: _Held, client: AsyncpgDBClient) -> None:
        self.held = held
        self.client = client
        self.own: Any = None  # a connection of the statement's own, once the block has ended or a transaction began

    async def __aenter__(self) -> asyncpg.Connection:
        held = self.held
        await held.lock.acquire()
        if held.ended or held.transactions:
            held.lock.release()
            self.own = AsyncpgDBClient.acquire_connection(self.client)
            return await self.own.__aenter__()
        try:
            return await held.take(self.client)
        except BaseException:
            held.lock.release()
            raise

    async def __aexit__(self, *exc: Any) -> None:
        if self.own is not None:
            await self.own.__aexit__(*exc)
        else:
            self.held.lock.release()


class _Transaction(TransactionContext):
    """A transaction opened in the block: the held connection goes back first (see the module's docstring)."""

    __slots__ = ("context", "held")

    def __init__(self, context: TransactionContext, held: _Held) -> None:
        self.context = context
        self.held = held
        self.client = context.client

    async def __aenter__(self) -> Any:
        self.held.transactions += 1
        try:
            await self.held.give_back()
            return await self.context.__aenter__()
        except BaseException:
            self.held.transactions -= 1
            raise

    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        try:
            await self.context.__aexit__(exc_type, exc_val, exc_tb)
        finally:
            self.held.transactions -= 1


class RequestConnectionClient(AsyncpgDBClient):
    """Tortoise's asyncpg client, sharing a connection within `one_connection()` (db.py names it the engine)."""

    def acquire_connection(self) -> Any:
        held = _held.get()
        if held is None or held.transactions or held.ended:
            return super().acquire_connection()
        return _Statement(held, self)

    def _in_transaction(self) -> TransactionContext:
        held = _held.get()
        context = super()._in_transaction()
        return context if held is None else _Transaction(context, held)


client_class = RequestConnectionClient  # Tortoise finds an engine's client here
