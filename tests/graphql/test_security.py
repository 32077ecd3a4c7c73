"""The GraphQL endpoint's defences: POST JSON only, CSRF by Origin for cookie sessions, query cost limits,
introspection and error masking in production, WebSocket origin checks."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest
from httpx_ws import WebSocketDisconnect, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.applications import Starlette

from portico.customers import services as customer_services
from tests.conftest import TEST_ORIGIN, GraphQLClient
from tests.graphql.helpers import ME, create_api_key, sign_up

ME_KIND = "{ me { kind } }"
INTROSPECTION = "{ __schema { queryType { name } } }"
FOREIGN = "https://evil.example"


def _nested(depth: int) -> str:
    """A query of the given depth (the top field is depth 0): customers > edges > node > (contacts > customer)* > id."""
    inner = "id"
    remaining = depth + 1 - 4  # customers, edges, node, and the final id
    fields = []
    while remaining > 0:
        fields.append("contacts" if len(fields) % 2 == 0 else "customer")
        remaining -= 1
    for field in reversed(fields):
        inner = f"{field} {{ {inner} }}"
    return f"{{ customers {{ edges {{ node {{ {inner} }} }} }} }}"


@pytest.fixture
async def signed_in(client_factory: Callable[..., GraphQLClient]) -> GraphQLClient:
    client = client_factory()
    await sign_up(client, "sec@solo.example")
    return client


async def test_queries_over_get_are_refused(signed_in: GraphQLClient) -> None:
    # when
    response = await signed_in.http.get("/graphql", params={"query": ME_KIND})

    # then
    assert response.status_code == 405
    assert "data" not in response.json()
    assert response.headers["allow"] == "POST"


async def test_non_json_posts_are_refused(
    signed_in: GraphQLClient, client_factory: Callable[..., GraphQLClient]
) -> None:
    anonymous = client_factory()
    for client in (signed_in, anonymous):
        # a cross-site form can send these content types without a preflight
        plain = await client.http.post("/graphql", content=json.dumps({"query": ME_KIND}),
                                       headers={"content-type": "text/plain"})
        form = await client.http.post("/graphql", data={"query": ME_KIND})
        multipart = await client.http.post("/graphql", files={"query": ("q", ME_KIND.encode())})
        for response in (plain, form, multipart):
            assert response.status_code == 403, response.text
            assert "data" not in response.json()


async def test_cookie_sessions_need_a_same_origin_request(app: Starlette, signed_in: GraphQLClient,
                                                          client_factory: Callable[..., GraphQLClient]) -> None:
    # given the session cookie, sent by hand (no default Origin header)
    cookies = dict(signed_in.http.cookies.items())
    raw = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=TEST_ORIGIN, cookies=cookies)
    body = {"query": ME_KIND}
    try:
        # a foreign Origin, or a foreign Referer without Origin
        assert (await raw.post("/graphql", json=body, headers={"origin": FOREIGN})).status_code == 403
        assert (await raw.post("/graphql", json=body, headers={"referer": f"{FOREIGN}/page"})).status_code == 403
        # neither Origin nor Referer
        response = await raw.post("/graphql", json=body)
        assert response.status_code == 403 and "data" not in response.json()
        # same origin, by Origin or by Referer
        ok = await raw.post("/graphql", json=body, headers={"origin": TEST_ORIGIN})
        assert ok.status_code == 200 and ok.json()["data"]["me"] == {"kind": "MEMBER"}
        ok = await raw.post("/graphql", json=body, headers={"referer": f"{TEST_ORIGIN}/customers"})
        assert ok.status_code == 200 and ok.json()["data"]["me"] == {"kind": "MEMBER"}
        # a request without a session cookie has no ambient credential to abuse
        anonymous = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=TEST_ORIGIN)
        async with anonymous:
            response = await anonymous.post("/graphql", json=body, headers={"origin": FOREIGN})
            assert response.status_code == 200 and response.json()["data"]["me"] is None
    finally:
        await raw.aclose()


async def test_api_keys_need_no_origin(app: Starlette, signed_in: GraphQLClient) -> None:
    # given
    _, secret = await create_api_key(signed_in, ["ORG_READ"])

    # when
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=TEST_ORIGIN) as partner:
        response = await partner.post("/graphql", json={"query": ME_KIND},
                                      headers={"authorization": f"Bearer {secret}"})

    # then
    assert response.status_code == 200
    assert response.json()["data"]["me"] == {"kind": "API_KEY"}


async def test_query_depth_and_aliases_are_limited(signed_in: GraphQLClient) -> None:
    # at the limits
    assert "customers" in await signed_in(_nested(10))
    aliases = " ".join(f"a{i}: me {{ kind }}" for i in range(30))
    assert len(await signed_in(f"{{ {aliases} }}")) == 30

    # over them
    body = await signed_in.raw(_nested(11))
    assert body.get("data") is None
    assert "depth" in body["errors"][0]["message"].lower()
    aliases = " ".join(f"a{i}: me {{ kind }}" for i in range(31))
    body = await signed_in.raw(f"{{ {aliases} }}")
    assert body.get("data") is None
    assert "aliases" in body["errors"][0]["message"].lower()


async def test_a_document_is_held_to_the_token_cap(signed_in: GraphQLClient) -> None:
    # `{ me { kind } }` is 6 tokens; each `...on Query { __typename }` adds 6 (3,000 at most in a document)
    def spreads(n: int) -> str:
        return "{ me { kind } " + " ".join("...on Query { __typename }" for _ in range(n)) + " }"

    assert (await signed_in(spreads(499)))["me"]["kind"] == "MEMBER"  # 6 + 499 x 6 = 3,000 tokens
    body = await signed_in.raw(spreads(500))  # 3,006
    assert body.get("data") is None
    assert "token" in body["errors"][0]["message"].lower()


async def test_introspection_is_available_in_development(signed_in: GraphQLClient) -> None:
    assert (await signed_in(INTROSPECTION))["__schema"]["queryType"]["name"] == "Query"


async def test_production_refuses_introspection_and_masks_unexpected_errors(
    production_app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = GraphQLClient(production_app)
    try:
        # given
        await sign_up(client, "prod@solo.example")
        assert (await client(ME))["me"]["kind"] == "MEMBER"

        # introspection is refused
        body = await client.raw(INTROSPECTION)
        assert body.get("data") is None
        assert "introspection" in body["errors"][0]["message"].lower()

        # an unexpected exception does not leak its message
        def explode(*args: object, **kwargs: object) -> None:
            raise RuntimeError("password=hunter2 at db.internal:5432")

        monkeypatch.setattr(customer_services, "search_customers", explode)
        body = await client.raw("{ customers { totalCount } }")
        assert body["data"] is None
        assert "hunter2" not in json.dumps(body) and "db.internal" not in json.dumps(body)
        assert body["errors"][0]["message"] == "Unexpected error."

        # errors meant for the caller still say what is wrong
        anonymous = GraphQLClient(production_app)
        body = await anonymous.raw("{ organization { name } }")
        assert body["errors"][0]["message"] == "Sign in first."
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        await anonymous.close()
        body = await client.raw("{ members(after: \"bogus!\") { edges { cursor } } }")
        assert body["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"
        body = await client.raw("{ nope }")
        assert "nope" in body["errors"][0]["message"]
    finally:
        await client.close()


async def test_development_shows_unexpected_errors(signed_in: GraphQLClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("visible while developing")

    monkeypatch.setattr(customer_services, "search_customers", explode)
    body = await signed_in.raw("{ customers { totalCount } }")
    assert body["errors"][0]["message"] == "visible while developing"


async def test_websocket_handshake_from_a_foreign_origin_is_refused(app: Starlette, signed_in: GraphQLClient) -> None:
    cookie = "; ".join(f"{k}={v}" for k, v in signed_in.http.cookies.items())

    # when a page on another site opens the socket with the user's cookie
    accepted = False
    close_codes: list[int] = []
    try:
        async with (
            httpx.AsyncClient(transport=ASGIWebSocketTransport(app), base_url=TEST_ORIGIN) as http,
            aconnect_ws("/graphql", http, subprotocols=["graphql-transport-ws"],
                        headers={"origin": FOREIGN, "cookie": cookie}),
        ):
            accepted = True
    except* WebSocketDisconnect as refused:
        close_codes = [e.code for e in refused.exceptions]  # type: ignore[attr-defined]

    # then the handshake is closed before it is accepted (a real server answers 403)
    assert not accepted
    assert close_codes == [1008]

    # a same-origin page is accepted and its session recognised
    async with (
        httpx.AsyncClient(transport=ASGIWebSocketTransport(app), base_url=TEST_ORIGIN) as http,
        aconnect_ws("/graphql", http, subprotocols=["graphql-transport-ws"],
                    headers={"origin": TEST_ORIGIN, "cookie": cookie}) as ws,
    ):
        await ws.send_json({"type": "connection_init", "payload": {}})
        assert (await ws.receive_json(timeout=5))["type"] == "connection_ack"
        await ws.send_json({"id": "1", "type": "subscribe", "payload": {"query": ME_KIND}})
        message = await ws.receive_json(timeout=5)
        assert message["type"] == "next" and message["payload"]["data"]["me"] == {"kind": "MEMBER"}


async def test_every_response_carries_the_security_headers(signed_in: GraphQLClient) -> None:
    for response in (
        await signed_in.http.post("/graphql", json={"query": "{ me { kind } }"}),
        await signed_in.http.get("/healthz"),
        await signed_in.http.get("/some/spa/route"),
    ):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "same-origin"
        assert response.headers["x-frame-options"] == "SAMEORIGIN"
        assert "strict-transport-security" not in response.headers  # served over http here
