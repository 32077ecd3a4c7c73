"""How people prove who they are: pluggable authentication providers, and the registry sign-ins go through.

Seed 003 asks for national e-ID sign-in (BankID), which is out of reach today; keeping login pluggable means such a
provider can be added later without touching any resolver or route. Every way of signing in is a provider:

| name                   | who      | proves it with                                                    |
|------------------------|----------|-------------------------------------------------------------------|
| `member-password`      | members  | email + password                                                  |
| `contact-password`     | contacts | email + password                                                  |
| `hub-link-password`    | contacts | their personal hub link's token + password                        |
| `hub-link-code`        | contacts | their personal hub link's token + the 6-digit code emailed to them |

A provider says who the caller is (`Identity`) or raises a DomainError (INVALID_CREDENTIALS, TOO_MANY_ATTEMPTS...);
the app's `ProviderRegistry.sign_in(name, request)` asks it and starts the session. Throttling stays inside the
providers that check secrets (`portico.accounts.throttle`: each attempt is reserved before the password is
verified), so a provider that checks nothing guessable (an OpenID Connect code exchange) needs none.

Adding OpenID Connect (e.g. a BankID broker):

1. Write a class with `name = "oidc-bankid"`, `audience = Audience.CONTACT` and `async def authenticate(request)`:
   `request.data` holds the callback's query (`code`, `state`); check `state` against the one stored when the
   browser was sent to the identity provider, exchange `code` at the token endpoint (httpx), verify the ID token's
   signature (the provider's JWKS), issuer, audience, expiry and nonce, then map a claim (`sub`, or the personal
   identity number) to a Contact that has hub access, and return `Identity(contact=...)`. Store the mapping in a
   table of linked identities (provider, subject → contact), filled the first time the contact signs in with
   their link and then with the e-ID.
2. `services.auth_providers.register(OidcProvider(...))` where the app's services are made
   (`Services.from_settings`; configuration from settings: issuer, client id and secret).
3. Send the browser to the identity provider, and have it come back to `GET /auth/callback/oidc-bankid`: that
   route (`portico.accounts.http`) already calls the registry's `sign_in` with the query and sets the session
   cookie, for any provider registered with `redirect = True`. No resolver changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable

from portico.accounts.models import Member
from portico.accounts.sessions import start_session
from portico.customers.models import Contact
from portico.errors import DomainError
from portico.settings import Settings

MEMBER_PASSWORD = "member-password"
CONTACT_PASSWORD = "contact-password"
HUB_LINK_PASSWORD = "hub-link-password"
HUB_LINK_CODE = "hub-link-code"


class Audience(StrEnum):
    """Whom a provider signs in: staff (members) or customer contacts."""

    MEMBER = "MEMBER"
    CONTACT = "CONTACT"


@dataclass(frozen=True)
class SignInRequest:
    """What the caller sent (form fields, or a redirect's query) and where from."""

    data: Mapping[str, str] = field(default_factory=dict)
    ip: str = ""
    user_agent: str = ""

    def get(self, key: str) -> str:
        return str(self.data.get(key) or "")


@dataclass(frozen=True)
class Identity:
    """Who a provider proved the caller to be: a member or a contact, never both."""

    member: Member | None = None
    contact: Contact | None = None

    def __post_init__(self) -> None:
        if (self.member is None) == (self.contact is None):
            raise ValueError("an identity is a member or a contact")


@dataclass
class SignedIn:
    """The result of any sign-in: the session token for the cookie, and who signed in."""

    token: str
    member: Member | None = None
    contact: Contact | None = None


@runtime_checkable
class AuthenticationProvider(Protocol):
    """One way of proving who you are. `redirect`: the provider finishes on `GET /auth/callback/<name>` (OpenID
    Connect and other browser redirects); the others are answered by their own GraphQL mutations."""

    name: str
    audience: Audience
    redirect: bool

    async def authenticate(self, request: SignInRequest) -> Identity:
        """Who the caller is, or a DomainError saying why not (nothing about accounts that do not exist)."""
        ...


class ProviderRegistry:
    """The providers one app offers, by name (`Services.auth_providers`): resolvers and routes ask it, so a new
    provider is one `register` call where the app's services are made."""

    def __init__(self, providers: tuple[AuthenticationProvider, ...] = ()) -> None:
        self._providers: dict[str, AuthenticationProvider] = {}
        for provider in providers:
            self.register(provider)

    def register(self, provider: AuthenticationProvider) -> AuthenticationProvider:
        """Add a provider (or replace the one of the same name); returns it."""
        if not isinstance(provider, AuthenticationProvider) or provider.audience not in tuple(Audience):
            raise TypeError(f"not an authentication provider: {provider!r}")
        self._providers[provider.name] = provider
        return provider

    def get(self, name: str) -> AuthenticationProvider | None:
        return self._providers.get(name)

    def names(self) -> list[str]:
        return sorted(self._providers)

    async def sign_in(self, name: str, request: SignInRequest) -> SignedIn:
        """Ask the named provider who the caller is, and start their session."""
        provider = self._providers.get(name)
        if provider is None:
            raise DomainError("UNKNOWN_PROVIDER", "This way of signing in is not available.", None)
        identity = await provider.authenticate(request)
        if (identity.member is not None) != (provider.audience is Audience.MEMBER):
            raise RuntimeError(f"provider {name!r} returned an identity outside its audience")
        token = await start_session(
            member_id=identity.member.id if identity.member else None,
            contact_id=identity.contact.id if identity.contact else None,
            ip=request.ip,
            user_agent=request.user_agent,
        )
        return SignedIn(token, member=identity.member, contact=identity.contact)


def built_in_providers(settings: Settings) -> ProviderRegistry:
    """The password and emailed-code sign-ins (imported here: they live in their domains and import this module)."""
    from portico.accounts.services import MemberPasswordProvider
    from portico.hubs.access import ContactPasswordProvider
    from portico.hubs.signin import HubLinkCodeProvider, HubLinkPasswordProvider

    return ProviderRegistry(
        (MemberPasswordProvider(), ContactPasswordProvider(), HubLinkPasswordProvider(), HubLinkCodeProvider(settings))
    )
