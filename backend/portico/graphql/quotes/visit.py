"""What a public-link visitor's page shows around the quote (issue 10 gap): the quote's language and the sending
organization's branding, as the hub's header shows them; before the password, the language alone.

Both answer through policy.py: `branding_visible_to` and `logos_visible_to` for the visit, `quote_link_intro` (via
`quotes.links.link_language`) for a token whose password has not been given yet.
"""

from __future__ import annotations

import strawberry

from portico import policy
from portico.graphql.branding.types import OrganizationBranding, branding_by_organization_id
from portico.graphql.context import Info
from portico.graphql.relay import encode_id
from portico.quotes import links


@strawberry.type
class QuoteVisit:
    quote_id: strawberry.ID = strawberry.field(description="The quote this visit shows.")
    language: str = strawberry.field(description="The quote's language (en, da, sv): the page speaks it.")
    organization: OrganizationBranding = strawberry.field(
        description="The organization that sent the quote: display name and logo, as its hubs show them."
    )


@strawberry.type
class QuoteLinkIntro:
    language: str = strawberry.field(description="The quote's language, for the password page's words.")


@strawberry.type
class QuoteVisitQueries:
    @strawberry.field(description="The public-link visitor's visit (the visit cookie): their quote, its language and "
                      "the sending organization's branding. Null for anyone else, and once the visit or link ended.")
    async def quote_visit(self, info: Info) -> QuoteVisit | None:
        actor = info.context.actor
        quote = await policy.visited_quote(actor).first()  # nothing for anyone but a link's visitor
        organization = await policy.branding_visible_to(actor).first()
        if quote is None or organization is None:
            return None
        branding = await branding_by_organization_id(info.context.loaders).load(organization.id)
        assert branding is not None
        return QuoteVisit(quote_id=encode_id("Quote", quote.id), language=quote.language, organization=branding)

    @strawberry.field(description="What a quote link's token alone tells before its password is given: the quote's "
                      "language, nothing more (not even whose quote it is). Null for an unknown, revoked or expired "
                      "link, alike.")
    async def quote_link_intro(self, token: str) -> QuoteLinkIntro | None:
        language = await links.link_language(token)
        return QuoteLinkIntro(language=language) if language else None
