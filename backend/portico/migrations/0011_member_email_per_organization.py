"""Staff emails are unique per organization, no longer across Portico (issue 7, point 10): the same person may be
staff of two organizations, and signing up or inviting no longer tells whether an address is known elsewhere.

On SQLite, dropping a column's UNIQUE means rebuilding the `member` table, and `DROP TABLE member` with foreign keys
on would cascade: every session, API key, one-time token, invitation sender and account-manager link would go. So,
as SQLite's documentation prescribes, foreign keys are switched off (outside any transaction, hence `atomic =
False`), the rebuild runs in one transaction of our own, `PRAGMA foreign_key_check` must come back empty before it
commits, and foreign keys are switched on again. PostgreSQL just drops the constraint and adds the new ones.
"""

from tortoise import fields, migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops
from tortoise.migrations.constraints import UniqueConstraint


def _sqlite(schema_editor) -> bool:  # type: ignore[no-untyped-def]
    return schema_editor.DIALECT == "sqlite"


async def _begin(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    if _sqlite(schema_editor):
        await schema_editor.client.execute_script("PRAGMA foreign_keys=OFF")
        await schema_editor.client.execute_query("BEGIN")
        # Until _commit, the operations run statement by statement inside our transaction (a non-atomic editor
        # would use executescript, which commits first).
        schema_editor.atomic_migration = True


async def _commit(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    if not _sqlite(schema_editor):
        return
    client = schema_editor.client
    try:
        # The rebuild drops indexes with the old table; the lookup by email (sign-in) needs its own.
        await schema_editor.add_index(apps.get_model("models", "Member"), Index(fields=("email",)))
        _, broken = await client.execute_query("PRAGMA foreign_key_check")
        if broken:
            raise RuntimeError(f"rebuilding the member table would break foreign keys: {broken[:5]}")
        await client.execute_query("COMMIT")
    except BaseException:
        await client.execute_query("ROLLBACK")
        raise
    finally:
        schema_editor.atomic_migration = False
        await client.execute_script("PRAGMA foreign_keys=ON")


class Migration(migrations.Migration):
    dependencies = [('models', '0010_hub_links')]

    initial = False
    atomic = False  # SQLite: foreign keys can only be switched off outside a transaction (see the module doc)

    operations = [
        ops.RunPython(_begin, ops.RunPython.noop),
        ops.AlterField(
            model_name='Member',
            name='email',
            field=fields.CharField(db_index=True, max_length=254),
        ),
        ops.AddConstraint(
            model_name='Member',
            constraint=UniqueConstraint(fields=('organization', 'email'), name=None),
        ),
        ops.RunPython(_commit, ops.RunPython.noop),
    ]
