from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0003_hub_access')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ThrottleBucket',
            name='last_attempt_at',
            field=fields.DatetimeField(null=True),
        ),
    ]
