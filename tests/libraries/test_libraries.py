"""Libraries and publications: ADMIN and MANAGER curate them, every member searches and shares from them."""

from __future__ import annotations

from typing import Any

from portico.hubs.models import Upload
from portico.libraries.models import Publication
from tests.hubs.helpers import ADD_PUBLICATION, CREATE_LIBRARY, World, pk, upload_ok

SEARCH = """query($s: String, $l: [ID!], $t: String, $first: Int, $after: String) {
  publications(search: $s, libraryIds: $l, tag: $t, first: $first, after: $after) {
    totalCount edges { node { id title tags library { id name } } } pageInfo { hasNextPage endCursor } } }"""


async def test_only_admins_and_managers_curate_libraries(world: World) -> None:
    for who in (world.acme.member.client, world.acme.member2.client):
        refused = await who(CREATE_LIBRARY, {"input": {"name": "Mine"}})
        assert refused["createLibrary"]["errors"][0]["code"] == "NOT_ALLOWED"
        upload_id = await upload_ok(who, b"text\n", "t.txt")
        added = await who(ADD_PUBLICATION, {"input": {"libraryId": world.library_id, "uploadId": upload_id,
                                                      "title": "Sneaky"}})
        assert added["addPublication"]["errors"][0]["code"] == "NOT_ALLOWED"
        assert (await Upload.get(id=upload_id)).used_at is None
    made = await world.acme.manager.client(CREATE_LIBRARY, {"input": {"name": "Price lists", "description": "2027"}})
    assert made["createLibrary"]["errors"] == []
    empty = await world.acme.manager.client(CREATE_LIBRARY, {"input": {"name": "  "}})
    assert empty["createLibrary"]["errors"][0] == {"code": "REQUIRED", "field": "name",
                                                   "message": empty["createLibrary"]["errors"][0]["message"]}
    names = await world.acme.member.client("{ libraries { name publicationCount } }")
    assert names["libraries"] == [{"name": "Price lists", "publicationCount": 0},
                                  {"name": "Product sheets", "publicationCount": 3}]
    assert (await world.globex.member.client("{ libraries { name } }"))["libraries"] == [{"name": "Globex library"}]


async def test_add_publication_checks_library_upload_and_title(world: World) -> None:
    admin = world.acme.admin.client
    upload_id = await upload_ok(admin, b"%PDF-1.4\n%%EOF\n", "a.pdf")
    globex_library = (await world.globex.admin.client("{ libraries { id } }"))["libraries"][0]["id"]
    before = await Publication.all().count()
    cases = [
        ({"libraryId": globex_library, "uploadId": upload_id, "title": "X"}, ("NOT_FOUND", "libraryId")),
        ({"libraryId": world.library_id, "uploadId": upload_id, "title": ""}, ("REQUIRED", "title")),
        ({"libraryId": world.library_id, "uploadId": upload_id, "title": "X", "tags": ["t" * 41]},
         ("INVALID_TAGS", "tags")),
        ({"libraryId": world.library_id, "uploadId": "00000000-0000-0000-0000-000000000000", "title": "X"},
         ("NOT_FOUND", "uploadId")),
        ({"libraryId": world.library_id, "uploadId": "nope", "title": "X"}, ("NOT_FOUND", "uploadId")),
    ]
    for given, expected in cases:
        result = await admin(ADD_PUBLICATION, {"input": given})
        errors = result["addPublication"]["errors"]
        assert (errors[0]["code"], errors[0]["field"]) == expected, (given, errors)
    assert await Publication.all().count() == before
    assert (await Upload.get(id=upload_id)).used_at is None  # nothing consumed the upload

    # Another member's upload cannot be published by the admin.
    theirs = await upload_ok(world.acme.manager.client, b"text\n", "m.txt")
    result = await admin(ADD_PUBLICATION, {"input": {"libraryId": world.library_id, "uploadId": theirs,
                                                     "title": "Not mine"}})
    assert result["addPublication"]["errors"][0]["code"] == "NOT_FOUND"

    ok = await admin(ADD_PUBLICATION, {"input": {"libraryId": world.library_id, "uploadId": upload_id,
                                                 "title": " Volume discounts ", "tags": ["Prices", " prices", ""]}})
    publication = ok["addPublication"]["publication"]
    assert publication["title"] == "Volume discounts"
    assert publication["contentType"] == "application/pdf"
    row = await Publication.get(id=pk(publication["id"]))
    assert row.tags == ["prices"]
    # An upload is published once.
    again = await admin(ADD_PUBLICATION, {"input": {"libraryId": world.library_id, "uploadId": upload_id,
                                                    "title": "Twice"}})
    assert again["addPublication"]["errors"][0]["code"] == "NOT_FOUND"


async def test_search_across_libraries_by_title_and_tag(world: World) -> None:
    admin = world.acme.admin.client
    second = (await admin(CREATE_LIBRARY, {"input": {"name": "Price lists"}}))["createLibrary"]["library"]["id"]
    for title, tags in (("Price list 2028", ["prices"]), ("Volume discounts", ["prices", "b2b"])):
        upload_id = await upload_ok(admin, f"{title}\n".encode(), "x.txt")
        await admin(ADD_PUBLICATION, {"input": {"libraryId": second, "uploadId": upload_id, "title": title,
                                                "tags": tags}})
    rep = world.acme.member.client

    async def titles(**variables: Any) -> list[str]:
        data = await rep(SEARCH, {"first": 50, **variables})
        return [e["node"]["title"] for e in data["publications"]["edges"]]

    assert await titles() == ["Installation guide", "Price list 2027", "Price list 2028", "Trailmaster 300 sheet",
                              "Volume discounts"]  # by title, across every library
    assert await titles(s="LIST 20") == ["Price list 2027", "Price list 2028"]
    assert await titles(s="price") == ["Price list 2027", "Price list 2028", "Volume discounts"]  # title or #tag
    assert await titles(s="list", l=[second]) == ["Price list 2028"]
    assert await titles(l=[world.library_id, second]) == await titles()
    assert await titles(t="prices") == ["Price list 2028", "Volume discounts"]
    assert await titles(t="b2b") == ["Volume discounts"]
    assert await titles(s="%") == [] and await titles(s="_") == []  # no LIKE wildcards leak through
    # Pages of two, no overlap, then the end.
    seen: list[str] = []
    after = None
    while True:
        data = (await rep(SEARCH, {"first": 2, "after": after}))["publications"]
        seen += [e["node"]["title"] for e in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
    assert seen == await titles()
    # The other organization's library ids filter to nothing, and its publications never show.
    globex_library = (await world.globex.admin.client("{ libraries { id } }"))["libraries"][0]["id"]
    assert await titles(l=[globex_library]) == []
    assert "Globex secret" not in await titles()
    # Contacts do not browse libraries.
