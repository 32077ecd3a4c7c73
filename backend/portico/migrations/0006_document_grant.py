from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0005_hub_opening_audience')]

    initial = False

    operations = [
        ops.CreateModel(
            name='DocumentGrant',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='document_grants', on_delete=OnDelete.CASCADE)),
                ('document', fields.ForeignKeyField('models.Document', source_field='document_id', db_constraint=True, to_field='id', related_name='grants', on_delete=OnDelete.CASCADE)),
                ('contact', fields.ForeignKeyField('models.Contact', source_field='contact_id', db_constraint=True, to_field='id', related_name='document_grants', on_delete=OnDelete.CASCADE)),
                ('granted_by', fields.ForeignKeyField('models.Contact', source_field='granted_by_id', null=True, db_constraint=True, to_field='id', related_name='granted_documents', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'document_grant', 'app': 'models', 'unique_together': (('contact', 'document'),), 'pk_attr': 'id', 'table_description': 'One document given to one contact by a colleague ("share with a colleague", seed 000).'},
            bases=['Model'],
        ),
    ]
