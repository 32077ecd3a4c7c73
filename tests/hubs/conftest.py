"""Fixtures of the hubs tests: the world (two orgs with libraries and customers) and an S3 server for the file
endpoint tests (moto's ThreadedMotoServer, one per session, a bucket per test)."""

from __future__ import annotations

import uuid

import pytest

from tests.conftest import Org
from tests.hubs.helpers import World, build_world


@pytest.fixture
async def world(two_orgs: tuple[Org, Org]) -> World:
    return await build_world(*two_orgs)


def use_s3(app_env: dict[str, str], endpoint: str) -> str:
    bucket = f"hubs-{uuid.uuid4().hex[:12]}"
    app_env.update({
        "STORAGE_URL": f"s3://{bucket}",
        "S3_ENDPOINT_URL": endpoint,
        "S3_ACCESS_KEY_ID": "testing",
        "S3_SECRET_ACCESS_KEY": "testing-secret",
    })
    return bucket
