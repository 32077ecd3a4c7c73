"""GraphQL for answering a quote and for its public links (issue 10 points 2 and 5).

Thin: each field parses its input, calls portico.quotes.acceptance / links, and shapes the answer.
"""

from __future__ import annotations

from datetime import datetime

import strawberry
from starlette.responses import Response

from portico import policy
from portico.actors import QUOTE_VISIT_COOKIE, ActorKind
from portico.errors import DomainError
from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate
from portico.graphql.loaders import Loaders
from portico.graphql.quotes.acceptance_types import QuoteAcceptanceType, QuoteLinkType
from portico.graphql.relay import decode_id, encode_id
from portico.quotes import acceptance, links


@strawberry.input
class CreateQuoteLinkInput:
    quote_id: strawberry.ID
    password: str = strawberry.field(description="At least 8 characters; pass it on to the recipient separately.")
    expires_at: datetime | None = strawberry.field(
        default=None, description="The link's own expiry (with its zone); null: until the quote's validity ends."
    )


@strawberry.type
class CreateQuoteLinkPayload:
    link: QuoteLinkType | None = None
    url: str | None = strawberry.field(default=None, description="The link's address. Shown this once only.")
    errors: list[UserError]


@strawberry.input
class RevokeQuoteLinkInput:
    link_id: strawberry.ID


@strawberry.type
class RevokeQuoteLinkPayload:
    link: QuoteLinkType | None = None
    errors: list[UserError]


@strawberry.input
class OpenQuoteLinkInput:
    token: str = strawberry.field(description="The token at the end of the link's address.")
    password: str


@strawberry.type
class OpenQuoteLinkPayload:
    quote_id: strawberry.ID | None = strawberry.field(
        default=None, description="The quote this browser may now see (`node(id)`, `quoteVisit`)."
    )
    errors: list[UserError]


@strawberry.input
class RequestQuoteAcceptanceCodeInput:
    quote_id: strawberry.ID
    email: str | None = strawberry.field(
        default=None, description="A public-link visitor's address (contacts get the code at their own)."
    )
    full_name: str | None = strawberry.field(default=None, description="A public-link visitor's full name.")


@strawberry.type
class RequestQuoteAcceptanceCodePayload:
    sent_to: str | None = strawberry.field(default=None, description="Where the code went, partly hidden.")
    errors: list[UserError]


@strawberry.input
class AcceptQuoteInput:
    quote_id: strawberry.ID
    code: str = strawberry.field(description="The 6-digit code from the email (valid 10 minutes, once).")
    full_name: str
    email: str | None = strawberry.field(default=None, description="A public-link visitor: the address the code "
                                         "was sent to.")


@strawberry.type
class AcceptQuotePayload:
    acceptance: QuoteAcceptanceType | None = None
    errors: list[UserError]


@strawberry.input
class DeclineQuoteInput:
    quote_id: strawberry.ID
    reason: str | None = None
    full_name: str | None = strawberry.field(default=None, description="A public-link visitor's name (optional).")


@strawberry.type
class DeclineQuotePayload:
    quote_id: strawberry.ID | None = None
    errors: list[UserError]


def _quote_pk(value: strawberry.ID) -> int:
    return decode_id(str(value), "Quote", "quoteId", "Quote")


@strawberry.type
class QuoteAcceptanceQueries:
    @strawberry.field(
        description="The acceptance of a quote (who accepted which version, and the certificate), for both sides: "
        "whoever sees the quote. Null while it is not accepted, or when the quote is not visible. API keys need "
        "QUOTES_READ."
    )
    async def quote_acceptance(self, info: Info, quote_id: strawberry.ID) -> QuoteAcceptanceType | None:
        actor = info.context.actor.require_signed_in()
        try:
            pk = _quote_pk(quote_id)
        except DomainError:
            return None
        row = await policy.quote_acceptances_visible_to(actor).filter(quote_id=pk).first()
        return QuoteAcceptanceType.from_model(row) if row else None


@strawberry.type
class QuoteAcceptanceMutations:
    @strawberry.mutation(
        description="A public link (with a password) to a PUBLIC_LINK quote: staff who may send the quote. API keys "
        "need QUOTES_WRITE and QUOTES_READ."
    )
    async def create_quote_link(self, info: Info, input: CreateQuoteLinkInput) -> CreateQuoteLinkPayload:
        async def work() -> dict[str, object]:
            created = await links.create_link(
                info.context.settings, info.context.actor, quote_id=_quote_pk(input.quote_id),
                password=input.password, expires_at=input.expires_at,
            )
            return {"link": QuoteLinkType.from_model(created.link), "url": created.url}

        return await mutate(CreateQuoteLinkPayload, work)

    @strawberry.mutation(description="Withdraw a public link: it stops opening and its visits end at once.")
    async def revoke_quote_link(self, info: Info, input: RevokeQuoteLinkInput) -> RevokeQuoteLinkPayload:
        async def work() -> dict[str, object]:
            link_id = decode_id(str(input.link_id), "QuoteLink", "linkId", "Quote link")
            link = await links.revoke_link(info.context.actor, link_id=link_id)
            return {"link": QuoteLinkType.from_model(link)}

        return await mutate(RevokeQuoteLinkPayload, work)

    @strawberry.mutation(
        description="Open a public quote link with its password. The visit is held in an HttpOnly cookie for an "
        "hour and shows that one quote. Wrong passwords are throttled per link and per address (doubling delays, "
        "then refused for an hour)."
    )
    async def open_quote_link(self, info: Info, input: OpenQuoteLinkInput) -> OpenQuoteLinkPayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor
            opened = await links.open_link(
                token=input.token, password=input.password, ip=actor.ip, user_agent=actor.user_agent
            )
            _set_visit_cookie(info, opened.visit_token)
            if actor.kind in (ActorKind.ANONYMOUS, ActorKind.QUOTE_VISITOR):
                # The rest of this request answers as the visitor (a signed-in caller stays themselves).
                info.context.actor = links.visitor(opened.link, ip=actor.ip, user_agent=actor.user_agent)
                info.context.loaders = Loaders(info.context.actor)
            return {"quote_id": encode_id("Quote", opened.quote.id)}

        return await mutate(OpenQuoteLinkPayload, work)

    @strawberry.mutation(
        description="'Accept quote', step 1: email a 6-digit code to the contact's own address, or to the address "
        "a public-link visitor types (with their name). Refused once the quote is answered, archived or expired."
    )
    async def request_quote_acceptance_code(
        self, info: Info, input: RequestQuoteAcceptanceCodeInput
    ) -> RequestQuoteAcceptanceCodePayload:
        async def work() -> dict[str, object]:
            sent_to = await acceptance.request_code(
                info.context.settings, info.context.actor, quote_id=_quote_pk(input.quote_id), email=input.email,
                full_name=input.full_name,
            )
            return {"sent_to": sent_to}

        return await mutate(RequestQuoteAcceptanceCodePayload, work)

    @strawberry.mutation(
        description="'Accept quote', step 2: the emailed code and the full name. Records the version accepted "
        "(with its SHA-256), freezes it, and issues the acceptance certificate."
    )
    async def accept_quote(self, info: Info, input: AcceptQuoteInput) -> AcceptQuotePayload:
        async def work() -> dict[str, object]:
            services = info.context.services
            accepted = await acceptance.accept(
                services.settings, services.storage, info.context.actor, quote_id=_quote_pk(input.quote_id),
                code=input.code, full_name=input.full_name, email=input.email, broker=services.broker,
            )
            return {"acceptance": QuoteAcceptanceType.from_model(accepted)}

        return await mutate(AcceptQuotePayload, work)

    @strawberry.mutation(description="Decline the quote, with an optional reason.")
    async def decline_quote(self, info: Info, input: DeclineQuoteInput) -> DeclineQuotePayload:
        async def work() -> dict[str, object]:
            quote = await acceptance.decline(
                info.context.actor, quote_id=_quote_pk(input.quote_id), reason=input.reason,
                full_name=input.full_name, broker=info.context.services.broker,
            )
            return {"quote_id": encode_id("Quote", quote.id)}

        return await mutate(DeclineQuotePayload, work)


def _set_visit_cookie(info: Info, token: str) -> None:
    response = info.context.response
    if isinstance(response, Response):
        response.set_cookie(
            QUOTE_VISIT_COOKIE, token, max_age=int(links.VISIT_LIFETIME.total_seconds()), httponly=True,
            secure=info.context.services.settings.secure_cookies, samesite="strict", path="/",
        )
