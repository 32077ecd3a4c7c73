from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

"""Contacts' lifecycle (issue 9, points 1-2): welcome templates, a contact's invited / signed-in dates, the welcome
link, and the organization's "contacts without email" setting. Existing contacts get the dates their history shows:
invited when a personal hub link was issued to them, signed in at their newest session or link use."""


async def _backfill(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    contact = apps.get_model("models", "Contact")
    hub_link = apps.get_model("models", "HubLink")
    session = apps.get_model("models", "Session")
    db = schema_editor.client
    invited: dict[int, object] = {}
    signed_in: dict[int, object] = {}
    for link in await hub_link.all().using_db(db):
        if link.contact_id not in invited or link.created_at > invited[link.contact_id]:
            invited[link.contact_id] = link.created_at
        used = link.last_used_at or link.first_used_at
        if used is not None and (link.contact_id not in signed_in or used > signed_in[link.contact_id]):
            signed_in[link.contact_id] = used
    for row in await session.filter(contact_id__not_isnull=True).using_db(db):
        if row.contact_id not in signed_in or row.created_at > signed_in[row.contact_id]:
            signed_in[row.contact_id] = row.created_at
    for contact_id in invited.keys() | signed_in.keys():
        changes = {"invited_at": invited.get(contact_id), "last_signed_in_at": signed_in.get(contact_id)}
        await contact.filter(id=contact_id).using_db(db).update(**{k: v for k, v in changes.items() if v})


class Migration(migrations.Migration):
    dependencies = [('models', '0017_folder_permissions')]

    initial = False

    operations = [
        ops.CreateModel(
            name='WelcomeTemplate',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='welcome_templates', on_delete=OnDelete.CASCADE)),
                ('language', fields.CharField(max_length=8)),
                ('subject', fields.CharField(max_length=300)),
                ('body', fields.TextField(unique=False)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'welcome_template', 'app': 'models', 'unique_together': (('organization', 'language'),), 'pk_attr': 'id', 'table_description': "The organization's welcome email per language (seed 001): subject and the text above the sign-in button,"},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Contact',
            name='invited_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Contact',
            name='last_signed_in_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Contact',
            name='welcome_sent_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='HubLink',
            name='welcome',
            field=fields.BooleanField(default=False, db_default=False),
        ),
        ops.AddField(
            model_name='Organization',
            name='allow_contacts_without_email',
            field=fields.BooleanField(default=False, db_default=False),
        ),
        ops.RunPython(_backfill, ops.RunPython.noop),
    ]
