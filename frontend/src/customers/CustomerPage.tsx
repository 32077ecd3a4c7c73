import { useState } from 'react';
import { useRefreshSoon } from '../lib/useRefreshSoon';
import { useServerValue } from '../lib/useOptimistic';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AssignAccountManagersMutation, AssignableMembersQuery, CustomerQuery, UnassignAccountManagersMutation, UpdateCustomerMutation } from './operations';
import { ContactsCard } from './ContactsCard';
import { ModuleSwitches } from './ModuleSwitches';
import { FolderTree } from './FolderTree';
import { Empty, ErrorState, FormErrors, Loading, PageHeader, Toggle } from '../ui/components';
import { IconQuote, IconSend, IconX } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTitle } from '../lib/useTitle';
import { useSession } from '../app/session';
import { InsightsPanel } from '../hubs/InsightsPanel';
import { ActivityFeed } from '../activity/ActivityFeed';
import { SendDialog } from '../share/SendDialog';
import { NewQuoteDialog } from '../quotes/NewQuoteDialog';
import { CustomerQuotes } from '../quotes/CustomerQuotes';
import { CustomerReceivablesCard } from '../receivables/CustomerReceivablesCard';
import type { CustomerModule } from '../gql/graphql';

export function CustomerPage() {
  const { customerId = '' } = useParams();
  const { viewer } = useSession();
  const navigate = useNavigate();
  const [res, refetch] = useQuery({ query: CustomerQuery, variables: { id: customerId } });
  const canManage = viewer?.member?.role === 'ADMIN' || viewer?.member?.role === 'MANAGER';
  const [members] = useQuery({ query: AssignableMembersQuery, pause: !canManage });
  const [, updateCustomer] = useMutation(UpdateCustomerMutation);
  const [, assign] = useMutation(AssignAccountManagersMutation);
  const [, unassign] = useMutation(UnassignAccountManagersMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [quoting, setQuoting] = useState(false);
  const [pick, setPick] = useState('');
  const c = res.data?.customer;
  const [hubAccess, setHubAccess, resetHubAccess] = useServerValue(c?.hubAccess ?? false);
  const [modules, setModules, resetModules] = useServerValue<CustomerModule[]>(c?.modules ?? []);
  useTitle(c?.name ?? (res.data ? 'Customer not found' : 'Customer'));
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const refreshSoon = useRefreshSoon(reload);

  if (res.error && !res.data) return <ErrorState message={describeError(res.error)} onRetry={reload} />;
  if (!res.data) return <Loading />;
  if (!c) return <Empty title="Customer not found">It may have been removed, or you do not have access. <Link to="/customers">Back to customers</Link></Empty>;

  async function run(p: Promise<{ error?: unknown; data?: unknown }>, key: string, onFail?: () => void) {
    const r = (await p) as { error?: Parameters<typeof describeError>[0]; data?: Record<string, { errors: { message: string }[] }> };
    if (r.error) { onFail?.(); return setErrors([describeError(r.error)]); }
    const errs = r.data?.[key]?.errors.map((e) => e.message) ?? [];
    if (errs.length) onFail?.();
    setErrors(errs);
    reload();
  }

  const assignedIds = new Set(c.accountManagers.map((m) => m.id));
  const assignable = members.data?.members.edges.map((e) => e.node).filter((m) => m.isActive && !assignedIds.has(m.id)) ?? [];

  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/customers">Customers</Link>}
        title={c.name}
        description={<>{c.kind === 'PERSON' ? 'Private person' : 'Company'} · customer since {formatDate(c.createdAt)}</>}
        actions={
          <>
            {c.hub && <Link className="btn" to={`/hubs/${encodeURIComponent(c.hub.id)}`}>Open hub</Link>}
            <button type="button" className="btn" onClick={() => setQuoting(true)}><IconQuote /> Send quote</button>
            <button type="button" className="btn btn-primary" onClick={() => setSending(true)} disabled={!modules.includes('DOCUMENTS')}
              title={modules.includes('DOCUMENTS') ? undefined : 'Switch the Documents module on to send documents to this customer.'}><IconSend /> Send documents</button>
          </>
        }
      />
      <FormErrors messages={errors} />
      <div className="grid-2" style={{ marginTop: errors.length ? 'var(--s4)' : 0 }}>
        <div className="stack">
          <ContactsCard customerId={c.id} customerName={c.name} hubAccess={c.hubAccess} contacts={c.contacts} isPerson={c.kind === 'PERSON'} onChanged={reload} />
          <section className="card" aria-labelledby="insights-h">
            <div className="card-header"><h2 id="insights-h">Hub insights</h2></div>
            <div className="card-body">
              {c.hub ? <InsightsPanel insights={c.hub.insights} /> : <p className="muted">No hub yet. It is created on the first send.</p>}
            </div>
          </section>
          <section className="card" aria-labelledby="activity-h">
            <div className="card-header"><h2 id="activity-h">Activity</h2></div>
            <ActivityFeed customerId={c.id} compact onEvent={refreshSoon} onResync={refreshSoon} />
          </section>
        </div>
        <div className="stack">
          <section className="card" aria-labelledby="access-h">
            <div className="card-header"><h2 id="access-h">Access</h2></div>
            <div className="card-body stack">
              <Toggle label="Hub access for this customer" checked={hubAccess} onChange={(v) => { setHubAccess(v); void run(updateCustomer({ input: { customerId: c.id, hubAccess: v } }), 'updateCustomer', resetHubAccess); }} />
              <ModuleSwitches modules={modules} hubAccess={hubAccess} onChange={(next) => { setModules(next); void run(updateCustomer({ input: { customerId: c.id, modules: next } }), 'updateCustomer', resetModules); }} />
            </div>
          </section>
          <CustomerQuotes customerId={c.id} />
          <section className="card" aria-labelledby="am-h">
            <div className="card-header"><h2 id="am-h">Account managers</h2></div>
            {c.accountManagers.length === 0 ? (
              <div className="card-body muted">No account manager assigned.</div>
            ) : (
              <ul className="list">
                {c.accountManagers.map((m) => (
                  <li key={m.id} className="row between">
                    <div><strong>{m.fullName}</strong><div className="muted small">{m.email}</div></div>
                    {canManage && <button type="button" className="btn btn-ghost btn-sm btn-icon" aria-label={`Unassign ${m.fullName}`} onClick={() => run(unassign({ input: { customerIds: [c.id], memberIds: [m.id] } }), 'unassignAccountManagers')}><IconX /></button>}
                  </li>
                ))}
              </ul>
            )}
            {canManage && (
              <form className="card-body row" style={{ borderTop: '1px solid var(--border)', flexWrap: 'nowrap' }} onSubmit={(e) => { e.preventDefault(); if (pick) { void run(assign({ input: { customerIds: [c.id], memberIds: [pick] } }), 'assignAccountManagers'); setPick(''); } }}>
                <label className="visually-hidden" htmlFor="am-pick">Member to assign</label>
                <select id="am-pick" className="select" value={pick} onChange={(e) => setPick(e.target.value)}>
                  <option value="">Choose a member…</option>
                  {assignable.map((m) => <option key={m.id} value={m.id}>{m.fullName}{m.isAccountManager ? '' : ' (not an account manager)'}</option>)}
                </select>
                <button type="submit" className="btn" disabled={!pick}>Assign</button>
              </form>
            )}
          </section>
          {modules.includes('INVOICES') && <CustomerReceivablesCard customerId={c.id} canManage={canManage} />}
        </div>
      </div>
      <FolderTree customerId={c.id} />
      {quoting && <NewQuoteDialog customerId={c.id} onClose={() => setQuoting(false)} onSent={(id, link) => { setQuoting(false); if (id) navigate(`/quotes/${encodeURIComponent(id)}`, { state: { link } }); }} />}
      {sending && <SendDialog initialCustomerId={c.id} onClose={() => { setSending(false); reload(); }} />}
    </>
  );
}
