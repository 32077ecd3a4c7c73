import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CustomerReceivablesQuery, SetCustomerRemindersMutation } from './operations';
import { FormErrors, Loading, SelectField, Toggle } from '../ui/components';
import { describeError } from '../lib/errors';
import { useServerValue } from '../lib/useOptimistic';

/**
 * On the customer page: what the customer owes, which reminder workflow applies (its own or the organization's
 * default) and whether its reminders are paused. Managers change the workflow and the pause.
 */
export function CustomerReceivablesCard({ customerId, canManage }: { customerId: string; canManage: boolean }) {
  const [res, refetch] = useQuery({ query: CustomerReceivablesQuery, variables: { id: customerId } });
  const [, setReminders] = useMutation(SetCustomerRemindersMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const c = res.data?.customer;
  const workflows = res.data?.reminderWorkflows ?? [];
  const fallback = workflows.find((w) => w.isDefault);
  // Shown at once, following the server's value again after the save (or reset when it fails).
  const [workflowId, setWorkflowId, resetWorkflow] = useServerValue(c?.reminderWorkflow?.id ?? '');
  const [paused, setPaused, resetPaused] = useServerValue(c?.remindersPaused ?? false);

  async function change(input: { workflowId?: string | null; paused?: boolean }) {
    if (!c) return;
    if ('workflowId' in input) setWorkflowId(input.workflowId ?? '');
    if (input.paused !== undefined) setPaused(input.paused);
    // Only what changed is sent: a left-out workflowId or paused stays as it is on the server.
    const r = await setReminders({ input: { customerId, ...input } });
    const errs = r.error ? [describeError(r.error)] : r.data?.setCustomerReminders.errors.map((e) => e.message) ?? [];
    setErrors(errs);
    if (errs.length) { resetWorkflow(); resetPaused(); }
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <section className="card" aria-labelledby="recv-h" data-testid="customer-receivables">
      <div className="card-header row between">
        <h2 id="recv-h">Reminders</h2>
        
      </div>
      <div className="card-body stack">
        {!c ? <Loading /> : (
          <>
            <FormErrors messages={errors} />
            {canManage ? (
              <>
                <SelectField label="Reminder workflow" value={workflowId} onChange={(e) => change({ workflowId: e.target.value || null })}>
                  <option value="">{fallback ? `Organization default (${fallback.name})` : 'Organization default (none set)'}</option>
                  {workflows.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
                </SelectField>
                <Toggle label="Pause reminders for this customer" checked={paused} onChange={(v) => change({ paused: v })} />
              </>
            ) : (
              <p className="small">
                Reminders: {paused ? 'paused' : c.reminderWorkflow?.name ?? (fallback ? `${fallback.name} (default)` : 'none')}
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
