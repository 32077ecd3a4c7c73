"""The organization's logo (issue 7, point 4): uploaded by administrators, checked for type and size, replaced
and removed cleanly, and served only to the organization and its customers' contacts."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette

from portico.branding.models import OrganizationLogo
from portico.branding.services import MAX_LOGO_BYTES
from tests.conftest import GraphQLClient
from tests.graphql.helpers import create_api_key, key_client
from tests.hubs.helpers import PNG, World, share_to_contact, stored_keys

GIF = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
       b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
BRANDING = "{ branding { name logoUrl } }"
REMOVE = "mutation { removeOrganizationLogo { branding { name logoUrl } errors { code field message } } }"
HUB_BRANDING = "{ myHub { id language branding { name logoUrl } } }"


async def upload_logo(client: GraphQLClient, data: bytes) -> Any:
    return await client.http.post("/branding/logo", content=data, headers={"content-type": "application/octet-stream"})


async def uploaded(client: GraphQLClient, data: bytes = PNG) -> str:
    response = await upload_logo(client, data)
    assert response.status_code == 201, response.text
    url: str = response.json()["logoUrl"]
    return url


def branding_keys(keys: list[str]) -> list[str]:
    return [k for k in keys if "/branding/" in k]


async def test_an_admin_uploads_a_logo_that_the_organization_and_its_contacts_see(
    world: World, client_factory: Any
) -> None:
    admin = world.acme.admin.client
    url = await uploaded(admin)
    assert url.startswith("/branding/logos/")
    assert (await admin(BRANDING))["branding"] == {"name": "Acme Sales", "logoUrl": url}
    served = await admin.http.get(url)
    assert served.status_code == 200 and served.content == PNG
    assert served.headers["content-type"] == "image/png"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert (await world.acme.member.client.http.get(url)).status_code == 200
    shared = await share_to_contact(world, client_factory)
    hub = (await shared.contact(HUB_BRANDING))["myHub"]
    assert hub["branding"] == {"name": "Acme Sales", "logoUrl": url}
    assert (await shared.contact.http.get(url)).status_code == 200


async def test_no_one_outside_the_organization_gets_the_logo(world: World, client_factory: Any) -> None:
    url = await uploaded(world.acme.admin.client)
    globex = world.globex.admin.client
    assert (await globex(BRANDING))["branding"]["logoUrl"] is None
    for client in (globex, world.globex.member.client, client_factory()):
        response = await client.http.get(url)
        assert response.status_code == 404 and response.content != PNG
    assert (await client_factory().http.get("/branding/logos/not-a-uuid")).status_code == 404
    # A contact whose hub access is switched off is nobody: no hub, no logo.
    shared = await share_to_contact(world, client_factory)
    from portico.customers.models import Contact

    await Contact.filter(email="mette@fjord.example").update(hub_access=False)
    assert (await shared.contact.http.get(url)).status_code == 404


async def test_a_logo_must_be_a_small_raster_image(world: World, app: Starlette) -> None:
    admin = world.acme.admin.client
    svg = await upload_logo(admin, SVG)
    assert svg.status_code == 415 and svg.json()["error"]["code"] == "UNSUPPORTED_TYPE"
    assert "PNG" in svg.json()["error"]["message"]
    big = await upload_logo(admin, PNG + b"\0" * MAX_LOGO_BYTES)
    assert big.status_code == 413 and big.json()["error"]["message"] == "A logo can be at most 1 MB."
    empty = await upload_logo(admin, b"")
    assert empty.status_code == 400
    pdf = await upload_logo(admin, b"%PDF-1.4\n" + b"x" * 100)
    assert pdf.status_code == 415
    assert await OrganizationLogo.all().count() == 0
    assert branding_keys(await stored_keys(app)) == []
    assert (await upload_logo(admin, GIF)).status_code == 201


async def test_only_administrators_change_the_logo(world: World, client_factory: Any) -> None:
    acme = world.acme
    shared = await share_to_contact(world, client_factory)
    _, secret = await create_api_key(acme.admin.client, ["ORG_READ", "SHARES_WRITE", "CUSTOMERS_WRITE"])
    url = await uploaded(acme.admin.client)
    for who, client in {"manager": acme.manager.client, "member": acme.member.client, "contact": shared.contact,
                        "api key": key_client(client_factory, secret)}.items():
        response = await upload_logo(client, PNG)
        assert response.status_code == 403 and response.json()["error"]["code"] == "NOT_ALLOWED", who
        removed = (await client(REMOVE))["removeOrganizationLogo"]
        assert removed["branding"] is None and removed["errors"][0]["code"] == "NOT_ALLOWED", who
    assert (await upload_logo(client_factory(), PNG)).status_code == 401
    assert (await acme.admin.client(BRANDING))["branding"]["logoUrl"] == url
    # Another organization's admin changes only their own.
    assert (await world.globex.admin.client(REMOVE))["removeOrganizationLogo"]["errors"] == []
    assert (await acme.admin.client.http.get(url)).status_code == 200


async def test_a_new_logo_replaces_the_old_and_removing_it_leaves_nothing(world: World, app: Starlette) -> None:
    admin = world.acme.admin.client
    first = await uploaded(admin)
    second = await uploaded(admin, GIF)
    assert first != second
    assert (await admin.http.get(first)).status_code == 404
    assert (await admin.http.get(second)).content == GIF
    assert len(branding_keys(await stored_keys(app))) == 1
    assert await OrganizationLogo.all().count() == 1
    removed = (await admin(REMOVE))["removeOrganizationLogo"]
    assert removed == {"branding": {"name": "Acme Sales", "logoUrl": None}, "errors": []}
    assert (await admin.http.get(second)).status_code == 404
    assert branding_keys(await stored_keys(app)) == []


async def test_two_uploads_at_once_leave_one_logo_and_one_object(world: World, app: Starlette) -> None:
    import asyncio

    admin = world.acme.admin.client
    responses = await asyncio.gather(*(upload_logo(admin, data) for data in (PNG, GIF, PNG)))
    assert {r.status_code for r in responses} <= {201, 409}
    assert any(r.status_code == 201 for r in responses)
    assert await OrganizationLogo.all().count() == 1
    assert len(branding_keys(await stored_keys(app))) == 1
    url = (await admin(BRANDING))["branding"]["logoUrl"]
    assert (await admin.http.get(url)).status_code == 200
