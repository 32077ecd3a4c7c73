import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ActionsQuery, CompleteActionMutation, ReassignActionMutation } from './operations';
import { AssignableMembersQuery } from '../customers/operations';
import { ActionsList, CompleteActionDialog, ReassignActionDialog, type ActionItem } from './actionsView';
import { Empty, ErrorState, Loading, PageHeader } from '../ui/components';
import { IconCheck } from '../ui/icons';
import { describeError } from '../lib/errors';
import { useTitle } from '../lib/useTitle';
import { useSession } from '../app/session';

type Status = 'TODO' | 'DONE';

/** The Actions tab: to do / done, mine or (managers) everyone's; complete with a note, reassign. */
export function ActionsPage() {
  useTitle('Actions');
  const { viewer } = useSession();
  const isManager = viewer?.member?.role === 'ADMIN' || viewer?.member?.role === 'MANAGER';
  const [params, setParams] = useSearchParams();
  const status: Status = params.get('status') === 'DONE' ? 'DONE' : 'TODO';
  const everyone = isManager && params.get('who') === 'all';
  const [first, setFirst] = useState(50);
  // cache-and-network: a work list others change (a manager reassigns, a worker's sweep adds): show the cached
  // list at once, then the server's.
  const [res, refetch] = useQuery({ query: ActionsQuery, variables: { first, status, mine: !everyone }, requestPolicy: 'cache-and-network' });
  const [members] = useQuery({ query: AssignableMembersQuery, pause: !isManager });
  const [completing, setCompleting] = useState<ActionItem | null>(null);
  const [reassigning, setReassigning] = useState<ActionItem | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [completeState, complete] = useMutation(CompleteActionMutation);
  const [reassignState, reassign] = useMutation(ReassignActionMutation);
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v); else next.delete(k);
    setParams(next, { replace: true });
  };
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const actions: ActionItem[] = (res.data?.actions.edges ?? []).map(({ node: a }) => ({
    ...a, customer: a.customer ?? { id: '', name: 'A customer you do not see' },
    invoice: a.invoiceId && a.invoiceNumber ? { id: a.invoiceId, number: a.invoiceNumber } : null,
  }));
  // Actions go to account managers (the server checks it too).
  const assignable = (members.data?.members.edges.map((e) => e.node) ?? []).filter((m) => m.isActive && m.isAccountManager);

  return (
    <>
      <PageHeader title="Actions" description="Calls, letters and tasks the reminder workflows created for account managers." />
      <div className="toolbar">
        <div className="tabs" role="tablist" aria-label="Status">
          {(['TODO', 'DONE'] as const).map((s) => (
            <button key={s} type="button" role="tab" aria-selected={status === s} onClick={() => set('status', s === 'DONE' ? 'DONE' : null)}>{s === 'TODO' ? 'To do' : 'Done'}</button>
          ))}
        </div>
        {isManager && (
          <div className="segmented" role="radiogroup" aria-label="Whose actions">
            {([['mine', 'Mine'], ['all', "Everyone's"]] as const).map(([v, label]) => (
              <label key={v} className={(everyone ? 'all' : 'mine') === v ? 'on' : ''}>
                <input type="radio" name="who" value={v} checked={(everyone ? 'all' : 'mine') === v} onChange={() => set('who', v === 'all' ? 'all' : null)} />
                {label}
              </label>
            ))}
          </div>
        )}
      </div>
      <div className="card">
        {res.error && !res.data ? (
          <div className="card-body"><ErrorState message={describeError(res.error)} onRetry={reload} /></div>
        ) : !res.data ? (
          <Loading label="Loading actions…" />
        ) : actions.length === 0 ? (
          <Empty title={status === 'TODO' ? 'Nothing to do' : 'Nothing done yet'} icon={<IconCheck />}>
            {status === 'TODO' ? 'Actions appear here when a reminder workflow step asks for a call, a letter or a task.' : 'Completed actions and their notes appear here.'}
          </Empty>
        ) : (
          <ActionsList actions={actions} showAssignee={everyone || status === 'DONE'}
            onComplete={(a) => { setErrors([]); setCompleting(a); }}
            onReassign={isManager ? (a) => { setErrors([]); setReassigning(a); } : undefined} />
        )}
      </div>
      {res.data?.actions.pageInfo.hasNextPage && (
        <div className="row" style={{ justifyContent: 'center', marginTop: 'var(--s4)' }}>
          <button type="button" className="btn" onClick={() => setFirst((f) => f + 50)}>Show more</button>
        </div>
      )}
      {completing && (
        <CompleteActionDialog action={completing} busy={completeState.fetching} errors={errors} onClose={() => setCompleting(null)}
          onSubmit={async (note) => {
            const r = await complete({ input: { actionId: completing.id, note } });
            const errs = r.error ? [describeError(r.error)] : r.data?.completeAction.errors.map((e) => e.message) ?? [];
            setErrors(errs);
            if (!errs.length) { setCompleting(null); reload(); }
          }} />
      )}
      {reassigning && (
        <ReassignActionDialog action={reassigning} members={assignable} busy={reassignState.fetching} errors={errors} onClose={() => setReassigning(null)}
          onSubmit={async (memberId) => {
            const r = await reassign({ input: { actionId: reassigning.id, memberId } });
            const errs = r.error ? [describeError(r.error)] : r.data?.reassignAction.errors.map((e) => e.message) ?? [];
            setErrors(errs);
            if (!errs.length) { setReassigning(null); reload(); }
          }} />
      )}
    </>
  );
}
