"""GRAPHQL_MAX_BODY_BYTES (issue 7, point 15): an oversized /graphql body is refused with a clear 413 and is never
read whole (a 300 MB anonymous body once took the server to 890 MB RSS; figures in bench/README.md)."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable

import pytest

from portico.settings import ConfigError, load_settings
from tests.conftest import GraphQLClient

LIMIT = 64 * 1024
CHUNK = 16 * 1024


@pytest.fixture
def app_env(app_env: dict[str, str]) -> dict[str, str]:
    app_env["GRAPHQL_MAX_BODY_BYTES"] = str(LIMIT)
    return app_env


class Body:
    """A streamed body of `total` bytes that counts how much of it the server pulled."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.sent = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.sent < self.total:
            chunk = b" " * min(CHUNK, self.total - self.sent)
            self.sent += len(chunk)
            yield chunk


def _assert_413(response: object) -> None:
    assert response.status_code == 413, response.text  # type: ignore[attr-defined]
    [error] = response.json()["errors"]  # type: ignore[attr-defined]
    assert error["extensions"]["code"] == "REQUEST_TOO_LARGE"
    assert f"{LIMIT} bytes" in error["message"]


async def test_a_declared_length_over_the_limit_is_refused_before_reading(
    client_factory: Callable[..., GraphQLClient],
) -> None:
    body = Body(300 * 1024**2)
    # when: 300 MB declared
    response = await client_factory().http.post(
        "/graphql", content=body, headers={"content-type": "application/json", "content-length": str(body.total)}
    )
    # then
    _assert_413(response)
    assert body.sent <= CHUNK


async def test_a_chunked_body_over_the_limit_is_cut_off_after_the_limit(
    client_factory: Callable[..., GraphQLClient],
) -> None:
    body = Body(300 * 1024**2)
    # when: 300 MB without a Content-Length (chunked)
    response = await client_factory().http.post("/graphql", content=body,
                                                headers={"content-type": "application/json"})
    # then: the server stopped pulling right after the limit
    _assert_413(response)
    assert LIMIT < body.sent <= LIMIT + CHUNK


async def test_a_body_just_under_the_limit_is_served(client_factory: Callable[..., GraphQLClient]) -> None:
    query = json.dumps({"query": "{ me { kind } }"})
    padded = query + " " * (LIMIT - len(query))
    assert len(padded) == LIMIT
    response = await client_factory().http.post("/graphql", content=padded,
                                                headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    assert response.json() == {"data": {"me": None}}


async def test_uploads_are_not_held_to_the_graphql_limit(client_factory: Callable[..., GraphQLClient]) -> None:
    # POST /uploads streams to storage under MAX_UPLOAD_BYTES: an anonymous one is refused for who, not for size
    response = await client_factory().http.post("/uploads", content=b"x" * (LIMIT * 2))
    assert response.status_code == 401


async def test_a_client_that_goes_away_mid_body_is_not_a_server_error(
    app: object, caplog: pytest.LogCaptureFixture
) -> None:
    """Browsers cancel queries (typing in a search box): that is logged at INFO, not raised as an ASGI exception."""
    messages = [{"type": "http.request", "body": b'{"query": "{ me', "more_body": True}, {"type": "http.disconnect"}]
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/graphql", "raw_path": b"/graphql", "query_string": b"", "root_path": "",
             "headers": [(b"host", b"testserver"), (b"content-type", b"application/json")],
             "client": ("127.0.0.1", 5000), "server": ("testserver", 80)}
    caplog.set_level(logging.INFO)

    # when
    await app(scope, receive, send)  # type: ignore[operator]

    # then: nothing raised, nothing answered (nobody is listening), one INFO line
    assert sent == []
    assert [r.levelno for r in caplog.records if r.name == "portico.body_limit"] == [logging.INFO]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_the_setting_defaults_to_one_mebibyte_and_must_be_positive(tmp_path: object) -> None:
    assert load_settings({"DATA_DIR": str(tmp_path)}).graphql_max_body_bytes == 1024**2
    assert load_settings({"DATA_DIR": str(tmp_path), "GRAPHQL_MAX_BODY_BYTES": "2048"}).graphql_max_body_bytes == 2048
    with pytest.raises(ConfigError, match="GRAPHQL_MAX_BODY_BYTES"):
        load_settings({"DATA_DIR": str(tmp_path), "GRAPHQL_MAX_BODY_BYTES": "0"})
