"""The file endpoints beside /graphql, on LocalStorage and on S3 (moto over real HTTP), SQLite and PostgreSQL:
streamed uploads with their limits, and signed downloads with Range support and activity recording."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from portico.accounts.models import Organization
from portico.activity.models import ActivityKind
from portico.demo import demo_pdf
from portico.hubs.links import FileGrant, sign_grant
from portico.hubs.models import Document, Upload
from portico.hubs.quota import storage_used_bytes
from tests.hubs.conftest import use_s3
from tests.hubs.helpers import (
    ELF,
    EXE,
    PNG,
    World,
    events,
    leave_free,
    pk,
    share_to_contact,
    stored_keys,
    upload,
)

MAX_UPLOAD = 64 * 1024


@pytest.fixture(params=["local", "s3"])
def app_env(app_env: dict[str, str], request: pytest.FixtureRequest) -> dict[str, str]:
    """Every test here runs on LocalStorage and on S3, with a small upload limit."""
    app_env["MAX_UPLOAD_BYTES"] = str(MAX_UPLOAD)
    if request.param == "s3":
        use_s3(app_env, request.getfixturevalue("s3_endpoint"))
    return app_env


def _big(n: int) -> bytes:
    line = b"all work and no play makes jack a dull boy\n"
    return (line * (n // len(line) + 1))[:n]


async def _chunks(data: bytes, size: int = 8192, fail_after: int | None = None) -> AsyncIterator[bytes]:
    sent = 0
    for i in range(0, len(data), size):
        if fail_after is not None and sent >= fail_after:
            raise ConnectionResetError("client went away")
        yield data[i:i + size]
        sent += size


# --- uploads -----------------------------------------------------------------------------------------------------


async def test_upload_stores_the_file_with_detected_type_and_safe_name(world: World, app: Any) -> None:
    rep = world.acme.member.client
    before = await stored_keys(app)
    response = await upload(rep, PNG, "../../etc/\u202eevil\x00.png")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["contentType"] == "image/png"  # from the bytes, not the name
    assert body["sizeBytes"] == len(PNG)
    assert "/" not in body["name"] and "\x00" not in body["name"] and "\u202e" not in body["name"]
    row = await Upload.get(id=body["uploadId"])
    assert row.used_at is None and row.size_bytes == len(PNG)
    after = await stored_keys(app)
    assert len(after) == len(before) + 1
    assert row.storage_key in after


async def test_upload_over_the_size_limit_is_413_and_leaves_nothing(world: World, app: Any) -> None:
    rep = world.acme.member.client
    before_keys, before_rows = await stored_keys(app), await Upload.all().count()
    # Declared length over the limit: refused before reading.
    response = await upload(rep, _big(MAX_UPLOAD + 1), "big.txt")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "UPLOAD_TOO_LARGE"
    # Streamed without a length (chunked): refused as the bytes pass the limit.
    response = await rep.http.post("/uploads", params={"filename": "big.txt"}, content=_chunks(_big(MAX_UPLOAD * 3)))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "UPLOAD_TOO_LARGE"
    assert await Upload.all().count() == before_rows
    assert await stored_keys(app) == before_keys
    # Exactly at the limit is fine.
    assert (await upload(rep, _big(MAX_UPLOAD), "fits.txt")).status_code == 201


async def test_upload_over_the_organization_quota_is_413_quota_exceeded(world: World, app: Any) -> None:
    rep = world.acme.member.client
    org = await Organization.get(name="Acme Sales")
    assert await storage_used_bytes(org.id) > 0  # the three publications count
    await leave_free("Acme Sales", 1000)
    before_keys, before_rows = await stored_keys(app), await Upload.all().count()
    response = await rep.http.post("/uploads", params={"filename": "q.txt"}, content=_chunks(_big(5000), 512))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "QUOTA_EXCEEDED"
    assert await Upload.all().count() == before_rows
    assert await stored_keys(app) == before_keys
    # What fits is accepted, then the next upload no longer fits.
    assert (await upload(rep, _big(900), "a.txt")).status_code == 201
    response = await upload(rep, _big(200), "b.txt")
    assert response.status_code == 413 and response.json()["error"]["code"] == "QUOTA_EXCEEDED"
    # The other organization is not affected.
    assert (await upload(world.globex.member.client, _big(5000), "g.txt")).status_code == 201


async def test_parallel_uploads_cannot_overfill_the_quota(
    world: World, app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given room for one more file, and four reps each uploading one that fits on its own
    org = await Organization.get(name="Acme Sales")
    quota = await leave_free("Acme Sales", 8000)
    before_keys, before_rows = await stored_keys(app), await Upload.all().count()
    reps = [world.acme.admin.client, world.acme.manager.client, world.acme.member.client, world.acme.member2.client]
    all_sent = asyncio.Barrier(len(reps))

    async def body(data: bytes) -> AsyncIterator[bytes]:
        async for chunk in _chunks(data, 1024):
            yield chunk
        await all_sent.wait()  # no upload is recorded before all have streamed past the early (snapshot) check

    # Make the race as tight as it gets: once its row is written, each upload waits (up to a second) for the
    # others. Without a lock the transactions then check side by side, each blind to the others' uncommitted rows;
    # with the organization locked the others are refused before writing a row, and the first one's wait times out.
    real_create, arrived, all_arrived = Upload.create, [], asyncio.Event()

    async def create_together(**fields: Any) -> Upload:
        row = await real_create(**fields)
        arrived.append(row)
        if len(arrived) == len(reps):
            all_arrived.set()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(1):
                await all_arrived.wait()
        return row

    monkeypatch.setattr(Upload, "create", create_together)

    # when they upload at the same moment
    async with asyncio.timeout(60):
        responses = await asyncio.gather(*(
            rep.http.post("/uploads", params={"filename": f"{n}.txt"}, content=body(_big(6000)))
            for n, rep in enumerate(reps)
        ))

    # then one is stored, the others refused and removed: the quota holds
    assert sorted(r.status_code for r in responses) == [201, 413, 413, 413], [r.text for r in responses]
    assert {r.json()["error"]["code"] for r in responses if r.status_code == 413} == {"QUOTA_EXCEEDED"}
    assert await storage_used_bytes(org.id) == quota - 8000 + 6000
    assert await Upload.all().count() == before_rows + 1
    assert len(await stored_keys(app)) == len(before_keys) + 1


@pytest.mark.parametrize("content", [ELF, EXE], ids=["elf", "exe"])
async def test_refused_type_is_415(world: World, app: Any, content: bytes) -> None:
    before_keys, before_rows = await stored_keys(app), await Upload.all().count()
    response = await upload(world.acme.member.client, content, "report.pdf")
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "REFUSED_TYPE"
    assert await Upload.all().count() == before_rows
    assert await stored_keys(app) == before_keys


async def test_empty_upload_is_400(world: World, app: Any) -> None:
    before_keys, before_rows = await stored_keys(app), await Upload.all().count()
    response = await upload(world.acme.member.client, b"", "empty.pdf")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "EMPTY_UPLOAD"
    assert await Upload.all().count() == before_rows
    assert await stored_keys(app) == before_keys


async def test_aborted_upload_leaves_no_row_and_no_object(world: World, app: Any) -> None:
    before_keys, before_rows = await stored_keys(app), await Upload.all().count()
    data = _big(MAX_UPLOAD - 10)
    with pytest.raises(Exception):  # noqa: B017 - the client's own error surfaces through the in-process transport
        await world.acme.member.client.http.post(
            "/uploads", params={"filename": "cut.txt"}, content=_chunks(data, 4096, fail_after=40_000)
        )
    assert await Upload.all().count() == before_rows
    assert await stored_keys(app) == before_keys


async def test_upload_needs_a_member_or_a_folder_open_to_the_contact(
    world: World, app: Any, client_factory: Any
) -> None:
    anonymous = client_factory()
    response = await upload(anonymous, PNG, "x.png")
    assert response.status_code == 401
    shared = await share_to_contact(world, client_factory)
    before_keys, before_rows = await stored_keys(app), await Upload.all().count()
    # A contact uploads only into a folder that lets them (`?folderId=`, tests/hubs/test_folder_uploads.py).
    response = await upload(shared.contact, PNG, "x.png")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"
    assert await Upload.all().count() == before_rows
    assert await stored_keys(app) == before_keys


async def test_cross_site_upload_with_the_session_cookie_is_403(world: World, app: Any) -> None:
    rep = world.acme.member.client
    before_rows = await Upload.all().count()
    response = await upload(rep, PNG, "x.png", origin="https://evil.example")
    assert response.status_code == 403
    # Without Origin but with a foreign Referer: refused too; with neither: refused (cookie present).
    response = await rep.http.post("/uploads", params={"filename": "x.png"}, content=PNG,
                                   headers={"origin": "", "referer": "https://evil.example/page"})
    assert response.status_code == 403
    assert await Upload.all().count() == before_rows


async def test_upload_with_an_api_key_of_shares_write_scope(world: World, app: Any, client_factory: Any) -> None:
    admin = world.acme.admin.client
    created = await admin(
        """mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret errors { code } } }""",
        {"input": {"name": "crm", "scopes": ["SHARES_WRITE"], "actsAsMemberId": world.acme.member.member_id}},
    )
    secret = created["createApiKey"]["secret"]
    partner = client_factory({"authorization": f"Bearer {secret}", "origin": "https://partner.example"})
    assert (await upload(partner, PNG, "x.png")).status_code == 201
    reader = await admin(
        """mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret errors { code } } }""",
        {"input": {"name": "bi", "scopes": ["ORG_READ"]}},
    )
    read_only = client_factory({"authorization": f"Bearer {reader['createApiKey']['secret']}"})
    assert (await upload(read_only, PNG, "x.png")).status_code == 403
    bogus = client_factory({"authorization": "Bearer nope"})
    assert (await upload(bogus, PNG, "x.png")).status_code == 401


# --- downloads ---------------------------------------------------------------------------------------------------


async def test_view_and_download_serve_the_bytes_inline_or_as_attachment(
    world: World, app: Any, client_factory: Any
) -> None:
    shared = await share_to_contact(world, client_factory)
    http = shared.contact.http
    price = shared.documents["Price list 2027"]
    expected = demo_pdf("Price list 2027")

    view = await http.get(price["viewUrl"])
    assert view.status_code == 200
    assert view.content == expected
    assert view.headers["content-type"] == "application/pdf"
    assert view.headers["content-disposition"].startswith("inline;")
    assert 'filename="Price list 2027.pdf"' in view.headers["content-disposition"]  # extension from the type
    assert view.headers["accept-ranges"] == "bytes"
    assert view.headers["content-length"] == str(len(expected))

    download = await http.get(price["downloadUrl"])
    assert download.status_code == 200 and download.content == expected
    assert download.headers["content-disposition"].startswith("attachment;")

    notes = await http.get(shared.documents["notes.txt"]["downloadUrl"])
    assert notes.content == shared.upload_bytes
    assert notes.headers["content-type"].startswith("text/plain")

    document_id = await _pk(price["id"])
    viewed = await events(kind=ActivityKind.DOCUMENT_VIEWED, document_id=document_id)
    downloaded = await events(kind=ActivityKind.DOCUMENT_DOWNLOADED, document_id=document_id)
    assert len(viewed) == 1 and len(downloaded) == 1
    assert viewed[0].contact_id == await _pk(shared.contact_id)
    assert viewed[0].sender_id is not None and viewed[0].share_id == await _pk(shared.share_id)


async def test_range_requests(world: World, app: Any, client_factory: Any) -> None:
    shared = await share_to_contact(world, client_factory)
    http = shared.contact.http
    doc = shared.documents["notes.txt"]
    data = shared.upload_bytes
    size = len(data)
    document_id = await _pk(doc["id"])

    first = await http.get(doc["viewUrl"], headers={"range": "bytes=0-99"})
    assert first.status_code == 206
    assert first.headers["content-range"] == f"bytes 0-99/{size}"
    assert first.content == data[:100]
    assert first.headers["content-length"] == "100"
    assert len(await events(document_id=document_id)) == 1  # starting at 0: a view

    rest = await http.get(doc["viewUrl"], headers={"range": "bytes=100-"})
    assert rest.status_code == 206
    assert rest.headers["content-range"] == f"bytes 100-{size - 1}/{size}"
    assert rest.content == data[100:]
    middle = await http.get(doc["viewUrl"], headers={"range": "bytes=10-19"})
    assert middle.content == data[10:20]
    suffix = await http.get(doc["viewUrl"], headers={"range": "bytes=-7"})
    assert suffix.status_code == 206 and suffix.content == data[-7:]
    clamped = await http.get(doc["viewUrl"], headers={"range": f"bytes={size - 3}-{size + 100}"})
    assert clamped.status_code == 206 and clamped.content == data[-3:]
    assert clamped.headers["content-range"] == f"bytes {size - 3}-{size - 1}/{size}"
    # Ranges not starting at 0 are the rest of a view already counted.
    assert len(await events(document_id=document_id)) == 1

    for bad in (f"bytes={size}-", f"bytes={size + 10}-{size + 20}", "bytes=20-10", "bytes=abc", "bytes=-",
                "items=0-1"):
        response = await http.get(doc["viewUrl"], headers={"range": bad})
        assert response.status_code == 416, bad
        assert response.headers["content-range"] == f"bytes */{size}"
    assert len(await events(document_id=document_id)) == 1


async def test_tampered_expired_or_revoked_links_are_404(world: World, app: Any, client_factory: Any) -> None:
    shared = await share_to_contact(world, client_factory)
    http = shared.contact.http
    url = shared.documents["Price list 2027"]["viewUrl"]
    token = url.removeprefix("/files/")
    body, signature = token.split(".")
    secret = app.state.settings.secret_key
    grant = FileGrant(**json.loads(_unb64(body)))
    other_doc = await _pk(shared.documents["Installation guide"]["id"])

    tampered_body = sign_grant(secret, FileGrant(**{**grant.__dict__, "document_id": other_doc})).split(".")[0]
    flipped = signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB")
    for bad in (f"{tampered_body}.{signature}", f"{body}.{flipped}", body, "x.y", "." * 5, "a" * 1200):
        response = await http.get(f"/files/{bad}")
        assert response.status_code == 404, bad
        assert shared.upload_bytes[:10] not in response.content
    # Signed with another secret.
    forged = sign_grant("another-secret-that-is-long-enough-123456", grant)
    assert (await http.get(f"/files/{forged}")).status_code == 404
    # Expired.
    expired = sign_grant(secret, FileGrant(**{**grant.__dict__, "expires": int(time.time()) - 1}))
    assert (await http.get(f"/files/{expired}")).status_code == 404
    # A validly signed link is still only as good as its holder's access: another customer's contact gets nothing.
    y_doc = await Document.filter(hub__customer__name="Svea Bygg").first()
    assert y_doc is None  # nothing shared to Y yet; use a document id of X for a Y contact instead
    from portico.customers.models import Contact

    other_customer_contact = await Contact.create(
        customer_id=await _pk(world.customer_y), organization_id=grant.organization_id, first_name="S",
        last_name="N", email="sara@svea.example", hub_access=True,
    )
    # A validly signed link issued to a contact of another customer still cannot reach this document.
    stolen = sign_grant(secret, FileGrant(**{**grant.__dict__, "contact_id": other_customer_contact.id}))
    assert (await http.get(f"/files/{stolen}")).status_code == 404
    # Switching the contact's hub access off kills their links at once.
    assert (await http.get(url)).status_code == 200
    from portico.customers.models import Contact as C

    await C.filter(id=await _pk(shared.contact_id)).update(hub_access=False)
    assert (await http.get(url)).status_code == 404
    # No view was recorded by any refused request.
    assert len(await events(kind=ActivityKind.DOCUMENT_VIEWED)) == 1


async def test_staff_views_are_not_customer_activity(world: World, app: Any, client_factory: Any) -> None:
    shared = await share_to_contact(world, client_factory)
    rep = world.acme.member.client
    data = await rep("query($id: ID!) { node(id: $id) { ... on Document { viewUrl downloadUrl } } }",
                     {"id": shared.documents["notes.txt"]["id"]})
    response = await rep.http.get(data["node"]["viewUrl"])
    assert response.status_code == 200 and response.content == shared.upload_bytes
    assert await events(kind=ActivityKind.DOCUMENT_VIEWED) == []
    # The other organization's staff: the node is not found, and a link made for them does not work.
    other = await world.globex.admin.client("query($id: ID!) { node(id: $id) { id } }",
                                            {"id": shared.documents["notes.txt"]["id"]})
    assert other["node"] is None


async def test_publication_preview_link_for_staff(world: World, app: Any) -> None:
    admin = world.acme.admin.client
    library = await admin("{ libraries { id name publicationCount } }")
    assert library["libraries"][0]["publicationCount"] == 3
    data = await admin("query { publications(first: 10) { totalCount edges { node { title viewUrl } } } }")
    nodes = {e["node"]["title"]: e["node"] for e in data["publications"]["edges"]}
    assert data["publications"]["totalCount"] == 3
    response = await admin.http.get(nodes["Installation guide"]["viewUrl"])
    assert response.status_code == 200 and response.content == demo_pdf("Installation guide")
    globex = await world.globex.admin.client("query { publications(first: 10) { totalCount } }")
    assert globex["publications"]["totalCount"] == 1


async def test_documents_shared_from_a_publication_point_at_its_object(world: World, app: Any,
                                                                       client_factory: Any) -> None:
    """A share does not copy publication bytes (quota counts them once); an uploaded file is counted once too."""
    org = await Organization.get(name="Acme Sales")
    before = await storage_used_bytes(org.id)
    keys_before = await stored_keys(app)
    shared = await share_to_contact(world, client_factory)
    after = await storage_used_bytes(org.id)
    assert after == before + len(shared.upload_bytes)
    assert len(await stored_keys(app)) == len(keys_before) + 1  # only the uploaded notes


async def _pk(global_id: str) -> int:
    return pk(global_id)


def _unb64(text: str) -> bytes:
    import base64

    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


async def test_head_request_answers_headers_but_is_not_a_view(world: World, app: Any, client_factory: Any) -> None:
    """Link checkers and prefetchers send HEAD: the headers are answered, but nobody viewed anything."""
    shared = await share_to_contact(world, client_factory)
    doc = shared.documents["notes.txt"]
    for url in (doc["viewUrl"], doc["downloadUrl"]):
        response = await shared.contact.http.head(url)
        assert response.status_code == 200
        assert response.headers["content-length"] == str(len(shared.upload_bytes))
        assert response.content == b""
    assert await events(document_id=pk(doc["id"])) == []
    assert (await shared.contact.http.get(doc["viewUrl"])).status_code == 200
    assert len(await events(document_id=pk(doc["id"]))) == 1


async def test_links_stop_working_when_the_member_is_deactivated(world: World, app: Any, client_factory: Any) -> None:
    """Document and publication preview links are only as good as their holder's access, checked on every use."""
    from portico.accounts.models import Member

    shared = await share_to_contact(world, client_factory)
    rep = world.acme.member.client
    doc = await rep("query($id: ID!) { node(id: $id) { ... on Document { viewUrl } } }",
                    {"id": shared.documents["notes.txt"]["id"]})
    publications = await rep("query { publications(first: 1) { edges { node { viewUrl } } } }")
    publication_url = publications["publications"]["edges"][0]["node"]["viewUrl"]
    document_url = doc["node"]["viewUrl"]
    assert (await rep.http.get(document_url)).status_code == 200
    assert (await rep.http.get(publication_url)).status_code == 200
    await Member.filter(id=pk(world.acme.member.member_id)).update(is_active=False)
    assert (await rep.http.get(document_url)).status_code == 404
    assert (await rep.http.get(publication_url)).status_code == 404


async def test_an_org_wide_reader_key_downloads_until_it_is_revoked(
    world: World, app: Any, client_factory: Any
) -> None:
    """Links are issued to the API key itself (no member behind it) and checked against that key when used."""
    x = await share_to_contact(world, client_factory)
    admin = world.acme.admin.client
    created = await admin(
        "mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret errors { code } } }",
        {"input": {"name": "bi", "scopes": ["ORG_READ", "DOCUMENTS_READ"]}},
    )
    reader = client_factory({"authorization": f"Bearer {created['createApiKey']['secret']}"})
    doc = await reader("query($id: ID!) { node(id: $id) { ... on Document { name downloadUrl } } }",
                       {"id": x.documents["notes.txt"]["id"]})
    publication = await reader("{ publications(first: 1) { edges { node { title viewUrl } } } }")
    doc_url = doc["node"]["downloadUrl"]
    pub_url = publication["publications"]["edges"][0]["node"]["viewUrl"]

    downloaded = await reader.http.get(doc_url)
    assert downloaded.status_code == 200 and downloaded.content == x.upload_bytes
    assert (await reader.http.get(pub_url)).status_code == 200

    revoked = await admin(
        "mutation($id: ID!) { revokeApiKey(input: {apiKeyId: $id}) { errors { code } } }",
        {"id": created["createApiKey"]["apiKey"]["id"]},
    )
    assert revoked["revokeApiKey"]["errors"] == []
    assert (await reader.http.get(doc_url)).status_code == 404
    assert (await reader.http.get(pub_url)).status_code == 404
