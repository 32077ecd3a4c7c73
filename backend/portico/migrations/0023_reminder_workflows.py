from tortoise import migrations

"""Reminder workflows (issue 11, point 3): workflows, steps, the unique record of each step run per invoice
(invoice_step_run), actions, and per customer its own workflow and a pause."""
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from portico.receivables.planning import StepKind
from portico.receivables.workflow_models import AccountManagerCopy, ActionKind, ActionStatus, StepOutcome
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0022_quote_acceptance')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ReminderWorkflow',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='reminder_workflows', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=200)),
                ('is_default', fields.BooleanField(default=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'reminder_workflow', 'app': 'models', 'unique_together': (('organization', 'name'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ReminderStep',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('workflow', fields.ForeignKeyField('models.ReminderWorkflow', source_field='workflow_id', db_constraint=True, to_field='id', related_name='steps', on_delete=OnDelete.CASCADE)),
                ('offset_days', fields.IntField()),
                ('kind', fields.CharEnumField(description='EMAIL: EMAIL\nACTION: ACTION', enum_type=StepKind, max_length=16)),
                ('templates', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('copy_account_manager', fields.CharEnumField(default=AccountManagerCopy.NONE, description='NONE: NONE\nCC: CC\nBCC: BCC', enum_type=AccountManagerCopy, max_length=8)),
                ('action_kind', fields.CharEnumField(null=True, description='CALL: CALL\nLETTER: LETTER\nCUSTOM: CUSTOM', enum_type=ActionKind, max_length=16)),
                ('action_text', fields.CharField(default='', max_length=500)),
                ('action_due_days', fields.IntField(default=0)),
            ],
            options={'table': 'reminder_step', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Action',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='actions', on_delete=OnDelete.CASCADE)),
                ('customer', fields.ForeignKeyField('models.Customer', source_field='customer_id', db_constraint=True, to_field='id', related_name='actions', on_delete=OnDelete.CASCADE)),
                ('assignee', fields.ForeignKeyField('models.Member', source_field='assignee_id', null=True, db_constraint=True, to_field='id', related_name='assigned_actions', on_delete=OnDelete.SET_NULL)),
                ('kind', fields.CharEnumField(description='CALL: CALL\nLETTER: LETTER\nCUSTOM: CUSTOM', enum_type=ActionKind, max_length=16)),
                ('text', fields.CharField(default='', max_length=500)),
                ('due_on', fields.DateField()),
                ('status', fields.CharEnumField(default=ActionStatus.TODO, description='TODO: TODO\nDONE: DONE', enum_type=ActionStatus, max_length=8)),
                ('done_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('done_by', fields.ForeignKeyField('models.Member', source_field='done_by_id', null=True, db_constraint=True, to_field='id', related_name='completed_actions', on_delete=OnDelete.SET_NULL)),
                ('note', fields.TextField(default='', unique=False)),
                ('invoice', fields.ForeignKeyField('models.Invoice', source_field='invoice_id', null=True, db_constraint=True, to_field='id', related_name='actions', on_delete=OnDelete.SET_NULL)),
                ('step', fields.ForeignKeyField('models.ReminderStep', source_field='step_id', null=True, db_constraint=True, to_field='id', related_name='actions', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'action', 'app': 'models', 'indexes': [Index(fields=['organization_id', 'status', 'assignee_id']), Index(fields=['organization_id', 'due_on'])], 'pk_attr': 'id', 'table_description': "A task for an account manager: call the customer, send a letter, or what the step's text says."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='InvoiceStepRun',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='invoice_step_runs', on_delete=OnDelete.CASCADE)),
                ('invoice', fields.ForeignKeyField('models.Invoice', source_field='invoice_id', db_constraint=True, to_field='id', related_name='step_runs', on_delete=OnDelete.CASCADE)),
                ('step', fields.ForeignKeyField('models.ReminderStep', source_field='step_id', db_constraint=True, to_field='id', related_name='runs', on_delete=OnDelete.CASCADE)),
                ('outcome', fields.CharEnumField(description='EMAILED: EMAILED\nNO_RECIPIENT: NO_RECIPIENT\nACTION: ACTION\nSKIPPED: SKIPPED', enum_type=StepOutcome, max_length=16)),
                ('email', fields.ForeignKeyField('models.OutboxEmail', source_field='email_id', null=True, db_constraint=True, to_field='id', related_name='step_runs', on_delete=OnDelete.SET_NULL)),
                ('action', fields.ForeignKeyField('models.Action', source_field='action_id', null=True, db_constraint=True, to_field='id', related_name='step_runs', on_delete=OnDelete.SET_NULL)),
                ('ran_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'invoice_step_run', 'app': 'models', 'unique_together': (('invoice', 'step'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Customer',
            name='reminder_workflow',
            field=fields.ForeignKeyField('models.ReminderWorkflow', source_field='reminder_workflow_id', null=True, db_constraint=True, to_field='id', related_name='customers', on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='Customer',
            name='reminders_paused',
            field=fields.BooleanField(default=False, db_default=False),
        ),
    ]
