"""A real SMTP server in this process (aiosmtpd, in its own thread) that records what it receives.

A module of its own (not conftest) so that tests can import its types without clashing with other conftests.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from aiosmtpd.controller import Controller

from tests.conftest import free_port


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class RecordingHandler:
    received: list[Received] = field(default_factory=list)
    data_reply: str | None = None  # e.g. "451 4.3.0 try later": every DATA is answered with it
    refuse: dict[str, str] = field(default_factory=dict)  # recipient → RCPT reply, e.g. "550 5.1.1 no such user"
    delay: float = 0.0  # seconds to wait before accepting DATA (to make concurrent senders overlap)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.data_reply:
            return self.data_reply
        message = BytesParser(policy=policy.default).parsebytes(envelope.content)
        assert isinstance(message, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted"


@dataclass
class SmtpServer:
    handler: RecordingHandler
    port: int

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"


def start_server(handler: RecordingHandler, **smtp_kwargs: Any) -> tuple[Controller, SmtpServer]:
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **smtp_kwargs)
    controller.start()
    return controller, SmtpServer(handler, port)
