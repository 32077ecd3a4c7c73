"""Fixtures: a real SMTP server in this process that records what it receives (see smtp_testserver.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword

from .smtp_testserver import RecordingHandler, SmtpServer, start_server


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    controller, server = start_server(RecordingHandler())
    try:
        yield server
    finally:
        controller.stop()


@pytest.fixture
def smtp_server_with_auth() -> Iterator[SmtpServer]:
    """Requires AUTH as portico / p@ss:word (plain text allowed: there is no TLS on the test server)."""

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (
            auth_data.login,
            auth_data.password,
        ) == (
            b"portico",
            b"p@ss:word",
        )
        return AuthResult(success=ok, handled=False)

    # aiosmtpd warns about AUTH without TLS (tests using this fixture silence it: it is deliberate here).
    controller, server = start_server(
        RecordingHandler(),
        authenticator=authenticate,
        auth_required=True,
        auth_require_tls=False,
    )
    try:
        yield server
    finally:
        controller.stop()
