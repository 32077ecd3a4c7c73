"""The typed GraphQL context: who is calling, the per-request loaders, and the process's services."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as _Info

from portico.actors import Actor
from portico.graphql.loaders import Loaders

if TYPE_CHECKING:
    from portico.services import Services


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | WebSocket | None
    actor: Actor
    services: Services
    loaders: Loaders
    connection_params: dict[str, Any] | None = field(default=None)

    @property
    def settings(self):  # type: ignore[no-untyped-def]
        return self.services.settings


Info = _Info[Context, None]
