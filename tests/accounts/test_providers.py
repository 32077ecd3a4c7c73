"""Sign-in is pluggable (issue 9, point 9; seed 003's national e-ID): every way of signing in is a provider in the
app's registry, and a redirect-based one (OpenID Connect) is added with one `register` call, no resolver changes.

The password and code sign-ins themselves (and their throttling) are tested in test_auth.py, test_throttle.py and
tests/hubs/test_hub_links.py, all through the resolvers that now ask the registry.
"""

from __future__ import annotations

from typing import Any

import pytest
from starlette.applications import Starlette

from portico.accounts.models import Session
from portico.accounts.providers import (
    CONTACT_PASSWORD,
    HUB_LINK_CODE,
    HUB_LINK_PASSWORD,
    MEMBER_PASSWORD,
    Audience,
    AuthenticationProvider,
    Identity,
    ProviderRegistry,
    SignInRequest,
)
from portico.accounts.sessions import SESSION_COOKIE
from portico.customers.models import Contact
from portico.errors import DomainError
from tests.conftest import PASSWORD, Org
from tests.hubs.helpers import World, build_world, folder_documents, share_to_contact


@pytest.fixture
async def world(two_orgs: tuple[Org, Org]) -> World:
    """A customer to share to, as in the hubs tests (a contact to sign in as)."""
    return await build_world(*two_orgs)


VIEWER = "{ me { kind member { email } contact { email } } }"


class FakeOidc:
    """Stands in for an OpenID Connect provider: the identity provider's answer is the `code` in the callback."""

    name = "oidc-test"
    audience = Audience.CONTACT
    redirect = True

    def __init__(self, subjects: dict[str, int]) -> None:
        self.subjects = subjects  # code → contact id (a real provider: ID token subject → linked contact)
        self.seen: list[SignInRequest] = []

    async def authenticate(self, request: SignInRequest) -> Identity:
        self.seen.append(request)
        contact_id = self.subjects.get(request.get("code"))
        if contact_id is None:
            raise DomainError("INVALID_CREDENTIALS", "The identity provider did not confirm who you are.", None)
        return Identity(contact=await Contact.get(id=contact_id))


def test_the_built_in_sign_ins_are_providers(app: Starlette) -> None:
    registry: ProviderRegistry = app.state.services.auth_providers
    assert registry.names() == sorted([MEMBER_PASSWORD, CONTACT_PASSWORD, HUB_LINK_PASSWORD, HUB_LINK_CODE])
    for name in registry.names():
        provider = registry.get(name)
        assert isinstance(provider, AuthenticationProvider) and provider.redirect is False
    assert registry.get(MEMBER_PASSWORD).audience is Audience.MEMBER  # type: ignore[union-attr]


async def test_a_member_signs_in_through_the_registry(two_orgs: tuple[Org, Org], app: Starlette) -> None:
    acme, _ = two_orgs
    registry: ProviderRegistry = app.state.services.auth_providers
    signed = await registry.sign_in(MEMBER_PASSWORD, SignInRequest({"email": acme.member.email, "password": PASSWORD},
                                                                   ip="10.0.0.9", user_agent="pytest"))
    assert signed.member is not None and signed.member.email == acme.member.email and signed.contact is None
    session = await Session.filter(member_id=signed.member.id).order_by("-id").first()
    assert session is not None and (session.ip, session.user_agent) == ("10.0.0.9", "pytest")
    with pytest.raises(DomainError) as wrong:
        await registry.sign_in(MEMBER_PASSWORD, SignInRequest({"email": acme.member.email, "password": "nope"}))
    assert wrong.value.problems[0].code == "INVALID_CREDENTIALS"
    with pytest.raises(DomainError) as unknown:
        await registry.sign_in("saml", SignInRequest({}))
    assert unknown.value.problems[0].code == "UNKNOWN_PROVIDER"


async def test_a_provider_cannot_sign_in_someone_outside_its_audience(two_orgs: tuple[Org, Org]) -> None:
    from portico.accounts.models import Member

    acme, _ = two_orgs
    member = await Member.get(email=acme.member.email)

    class Confused:
        name = "confused"
        audience = Audience.CONTACT
        redirect = False

        async def authenticate(self, request: SignInRequest) -> Identity:
            return Identity(member=member)

    registry = ProviderRegistry((Confused(),))
    with pytest.raises(RuntimeError):
        await registry.sign_in("confused", SignInRequest({}))
    assert await Session.filter(member_id=member.id).count() == 1  # only the fixture's own sign-in
    with pytest.raises(TypeError):
        registry.register(object())  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Identity()


async def test_an_openid_connect_provider_plugs_in_without_resolver_changes(
    world: World, app: Starlette, client_factory: Any
) -> None:
    # given a contact, and an OpenID Connect provider registered with the app (nothing else changed)
    shared = await share_to_contact(world, client_factory)
    contact = await Contact.get(email="mette@fjord.example")
    oidc = FakeOidc({"good-code": contact.id})
    app.state.services.auth_providers.register(oidc)
    browser = client_factory()
    assert (await browser(VIEWER))["me"] is None

    # when the identity provider sends the browser back with its answer
    response = await browser.http.get("/auth/callback/oidc-test", params={"code": "good-code", "state": "s1"},
                                      headers={"user-agent": "Firefox"})

    # then the browser is signed in as that contact, and lands on the hub
    assert response.status_code == 303 and response.headers["location"] == "/hub"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=") and "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    viewer = (await browser(VIEWER))["me"]
    assert viewer == {"kind": "CONTACT", "member": None, "contact": {"email": "mette@fjord.example"}}
    assert dict(oidc.seen[0].data) == {"code": "good-code", "state": "s1"} and oidc.seen[0].user_agent == "Firefox"
    # and sees their hub like any signed-in contact
    hub = await browser("{ myHub { folders { documents { edges { node { name } } } } } }")
    assert {d["name"] for f in hub["myHub"]["folders"] for d in folder_documents(f)} == set(shared.documents)


async def test_a_refused_redirect_sign_in_goes_back_to_the_log_in_page(world: World, app: Starlette,
                                                                       client_factory: Any) -> None:
    app.state.services.auth_providers.register(FakeOidc({}))
    browser = client_factory()
    response = await browser.http.get("/auth/callback/oidc-test", params={"code": "forged"})
    assert response.status_code == 303
    assert response.headers["location"] == "/hub/login?error=INVALID_CREDENTIALS"
    assert "set-cookie" not in response.headers
    assert (await browser(VIEWER))["me"] is None


@pytest.mark.parametrize("name", ["nobody", MEMBER_PASSWORD, HUB_LINK_CODE])
async def test_only_redirect_providers_answer_the_callback(two_orgs: tuple[Org, Org], client_factory: Any,
                                                           name: str) -> None:
    """A password or a code never travels in a URL: those providers are not reachable through the callback."""
    acme, _ = two_orgs
    browser = client_factory()
    response = await browser.http.get(f"/auth/callback/{name}",
                                      params={"email": acme.member.email, "password": PASSWORD})
    assert response.status_code == 404
    assert "set-cookie" not in response.headers
    assert (await browser(VIEWER))["me"] is None
