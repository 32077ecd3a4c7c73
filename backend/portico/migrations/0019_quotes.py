from tortoise import migrations
from tortoise.migrations import operations as ops
from portico.activity.models import ActivityKind
from portico.notifications.kinds import NotificationKind
from portico.quotes.models import QuoteStatus, QuoteVisibility
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0018_contact_lifecycle')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Quote',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='quotes', on_delete=OnDelete.CASCADE)),
                ('customer', fields.ForeignKeyField('models.Customer', source_field='customer_id', db_constraint=True, to_field='id', related_name='quotes', on_delete=OnDelete.CASCADE)),
                ('sender', fields.ForeignKeyField('models.Member', source_field='sender_id', null=True, db_constraint=True, to_field='id', related_name='sent_quotes', on_delete=OnDelete.SET_NULL)),
                ('number', fields.CharField(max_length=64)),
                ('title', fields.CharField(max_length=200)),
                ('amount', fields.DecimalField(null=True, max_digits=16, decimal_places=2)),
                ('currency', fields.CharField(null=True, max_length=3)),
                ('message', fields.TextField(default='', unique=False)),
                ('language', fields.CharField(default='en', max_length=8)),
                ('visibility', fields.CharEnumField(description='ONE_CONTACT: ONE_CONTACT\nALL_CONTACTS: ALL_CONTACTS\nPUBLIC_LINK: PUBLIC_LINK', enum_type=QuoteVisibility, max_length=16)),
                ('contact', fields.ForeignKeyField('models.Contact', source_field='contact_id', null=True, db_constraint=True, to_field='id', related_name='quotes', on_delete=OnDelete.SET_NULL)),
                ('status', fields.CharEnumField(default=QuoteStatus.DRAFT, description='DRAFT: DRAFT\nSENT: SENT\nOPENED: OPENED\nDOWNLOADED: DOWNLOADED\nACCEPTED: ACCEPTED\nDECLINED: DECLINED\nEXPIRED: EXPIRED\nARCHIVED: ARCHIVED', enum_type=QuoteStatus, max_length=16)),
                ('expires_on', fields.DateField(null=True)),
                ('remove_after_days', fields.IntField(null=True)),
                ('external_ref', fields.CharField(null=True, max_length=100)),
                ('notify_on_publish', fields.BooleanField(default=True)),
                ('remind_unopened_days', fields.IntField(null=True)),
                ('remind_unaccepted_days', fields.IntField(null=True)),
                ('remind_before_expiry_days', fields.IntField(null=True)),
                ('version_number', fields.IntField(default=0)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('opened_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('downloaded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('accepted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('declined_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('decline_reason', fields.TextField(default='', unique=False)),
                ('expired_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('archived_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('removed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'quote', 'app': 'models', 'unique_together': (('organization', 'number'), ('organization', 'external_ref')), 'indexes': [Index(fields=['organization_id', 'status', 'id']), Index(fields=['customer_id', 'id'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='QuoteVersion',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='quote_versions', on_delete=OnDelete.CASCADE)),
                ('quote', fields.ForeignKeyField('models.Quote', source_field='quote_id', db_constraint=True, to_field='id', related_name='versions', on_delete=OnDelete.CASCADE)),
                ('number', fields.IntField()),
                ('storage_key', fields.CharField(max_length=300)),
                ('filename', fields.CharField(max_length=300)),
                ('content_type', fields.CharField(max_length=200)),
                ('size', fields.BigIntField()),
                ('sha256', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('created_by', fields.ForeignKeyField('models.Member', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='created_quote_versions', on_delete=OnDelete.SET_NULL)),
                ('frozen', fields.BooleanField(default=False)),
                ('superseded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'quote_version', 'app': 'models', 'unique_together': (('quote', 'number'),), 'pk_attr': 'id', 'table_description': 'One PDF of a quote. A new version supersedes the previous one (kept: staff see every version, contacts the'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='QuoteAttachment',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='quote_attachments', on_delete=OnDelete.CASCADE)),
                ('version', fields.ForeignKeyField('models.QuoteVersion', source_field='version_id', db_constraint=True, to_field='id', related_name='attachments', on_delete=OnDelete.CASCADE)),
                ('storage_key', fields.CharField(max_length=300)),
                ('filename', fields.CharField(max_length=300)),
                ('content_type', fields.CharField(max_length=200)),
                ('size', fields.BigIntField()),
                ('sha256', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'quote_attachment', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A file sent with a version of a quote (terms, drawings): shown beside the PDF, read like it.'},
            bases=['Model'],
        ),
        ops.AlterField(
            model_name='ActivityEvent',
            name='kind',
            field=fields.CharEnumField(description='HUB_OPENED: HUB_OPENED\nDOCUMENT_VIEWED: DOCUMENT_VIEWED\nDOCUMENT_DOWNLOADED: DOCUMENT_DOWNLOADED\nDOCUMENT_PRINTED: DOCUMENT_PRINTED\nSHARED_WITH_COLLEAGUE: SHARED_WITH_COLLEAGUE\nDOCUMENT_UPLOADED: DOCUMENT_UPLOADED\nQUOTE_PUBLISHED: QUOTE_PUBLISHED\nQUOTE_OPENED: QUOTE_OPENED\nQUOTE_DOWNLOADED: QUOTE_DOWNLOADED\nQUOTE_VERSION_ADDED: QUOTE_VERSION_ADDED\nQUOTE_ACCEPTED: QUOTE_ACCEPTED\nQUOTE_DECLINED: QUOTE_DECLINED\nQUOTE_EXPIRED: QUOTE_EXPIRED\nQUOTE_ARCHIVED: QUOTE_ARCHIVED', enum_type=ActivityKind, max_length=32),
        ),
        ops.AddField(
            model_name='ActivityEvent',
            name='quote',
            field=fields.ForeignKeyField('models.Quote', source_field='quote_id', null=True, db_constraint=True, to_field='id', related_name='activity_events', on_delete=OnDelete.SET_NULL),
        ),
        ops.AlterField(
            model_name='Notification',
            name='kind',
            field=fields.CharEnumField(description='DOCUMENTS_SHARED_WITH_ME: DOCUMENTS_SHARED_WITH_ME\nCUSTOMER_UPLOADS: CUSTOMER_UPLOADS\nHUB_ACTIVITY_ON_MY_SHARES: HUB_ACTIVITY_ON_MY_SHARES\nQUOTES_FOR_ME: QUOTES_FOR_ME\nQUOTE_ACTIVITY: QUOTE_ACTIVITY', enum_type=NotificationKind, max_length=40),
        ),
        ops.AddField(
            model_name='Organization',
            name='archive_quotes_on_acceptance',
            field=fields.BooleanField(default=False, db_default=False),
        ),
    ]
