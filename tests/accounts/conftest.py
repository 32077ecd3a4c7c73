from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from tests.conftest import GraphQLClient
from tests.graphql.helpers import sign_up


@dataclass
class Solo:
    """One organization with only its ADMIN, signed in (cheaper than `two_orgs` where roles do not matter)."""

    client: GraphQLClient
    email: str
    member_id: str
    organization_id: str


@pytest.fixture
async def solo(client_factory: Callable[..., GraphQLClient]) -> Solo:
    client = client_factory()
    viewer = await sign_up(client, "sam@solo.example")
    return Solo(client, "sam@solo.example", viewer["member"]["id"], viewer["organization"]["id"])
