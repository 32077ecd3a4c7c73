"""The record of each reminder sent about a quote: one row per quote, cycle and kind, never two.

The row is the claim. `portico.quotes.reminders` inserts it in the same transaction as the reminder emails, so a
reminder is recorded if and only if its emails were queued; the UNIQUE (quote, cycle, kind) constraint makes a
second worker's attempt fail instead of emailing again. The cycle (`reminder_plan.cycle_of`) is the version for
the "not opened" and "not answered" reminders, which a new version restarts, and 0 for "before expiry", which a
quote gets once whatever its versions. Rows are kept (history is never deleted): they show staff which
reminders went out, and to how many people.
"""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from portico.quotes.reminder_plan import ReminderKind


class ReminderOutcome(StrEnum):
    SENT = "SENT"  # emailed to `recipients` people
    FOLDED = "FOLDED"  # due together with a more pressing reminder, which was emailed instead
    NO_RECIPIENTS = "NO_RECIPIENTS"  # due, but nobody could be told (no one sees it, or all opted out)


class QuoteReminder(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="quote_reminders", on_delete=fields.CASCADE
    )
    quote: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Quote", related_name="reminders", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(ReminderKind, max_length=16)
    outcome = fields.CharEnumField(ReminderOutcome, max_length=16)
    # The version the customer was reminded of (the newest when the reminder went out).
    version_number = fields.IntField(default=0)
    # What the row claims, with `kind`: see the module docstring and reminder_plan.cycle_of.
    cycle = fields.IntField(default=0, db_default=0)
    recipients = fields.IntField(default=0)
    sent_at = fields.DatetimeField()

    organization_id: int
    quote_id: int

    class Meta:
        table = "quote_reminder"
        unique_together = (("quote", "cycle", "kind"),)
