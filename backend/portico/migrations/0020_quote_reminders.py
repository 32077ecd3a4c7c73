from tortoise import migrations
from tortoise.migrations import operations as ops
from portico.quotes.reminder_models import ReminderOutcome
from portico.quotes.reminder_plan import ReminderKind
from tortoise.fields.base import OnDelete
from tortoise import fields

"""Quote reminders and the archiving period (issue 10, points 3 and 4): one row per quote and reminder kind (the
claim that makes each reminder go out once), and the organization's `archive_quotes_after_days`."""


class Migration(migrations.Migration):
    dependencies = [('models', '0019_quotes')]

    initial = False

    operations = [
        ops.CreateModel(
            name='QuoteReminder',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='quote_reminders', on_delete=OnDelete.CASCADE)),
                ('quote', fields.ForeignKeyField('models.Quote', source_field='quote_id', db_constraint=True, to_field='id', related_name='reminders', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='UNOPENED: UNOPENED\nUNACCEPTED: UNACCEPTED\nBEFORE_EXPIRY: BEFORE_EXPIRY', enum_type=ReminderKind, max_length=16)),
                ('outcome', fields.CharEnumField(description='SENT: SENT\nFOLDED: FOLDED\nNO_RECIPIENTS: NO_RECIPIENTS', enum_type=ReminderOutcome, max_length=16)),
                ('version_number', fields.IntField(default=0)),
                ('recipients', fields.IntField(default=0)),
                ('sent_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'quote_reminder', 'app': 'models', 'unique_together': (('quote', 'kind'),), 'pk_attr': 'id', 'table_description': None},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Organization',
            name='archive_quotes_after_days',
            field=fields.IntField(null=True),
        ),
    ]
