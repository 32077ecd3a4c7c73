"""Mutations of the accounts domain. Thin: parse input, call a service, shape the payload."""

from __future__ import annotations

import strawberry

from portico.accounts import services
from portico.accounts.providers import MEMBER_PASSWORD, SignInRequest
from portico.graphql.accounts.types import (
    ApiKeyScope,
    ApiKeyType,
    InvitationType,
    MemberDocumentVisibility,
    MemberType,
    OrganizationType,
    Role,
)
from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate
from portico.graphql.relay import decode_id
from portico.graphql.session_cookie import sign_out
from portico.graphql.viewer import Viewer, become, client


@strawberry.input
class SignUpInput:
    organization_name: str
    first_name: str
    last_name: str
    email: str
    password: str


@strawberry.input
class LogInInput:
    email: str
    password: str


@strawberry.input
class RequestPasswordResetInput:
    email: str


@strawberry.input
class ResetPasswordInput:
    token: str
    password: str


@strawberry.input
class AcceptInvitationInput:
    token: str
    first_name: str
    last_name: str
    password: str


@strawberry.type
class AuthPayload:
    viewer: Viewer | None = None
    errors: list[UserError]


@strawberry.type
class OkPayload:
    ok: bool = False
    errors: list[UserError]


@strawberry.input
class UpdateOrganizationInput:
    name: str | None = None
    timezone: str | None = None
    member_document_visibility: MemberDocumentVisibility | None = None  # type: ignore[valid-type]
    allow_contacts_without_email: bool | None = strawberry.field(
        default=None, description="Contacts may be saved without an email (they cannot get a welcome email)."
    )
    archive_quotes_after_days: int | None = strawberry.field(
        default=None, description="Archive quotes this many days after they were accepted, declined or expired "
        "(1..3650); 0 switches automatic archiving off."
    )
    archive_quotes_on_acceptance: bool | None = strawberry.field(
        default=None, description="A quote accepted is archived at once (issue 10: archived on completion)."
    )


@strawberry.type
class OrganizationPayload:
    organization: OrganizationType | None = None
    errors: list[UserError]


@strawberry.input
class InviteMemberInput:
    email: str
    role: Role  # type: ignore[valid-type]
    is_account_manager: bool = False
    language: str | None = "en"


@strawberry.type
class InvitationPayload:
    invitation: InvitationType | None = None
    errors: list[UserError]


@strawberry.input
class ChangeMemberRoleInput:
    member_id: strawberry.ID
    role: Role  # type: ignore[valid-type]
    is_account_manager: bool | None = None


@strawberry.input
class DeactivateMemberInput:
    member_id: strawberry.ID


@strawberry.input
class UpdateMySettingsInput:
    first_name: str | None = None
    last_name: str | None = None
    language: str | None = None
    standard_message: str | None = None


@strawberry.type
class MemberPayload:
    member: MemberType | None = None
    errors: list[UserError]


@strawberry.input
class CreateApiKeyInput:
    name: str
    scopes: list[ApiKeyScope]  # type: ignore[valid-type]
    acts_as_member_id: strawberry.ID | None = None


@strawberry.type
class CreateApiKeyPayload:
    api_key: ApiKeyType | None = None
    secret: str | None = strawberry.field(default=None, description="The full key. Shown once, never again.")
    errors: list[UserError]


@strawberry.input
class RevokeApiKeyInput:
    api_key_id: strawberry.ID


@strawberry.type
class ApiKeyPayload:
    api_key: ApiKeyType | None = None
    errors: list[UserError]


async def _signed_in(info: Info, signed: services.SignedIn) -> dict[str, object]:
    return {"viewer": await become(info, signed.token)}


@strawberry.type
class AccountMutations:
    @strawberry.mutation(description="Create an organization and its first administrator, and sign in.")
    async def sign_up(self, info: Info, input: SignUpInput) -> AuthPayload:
        async def work() -> dict[str, object]:
            signed = await services.sign_up(
                info.context.settings,
                organization_name=input.organization_name,
                first_name=input.first_name,
                last_name=input.last_name,
                email=input.email,
                password=input.password,
                **client(info),
            )
            return await _signed_in(info, signed)

        return await mutate(AuthPayload, work)

    @strawberry.mutation(description="Staff sign-in with email and password.")
    async def log_in(self, info: Info, input: LogInInput) -> AuthPayload:
        async def work() -> dict[str, object]:
            request = SignInRequest({"email": input.email, "password": input.password}, **client(info))
            return await _signed_in(info, await info.context.services.auth_providers.sign_in(MEMBER_PASSWORD, request))

        return await mutate(AuthPayload, work)

    @strawberry.mutation
    async def log_out(self, info: Info) -> OkPayload:
        await services.log_out(info.context.actor)
        sign_out(info.context)
        return OkPayload(ok=True, errors=[])

    @strawberry.mutation(
        description="Email a one-time reset link. Answers the same whether the account exists or not. At most 3 "
        "emails an hour per account (more requests answer ok and send nothing); 20 requests an hour per client "
        "address (then TOO_MANY_ATTEMPTS)."
    )
    async def request_password_reset(self, info: Info, input: RequestPasswordResetInput) -> OkPayload:
        async def work() -> dict[str, object]:
            await services.request_password_reset(info.context.settings, email=input.email, ip=info.context.actor.ip)
            return {"ok": True}

        return await mutate(OkPayload, work)

    @strawberry.mutation
    async def reset_password(self, info: Info, input: ResetPasswordInput) -> AuthPayload:
        async def work() -> dict[str, object]:
            signed = await services.reset_password(token=input.token, password=input.password, **client(info))
            return await _signed_in(info, signed)

        return await mutate(AuthPayload, work)

    @strawberry.mutation
    async def accept_invitation(self, info: Info, input: AcceptInvitationInput) -> AuthPayload:
        async def work() -> dict[str, object]:
            signed = await services.accept_invitation(
                token=input.token,
                first_name=input.first_name,
                last_name=input.last_name,
                password=input.password,
                **client(info),
            )
            return await _signed_in(info, signed)

        return await mutate(AuthPayload, work)

    @strawberry.mutation
    async def update_organization(self, info: Info, input: UpdateOrganizationInput) -> OrganizationPayload:
        async def work() -> dict[str, object]:
            org = await services.update_organization(
                info.context.actor.require_signed_in(),
                name=input.name,
                timezone=input.timezone,
                member_document_visibility=input.member_document_visibility,
                allow_contacts_without_email=input.allow_contacts_without_email,
                archive_quotes_after_days=input.archive_quotes_after_days,
                archive_quotes_on_acceptance=input.archive_quotes_on_acceptance,
            )
            return {"organization": OrganizationType.from_model(org)}

        return await mutate(OrganizationPayload, work)

    @strawberry.mutation(description="Invite a member by email, with a role and the account-manager flag (seed 004).")
    async def invite_member(self, info: Info, input: InviteMemberInput) -> InvitationPayload:
        async def work() -> dict[str, object]:
            invitation = await services.invite_member(
                info.context.actor.require_signed_in(),
                info.context.settings,
                email=input.email,
                role=input.role,
                is_account_manager=input.is_account_manager,
                language=input.language or "en",
            )
            return {"invitation": InvitationType.from_model(invitation)}

        return await mutate(InvitationPayload, work)

    @strawberry.mutation
    async def change_member_role(self, info: Info, input: ChangeMemberRoleInput) -> MemberPayload:
        async def work() -> dict[str, object]:
            member = await services.change_member_role(
                info.context.actor.require_signed_in(),
                member_id=decode_id(input.member_id, "Member", "memberId"),
                role=input.role,
                is_account_manager=input.is_account_manager,
            )
            return {"member": MemberType.from_model(member)}

        return await mutate(MemberPayload, work)

    @strawberry.mutation(description="Deactivate a member: their sessions end and their API keys are revoked.")
    async def deactivate_member(self, info: Info, input: DeactivateMemberInput) -> MemberPayload:
        async def work() -> dict[str, object]:
            member = await services.deactivate_member(
                info.context.actor.require_signed_in(), member_id=decode_id(input.member_id, "Member", "memberId")
            )
            return {"member": MemberType.from_model(member)}

        return await mutate(MemberPayload, work)

    @strawberry.mutation
    async def update_my_settings(self, info: Info, input: UpdateMySettingsInput) -> MemberPayload:
        async def work() -> dict[str, object]:
            member = await services.update_my_settings(
                info.context.actor.require_signed_in(),
                first_name=input.first_name,
                last_name=input.last_name,
                language=input.language,
                standard_message=input.standard_message,
            )
            return {"member": MemberType.from_model(member)}

        return await mutate(MemberPayload, work)

    @strawberry.mutation
    async def create_api_key(self, info: Info, input: CreateApiKeyInput) -> CreateApiKeyPayload:
        async def work() -> dict[str, object]:
            acts_as = (
                decode_id(input.acts_as_member_id, "Member", "actsAsMemberId") if input.acts_as_member_id else None
            )
            key, secret = await services.create_api_key(
                info.context.actor.require_signed_in(), name=input.name, scopes=list(input.scopes),
                acts_as_member_id=acts_as,
            )
            return {"api_key": ApiKeyType.from_model(key), "secret": secret}

        return await mutate(CreateApiKeyPayload, work)

    @strawberry.mutation
    async def revoke_api_key(self, info: Info, input: RevokeApiKeyInput) -> ApiKeyPayload:
        async def work() -> dict[str, object]:
            key = await services.revoke_api_key(
                info.context.actor.require_signed_in(), api_key_id=decode_id(input.api_key_id, "ApiKey", "apiKeyId")
            )
            return {"api_key": ApiKeyType.from_model(key)}

        return await mutate(ApiKeyPayload, work)
