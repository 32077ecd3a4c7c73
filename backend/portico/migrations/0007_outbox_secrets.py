from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0006_document_grant')]

    initial = False

    operations = [
        ops.AddField(
            model_name='OutboxEmail',
            name='secrets',
            field=fields.JSONField(default=list, db_default=[]),
        ),
    ]
