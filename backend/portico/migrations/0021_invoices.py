from tortoise import migrations
from tortoise.migrations import operations as ops
from decimal import Decimal
from portico.activity.models import ActivityKind
from portico.receivables.models import InvoiceStatus
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

"""Invoices and payments (issue 11, point 2), and INVOICE_OPENED activity events pointing at the invoice opened."""

class Migration(migrations.Migration):
    dependencies = [('models', '0020_quote_reminders')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Invoice',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='invoices', on_delete=OnDelete.CASCADE)),
                ('customer', fields.ForeignKeyField('models.Customer', source_field='customer_id', db_constraint=True, to_field='id', related_name='invoices', on_delete=OnDelete.CASCADE)),
                ('number', fields.CharField(max_length=64)),
                ('amount', fields.DecimalField(max_digits=18, decimal_places=3)),
                ('currency', fields.CharField(max_length=3)),
                ('issued_on', fields.DateField()),
                ('due_on', fields.DateField()),
                ('status', fields.CharEnumField(default=InvoiceStatus.OPEN, description='OPEN: OPEN\nPARTIALLY_PAID: PARTIALLY_PAID\nPAID: PAID\nVOID: VOID', enum_type=InvoiceStatus, max_length=16)),
                ('paid_amount', fields.DecimalField(default=Decimal('0'), max_digits=18, decimal_places=3)),
                ('paused', fields.BooleanField(default=False)),
                ('paused_reason', fields.CharField(default='', max_length=300)),
                ('voided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('pdf_storage_key', fields.CharField(null=True, max_length=300)),
                ('pdf_filename', fields.CharField(null=True, max_length=300)),
                ('pdf_size_bytes', fields.BigIntField(null=True)),
                ('pdf_sha256', fields.CharField(null=True, max_length=64)),
                ('first_opened_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('first_opened_by', fields.ForeignKeyField('models.Contact', source_field='first_opened_by_id', null=True, db_constraint=True, to_field='id', related_name='opened_invoices', on_delete=OnDelete.SET_NULL)),
                ('created_by', fields.ForeignKeyField('models.Member', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='created_invoices', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'invoice', 'app': 'models', 'unique_together': (('organization', 'number'),), 'indexes': [Index(fields=['customer_id', 'status']), Index(fields=['organization_id', 'status', 'due_on'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Payment',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='payments', on_delete=OnDelete.CASCADE)),
                ('invoice', fields.ForeignKeyField('models.Invoice', source_field='invoice_id', db_constraint=True, to_field='id', related_name='payments', on_delete=OnDelete.CASCADE)),
                ('amount', fields.DecimalField(max_digits=18, decimal_places=3)),
                ('paid_on', fields.DateField()),
                ('note', fields.CharField(default='', max_length=300)),
                ('created_by', fields.ForeignKeyField('models.Member', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='recorded_payments', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'payment', 'app': 'models', 'pk_attr': 'id', 'table_description': "A payment against one invoice, in the invoice's currency. Never updated: `Invoice.paid_amount` is their sum."},
            bases=['Model'],
        ),
        ops.AlterField(
            model_name='ActivityEvent',
            name='kind',
            field=fields.CharEnumField(description='HUB_OPENED: HUB_OPENED\nDOCUMENT_VIEWED: DOCUMENT_VIEWED\nDOCUMENT_DOWNLOADED: DOCUMENT_DOWNLOADED\nDOCUMENT_PRINTED: DOCUMENT_PRINTED\nSHARED_WITH_COLLEAGUE: SHARED_WITH_COLLEAGUE\nDOCUMENT_UPLOADED: DOCUMENT_UPLOADED\nQUOTE_PUBLISHED: QUOTE_PUBLISHED\nQUOTE_OPENED: QUOTE_OPENED\nQUOTE_DOWNLOADED: QUOTE_DOWNLOADED\nQUOTE_VERSION_ADDED: QUOTE_VERSION_ADDED\nQUOTE_ACCEPTED: QUOTE_ACCEPTED\nQUOTE_DECLINED: QUOTE_DECLINED\nQUOTE_EXPIRED: QUOTE_EXPIRED\nQUOTE_ARCHIVED: QUOTE_ARCHIVED\nINVOICE_OPENED: INVOICE_OPENED', enum_type=ActivityKind, max_length=32),
        ),
        ops.AddField(
            model_name='ActivityEvent',
            name='invoice',
            field=fields.ForeignKeyField('models.Invoice', source_field='invoice_id', null=True, db_constraint=True, to_field='id', related_name='activity_events', on_delete=OnDelete.SET_NULL),
        ),
    ]
