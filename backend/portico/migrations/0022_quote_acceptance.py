"""Quote acceptance (issue 10 points 2 and 5): public links with their visits, identity codes, acceptances."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0021_invoices')]

    initial = False

    operations = [
        ops.CreateModel(
            name='QuoteLink',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='quote_links', on_delete=OnDelete.CASCADE)),
                ('quote', fields.ForeignKeyField('models.Quote', source_field='quote_id', db_constraint=True, to_field='id', related_name='links', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('password_hash', fields.CharField(max_length=200)),
                ('expires_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_by', fields.ForeignKeyField('models.Member', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='created_quote_links', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_by', fields.ForeignKeyField('models.Member', source_field='revoked_by_id', null=True, db_constraint=True, to_field='id', related_name='revoked_quote_links', on_delete=OnDelete.SET_NULL)),
                ('last_opened_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'quote_link', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='QuoteAcceptance',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='quote_acceptances', on_delete=OnDelete.CASCADE)),
                ('quote', fields.OneToOneField('models.Quote', source_field='quote_id', db_constraint=True, to_field='id', related_name='acceptance', on_delete=OnDelete.CASCADE)),
                ('version', fields.ForeignKeyField('models.QuoteVersion', source_field='version_id', db_constraint=True, to_field='id', related_name='acceptances', on_delete=OnDelete.CASCADE)),
                ('version_number', fields.IntField()),
                ('version_sha256', fields.CharField(max_length=64)),
                ('full_name', fields.CharField(max_length=200)),
                ('email', fields.CharField(max_length=254)),
                ('contact', fields.ForeignKeyField('models.Contact', source_field='contact_id', null=True, db_constraint=True, to_field='id', related_name='quote_acceptances', on_delete=OnDelete.SET_NULL)),
                ('link', fields.ForeignKeyField('models.QuoteLink', source_field='link_id', null=True, db_constraint=True, to_field='id', related_name='acceptances', on_delete=OnDelete.SET_NULL)),
                ('accepted_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('ip', fields.CharField(default='', max_length=64)),
                ('user_agent', fields.CharField(default='', max_length=300)),
                ('code_sent_to', fields.CharField(max_length=254)),
                ('certificate_id', fields.CharField(unique=True, max_length=40)),
                ('certificate_key', fields.CharField(max_length=300)),
                ('certificate_size', fields.BigIntField()),
                ('certificate_sha256', fields.CharField(max_length=64)),
            ],
            options={'table': 'quote_acceptance', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='QuoteIdentityCode',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('quote', fields.ForeignKeyField('models.Quote', source_field='quote_id', db_constraint=True, to_field='id', related_name='identity_codes', on_delete=OnDelete.CASCADE)),
                ('contact', fields.ForeignKeyField('models.Contact', source_field='contact_id', null=True, db_constraint=True, to_field='id', related_name='quote_identity_codes', on_delete=OnDelete.CASCADE)),
                ('link', fields.ForeignKeyField('models.QuoteLink', source_field='link_id', null=True, db_constraint=True, to_field='id', related_name='identity_codes', on_delete=OnDelete.CASCADE)),
                ('email', fields.CharField(max_length=254)),
                ('full_name', fields.CharField(default='', max_length=200)),
                ('code_hash', fields.CharField(max_length=64)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('failed_attempts', fields.IntField(default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('ip', fields.CharField(default='', max_length=64)),
            ],
            options={'table': 'quote_identity_code', 'app': 'models', 'indexes': [Index(fields=['quote_id', 'email', 'created_at'])], 'pk_attr': 'id', 'table_description': "A code emailed to whoever is about to accept: a contact (to their own address) or a link's visitor (to the"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='QuoteVisitSession',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('link', fields.ForeignKeyField('models.QuoteLink', source_field='link_id', db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('ip', fields.CharField(default='', max_length=64)),
                ('user_agent', fields.CharField(default='', max_length=300)),
            ],
            options={'table': 'quote_visit_session', 'app': 'models', 'pk_attr': 'id', 'table_description': "A visitor's session: the browser holds the raw token in an HttpOnly cookie, this table its hash."},
            bases=['Model'],
        ),
    ]
