"""Mutations of a contact's sign-in: the personal hub link, sign-in codes, and the contact's own password reset."""

from __future__ import annotations

from enum import Enum

import strawberry

from portico.accounts.providers import HUB_LINK_CODE, HUB_LINK_PASSWORD, SignInRequest
from portico.graphql.accounts.mutations import AuthPayload, OkPayload
from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate
from portico.graphql.viewer import Viewer, become, client
from portico.hubs import signin


@strawberry.enum(description="What opening a personal hub link did.")
class HubLinkState(Enum):
    SIGNED_IN = "SIGNED_IN"
    VERIFY = "VERIFY"


@strawberry.input
class RedeemHubLinkInput:
    token: str


@strawberry.type
class RedeemHubLinkPayload:
    viewer: Viewer | None = None
    state: HubLinkState | None = strawberry.field(
        default=None,
        description="SIGNED_IN: the caller is signed in as the link's contact (open the hub). VERIFY: this device "
        "must show it is them first: `hubLinkLogIn` with their password, or `requestHubSignInCode` then "
        "`signInWithHubCode`.",
    )
    needs_password: bool = strawberry.field(default=False, description="Signed in, and no password chosen yet.")
    first_name: str | None = strawberry.field(default=None, description="The link's contact, to greet them.")
    organization_name: str | None = None
    has_password: bool = strawberry.field(default=False, description="Whether VERIFY can offer the password.")
    errors: list[UserError]


@strawberry.input
class HubLinkLogInInput:
    token: str
    password: str


@strawberry.input
class HubLinkTokenInput:
    token: str


@strawberry.type
class HubSignInCodePayload:
    sent_to: str | None = strawberry.field(default=None, description="The contact's address, partly hidden.")
    errors: list[UserError]


@strawberry.input
class SignInWithHubCodeInput:
    token: str
    code: str


@strawberry.input
class RequestHubPasswordResetInput:
    email: str


@strawberry.input
class ResetHubPasswordInput:
    token: str
    password: str


@strawberry.type
class HubSignInMutations:
    @strawberry.mutation(
        description="Open a contact's personal hub link. It works for as long as the contact has hub access: its "
        "first use signs in; later, a device that is not signed in gets VERIFY."
    )
    async def redeem_hub_link(self, info: Info, input: RedeemHubLinkInput) -> RedeemHubLinkPayload:
        async def work() -> dict[str, object]:
            opened = await signin.open_link(info.context.actor, token=input.token, **client(info))
            viewer = await become(info, opened.session) if opened.session else None
            if opened.state is signin.LinkState.SIGNED_IN and viewer is None:
                viewer = Viewer.of(info.context.actor)
            signed_in = opened.state is signin.LinkState.SIGNED_IN
            return {
                "viewer": viewer,
                "state": HubLinkState(opened.state.value),
                "needs_password": signed_in and opened.contact.password_hash is None,
                "first_name": opened.contact.first_name,
                "organization_name": opened.organization.name,
                "has_password": opened.contact.password_hash is not None,
            }

        return await mutate(RedeemHubLinkPayload, work)

    @strawberry.mutation(description="VERIFY with the password of the link's contact.")
    async def hub_link_log_in(self, info: Info, input: HubLinkLogInInput) -> AuthPayload:
        async def work() -> dict[str, object]:
            request = SignInRequest({"token": input.token, "password": input.password}, **client(info))
            signed = await info.context.services.auth_providers.sign_in(HUB_LINK_PASSWORD, request)
            return {"viewer": await become(info, signed.token)}

        return await mutate(AuthPayload, work)

    @strawberry.mutation(description="VERIFY by email: send a 6-digit sign-in code to the link's contact.")
    async def request_hub_sign_in_code(self, info: Info, input: HubLinkTokenInput) -> HubSignInCodePayload:
        async def work() -> dict[str, object]:
            return {"sent_to": await signin.request_code(info.context.settings, token=input.token)}

        return await mutate(HubSignInCodePayload, work)

    @strawberry.mutation(description="VERIFY with the emailed code (valid 10 minutes, a few tries).")
    async def sign_in_with_hub_code(self, info: Info, input: SignInWithHubCodeInput) -> AuthPayload:
        async def work() -> dict[str, object]:
            request = SignInRequest({"token": input.token, "code": input.code}, **client(info))
            signed = await info.context.services.auth_providers.sign_in(HUB_LINK_CODE, request)
            return {"viewer": await become(info, signed.token)}

        return await mutate(AuthPayload, work)

    @strawberry.mutation(
        description="A contact forgot their password: email a reset link. Answers the same whether the address "
        "belongs to a contact or not."
    )
    async def request_hub_password_reset(self, info: Info, input: RequestHubPasswordResetInput) -> OkPayload:
        async def work() -> dict[str, object]:
            await signin.request_password_reset(
                info.context.settings, email=input.email, ip=info.context.actor.ip
            )
            return {"ok": True}

        return await mutate(OkPayload, work)

    @strawberry.mutation(description="Choose a new password from the emailed reset link, and sign in.")
    async def reset_hub_password(self, info: Info, input: ResetHubPasswordInput) -> AuthPayload:
        async def work() -> dict[str, object]:
            signed = await signin.reset_password(token=input.token, password=input.password, **client(info))
            return {"viewer": await become(info, signed.token)}

        return await mutate(AuthPayload, work)
