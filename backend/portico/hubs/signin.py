"""Personal hub links, and how a contact signs in with one (issue 7, point 1).

Every share email carries a personal link (a `HubLink`, token stored hashed). It works for as long as the contact
has hub access:
- opened where the contact is signed in already: the hub;
- its first use, on any device: signs the contact in there (the email reached them);
- after that, on a device that is not signed in: the contact proves who they are with their password, or with a
  6-digit code emailed to their own address (valid 10 minutes, a few tries, a few codes an hour).
So the link never dead-ends while the contact has access, and a forwarded link is not a key to the hub.

Contacts have their own "forgot password": a one-time CONTACT_RESET link emailed to their address.
Emails sent before personal links carry a one-time HUB_LINK token; opening one adopts it as a personal link.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts import onetime, throttle
from portico.accounts.models import OneTimeToken, Organization, TokenPurpose
from portico.accounts.passwords import hash_password, verify_password
from portico.accounts.providers import HUB_LINK_CODE, HUB_LINK_PASSWORD, Audience, Identity, SignedIn, SignInRequest
from portico.accounts.sessions import end_all_sessions, start_session
from portico.accounts.tokens import new_token, token_hash
from portico.actors import Actor
from portico.customers.models import Contact
from portico.errors import DomainError
from portico.hubs.models import HubLink, HubSignInCode, Share
from portico.mail.outbox import enqueue_rendered
from portico.mail.templates import render
from portico.settings import Settings
from portico.validation import Checker, check_lookup_email

CODE_LIFETIME = timedelta(minutes=10)
CODE_MAX_FAILURES = 5
CODE_RESEND_AFTER = timedelta(seconds=60)
CODES_PER_HOUR = 5
RESET_LIFETIME = timedelta(minutes=60)
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_\-]{16,200}")


class LinkState(StrEnum):
    SIGNED_IN = "SIGNED_IN"  # the caller is (now) signed in as the link's contact
    VERIFY = "VERIFY"  # the link is the contact's, and this device must show it is them: password or code


@dataclass(frozen=True)
class OpenedLink:
    state: LinkState
    contact: Contact
    organization: Organization
    session: str | None = None  # a new session to set (the link's first use)


def _invalid_link() -> DomainError:
    return DomainError(
        "INVALID_TOKEN", "This link is not valid, or your access to this hub has ended.", "token"
    )


async def issue_link(settings: Settings, contact: Contact) -> str:
    """A new personal link for the contact (each email gets its own; all of them keep working)."""
    [link] = await issue_links(settings, [contact])
    return link


async def issue_welcome_link(settings: Settings, contact: Contact) -> str:
    """The contact's welcome link: it replaces their previous one, so re-sending the welcome email makes the old
    email's link stop working (share links are not touched)."""
    token = new_token()
    await HubLink.filter(contact_id=contact.id, welcome=True).delete()
    await HubLink.create(
        organization_id=contact.organization_id, contact_id=contact.id, token_hash=token_hash(token), welcome=True
    )
    return f"{settings.public_url}/hub/welcome?token={token}"


async def issue_links(settings: Settings, contacts: Sequence[Contact]) -> list[str]:
    """`issue_link` for each contact, written in one statement (a share to many recipients)."""
    tokens = [new_token() for _ in contacts]
    if contacts:
        await HubLink.bulk_create([
            HubLink(organization_id=c.organization_id, contact_id=c.id, token_hash=token_hash(t))
            for c, t in zip(contacts, tokens, strict=True)
        ])
    return [f"{settings.public_url}/hub/welcome?token={t}" for t in tokens]


async def open_link(actor: Actor, *, token: str, ip: str = "", user_agent: str = "") -> OpenedLink:
    """What opening the link does here: the hub (signed in, or its first use), or VERIFY."""
    link, contact = await _link_and_contact(token)
    organization = await Organization.get(id=contact.organization_id)
    now = datetime.now(UTC)
    if actor.contact is not None and actor.contact.id == contact.id:
        await HubLink.filter(id=link.id).update(last_used_at=now)
        return OpenedLink(LinkState.SIGNED_IN, contact, organization)
    if actor.member is not None:
        # Staff opening a customer's link (from the dev mailbox, a forwarded email) are not that customer: they
        # neither become them nor use up the link's first sign-in.
        return OpenedLink(LinkState.VERIFY, contact, organization)
    # Claimed atomically: of two devices opening an unused link at once, one signs in, the other is asked.
    claimed = await HubLink.filter(id=link.id, first_used_at=None).update(first_used_at=now, last_used_at=now)
    if claimed == 1:
        session = await start_session(contact_id=contact.id, ip=ip, user_agent=user_agent)
        return OpenedLink(LinkState.SIGNED_IN, contact, organization, session)
    return OpenedLink(LinkState.VERIFY, contact, organization)


class HubLinkPasswordProvider:
    """VERIFY with a password: the link names the contact, their password proves it is them (throttled like the
    hub's sign-in). A provider of `portico.accounts.providers`; data: `token`, `password`."""

    name = HUB_LINK_PASSWORD
    audience = Audience.CONTACT
    redirect = False

    async def authenticate(self, request: SignInRequest) -> Identity:
        link, contact = await _link_and_contact(request.get("token"))
        attempt = await throttle.reserve("contact", contact.email or f"contact-{contact.id}", request.ip)
        if not await verify_password(contact.password_hash, request.get("password")):
            raise DomainError("INVALID_CREDENTIALS", "The password is wrong.", "password")
        await attempt.succeeded()
        await _mark_used(link)
        return Identity(contact=contact)


async def request_code(settings: Settings, *, token: str) -> str:
    """Email a 6-digit sign-in code to the link's contact; returns their address, partly hidden, for the page."""
    link, contact = await _link_and_contact(token)
    if not contact.email:
        raise DomainError("NO_EMAIL", "We have no email address for you; ask the person who shared with you.", None)
    code = f"{secrets.randbelow(10**6):06d}"
    now = datetime.now(UTC)
    async with in_transaction():
        await Contact.filter(id=contact.id).select_for_update().first()  # one request per contact at a time
        recent = HubSignInCode.filter(contact_id=contact.id, created_at__gte=now - timedelta(hours=1))
        newest = await recent.order_by("-created_at").first()
        if newest is not None and now - newest.created_at < CODE_RESEND_AFTER:
            wait = int((CODE_RESEND_AFTER - (now - newest.created_at)).total_seconds()) + 1
            raise DomainError("TOO_MANY_CODES", f"We just sent you a code. You can ask for another in {wait} seconds.")
        if await recent.count() >= CODES_PER_HOUR:
            raise DomainError("TOO_MANY_CODES", "You asked for many codes in the last hour. Try again later.")
        await HubSignInCode.create(
            contact_id=contact.id, link=link, code_hash=_code_hash(settings, contact.id, code),
            expires_at=now + CODE_LIFETIME,
        )
        organization = await Organization.get(id=contact.organization_id)
        fresh_link = await issue_link(settings, contact)
        rendered = render(
            "hub_sign_in_code", await _language_of(contact), organization=organization.name,
            first_name=contact.first_name, code=code, valid_minutes=int(CODE_LIFETIME.total_seconds() // 60),
            link=fresh_link,
        )
        await enqueue_rendered(
            rendered, to=contact.email, kind="hub_sign_in_code", organization_id=contact.organization_id,
            secrets=[code, onetime.token_in(fresh_link)],
        )
    return mask_email(contact.email)


class HubLinkCodeProvider:
    """VERIFY with the 6-digit code emailed to the link's contact (`request_code`): valid 10 minutes, a few wrong
    tries in all. A provider of `portico.accounts.providers`; data: `token`, `code`."""

    name = HUB_LINK_CODE
    audience = Audience.CONTACT
    redirect = False

    def __init__(self, settings: Settings) -> None:
        self._settings = settings  # codes are stored as an HMAC under the secret key

    async def authenticate(self, request: SignInRequest) -> Identity:
        link, contact = await _link_and_contact(request.get("token"))
        entered = re.sub(r"\s", "", request.get("code"))
        if not re.fullmatch(r"\d{6}", entered):
            raise DomainError("INVALID_CODE", "Enter the 6-digit code from the email.", "code")
        digest = _code_hash(self._settings, contact.id, entered)
        now = datetime.now(UTC)
        async with in_transaction():
            await Contact.filter(id=contact.id).select_for_update().first()  # checks of one contact in turn
            active = await HubSignInCode.filter(
                contact_id=contact.id, used_at=None, expires_at__gt=now, failed_attempts__lt=CODE_MAX_FAILURES
            )
            match = next((c for c in active if hmac.compare_digest(c.code_hash, digest)), None)
            if match is not None:
                await HubSignInCode.filter(id=match.id).update(used_at=now)
            elif active:
                # A wrong guess counts against every live code: a few tries in all, not a few per code.
                await HubSignInCode.filter(id__in=[c.id for c in active]).update(
                    failed_attempts=F("failed_attempts") + 1
                )
        if match is None:  # raised after the commit, so the failed attempt stays counted
            raise DomainError(
                "INVALID_CODE", "This code is wrong or has expired. Check the email, or ask for a new code.", "code"
            )
        await _mark_used(link)
        return Identity(contact=contact)


async def request_password_reset(settings: Settings, *, email: str, ip: str = "") -> None:
    """Email a reset link to every contact with this address who has hub access (one email may be a contact at
    several customers). Answers the same whether or not there is one; limited per address typed and per client
    like staff resets (`throttle.allow_reset_request`)."""
    address = check_lookup_email(email)
    if not address or not await throttle.allow_reset_request("contact", address, ip):
        return
    for contact in await policy.contacts_with_hub_access().filter(email=address).order_by("id").limit(5):
        async with in_transaction():
            token, _ = await onetime.issue(
                TokenPurpose.CONTACT_RESET, organization_id=contact.organization_id, contact_id=contact.id,
                lifetime=RESET_LIFETIME,
            )
            organization = await Organization.get(id=contact.organization_id)
            rendered = render(
                "hub_password_reset", await _language_of(contact), organization=organization.name,
                first_name=contact.first_name, link=f"{settings.public_url}/hub/reset-password?token={token}",
                valid_minutes=int(RESET_LIFETIME.total_seconds() // 60),
            )
            await enqueue_rendered(
                rendered, to=address, kind="hub_password_reset", organization_id=contact.organization_id,
                secrets=[token],
            )


async def reset_password(*, token: str, password: str, ip: str = "", user_agent: str = "") -> SignedIn:
    """Set a new password from the emailed link; every other browser of the contact is signed out."""
    check = Checker()
    check.password(password)
    check.raise_if_any()
    password_hash = await hash_password(password)
    async with in_transaction():
        row = await onetime.redeem(token, TokenPurpose.CONTACT_RESET)
        contact = await policy.contacts_with_hub_access().filter(id=row.contact_id).first()
        if contact is None:
            raise DomainError("INVALID_TOKEN", "This link is invalid, expired or already used.", "token")
        contact.password_hash = password_hash
        await contact.save(update_fields=["password_hash"])
    await end_all_sessions(contact_id=contact.id)
    if contact.email:
        await throttle.clear_account("contact", contact.email)  # the owner proved who they are: lift the lock
    session = await start_session(contact_id=contact.id, ip=ip, user_agent=user_agent)
    return SignedIn(session, contact=contact)


def mask_email(address: str) -> str:
    """m•••e@fjord.example: enough to recognise one's own address, not to learn someone else's."""
    local, _, domain = address.partition("@")
    shown = local[0] + "•••" + (local[-1] if len(local) > 2 else "")
    return f"{shown}@{domain}"


# --- helpers --------------------------------------------------------------------------------------------------


async def _link_and_contact(token: str) -> tuple[HubLink, Contact]:
    """The link and its contact while the contact has hub access; the same error for anything else."""
    if not _TOKEN_SHAPE.fullmatch(token or ""):  # our tokens are URL-safe base64: nothing else is looked up
        raise _invalid_link()
    digest = token_hash(token)
    link = await HubLink.filter(token_hash=digest).first() or await _adopt(digest)
    if link is None:
        raise _invalid_link()
    contact = await policy.contacts_with_hub_access().filter(id=link.contact_id).first()
    if contact is None:
        raise _invalid_link()
    return link, contact


async def _adopt(digest: str) -> HubLink | None:
    """A one-time HUB_LINK token from an email sent before personal links: it becomes one (used or not, expired
    or not: the contact's access decides, as for every personal link)."""
    old = await OneTimeToken.filter(
        token_hash=digest, purpose=TokenPurpose.HUB_LINK, contact_id__not_isnull=True
    ).first()
    if old is None:
        return None
    try:
        async with in_transaction():
            return await HubLink.create(
                organization_id=old.organization_id, contact_id=old.contact_id, token_hash=digest,
                first_used_at=old.used_at,
            )
    except IntegrityError:  # adopted by a concurrent request
        return await HubLink.filter(token_hash=digest).first()


async def _mark_used(link: HubLink) -> None:
    now = datetime.now(UTC)
    await HubLink.filter(id=link.id, first_used_at=None).update(first_used_at=now)
    await HubLink.filter(id=link.id).update(last_used_at=now)


def _code_hash(settings: Settings, contact_id: int, code: str) -> str:
    """Keyed, so that a leaked table does not give the codes away by trying all million of them."""
    message = f"hub-sign-in-code:{contact_id}:{code}".encode()
    return hmac.new(settings.secret_key.encode(), message, hashlib.sha256).hexdigest()


async def _language_of(contact: Contact) -> str:
    """The language the vendor writes to this contact in: that of the newest share addressed to them."""
    language = await Share.filter(recipients__id=contact.id).order_by("-id").first().values_list(
        "language", flat=True
    )
    return str(language) if language else "en"
