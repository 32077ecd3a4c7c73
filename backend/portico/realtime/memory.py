"""MemoryBroker: live events within one process (the embedded default, and the reference for tests)."""

from __future__ import annotations

import json
from typing import Any

from .base import Broker, encode_message
from .errors import BrokerError


class MemoryBroker(Broker):
    """Delivers published messages to this process's subscribers only; nothing is ever lost or reconnected."""

    async def publish(self, channel: str, message: dict[str, Any]) -> None:
        if self._closed:
            raise BrokerError("the broker is closed")
        # A JSON round trip, as over Redis: the same messages are accepted, and subscribers get a copy the publisher
        # can no longer mutate.
        self._deliver(channel, json.loads(encode_message(message)))

    async def ping(self) -> bool:
        return not self._closed
