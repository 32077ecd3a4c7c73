"""The dev mailbox in GraphQL: the emails themselves, and whether the caller may read them."""

from __future__ import annotations

from datetime import datetime

import strawberry

from portico.graphql.context import Info
from portico.graphql.node import Node
from portico.graphql.relay import encode_id
from portico.mail import devmailbox
from portico.mail.models import OutboxEmail


@strawberry.type(name="OutboxEmail")
class OutboxEmailType(Node):
    to: str
    subject: str
    html: str
    text: str
    status: str
    created_at: datetime

    @classmethod
    def from_model(cls, e: OutboxEmail) -> OutboxEmailType:
        return cls(
            id=encode_id("OutboxEmail", e.id), to=e.to_address, subject=e.subject, html=e.html, text=e.text,
            status=e.status.value, created_at=e.created_at,
        )


@strawberry.type
class MailQueries:
    @strawberry.field(
        description="Emails in the outbox, newest first: the embedded default's dev mailbox. Only for ADMIN members "
        "signed in with a session (never API keys); off in production."
    )
    async def dev_mailbox(self, info: Info, first: int | None = 50) -> list[OutboxEmailType]:
        actor = info.context.actor.require_signed_in()
        rows = await devmailbox.read(actor, info.context.settings, first=first)
        return [OutboxEmailType.from_model(e) for e in rows]

    @strawberry.field(description="Whether `devMailbox` answers the caller (the SPA shows its link only then).")
    def dev_mailbox_available(self, info: Info) -> bool:
        return devmailbox.available(info.context.actor, info.context.settings)
