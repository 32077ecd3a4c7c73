import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DeleteWorkflowMutation, SaveWorkflowMutation, WorkflowsQuery } from './operations';
import { WorkflowEditor } from './WorkflowEditor';
import { defaultDraft, describeStep, filledTemplates, newStep, type WorkflowDraft } from './workflowForm';
import { Empty, ErrorState, FormErrors, Loading, PageHeader } from '../ui/components';
import { IconPencil, IconPlus, IconTrash } from '../ui/icons';
import { describeError } from '../lib/errors';
import { useTitle } from '../lib/useTitle';
import type { WorkflowsQuery as WorkflowsData } from '../gql/graphql';

type Workflow = WorkflowsData['reminderWorkflows'][number];

function toDraft(w: Workflow): WorkflowDraft {
  return {
    name: w.name, isDefault: w.isDefault,
    steps: w.steps.map((s) => newStep({
      id: s.id, templates: Object.fromEntries(s.templates.map((t) => [t.language, { subject: t.subject, body: t.body }])),
      offsetDays: String(s.offsetDays), kind: s.kind, copyAccountManager: s.copyAccountManager,
      actionKind: s.actionKind ?? 'CALL', actionText: s.actionText, actionDueInDays: String(s.actionDueDays),
    })),
  };
}

function toInput(d: WorkflowDraft) {
  return {
    name: d.name.trim(), isDefault: d.isDefault,
    steps: d.steps.map((s) => ({
      id: s.id ?? null, templates: s.kind === 'EMAIL' ? filledTemplates(s.templates) : [],
      offsetDays: Number(s.offsetDays), kind: s.kind, copyAccountManager: s.kind === 'EMAIL' ? s.copyAccountManager : 'NONE' as const,
      actionKind: s.kind === 'ACTION' ? s.actionKind : null, actionText: s.kind === 'ACTION' ? s.actionText.trim() : '',
      actionDueDays: s.kind === 'ACTION' ? Number(s.actionDueInDays) : 0,
    })),
  };
}

/** Reminder workflows (ADMIN/MANAGER): named lists of steps relative to the due date; one is the default. */
export function WorkflowsPage() {
  useTitle('Reminder workflows');
  const [res, refetch] = useQuery({ query: WorkflowsQuery });
  const [saveState, save] = useMutation(SaveWorkflowMutation);
  const [, remove] = useMutation(DeleteWorkflowMutation);
  const [editing, setEditing] = useState<{ id: string | null; draft: WorkflowDraft } | null>(null);
  const [serverErrors, setServerErrors] = useState<{ field?: string | null; message: string }[]>([]);
  const [pageErrors, setPageErrors] = useState<string[]>([]);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const workflows = res.data?.reminderWorkflows ?? [];

  async function onSave(d: WorkflowDraft) {
    const r = await save({ input: { workflowId: editing?.id ?? null, ...toInput(d) } });
    const errs = r.error ? [{ message: describeError(r.error) }] : r.data?.saveReminderWorkflow.errors ?? [];
    setServerErrors(errs);
    if (!errs.length) { setEditing(null); reload(); }
  }

  async function onDelete(w: Workflow) {
    if (!window.confirm(`Delete the workflow “${w.name}”? Customers using it fall back to the default workflow.`)) return;
    const r = await remove({ input: { workflowId: w.id } });
    setPageErrors(r.error ? [describeError(r.error)] : r.data?.deleteReminderWorkflow.errors.map((e) => e.message) ?? []);
    reload();
  }

  return (
    <>
      <PageHeader
        title="Reminder workflows"
        description="What happens around an invoice's due date: reminder emails to the customer's contacts, and actions for its account manager."
        actions={<button type="button" className="btn btn-primary" onClick={() => { setServerErrors([]); setEditing({ id: null, draft: defaultDraft() }); }}><IconPlus /> New workflow</button>}
      />
      <FormErrors messages={pageErrors} />
      {res.error && !res.data ? (
        <ErrorState message={describeError(res.error)} onRetry={reload} />
      ) : !res.data ? (
        <Loading label="Loading workflows…" />
      ) : workflows.length === 0 ? (
        <div className="card"><Empty title="No reminder workflows yet">Create one and make it the default: invoices are then reminded of without anyone remembering to.</Empty></div>
      ) : (
        <div className="stack">
          {workflows.map((w) => (
            <section key={w.id} className="card" aria-label={w.name} data-testid="workflow">
              <div className="card-header row between">
                <h2>{w.name} {w.isDefault && <span className="badge badge-accent">Default</span>}</h2>
                <div className="row">
                  <button type="button" className="btn btn-sm" onClick={() => { setServerErrors([]); setEditing({ id: w.id, draft: toDraft(w) }); }}><IconPencil /> Edit</button>
                  <button type="button" className="btn btn-ghost btn-sm btn-icon" aria-label={`Delete ${w.name}`} onClick={() => onDelete(w)}><IconTrash /></button>
                </div>
              </div>
              <ol className="list workflow-steps">
                {w.steps.map((s) => <li key={s.id}>{describeStep(s)}</li>)}
              </ol>
            </section>
          ))}
        </div>
      )}
      {editing && (
        <WorkflowEditor title={editing.id ? 'Edit workflow' : 'New workflow'} initial={editing.draft} saving={saveState.fetching}
          serverErrors={serverErrors} onSave={onSave} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
