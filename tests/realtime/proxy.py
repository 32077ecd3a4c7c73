"""A TCP proxy in front of Redis, to simulate outages and half-open connections that CLIENT KILL cannot."""

from __future__ import annotations

import asyncio
from contextlib import suppress


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target. stop() cuts everything and refuses connections; start() again resumes
    on the same port; freeze() makes the open connections swallow their traffic while new ones work normally."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.target_port = host, port
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._frozen: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", self.port, reuse_address=True)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._writers):
            writer.close()
        for task in list(self._tasks):
            task.cancel()
            with suppress(asyncio.CancelledError, OSError):
                await task
        self._writers.clear()
        self._frozen.clear()

    def freeze(self) -> None:
        self._frozen |= self._writers

    async def _accept(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(self.host, self.target_port)
        self._writers |= {client_writer, upstream_writer}
        for reader, writer in ((client_reader, upstream_writer), (upstream_reader, client_writer)):
            task = asyncio.create_task(self._pipe(reader, writer))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                if writer in self._frozen:
                    continue  # swallowed: the peer never hears back
                writer.write(data)
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()
