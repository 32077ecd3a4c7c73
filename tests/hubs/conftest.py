"""Fixtures of the hubs tests: the world (two orgs with libraries and customers) and an S3 server for the file
endpoint tests (moto's ThreadedMotoServer, one per session, a bucket per test)."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator

import pytest
from moto.server import ThreadedMotoServer

from tests.conftest import Org
from tests.hubs.helpers import World, build_world


@pytest.fixture
async def world(two_orgs: tuple[Org, Org]) -> World:
    return await build_world(*two_orgs)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def hubs_s3_endpoint() -> Iterator[str]:
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def use_s3(app_env: dict[str, str], endpoint: str) -> str:
    bucket = f"hubs-{uuid.uuid4().hex[:12]}"
    app_env.update({
        "STORAGE_URL": f"s3://{bucket}",
        "S3_ENDPOINT_URL": endpoint,
        "S3_ACCESS_KEY_ID": "testing",
        "S3_SECRET_ACCESS_KEY": "testing-secret",
    })
    return bucket
