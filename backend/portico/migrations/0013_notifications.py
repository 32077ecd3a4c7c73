from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from portico.notifications.kinds import Delivery, NotificationKind
from portico.notifications.models import NotificationStatus
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0012_api_key_read_scopes')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Notification',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('member', fields.ForeignKeyField('models.Member', source_field='member_id', null=True, db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('contact', fields.ForeignKeyField('models.Contact', source_field='contact_id', null=True, db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='DOCUMENTS_SHARED_WITH_ME: DOCUMENTS_SHARED_WITH_ME\nCUSTOMER_UPLOADS: CUSTOMER_UPLOADS\nHUB_ACTIVITY_ON_MY_SHARES: HUB_ACTIVITY_ON_MY_SHARES', enum_type=NotificationKind, max_length=40)),
                ('delivery', fields.CharEnumField(description='IMMEDIATELY: IMMEDIATELY\nDAILY_DIGEST: DAILY_DIGEST\nNEVER: NEVER', enum_type=Delivery, max_length=16)),
                ('customer', fields.ForeignKeyField('models.Customer', source_field='customer_id', db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('event', fields.ForeignKeyField('models.ActivityEvent', source_field='event_id', null=True, db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('share', fields.ForeignKeyField('models.Share', source_field='share_id', null=True, db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('status', fields.CharEnumField(default=NotificationStatus.PENDING, description='PENDING: PENDING\nSENT: SENT\nDROPPED: DROPPED', enum_type=NotificationStatus, max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('due_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('email', fields.ForeignKeyField('models.OutboxEmail', source_field='email_id', null=True, db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'notification', 'app': 'models', 'pk_attr': 'id', 'table_description': "One thing to tell one person: an activity event (staff) or a share (contacts). Written after the event's"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='NotificationSettings',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='notification_settings', on_delete=OnDelete.CASCADE)),
                ('member', fields.OneToOneField('models.Member', source_field='member_id', null=True, db_constraint=True, to_field='id', related_name='notification_settings', on_delete=OnDelete.CASCADE)),
                ('contact', fields.OneToOneField('models.Contact', source_field='contact_id', null=True, db_constraint=True, to_field='id', related_name='notification_settings', on_delete=OnDelete.CASCADE)),
                ('choices', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('timezone', fields.CharField(null=True, max_length=64)),
                ('digest_minute', fields.IntField(default=480)),
                ('next_due_at', fields.DatetimeField(null=True, db_index=True, auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'notification_settings', 'app': 'models', 'pk_attr': 'id', 'table_description': 'One row per person (a member or a contact), created on first need. `choices` holds only what the person'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='OutboxEmail',
            name='headers',
            field=fields.JSONField(default=dict, db_default={}, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
    ]
