"""S3 down (issue 7, point 16): an upload or a download answers 503 with Retry-After and a message people can act
on, not a bare 500; nothing is recorded for the failed upload."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from moto.server import ThreadedMotoServer

from portico.hubs.models import Upload
from tests.conftest import Org, free_port
from tests.hubs.conftest import use_s3
from tests.hubs.helpers import World, build_world, upload


@pytest.fixture
def own_s3() -> Iterator[ThreadedMotoServer]:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    server.port = port  # type: ignore[attr-defined]
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def app_env(app_env: dict[str, str], own_s3: ThreadedMotoServer) -> dict[str, str]:
    use_s3(app_env, f"http://127.0.0.1:{own_s3.port}")  # type: ignore[attr-defined]
    return app_env


@pytest.fixture
async def world(two_orgs: tuple[Org, Org]) -> World:
    return await build_world(*two_orgs)


def _assert_503(response: Any) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"] == "30"
    error = response.json()["error"]
    assert error["code"] == "STORAGE_UNAVAILABLE"
    assert "Try again" in error["message"]


async def test_uploads_and_downloads_answer_503_while_s3_is_down(world: World, own_s3: ThreadedMotoServer) -> None:
    rep = world.acme.member.client
    data = await rep("{ publications(first: 1) { edges { node { viewUrl } } } }")
    view_url = data["publications"]["edges"][0]["node"]["viewUrl"]
    uploads_before = await Upload.all().count()

    # when S3 goes down
    own_s3.stop()
    response = await upload(rep, b"%PDF-1.4 during the outage\n" * 100, "outage.pdf")
    download = await rep.http.get(view_url)

    # then
    _assert_503(response)
    assert "not saved" in response.json()["error"]["message"]
    _assert_503(download)
    assert await Upload.all().count() == uploads_before
