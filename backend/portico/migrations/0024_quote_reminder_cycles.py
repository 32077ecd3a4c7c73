from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.migrations.constraints import UniqueConstraint

"""A new version of a quote restarts its "not opened" and "not answered" reminders (issue 10's gap): the quote
remembers when its current version reached the customer and when it was first opened, and a reminder's claim is
UNIQUE (quote, cycle, kind) instead of (quote, kind), the cycle being the version for those two kinds and 0 for
"before expiry" (reminder_plan.cycle_of).

Existing rows get the cycle of their quote's current version, so a reminder already sent counts as sent for the
version the customer has now: nothing is sent again by this migration, only a version added after it restarts."""

_RESTARTING = ("UNOPENED", "UNACCEPTED")


class _RemoveUniqueTogether(ops.RemoveConstraint):
    """Tortoise drops a unique_together by its index name, but on SQLite the table was created with the UNIQUE in
    its CREATE TABLE (an automatic index, which cannot be dropped): there the table is rebuilt without it. Nothing
    points at quote_reminder, so the rebuild's DROP TABLE cascades nowhere; it runs in the migration's
    transaction."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):  # type: ignore[no-untyped-def]
        if state_editor is not None and state_editor.DIALECT == "sqlite":
            await state_editor._remake_table(new_state.apps.get_model(f"{app_label}.{self.model_name}"))
            return
        await super().database_forward(app_label, old_state, new_state, state_editor)


async def _backfill(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    reminder = apps.get_model("models", "QuoteReminder")
    quote = apps.get_model("models", "Quote")
    db = schema_editor.client
    quote_ids = set(await reminder.filter(kind__in=_RESTARTING).using_db(db).values_list("quote_id", flat=True))
    for quote_id, version_number in await quote.filter(id__in=sorted(quote_ids)).using_db(db).values_list(
        "id", "version_number"
    ):
        await reminder.filter(quote_id=quote_id, kind__in=_RESTARTING).using_db(db).update(cycle=version_number)


class Migration(migrations.Migration):
    dependencies = [('models', '0023_reminder_workflows')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Quote',
            name='version_opened_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Quote',
            name='version_sent_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        _RemoveUniqueTogether(
            model_name='QuoteReminder',
            name=None,
            fields=['quote', 'kind'],
        ),
        ops.AddField(
            model_name='QuoteReminder',
            name='cycle',
            field=fields.IntField(default=0, db_default=0),  # rows already there: the backfill sets theirs
        ),
        ops.RunPython(_backfill, ops.RunPython.noop),
        ops.AddConstraint(
            model_name='QuoteReminder',
            constraint=UniqueConstraint(fields=('quote', 'cycle', 'kind'), name=None),
        ),
    ]
