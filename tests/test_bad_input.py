"""Bad input found by probing a production-mode server from outside (issue 7, point 18): each gets a clear
validation error (or a plain 404 for a link), never "Unexpected error" or a 500, on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import pytest

from portico.libraries.models import Publication
from tests.conftest import PASSWORD, GraphQLClient, Org
from tests.graphql.helpers import LOG_IN
from tests.hubs.helpers import (
    ADD_PUBLICATION,
    CREATE_LIBRARY,
    HUB_LOG_IN,
    World,
    build_world,
    upload_ok,
)

LONG_EMAIL = "a" * 300 + "@example.com"
RESET = "mutation($e: String!) { requestPasswordReset(input: {email: $e}) { ok errors { code field } } }"
CUSTOMERS = "query($s: String) { customers(search: $s) { totalCount } }"
PUBLICATIONS = "query($s: String, $t: String) { publications(search: $s, tag: $t) { totalCount } }"
CREATE_CUSTOMER = """mutation($input: CreateCustomerInput!) { createCustomer(input: $input) {
  customer { id } errors { code field message } } }"""


@pytest.fixture
async def world(two_orgs: tuple[Org, Org]) -> World:
    return await build_world(*two_orgs)


def _codes(errors: list[dict[str, Any]]) -> set[tuple[str, str | None]]:
    return {(e["code"], e["field"]) for e in errors}


# --- file links ------------------------------------------------------------------------------------------------


async def test_a_file_link_with_non_ascii_characters_is_404(world: World) -> None:
    admin = world.acme.admin.client
    data = await admin("{ publications(first: 1) { edges { node { viewUrl } } } }")
    good = data["publications"]["edges"][0]["node"]["viewUrl"]
    body, _, signature = good.rsplit("/", 1)[1].partition(".")
    for token in (f"{body}.{signature[:-1]}é", "é.é", f"{body}ü.{signature}", "%00.%00", f"{body}.\u2603"):
        # when
        response = await admin.http.get(f"/files/{token}")

        # then
        assert response.status_code == 404, (token, response.status_code, response.text)
        assert response.json()["error"]["code"] == "NOT_FOUND"
    assert (await admin.http.get(good)).status_code == 200  # the real link still works


# --- global ids -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["Customer:99999999999999999999999", "Customer:2147483648", "Customer:-1",
                                 "Customer:0", "Customer: 1", "ActivityEvent:9223372036854775808"])
async def test_a_made_up_global_id_is_not_found(world: World, raw: str) -> None:
    admin = world.acme.admin.client
    made_up = base64.b64encode(raw.encode()).decode()
    # when
    node = await admin.raw("query($id: ID!) { node(id: $id) { id } }", {"id": made_up})
    hub = await admin.raw("query($id: ID!) { hub(id: $id) { id } }", {"id": made_up})
    # then: nothing, as for any id the caller may not see, never a database error
    assert node == {"data": {"node": None}}, node
    assert "errors" not in hub or all(e.get("extensions", {}).get("code") == "NOT_FOUND" for e in hub["errors"]), hub


async def test_the_largest_ids_are_still_ids(world: World) -> None:
    admin = world.acme.admin.client
    for raw in ("Customer:2147483647", "ActivityEvent:9223372036854775807"):
        made_up = base64.b64encode(raw.encode()).decode()
        assert await admin.raw("query($id: ID!) { node(id: $id) { id } }", {"id": made_up}) == {
            "data": {"node": None}}


# --- sign-in lookups by email ------------------------------------------------------------------------------------


@pytest.mark.parametrize("email", [LONG_EMAIL, "ada\x00@acmesales.example", "ada\n@acmesales.example"])
async def test_log_in_with_an_impossible_email_is_a_validation_error(
    client_factory: Callable[..., GraphQLClient], email: str, database_url: str
) -> None:
    client = client_factory()
    # when
    staff = await client(LOG_IN, {"input": {"email": email, "password": PASSWORD}})
    contact = await client(HUB_LOG_IN, {"e": email, "p": PASSWORD})
    reset = await client(RESET, {"e": email})

    # then
    assert _codes(staff["logIn"]["errors"]) == {("INVALID_EMAIL", "email")}
    assert _codes(contact["hubLogIn"]["errors"]) == {("INVALID_EMAIL", "email")}
    assert _codes(reset["requestPasswordReset"]["errors"]) == {("INVALID_EMAIL", "email")}


async def test_a_long_but_possible_email_still_just_fails_to_sign_in(
    client_factory: Callable[..., GraphQLClient], database_url: str
) -> None:
    data = await client_factory()(LOG_IN, {"input": {"email": "a" * 60 + "@" + "b" * 180 + ".example",
                                                     "password": PASSWORD}})
    assert _codes(data["logIn"]["errors"]) == {("INVALID_CREDENTIALS", None)}


# --- search strings ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("term", ["fjord\x00", "\x00", "a\x1bb"])
async def test_control_characters_in_a_search_are_a_validation_error(world: World, term: str) -> None:
    admin = world.acme.admin.client
    for query, variables in ((CUSTOMERS, {"s": term}), (PUBLICATIONS, {"s": term}), (PUBLICATIONS, {"t": term})):
        # when
        body = await admin.raw(query, variables)

        # then
        assert body["data"] is None, body
        [error] = body["errors"]
        assert error["extensions"]["code"] == "INVALID_SEARCH", error
        assert "control characters" in error["message"]


async def test_ordinary_searches_still_work(world: World) -> None:
    admin = world.acme.admin.client
    assert (await admin(CUSTOMERS, {"s": "  FJORD "}))["customers"]["totalCount"] == 1
    assert (await admin(PUBLICATIONS, {"s": "price", "t": "SHEET"}))["publications"]["totalCount"] == 1
    assert (await admin(PUBLICATIONS, {"s": "Zürich ✓"}))["publications"]["totalCount"] == 0


# --- control characters in names and titles --------------------------------------------------------------------


@pytest.mark.parametrize("title", ["Price\nlist", "Price\x00list", "\x1b[31mred", "tab\there", "line\u2028sep"])
async def test_control_characters_in_a_publication_title_are_refused(world: World, title: str) -> None:
    admin = world.acme.admin.client
    upload_id = await upload_ok(admin, b"%PDF-1.4\n%%EOF\n")
    before = await Publication.all().count()

    # when
    data = await admin(ADD_PUBLICATION, {"input": {"libraryId": world.library_id, "uploadId": upload_id,
                                                   "title": title, "tags": []}})

    # then
    assert _codes(data["addPublication"]["errors"]) == {("INVALID_TEXT", "title")}
    assert "control characters" in data["addPublication"]["errors"][0]["message"]
    assert await Publication.all().count() == before


async def test_control_characters_in_tags_are_refused(world: World) -> None:
    admin = world.acme.admin.client
    upload_id = await upload_ok(admin, b"%PDF-1.4\n%%EOF\n")
    data = await admin(ADD_PUBLICATION, {"input": {"libraryId": world.library_id, "uploadId": upload_id,
                                                   "title": "Fine", "tags": ["ok", "bad\x00tag"]}})
    assert _codes(data["addPublication"]["errors"]) == {("INVALID_TAGS", "tags")}


async def test_names_refuse_control_characters_and_multi_line_text_keeps_its_lines(world: World) -> None:
    admin = world.acme.admin.client
    library = await admin(CREATE_LIBRARY, {"input": {"name": "Sheets\r\n", "description": "Line one\nLine\ttwo"}})
    assert library["createLibrary"]["errors"] == []  # trailing whitespace is trimmed, lines and tabs are kept
    bad = await admin(CREATE_LIBRARY, {"input": {"name": "Sh\neets", "description": "nul \x00 here"}})
    assert _codes(bad["createLibrary"]["errors"]) == {("INVALID_TEXT", "name"), ("INVALID_TEXT", "description")}
    customer = await admin(CREATE_CUSTOMER, {"input": {"kind": "COMPANY", "name": "Bell\x07 Corp"}})
    assert _codes(customer["createCustomer"]["errors"]) == {("INVALID_TEXT", "name")}


# --- Content-Disposition of downloads ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ('Q1 "best" price\\list', "attachment; filename=\"Q1 'best' price_list.pdf\"; "
                                  "filename*=UTF-8''Q1%20%22best%22%20price%5Clist.pdf"),
        ("Prisliste år 2027", "attachment; filename=\"Prisliste r 2027.pdf\"; "
                              "filename*=UTF-8''Prisliste%20%C3%A5r%202027.pdf"),
        ("old\r\nrow\x1b with; controls", "attachment; filename=\"old row with; controls.pdf\"; "
                                          "filename*=UTF-8''old%20row%20with%3B%20controls.pdf"),
        ("价格", "attachment; filename=\"file.pdf\"; filename*=UTF-8''%E4%BB%B7%E6%A0%BC.pdf"),
    ],
)
async def test_downloads_carry_an_rfc_6266_content_disposition(
    world: World, client_factory: Callable[..., GraphQLClient], title: str, expected: str
) -> None:
    """Rows written before titles were checked may hold control characters: the download still works."""
    from tests.hubs.helpers import person, share

    acme = world.acme
    pub = await Publication.get(title="Price list 2027")
    await Publication.filter(id=pub.id).update(title=title)
    payload = await share(acme.member.client, world.customer_x, [person("Mette", "Dahl", "mette@fjord.example")],
                          publication_ids=[world.publications["Price list 2027"]])
    doc = payload["share"]["documents"][0]
    data = await acme.member.client("query($id: ID!) { node(id: $id) { ... on Document { name downloadUrl } } }",
                                    {"id": doc["id"]})

    # when
    response = await acme.member.client.http.get(data["node"]["downloadUrl"])

    # then
    assert response.status_code == 200
    assert response.headers["content-disposition"] == expected


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("brochure.pdf", "application/pdf", "brochure.pdf"),
        ("scan.JPG", "image/png", "scan.JPG"),
        ("Guide v2.1", "application/pdf", "Guide v2.1.pdf"),
        ("notes", "application/octet-stream", "notes"),
        ("a/b\\c", "text/plain", "a_b\\c.txt"),
        ("", "application/pdf", "file.pdf"),
    ],
)
def test_download_names_get_an_extension_only_when_they_lack_one(name: str, content_type: str, expected: str) -> None:
    from portico.hubs.disposition import download_name

    assert download_name(name, content_type) == expected
