"""Storage plans and exact usage (issue 9, point 7): one storage account per organization.

Accounts are created on first use by `portico.hubs.quota.locked_account` (plan from the organization's quota, usage
from a recount), so an organization that existed before this migration gets a correct one the first time it
uploads or shows its usage.
"""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops

from portico.accounts.models import StoragePlan


class Migration(migrations.Migration):
    dependencies = [('models', '0015_notification_indexes')]

    initial = False

    operations = [
        ops.CreateModel(
            name='StorageAccount',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.OneToOneField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='storage_account', on_delete=OnDelete.CASCADE)),
                ('plan', fields.CharEnumField(description='STANDARD: STANDARD\nPLUS: PLUS', enum_type=StoragePlan, max_length=16)),
                ('extra_bytes', fields.BigIntField(default=0)),
                ('used_bytes', fields.BigIntField(default=0)),
                ('alert_level', fields.SmallIntField(default=0)),
                ('alerted_level', fields.SmallIntField(default=0)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'storage_account', 'app': 'models', 'pk_attr': 'id', 'table_description': "An organization's storage: its plan, the extra storage it bought, and the bytes it stores (issue 9, point 7)."},
            bases=['Model'],
        ),
    ]
