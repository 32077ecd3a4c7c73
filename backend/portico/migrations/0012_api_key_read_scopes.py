"""API keys need read scopes (issue 7, point 9). Keys created before read scopes existed were granted "read what the
member reads" (or, with ORG_READ, everything but activity): they get the read scopes that keep exactly that access,
so no partner integration breaks. Keys created from now on get only what an administrator ticks.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops

_READS = ("CUSTOMERS_READ", "DOCUMENTS_READ")


async def _keep_existing_access(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    api_key = apps.get_model("models", "ApiKey")
    for key in await api_key.all().using_db(schema_editor.client):
        # A key acting as a member read that member's activity without ACTIVITY_READ; an org-wide reader did not.
        added = _READS + (("ACTIVITY_READ",) if key.acts_as_id is not None else ())
        scopes = sorted(set(key.scopes) | set(added))
        if scopes != sorted(key.scopes):
            await api_key.filter(id=key.id).using_db(schema_editor.client).update(scopes=scopes)


class Migration(migrations.Migration):
    dependencies = [('models', '0011_member_email_per_organization')]

    initial = False

    operations = [
        ops.RunPython(_keep_existing_access, ops.RunPython.noop),
    ]
