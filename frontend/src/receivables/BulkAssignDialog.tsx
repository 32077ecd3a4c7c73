import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AssignAccountManagersMutation, AssignableMembersQuery, UnassignAccountManagersMutation } from '../customers/operations';
import { Dialog, FormErrors, Loading } from '../ui/components';
import { describeError } from '../lib/errors';

type Mode = 'ADD' | 'REMOVE' | 'REPLACE';
const MODES: readonly Mode[] = ['ADD', 'REMOVE', 'REPLACE'];
const MODE_LABELS: Record<Mode, string> = { ADD: 'Add account managers', REMOVE: 'Remove account managers', REPLACE: 'Replace account managers' };
const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;

/**
 * Assigns, removes or replaces account managers on a selection of customers in one set-based mutation: the server
 * checks every customer and member and writes all or nothing, so the dialog only reports its errors. REPLACE takes
 * other people off customers they manage, so it asks first: a dry run counts the assignments it removes (checked
 * as the write is) and the dialog says how many before the second click.
 */
export function BulkAssignDialog({ customerIds, onClose, onDone }: { customerIds: readonly string[]; onClose: () => void; onDone: (message: string) => void }) {
  const [members] = useQuery({ query: AssignableMembersQuery });
  const [assignState, assign] = useMutation(AssignAccountManagersMutation);
  const [unassignState, unassign] = useMutation(UnassignAccountManagersMutation);
  const [mode, setMode] = useState<Mode>('ADD');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<string[]>([]);
  // The dry run's count for the current choice; any change of mode or members asks again.
  const [removing, setRemoving] = useState<number | null>(null);
  const busy = assignState.fetching || unassignState.fetching;
  // Only active account managers can be assigned; removing shows every active member, so a member whose flag
  // was switched off can still be taken off customers.
  const choices = (members.data?.members.edges.map((e) => e.node) ?? []).filter((m) => m.isActive && (mode === 'REMOVE' || m.isAccountManager));
  const n = customerIds.length;
  const toggle = (id: string) => { setRemoving(null); setPicked((cur) => {
    const next = new Set(cur);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  }); };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!picked.size) return setErrors(['Choose at least one account manager.']);
    const input = { customerIds: [...customerIds], memberIds: [...picked] };
    if (mode === 'REPLACE' && removing === null) {
      const preview = await assign({ input: { ...input, mode, dryRun: true } });
      if (preview.error) return setErrors([describeError(preview.error)]);
      const p = preview.data?.assignAccountManagers;
      if (p?.errors.length) return setErrors(p.errors.map((x) => x.message));
      setErrors([]);
      return setRemoving(p?.removedAssignments ?? 0);
    }
    const r = mode === 'REMOVE' ? await unassign({ input }) : await assign({ input: { ...input, mode } });
    if (r.error) return setErrors([describeError(r.error)]);
    const data = r.data as Record<string, { errors: { message: string }[] }> | undefined;
    const errs = data?.[mode === 'REMOVE' ? 'unassignAccountManagers' : 'assignAccountManagers']?.errors.map((x) => x.message) ?? [];
    if (errs.length) return setErrors(errs);
    const who = choices.filter((m) => picked.has(m.id)).map((m) => m.fullName).join(', ');
    onDone(mode === 'ADD' ? `${who} now manage${picked.size === 1 ? 's' : ''} ${plural(n, 'customer')}.`
      : mode === 'REMOVE' ? `${who} removed from ${plural(n, 'customer')}.`
      : `${who} now the only account manager${picked.size === 1 ? '' : 's'} of ${plural(n, 'customer')} (${plural(removing ?? 0, 'assignment')} removed).`);
  }

  return (
    <Dialog
      title={`Account managers for ${n} customer${n === 1 ? '' : 's'}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="submit" form="bulk-assign" className="btn btn-primary" disabled={busy || !picked.size} data-testid="bulk-assign-submit">
            {mode === 'ADD' ? 'Assign' : mode === 'REMOVE' ? 'Remove' : removing === null ? 'Replace…' : `Replace and remove ${plural(removing, 'assignment')}`}
          </button>
        </>
      }
    >
      <form id="bulk-assign" className="stack" onSubmit={submit}>
        <div className="segmented" role="radiogroup" aria-label="What to do">
          {MODES.map((m) => (
            <label key={m} className={mode === m ? 'on' : ''}>
              <input type="radio" name="bulk-mode" value={m} checked={mode === m} onChange={() => { setMode(m); setPicked(new Set()); setErrors([]); setRemoving(null); }} />
              {MODE_LABELS[m]}
            </label>
          ))}
        </div>
        {mode === 'REPLACE' && (removing === null
          ? <p className="muted small">The selected customers keep only the account managers you choose; everyone else is taken off them.</p>
          : <div className="alert alert-warning" role="alert" data-testid="replace-confirmation">
              {removing === 0
                ? `No current assignment is removed: the ${plural(n, 'customer')} only get the chosen account managers.`
                : `This removes ${plural(removing, 'current assignment')} from the ${plural(n, 'selected customer')}. Confirm with the button below.`}
            </div>)}
        <FormErrors messages={errors} />
        {members.error ? <FormErrors messages={[describeError(members.error)]} /> : !members.data ? <Loading label="Loading members…" /> : choices.length === 0 ? (
          <p className="muted">No member is flagged as account manager yet. An admin sets the flag under Members.</p>
        ) : (
          <fieldset className="fieldset" style={{ padding: 0 }}>
            <legend className="visually-hidden">Account managers</legend>
            <ul className="list" style={{ maxHeight: 320, overflowY: 'auto' }}>
              {choices.map((m) => (
                <li key={m.id}>
                  <label className="check">
                    <input type="checkbox" checked={picked.has(m.id)} onChange={() => toggle(m.id)} />
                    <span><strong>{m.fullName}</strong><span className="muted small" style={{ display: 'block' }}>{m.email}</span></span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
      </form>
    </Dialog>
  );
}
