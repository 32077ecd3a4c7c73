from uuid import uuid4

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('models', '0008_invitation_fixed_texts')]

    initial = False

    operations = [
        ops.CreateModel(
            name='OrganizationLogo',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('organization', fields.OneToOneField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='logo', on_delete=OnDelete.CASCADE)),
                ('storage_key', fields.CharField(max_length=300)),
                ('content_type', fields.CharField(max_length=100)),
                ('size_bytes', fields.IntField()),
                ('sha256', fields.CharField(max_length=64)),
                ('uploaded_by', fields.ForeignKeyField('models.Member', source_field='uploaded_by_id', null=True, db_constraint=True, to_field='id', related_name='logos', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'organization_logo', 'app': 'models', 'pk_attr': 'id', 'table_description': "An organization's logo: one per organization, replaced by the next upload."},
            bases=['Model'],
        ),
    ]
