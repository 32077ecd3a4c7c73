from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0014_customer_external_ref')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='Notification',
            index=Index(fields=['member_id', 'status', 'due_at']),
        ),
        ops.AddIndex(
            model_name='Notification',
            index=Index(fields=['contact_id', 'status', 'due_at']),
        ),
    ]
