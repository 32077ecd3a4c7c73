"""Customers get an external reference (issue 9, point 4): the key a customer import matches rows on, unique per
organization. On SQLite the constraint is a unique index (no table rebuild); NULLs (customers made by hand) are
distinct on both databases, so any number of customers may have none."""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops
from tortoise.migrations.constraints import UniqueConstraint


class Migration(migrations.Migration):
    dependencies = [('models', '0013_notifications')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Customer',
            name='external_ref',
            field=fields.CharField(null=True, max_length=100),
        ),
        ops.AddConstraint(
            model_name='Customer',
            constraint=UniqueConstraint(fields=('organization', 'external_ref'), name=None),
        ),
    ]
