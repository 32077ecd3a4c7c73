from __future__ import annotations

import pytest

from tests.conftest import Org
from tests.hubs.helpers import World, build_world


@pytest.fixture
async def world(two_orgs: tuple[Org, Org]) -> World:
    return await build_world(*two_orgs)
