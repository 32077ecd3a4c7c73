from datetime import UTC, datetime

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

# Customers that have a hub but no hub access had it switched off by a member (a share always turns access on):
# mark them, so that a later share is refused instead of quietly switching access back on (issue 7, point 6).
_NOW = datetime.now(UTC).isoformat(" ")


class Migration(migrations.Migration):
    dependencies = [('models', '0002_outbox_reply_to')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Customer',
            name='hub_access_switched_off_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.RunSQL(
            f"UPDATE customer SET hub_access_switched_off_at = '{_NOW}' "
            "WHERE NOT hub_access AND id IN (SELECT customer_id FROM hub)",
            reverse_sql="SELECT 1",
        ),
    ]
