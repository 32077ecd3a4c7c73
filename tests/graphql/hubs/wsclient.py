"""A minimal graphql-transport-ws client over `websockets` 17, and ways to run the app on a real port."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from tests.conftest import free_port

ORIGIN = "http://testserver"
ACTIVITY_SUBSCRIPTION = """subscription { activity { resync event { id kind actorName document { id name }
  share { id } customer { id } } } }"""


def origin_of(url: str) -> str:
    """The page origin a browser would send: the server's own (strawberry refuses any other)."""
    return url.replace("ws://", "http://", 1).split("/graphql")[0]


def cookie_header(client: Any) -> str:
    """The Cookie header of a GraphQLClient's jar (its session), for a real WebSocket."""
    return "; ".join(f"{name}={value}" for name, value in client.http.cookies.items())


class Subscriber:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws

    @classmethod
    @contextlib.asynccontextmanager
    async def open(cls, url: str, *, cookie: str | None = None, payload: dict[str, Any] | None = None,
                   query: str = ACTIVITY_SUBSCRIPTION) -> AsyncIterator[Subscriber]:
        headers = {"Cookie": cookie} if cookie else {}
        async with connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers,  # type: ignore[list-item]
                           origin=origin_of(url), open_timeout=10) as ws:  # type: ignore[arg-type]
            assert ws.subprotocol == "graphql-transport-ws"
            await ws.send(json.dumps({"type": "connection_init", "payload": payload or {}}))
            ack = await cls._next_message(ws, 10)
            assert ack["type"] == "connection_ack", ack
            await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
            yield cls(ws)

    @staticmethod
    async def _next_message(ws: ClientConnection, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            raw = await asyncio.wait_for(ws.recv(), max(deadline - time.monotonic(), 0.01))
            message: dict[str, Any] = json.loads(raw)
            if message["type"] == "ping":
                await ws.send(json.dumps({"type": "pong"}))
                continue
            if message["type"] == "pong":
                continue
            return message

    async def next_feed_message(self, timeout: float = 10) -> dict[str, Any]:
        """The next ActivityFeedMessage: {"resync": bool, "event": {...} | None}."""
        message = await self._next_message(self.ws, timeout)
        assert message["type"] == "next", message
        assert not message["payload"].get("errors"), message
        feed: dict[str, Any] = message["payload"]["data"]["activity"]
        return feed

    async def next_event(self, timeout: float = 10) -> dict[str, Any]:
        """The next event (a resync here fails the test: use next_feed_message where one may come)."""
        feed = await self.next_feed_message(timeout)
        assert feed["resync"] is False and feed["event"] is not None, feed
        event: dict[str, Any] = feed["event"]
        return event

    async def event_for(self, document_id: str, kind: str, timeout: float = 10) -> dict[str, Any]:
        """The next event on `document_id` of `kind` (skipping others this subscriber may also see)."""
        deadline = time.monotonic() + timeout
        while True:
            event = await self.next_event(max(deadline - time.monotonic(), 0.01))
            if event["document"] and event["document"]["id"] == document_id and event["kind"] == kind:
                return event

    async def nothing_within(self, seconds: float) -> None:
        try:
            message = await self._next_message(self.ws, seconds)
        except TimeoutError:
            return
        raise AssertionError(f"unexpected message: {message}")


async def rejected(url: str, *, cookie: str | None = None, payload: dict[str, Any] | None = None) -> bool:
    """True when connection_init is refused (the socket closes without connection_ack)."""
    headers = {"Cookie": cookie} if cookie else {}
    try:
        async with connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers,  # type: ignore[list-item]
                           origin=origin_of(url), open_timeout=10) as ws:  # type: ignore[arg-type]
            await ws.send(json.dumps({"type": "connection_init", "payload": payload or {}}))
            while True:
                message = json.loads(await asyncio.wait_for(ws.recv(), 10))
                if message["type"] == "connection_ack":
                    return False
    except ConnectionClosed as closed:
        return closed.rcvd is not None and closed.rcvd.code == 4403
    return False


@contextlib.asynccontextmanager
async def serve_in_process(app: Any, **options: Any) -> AsyncIterator[str]:
    """The already-started app (its lifespan runs in the test) on a real port; yields the ws:// URL. `options`:
    uvicorn's (`portico.cli.uvicorn_options` gives what `portico serve` uses)."""
    port = free_port()
    options = {"log_level": "warning", "ws": "websockets-sansio", **options}
    config = uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", **options)
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.02)
        yield f"ws://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 10)


@contextlib.contextmanager
def portico_processes(env: dict[str, str], count: int, log_dir: Path) -> Iterator[list[int]]:
    """`portico serve` in `count` subprocesses (real uvicorn, one port each); yields their ports."""
    portico = Path(sys.executable).parent / "portico"
    procs: list[tuple[subprocess.Popen[bytes], int, Any]] = []
    try:
        for i in range(count):
            port = free_port()
            log = open(log_dir / f"serve-{i}.log", "wb")  # noqa: SIM115 - closed below
            proc = subprocess.Popen([str(portico), "serve", "--host", "127.0.0.1", "--port", str(port)],
                                    env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT)
            procs.append((proc, port, log))
        for proc, port, _ in procs:
            # Generous: starting is importing and building the schema (a few seconds quiet), and a shared CI
            # machine at load 12 on 2 cores made two processes starting at once take over 30 s.
            deadline = time.monotonic() + 90
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"portico serve exited: {(log_dir / 'serve-0.log').read_text()[-3000:]}")
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"portico serve on {port} did not become ready")
                time.sleep(0.1)
        yield [port for _, port, _ in procs]
    finally:
        for proc, _, _ in procs:
            proc.terminate()
        for proc, _, log in procs:
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
            log.close()
