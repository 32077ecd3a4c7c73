from tortoise import migrations
from tortoise.migrations import operations as ops
from portico.activity.models import ActivityKind
from portico.hubs.models import ClientAccess
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0016_storage_account')]

    initial = False

    operations = [
        ops.CreateModel(
            name='DocumentVersion',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='document_versions', on_delete=OnDelete.CASCADE)),
                ('document', fields.ForeignKeyField('models.Document', source_field='document_id', db_constraint=True, to_field='id', related_name='versions', on_delete=OnDelete.CASCADE)),
                ('number', fields.IntField()),
                ('name', fields.CharField(max_length=300)),
                ('storage_key', fields.CharField(max_length=300)),
                ('content_type', fields.CharField(max_length=200)),
                ('size_bytes', fields.BigIntField()),
                ('sha256', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('replaced_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('uploaded_by_member', fields.ForeignKeyField('models.Member', source_field='uploaded_by_member_id', null=True, db_constraint=True, to_field='id', related_name='uploaded_document_versions', on_delete=OnDelete.SET_NULL)),
                ('uploaded_by_contact', fields.ForeignKeyField('models.Contact', source_field='uploaded_by_contact_id', null=True, db_constraint=True, to_field='id', related_name='uploaded_document_versions', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'document_version', 'app': 'models', 'unique_together': (('document', 'number'),), 'pk_attr': 'id', 'table_description': 'An earlier version of a document, kept when it was replaced (history, seed 002/003).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StorageDeletion',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('storage_key', fields.CharField(max_length=300)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'storage_deletion', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A stored object to remove once the transaction that stopped using it has committed.'},
            bases=['Model'],
        ),
        ops.AlterField(
            model_name='ActivityEvent',
            name='kind',
            field=fields.CharEnumField(description='HUB_OPENED: HUB_OPENED\nDOCUMENT_VIEWED: DOCUMENT_VIEWED\nDOCUMENT_DOWNLOADED: DOCUMENT_DOWNLOADED\nDOCUMENT_PRINTED: DOCUMENT_PRINTED\nSHARED_WITH_COLLEAGUE: SHARED_WITH_COLLEAGUE\nDOCUMENT_UPLOADED: DOCUMENT_UPLOADED', enum_type=ActivityKind, max_length=32),
        ),
        ops.AddField(
            model_name='Customer',
            name='primary_contact_manages_permissions',
            field=fields.BooleanField(default=False, db_default=False),
        ),
        ops.AddField(
            model_name='Document',
            name='uploaded_by_contact',
            field=fields.ForeignKeyField('models.Contact', source_field='uploaded_by_contact_id', null=True, db_constraint=True, to_field='id', related_name='uploaded_documents', on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='Document',
            name='uploaded_by_member',
            field=fields.ForeignKeyField('models.Member', source_field='uploaded_by_member_id', null=True, db_constraint=True, to_field='id', related_name='uploaded_documents', on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='Document',
            name='version',
            field=fields.IntField(default=1, db_default=1),
        ),
        ops.AlterModelOptions(
            name='Folder',
            options={'table': 'folder', 'app': 'models', 'unique_together': (('hub', 'sender', 'date'),), 'pk_attr': 'id', 'table_description': "A node of a hub's folder tree."},
        ),
        ops.AddField(
            model_name='Folder',
            name='all_contacts',
            field=fields.BooleanField(default=True, db_default=True),
        ),
        ops.AddField(
            model_name='Folder',
            name='client_access',
            field=fields.CharEnumField(default=ClientAccess.NONE, description='NONE: NONE\nVIEW: VIEW\nVIEW_AND_UPLOAD: VIEW_AND_UPLOAD', db_default='NONE', enum_type=ClientAccess, max_length=16),
        ),
        ops.AddField(
            model_name='Folder',
            name='contacts',
            field=fields.ManyToManyField('models.Contact', unique=True, db_constraint=True, through='folder_contact', forward_key='contact_id', backward_key='folder_id', related_name='folders', on_delete=OnDelete.CASCADE),
        ),
        ops.AddField(
            model_name='Folder',
            name='created_by',
            field=fields.ForeignKeyField('models.Member', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='created_folders', on_delete=OnDelete.SET_NULL),
        ),
    ]
