"""Idle HTTP connections as `portico serve` keeps them (`portico.cli.uvicorn_options`): HTTP_KEEP_ALIVE_SECONDS,
longer by default than the idle time of the proxies and clients that reuse them. uvicorn's own 5 s closed
connections just as clients sent their next request on them, and those requests were lost (bench/hub_page.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urlparse

from portico.app import create_app
from portico.cli import uvicorn_options
from portico.settings import load_settings
from tests.graphql.hubs.wsclient import serve_in_process

HEALTHZ = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


async def _answer(reader: asyncio.StreamReader) -> bytes:
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
    length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length:"))
    return head.split(b"\r\n", 1)[0] + b" " + await asyncio.wait_for(reader.readexactly(length), 5)


def test_the_default_outlasts_the_proxies_in_front(tmp_path: Path) -> None:
    # nginx's keepalive_timeout and AWS load balancers' idle timeout are 60 s: a proxy may reuse an upstream
    # connection idle that long, so the server must not close it first.
    options = uvicorn_options(load_settings({"DATA_DIR": str(tmp_path)}))
    assert options["timeout_keep_alive"] == 75


async def test_an_idle_connection_is_kept_for_the_configured_time_then_closed(tmp_path: Path) -> None:
    settings = load_settings({"DATA_DIR": str(tmp_path), "HTTP_KEEP_ALIVE_SECONDS": "1"})
    app = create_app(settings, frontend_dist=tmp_path / "no-frontend")
    async with serve_in_process(app, **uvicorn_options(settings)) as url:
        reader, writer = await asyncio.open_connection("127.0.0.1", urlparse(url).port)
        try:
            writer.write(HEALTHZ)
            assert await _answer(reader) == b"HTTP/1.1 200 OK ok"
            await asyncio.sleep(0.4)  # idle, within the keep-alive time: the same connection answers again
            writer.write(HEALTHZ)
            assert await _answer(reader) == b"HTTP/1.1 200 OK ok"
            # Idle past it (1 s; uvicorn's default would be 5 s): the server has closed the connection.
            assert await asyncio.wait_for(reader.read(), 3) == b""
        finally:
            writer.close()
