"""The reminders sent about a quote, as staff see them on the quote's timeline (`Quote.reminders`)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import strawberry
from strawberry.dataloader import DataLoader

from portico import policy
from portico.graphql.context import Info
from portico.graphql.loaders import Loaders
from portico.quotes import reminder_models, reminder_plan

QuoteReminderKind = strawberry.enum(
    reminder_plan.ReminderKind, name="QuoteReminderKind",
    description="UNOPENED: N days after sending, not opened; UNACCEPTED: N days after opening, not answered; "
    "BEFORE_EXPIRY: N days before the last day (09:00 in the organization's zone).",
)
QuoteReminderOutcome = strawberry.enum(
    reminder_models.ReminderOutcome, name="QuoteReminderOutcome",
    description="SENT: emailed to `recipients` contacts; FOLDED: due together with a more pressing reminder, which "
    "was sent instead; NO_RECIPIENTS: due, but nobody could be told (a public link, nobody who sees the quote, or "
    "all opted out of quote emails).",
)


@strawberry.type(name="QuoteReminder", description="One reminder about a quote; each kind is sent once at most.")
class QuoteReminderType:
    kind: QuoteReminderKind  # type: ignore[valid-type]
    outcome: QuoteReminderOutcome  # type: ignore[valid-type]
    recipients: int
    version_number: int = strawberry.field(description="The version the customer was reminded of.")
    sent_at: datetime

    @classmethod
    def from_model(cls, row: reminder_models.QuoteReminder) -> QuoteReminderType:
        return cls(kind=row.kind, outcome=row.outcome, recipients=row.recipients, version_number=row.version_number,
                   sent_at=row.sent_at)


def reminders_by_quote_id(loaders: Loaders) -> DataLoader[int, list[reminder_models.QuoteReminder]]:
    """Oldest first, one query for every quote of the request (policy: staff who see the quote only)."""

    async def load(keys: list[int]) -> list[list[reminder_models.QuoteReminder]]:
        groups: dict[int, list[reminder_models.QuoteReminder]] = defaultdict(list)
        rows = policy.quote_reminders_visible_to(loaders.actor).filter(quote_id__in=set(keys)).order_by("sent_at", "id")
        for row in await rows:
            groups[row.quote_id].append(row)
        return [groups.get(k, []) for k in keys]

    return loaders.get("reminders_by_quote_id", lambda: DataLoader(load))  # type: ignore[arg-type]


async def reminders_of(info: Info, quote_id: int) -> list[QuoteReminderType]:
    return [QuoteReminderType.from_model(r) for r in await reminders_by_quote_id(info.context.loaders).load(quote_id)]
