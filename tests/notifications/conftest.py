from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import Clock, Org
from tests.hubs.helpers import World, build_world


@pytest.fixture
async def world(two_orgs: tuple[Org, Org]) -> World:
    return await build_world(*two_orgs)


@pytest.fixture
def notification_clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The notifications' clock, fixed at 2026-12-03 12:00 UTC until the test moves it."""
    from portico.notifications import clock

    fake = Clock()
    fake.current = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    monkeypatch.setattr(clock, "now", fake.now)
    return fake
