from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0004_throttle_last_attempt')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ActivityEventAudience',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('event', fields.ForeignKeyField('models.ActivityEvent', source_field='event_id', db_constraint=True, to_field='id', related_name='audience', on_delete=OnDelete.CASCADE)),
                ('member', fields.ForeignKeyField('models.Member', source_field='member_id', db_constraint=True, to_field='id', related_name='event_audience', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'activity_event_audience', 'app': 'models', 'unique_together': (('member', 'event'),), 'pk_attr': 'id', 'table_description': "Members besides the share's sender who see an event, decided by `policy` when the event is recorded."},
            bases=['Model'],
        ),
    ]
