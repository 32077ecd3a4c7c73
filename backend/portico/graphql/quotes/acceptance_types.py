"""Types of a quote's public links and of its acceptance."""

from __future__ import annotations

from datetime import datetime

import strawberry

from portico.graphql.context import Info
from portico.graphql.relay import encode_id
from portico.hubs.links import grant_for, sign_grant
from portico.quotes.acceptance_models import QuoteAcceptance, QuoteLink
from portico.quotes.certificate_http import GRANT_KIND


@strawberry.type(name="QuoteLink", description="A public link to a quote. Its address is shown once, at creation.")
class QuoteLinkType:
    id: strawberry.ID
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_opened_at: datetime | None

    @classmethod
    def from_model(cls, link: QuoteLink) -> QuoteLinkType:
        return cls(
            id=encode_id("QuoteLink", link.id), created_at=link.created_at, expires_at=link.expires_at,
            revoked_at=link.revoked_at, last_opened_at=link.last_opened_at,
        )


@strawberry.type(
    name="QuoteAcceptance",
    description="Who accepted which version of the quote, when, from where, and how they confirmed it.",
)
class QuoteAcceptanceType:
    id: strawberry.ID
    full_name: str
    email: str
    accepted_at: datetime
    version_number: int
    version_sha256: str = strawberry.field(description="SHA-256 (hex) of the PDF version accepted.")
    ip: str = strawberry.field(description="The client address the acceptance came from.")
    user_agent: str
    code_sent_to: str = strawberry.field(description="The address the confirmation code was emailed to.")
    certificate_id: str
    certificate_sha256: str
    pk: strawberry.Private[int]
    organization_id: strawberry.Private[int]

    @strawberry.field(description="A short-lived address of the acceptance certificate (PDF), for whoever asks.")
    def certificate_url(self, info: Info) -> str:
        grant = grant_for(
            info.context.actor, kind=GRANT_KIND, item_id=self.pk, organization_id=self.organization_id,
            attachment=True,
        )
        return f"/quote-certificates/{sign_grant(info.context.settings.secret_key, grant)}"

    @classmethod
    def from_model(cls, row: QuoteAcceptance) -> QuoteAcceptanceType:
        return cls(
            id=encode_id("QuoteAcceptance", row.id), full_name=row.full_name, email=row.email,
            accepted_at=row.accepted_at, version_number=row.version_number, version_sha256=row.version_sha256,
            ip=row.ip, user_agent=row.user_agent, code_sent_to=row.code_sent_to, certificate_id=row.certificate_id,
            certificate_sha256=row.certificate_sha256, pk=row.id, organization_id=row.organization_id,
        )
