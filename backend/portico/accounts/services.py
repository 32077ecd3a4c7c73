"""Account operations: sign-up, sign-in, password reset, invitations, members, organization settings, API keys.

Every write goes through here, each taking the Actor that asks. Expected failures raise DomainError.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts import onetime, throttle
from portico.accounts.apikeys import generate_key
from portico.accounts.models import (
    ApiKey,
    Invitation,
    Member,
    MemberDocumentVisibility,
    Organization,
    Role,
    TokenPurpose,
)
from portico.accounts.passwords import hash_password, verify_password
from portico.accounts.providers import MEMBER_PASSWORD, Audience, Identity, SignedIn, SignInRequest
from portico.accounts.sessions import end_all_sessions, end_session, start_session
from portico.accounts.tokens import token_hash
from portico.actors import Actor, ActorKind, Scope
from portico.errors import DomainError, NotAllowed, NotFound
from portico.mail.outbox import enqueue_rendered
from portico.mail.templates import render
from portico.settings import Settings
from portico.validation import Checker, check_lookup_email

PASSWORD_RESET_LIFETIME = timedelta(minutes=60)
INVITATION_LIFETIME = timedelta(days=7)


class MemberPasswordProvider:
    """Staff sign-in with email and password (`portico.accounts.providers`), throttled per account and per client
    address with growing delays. The attempt is counted before the password is checked, so parallel guesses cannot
    all slip past the lock."""

    name = MEMBER_PASSWORD
    audience = Audience.MEMBER
    redirect = False

    async def authenticate(self, request: SignInRequest) -> Identity:
        address = check_lookup_email(request.get("email"))
        attempt = await throttle.reserve("member", address, request.ip)
        member = await _member_with_password(address, request.get("password"))
        if member is None:
            raise DomainError("INVALID_CREDENTIALS", "Email or password is wrong.", None)
        await attempt.succeeded()
        return Identity(member=member)


async def sign_up(
    settings: Settings,
    *,
    organization_name: str,
    first_name: str,
    last_name: str,
    email: str,
    password: str,
    ip: str = "",
    user_agent: str = "",
) -> SignedIn:
    """Create an organization and its first ADMIN, and sign them in."""
    check = Checker()
    org_name = check.text(organization_name, "organizationName", "Organization name", max_length=200, single_line=True)
    first = check.text(first_name, "firstName", "First name", max_length=100, single_line=True)
    last = check.text(last_name, "lastName", "Last name", max_length=100, single_line=True)
    address = check.email(email)
    check.password(password)
    check.raise_if_any()
    # No "email taken": the address may be staff of another organization, and saying so would tell anyone who
    # asks whether it is (issue 7, point 10). Emails are unique within an organization only; this one is new.
    password_hash = await hash_password(password)
    async with in_transaction():
        org = await Organization.create(name=org_name, storage_quota_bytes=settings.default_storage_quota_bytes)
        member = await Member.create(
            organization=org,
            email=address,
            first_name=first,
            last_name=last,
            password_hash=password_hash,
            role=Role.ADMIN,
            is_account_manager=True,
        )
    token = await start_session(member_id=member.id, ip=ip, user_agent=user_agent)
    return SignedIn(token, member=member)


async def _member_with_password(address: str, password: str) -> Member | None:
    """The active member with this email whose password this is. One person may be staff of several organizations
    (an email is unique per organization): the password picks the account, the oldest first if several share it."""
    members = await Member.filter(email=address, is_active=True).order_by("id") if address else []
    if not members:
        await verify_password(None, password)  # the same work as a wrong password: no account discovery by timing
        return None
    for member in members:
        if await verify_password(member.password_hash, password):
            return member
    return None


async def log_out(actor: Actor) -> None:
    if actor.session_token:
        await end_session(actor.session_token)


async def request_password_reset(settings: Settings, *, email: str, ip: str = "") -> None:
    """Email a one-time link if the account exists; answer the same either way (no account discovery).

    Throttled per client address (TOO_MANY_ATTEMPTS) and per account (quietly: no more emails for a while).
    """
    address = check_lookup_email(email)
    if not address or not await throttle.allow_reset_request("member", address, ip):
        return
    # One email per account: the same address may be staff of several organizations.
    for member in await Member.filter(email=address, is_active=True).order_by("id"):
        await _send_reset_link(settings, member)


async def _send_reset_link(settings: Settings, member: Member) -> None:
    async with in_transaction():
        token, _ = await onetime.issue(
            TokenPurpose.PASSWORD_RESET,
            organization_id=member.organization_id,
            member_id=member.id,
            lifetime=PASSWORD_RESET_LIFETIME,
        )
        rendered = render(
            "password_reset",
            member.language,
            first_name=member.first_name,
            link=f"{settings.public_url}/reset-password?token={token}",
            valid_minutes=int(PASSWORD_RESET_LIFETIME.total_seconds() // 60),
        )
        await enqueue_rendered(
            rendered, to=member.email, kind="password_reset", organization_id=member.organization_id, secrets=[token]
        )


async def reset_password(*, token: str, password: str, ip: str = "", user_agent: str = "") -> SignedIn:
    check = Checker()
    check.password(password)
    check.raise_if_any()
    password_hash = await hash_password(password)
    async with in_transaction():
        row = await onetime.redeem(token, TokenPurpose.PASSWORD_RESET)
        member = await Member.get(id=row.member_id)
        member.password_hash = password_hash
        await member.save(update_fields=["password_hash"])
    await end_all_sessions(member_id=member.id)  # a reset signs out every other browser
    await throttle.clear_account("member", member.email)  # the owner proved who they are: lift the lock
    session = await start_session(member_id=member.id, ip=ip, user_agent=user_agent)
    return SignedIn(session, member=member)


async def invite_member(
    actor: Actor, settings: Settings, *, email: str, role: Role, is_account_manager: bool, language: str
) -> Invitation:
    inviter = policy.require_admin(actor)
    check = Checker()
    address = check.email(email)
    lang = check.language(language)
    check.raise_if_any()
    org = actor.organization
    assert org is not None and address is not None
    # Only this organization's members count: whether the address is staff elsewhere is not ours to tell.
    if await Member.filter(organization_id=org.id, email=address).exists():
        raise _already_member("email")
    async with in_transaction():
        token, ott = await onetime.issue(
            TokenPurpose.INVITATION, organization_id=org.id, lifetime=INVITATION_LIFETIME
        )
        invitation = await Invitation.create(
            organization_id=org.id,
            email=address,
            role=role,
            is_account_manager=is_account_manager,
            language=lang,
            token=ott,
            invited_by=inviter,
            expires_at=ott.expires_at,
        )
        rendered = render(
            "member_invitation",
            lang,
            organization=org.name,
            inviter_name=inviter.full_name,
            valid_days=INVITATION_LIFETIME.days,
            role=role.value.title(),
            is_account_manager=is_account_manager,
            link=f"{settings.public_url}/accept-invitation?token={token}",
        )
        await enqueue_rendered(
            rendered, to=address, kind="member_invitation", organization_id=org.id, secrets=[token]
        )
    return invitation


def _already_member(field: str | None) -> DomainError:
    return DomainError("ALREADY_MEMBER", "This email already belongs to a member of the organization.", field)


async def accept_invitation(
    *, token: str, first_name: str, last_name: str, password: str, ip: str = "", user_agent: str = ""
) -> SignedIn:
    check = Checker()
    first = check.text(first_name, "firstName", "First name", max_length=100, single_line=True)
    last = check.text(last_name, "lastName", "Last name", max_length=100, single_line=True)
    check.password(password)
    check.raise_if_any()
    password_hash = await hash_password(password)
    try:
        async with in_transaction():
            row = await onetime.redeem(token, TokenPurpose.INVITATION)
            invitation = await Invitation.get(token_id=row.id)
            member = await Member.create(
                organization_id=invitation.organization_id,
                email=invitation.email,
                first_name=first,
                last_name=last,
                password_hash=password_hash,
                role=invitation.role,
                is_account_manager=invitation.is_account_manager,
                language=invitation.language,
            )
            invitation.accepted_at = datetime.now(UTC)
            await invitation.save(update_fields=["accepted_at"])
    except IntegrityError:  # (organization, email) is unique: accepted twice, or joined meanwhile
        raise _already_member(None) from None
    session = await start_session(member_id=member.id, ip=ip, user_agent=user_agent)
    return SignedIn(session, member=member)


async def _member_of_org(actor: Actor, member_id: int, field: str = "memberId") -> Member:
    member = await policy.members_visible_to(actor).filter(id=member_id).first()
    if member is None:
        raise NotFound("Member", field)
    return member


async def change_member_role(
    actor: Actor, *, member_id: int, role: Role, is_account_manager: bool | None
) -> Member:
    admin = policy.require_admin(actor)
    member = await _member_of_org(actor, member_id)
    if member.id == admin.id and role is not Role.ADMIN:
        raise NotAllowed("You cannot remove your own administrator role; ask another administrator.", "role")
    member.role = role
    if is_account_manager is not None:
        member.is_account_manager = is_account_manager
    await member.save(update_fields=["role", "is_account_manager"])
    return member


async def deactivate_member(actor: Actor, *, member_id: int) -> Member:
    admin = policy.require_admin(actor)
    member = await _member_of_org(actor, member_id)
    if member.id == admin.id:
        raise NotAllowed("You cannot deactivate yourself.", "memberId")
    async with in_transaction():
        member.is_active = False
        await member.save(update_fields=["is_active"])
        await ApiKey.filter(acts_as_id=member.id, revoked_at=None).update(revoked_at=datetime.now(UTC))
    await end_all_sessions(member_id=member.id)
    return member


async def update_my_settings(
    actor: Actor,
    *,
    first_name: str | None,
    last_name: str | None,
    language: str | None,
    standard_message: str | None,
) -> Member:
    member = actor.require_member()
    if actor.kind is not ActorKind.MEMBER:
        raise NotAllowed("Personal settings are changed by the member, signed in, not through an API key.")
    check = Checker()
    if first_name is not None:
        member.first_name = check.text(first_name, "firstName", "First name", max_length=100, single_line=True)
    if last_name is not None:
        member.last_name = check.text(last_name, "lastName", "Last name", max_length=100, single_line=True)
    if language is not None:
        member.language = check.language(language)
    if standard_message is not None:
        member.standard_message = check.text(
            standard_message, "standardMessage", "Standard message", max_length=5000, required=False
        )
    check.raise_if_any()
    await member.save()
    return member


MAX_ARCHIVE_DAYS = 3650  # ten years: beyond that "never" is what is meant


async def update_organization(
    actor: Actor,
    *,
    name: str | None,
    timezone: str | None,
    member_document_visibility: MemberDocumentVisibility | None,
    allow_contacts_without_email: bool | None = None,
    archive_quotes_after_days: int | None = None,
    archive_quotes_on_acceptance: bool | None = None,
) -> Organization:
    """Change the organization's settings (ADMIN); None leaves a setting as it is. `archive_quotes_after_days`: 0
    switches automatic archiving off, 1..MAX_ARCHIVE_DAYS archives settled quotes that many days later."""
    policy.require_admin(actor)
    org = actor.organization
    assert org is not None
    check = Checker()
    if name is not None:
        org.name = check.text(name, "name", "Name", max_length=200, single_line=True)
    if timezone is not None:
        org.timezone = check.timezone(timezone)
    if member_document_visibility is not None:
        org.member_document_visibility = member_document_visibility
    if allow_contacts_without_email is not None:
        org.allow_contacts_without_email = allow_contacts_without_email
    if archive_quotes_after_days is not None:
        if 0 <= archive_quotes_after_days <= MAX_ARCHIVE_DAYS:
            org.archive_quotes_after_days = archive_quotes_after_days or None
        else:
            check.add("OUT_OF_RANGE", f"Give a number of days from 1 to {MAX_ARCHIVE_DAYS}, or 0 for never.",
                      "archiveQuotesAfterDays")
    if archive_quotes_on_acceptance is not None:
        org.archive_quotes_on_acceptance = archive_quotes_on_acceptance
    check.raise_if_any()
    await org.save()
    return org


async def create_api_key(
    actor: Actor, *, name: str, scopes: list[Scope], acts_as_member_id: int | None
) -> tuple[ApiKey, str]:
    """Return the key row and the full secret, which is shown once and never stored."""
    admin = policy.require_admin(actor)
    check = Checker()
    label = check.text(name, "name", "Name", max_length=100, single_line=True)
    if not scopes:
        check.add("REQUIRED", "Choose at least one scope.", "scopes")
    check.raise_if_any()
    acts_as = (
        await _member_of_org(actor, acts_as_member_id, "actsAsMemberId") if acts_as_member_id is not None else None
    )
    if acts_as is not None and not acts_as.is_active:
        raise DomainError("INACTIVE_MEMBER", "That member is deactivated.", "actsAsMemberId")
    if acts_as is None and Scope.ORG_READ not in scopes:
        raise DomainError(
            "ORG_READ_REQUIRED", "A key that acts as no member is an org-wide reader: add the ORG_READ scope.", "scopes"
        )
    prefix, raw = generate_key()
    key = await ApiKey.create(
        organization_id=admin.organization_id,
        name=label,
        prefix=prefix,
        key_hash=token_hash(raw),
        scopes=sorted({s.value for s in scopes}),
        acts_as=acts_as,
        created_by=admin,
    )
    return key, raw


async def revoke_api_key(actor: Actor, *, api_key_id: int) -> ApiKey:
    policy.require_admin(actor)
    key = await policy.api_keys_visible_to(actor).filter(id=api_key_id).first()
    if key is None:
        raise NotFound("API key", "apiKeyId")
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        await key.save(update_fields=["revoked_at"])
    return key
