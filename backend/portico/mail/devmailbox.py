"""The dev mailbox: the outbox of the embedded default, readable in the app while developing.

It shows one-time links, so it is off in production and, elsewhere, open only to whom
`policy.can_read_dev_mailbox` allows (ADMIN members signed in with a session).
"""

from __future__ import annotations

from portico import policy
from portico.actors import Actor
from portico.errors import NotAllowed
from portico.mail.models import OutboxEmail
from portico.mail.outbox import redact
from portico.settings import Settings

MAX_PAGE = 200


def available(actor: Actor, settings: Settings) -> bool:
    """Whether `read` would answer this caller (the SPA shows its link only then)."""
    return not settings.is_production and policy.can_read_dev_mailbox(actor)


async def read(actor: Actor, settings: Settings, *, first: int | None = 50) -> list[OutboxEmail]:
    """The organization's newest emails, newest first.

    In the embedded default (no SMTP_URL) nothing is ever sent, so showing an email here is its delivery: the
    answer carries its one-time links, the stored copy does not any more (a second read shows them redacted).
    With SMTP the sender redacts after delivery instead; redacting here would send a dead link.
    """
    if settings.is_production:
        raise NotAllowed("The dev mailbox is off in production.")
    if not policy.can_read_dev_mailbox(actor):
        raise NotAllowed("The dev mailbox is for administrators signed in to the app.")
    limit = min(max(first or 50, 1), MAX_PAGE)
    rows = list(await policy.outbox_visible_to(actor).order_by("-id").limit(limit))
    if settings.smtp_url is None:
        for row in rows:
            await redact(row)
    return rows
