from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index

"""Indexes for the reads of issue 8 (the hub page, the activity list and live feed, the policy's rules): PostgreSQL
gives a foreign key no index of its own, so every "events of this hub" or "shares of this member's customers" read
the whole table of the organization (or of everyone). The account managers' table is Tortoise's own many-to-many
table, without a model to declare an index on: its index by member is plain SQL (both dialects speak it)."""

class Migration(migrations.Migration):
    dependencies = [('models', '0024_quote_reminder_cycles')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='ActivityEvent',
            index=Index(fields=['organization_id', 'id']),
        ),
        ops.AddIndex(
            model_name='ActivityEvent',
            index=Index(fields=['hub_id']),
        ),
        ops.AddIndex(
            model_name='ActivityEvent',
            index=Index(fields=['document_id']),
        ),
        ops.AddIndex(
            model_name='ActivityEvent',
            index=Index(fields=['share_id']),
        ),
        ops.AddIndex(
            model_name='ActivityEvent',
            index=Index(fields=['customer_id']),
        ),
        ops.AddIndex(
            model_name='ActivityEvent',
            index=Index(fields=['sender_id']),
        ),
        ops.AddIndex(
            model_name='Document',
            index=Index(fields=['folder_id', 'id']),
        ),
        ops.AddIndex(
            model_name='Document',
            index=Index(fields=['hub_id']),
        ),
        ops.AddIndex(
            model_name='Document',
            index=Index(fields=['share_id']),
        ),
        ops.AddIndex(
            model_name='Share',
            index=Index(fields=['customer_id']),
        ),
        ops.AddIndex(
            model_name='Share',
            index=Index(fields=['sender_id']),
        ),
        ops.AddIndex(
            model_name='Share',
            index=Index(fields=['folder_id']),
        ),
        ops.RunSQL(
            'CREATE INDEX "idx_customer_account_manager_member" ON "customer_account_manager" ("member_id")',
            reverse_sql='DROP INDEX "idx_customer_account_manager_member"',
        ),
    ]
