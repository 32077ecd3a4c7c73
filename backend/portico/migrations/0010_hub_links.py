from tortoise import migrations
from tortoise.migrations import operations as ops
from portico.accounts.models import TokenPurpose
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0009_branding')]

    initial = False

    operations = [
        ops.CreateModel(
            name='HubLink',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='hub_links', on_delete=OnDelete.CASCADE)),
                ('contact', fields.ForeignKeyField('models.Contact', source_field='contact_id', db_constraint=True, to_field='id', related_name='hub_links', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('first_used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'hub_link', 'app': 'models', 'pk_attr': 'id', 'table_description': "A contact's personal hub link, the one in a share email (issue 7, point 1)."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='HubSignInCode',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('contact', fields.ForeignKeyField('models.Contact', source_field='contact_id', db_constraint=True, to_field='id', related_name='hub_sign_in_codes', on_delete=OnDelete.CASCADE)),
                ('link', fields.ForeignKeyField('models.HubLink', source_field='link_id', db_constraint=True, to_field='id', related_name='sign_in_codes', on_delete=OnDelete.CASCADE)),
                ('code_hash', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('failed_attempts', fields.IntField(default=0)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'hub_sign_in_code', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A one-time 6-digit code emailed to a contact who opened their hub link on a new device.'},
            bases=['Model'],
        ),
        ops.AlterField(
            model_name='OneTimeToken',
            name='purpose',
            field=fields.CharEnumField(description='PASSWORD_RESET: PASSWORD_RESET\nINVITATION: INVITATION\nHUB_LINK: HUB_LINK\nCONTACT_RESET: CONTACT_RESET', enum_type=TokenPurpose, max_length=16),
        ),
    ]
