"""A server process the benchmark can look inside: `portico serve`, or a bare Starlette WebSocket endpoint under the
same uvicorn settings, with a control socket answering from a thread (the server's event loop is left alone).

    python bench/_probe.py CONTROL_SOCKET portico serve --host ... --port ... --workers 1
    python bench/_probe.py CONTROL_SOCKET bare --host ... --port ...

Control commands (one line each, one line answered): `rss` (gc.collect() first, then VmRSS in KiB), `trace-start`
(tracemalloc with 12 frames), `snapshot PATH` (gc.collect(), then a tracemalloc snapshot dumped to PATH).

Not a benchmark itself (`make bench` skips bench/_*.py); bench/idle_subscribers.py starts it.
"""

from __future__ import annotations

import gc
import json
import os
import socket
import sys
import threading
import tracemalloc
from pathlib import Path
from typing import Any


def rss_kib(pid: int | str = "self") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def _answer(command: str) -> str:
    name, _, argument = command.partition(" ")
    if name == "rss":
        gc.collect()
        return str(rss_kib())
    if name == "trace-start":
        tracemalloc.start(12)
        return "ok"
    if name == "snapshot":
        gc.collect()
        tracemalloc.take_snapshot().dump(argument)
        return "ok"
    return f"unknown command {name!r}"


def _control(path: str) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(4)
        while True:
            connection, _ = server.accept()
            with connection, connection.makefile("rw") as stream:
                for line in stream:
                    stream.write(_answer(line.strip()) + "\n")
                    stream.flush()


def ask(path: str, command: str, timeout: float = 120.0) -> str:
    """One command to a probed server (from the benchmark's side)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        client.connect(path)
        with client.makefile("rw") as stream:
            stream.write(command + "\n")
            stream.flush()
            return stream.readline().strip()


# --- the baseline: what uvicorn and the websockets library cost, with no application behind them -------------------


def bare_app() -> Any:
    """graphql-transport-ws reduced to its handshake: accept, ack `connection_init`, take the `subscribe`, then wait.
    POST /broadcast sends one `next` message to every connection (the end-of-run delivery check)."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route, WebSocketRoute
    from starlette.websockets import WebSocket, WebSocketDisconnect

    connected: dict[WebSocket, str] = {}

    async def graphql(websocket: WebSocket) -> None:
        await websocket.accept(subprotocol="graphql-transport-ws")
        try:
            while True:
                message = json.loads(await websocket.receive_text())
                if message.get("type") == "connection_init":
                    await websocket.send_text('{"type":"connection_ack"}')
                elif message.get("type") == "subscribe":
                    connected[websocket] = str(message.get("id"))
                elif message.get("type") == "ping":
                    await websocket.send_text('{"type":"pong"}')
        except WebSocketDisconnect:
            pass
        finally:
            connected.pop(websocket, None)

    async def broadcast(request: Request) -> JSONResponse:
        sent = 0
        for websocket, operation_id in list(connected.items()):
            payload = {"data": {"activity": {"resync": False, "event": {"id": "bare"}}}}
            await websocket.send_text(json.dumps({"id": operation_id, "type": "next", "payload": payload}))
            sent += 1
        return JSONResponse({"sent": sent})

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"ok": True})

    return Starlette(routes=[WebSocketRoute("/graphql", graphql), Route("/broadcast", broadcast, methods=["POST"]),
                             Route("/healthz", healthz)])


def _serve_bare(argv: list[str]) -> None:
    import argparse

    import uvicorn

    from portico.cli import uvicorn_options
    from portico.settings import load_settings

    parser = argparse.ArgumentParser()
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    uvicorn.run(bare_app(), host=args.host, port=args.port, workers=1, **uvicorn_options(load_settings()))


def main() -> None:
    control, kind, *rest = sys.argv[1:]
    if os.path.exists(control):
        os.unlink(control)
    threading.Thread(target=_control, args=(control,), daemon=True, name="bench-probe").start()
    if kind == "portico":
        from portico.cli import main as portico_main

        portico_main(rest)
    elif kind == "bare":
        _serve_bare(rest)
    else:
        raise SystemExit(f"unknown server kind {kind!r}")


if __name__ == "__main__":
    main()
