import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CustomersQuery } from './operations';
import { CreateCustomerDialog } from './CreateCustomerDialog';
import { ImportCustomersDialog } from './ImportCustomersDialog';
import { BulkAssignDialog } from '../receivables/BulkAssignDialog';
import { exportUrl } from './importMapping';
import { Empty, ErrorState, Loading, PageHeader } from '../ui/components';
import { IconBuilding, IconDownload, IconPlus, IconSearch, IconUpload, IconUser, IconUsers } from '../ui/icons';
import { describeError } from '../lib/errors';
import { timeAgo } from '../lib/format';
import { useDebounced } from '../lib/useDebounced';
import { useTitle } from '../lib/useTitle';
import { useSession } from '../app/session';
import type { CustomerKind } from '../gql/graphql';

export function CustomersPage() {
  useTitle('Customers');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const kind = (params.get('kind') as CustomerKind | null) || null;
  const hub = params.get('hub');
  const mine = params.get('mine') === '1';
  const { viewer } = useSession();
  const canManage = viewer?.member?.role === 'ADMIN' || viewer?.member?.role === 'MANAGER';
  const [first, setFirst] = useState(50);
  const [creating, setCreating] = useState(params.get('new') === '1');
  const [importing, setImporting] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [notice, setNotice] = useState('');
  // Row selection: what bulk actions (account managers, issue 10) work on. Kept across filter changes.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const debounced = useDebounced(search.trim(), 250);

  const setParam = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v); else next.delete(k);
    setParams(next, { replace: true });
  };

  const filters = {
    search: debounced || null,
    kind,
    hubAccess: hub === 'on' ? true : hub === 'off' ? false : null,
    accountManagerId: mine ? viewer?.member?.id ?? null : null,
  };
  const [res, refetch] = useQuery({ query: CustomersQuery, variables: { first, ...filters } });
  const edges = res.data?.customers.edges ?? [];
  const allShown = edges.length > 0 && edges.every(({ node }) => selected.has(node.id));
  const toggle = (id: string) => setSelected((cur) => {
    const next = new Set(cur);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  const toggleAll = () => setSelected((cur) => {
    const next = new Set(cur);
    for (const { node } of edges) { if (allShown) next.delete(node.id); else next.add(node.id); }
    return next;
  });

  return (
    <>
      <PageHeader
        title="Customers"
        description="Companies and private persons you share with."
        actions={
          <>
            <a className="btn" href={exportUrl('csv', filters)} download title="The customers shown, one row per contact">
              <IconDownload /> Export CSV
            </a>
            <a className="btn" href={exportUrl('xlsx', filters)} download title="The customers shown, one row per contact">
              Export Excel
            </a>
            <button type="button" className="btn" onClick={() => setImporting(true)}><IconUpload /> Import</button>
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}><IconPlus /> New customer</button>
          </>
        }
      />
      <div className="toolbar">
        <div className="search-input">
          <IconSearch />
          <label className="visually-hidden" htmlFor="customer-q">Search customers</label>
          <input id="customer-q" className="input" type="search" placeholder="Search by name or contact…" value={search} onChange={(e) => setParam('q', e.target.value)} />
        </div>
        <label className="visually-hidden" htmlFor="kind-filter">Kind</label>
        <select id="kind-filter" className="select" value={kind ?? ''} onChange={(e) => setParam('kind', e.target.value || null)}>
          <option value="">All kinds</option>
          <option value="COMPANY">Companies</option>
          <option value="PERSON">Private persons</option>
        </select>
        <label className="visually-hidden" htmlFor="hub-filter">Hub access</label>
        <select id="hub-filter" className="select" value={hub ?? ''} onChange={(e) => setParam('hub', e.target.value || null)}>
          <option value="">Any hub access</option>
          <option value="on">Hub access on</option>
          <option value="off">Hub access off</option>
        </select>
        <label className="visually-hidden" htmlFor="am-filter">Account manager</label>
        <select id="am-filter" className="select" value={mine ? '1' : ''} onChange={(e) => setParam('mine', e.target.value || null)}>
          <option value="">All account managers</option>
          <option value="1">My customers</option>
        </select>
      </div>

      <div className="card">
        {res.error && !res.data ? (
          <div className="card-body"><ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} /></div>
        ) : !res.data ? (
          <Loading label="Loading customers…" />
        ) : edges.length === 0 ? (
          <Empty title={debounced || kind || hub || mine ? 'No customers match' : 'No customers yet'} icon={<IconUsers />}>
            {debounced || kind || hub || mine ? 'Try clearing the filters.' : 'Create your first customer to start sharing.'}
          </Empty>
        ) : (
          <div className="table-wrap">
            <table className="table responsive">
              <thead>
                <tr><th className="select-col"><input type="checkbox" aria-label="Select all shown customers" checked={allShown} onChange={toggleAll} /></th><th>Name</th><th>Primary contact</th><th>Account managers</th><th>Hub</th><th className="num">Views</th><th>Last activity</th></tr>
              </thead>
              <tbody>
                {edges.map(({ node: c }) => (
                  <tr key={c.id} className={`clickable ${selected.has(c.id) ? 'selected' : ''}`} onClick={(e) => { if (!(e.target as HTMLElement).closest('a, input, label')) navigate(`/customers/${encodeURIComponent(c.id)}`); }} style={{ cursor: 'pointer' }}>
                    <td className="select-col"><input type="checkbox" aria-label={`Select ${c.name}`} checked={selected.has(c.id)} onChange={() => toggle(c.id)} /></td>
                    <td className="primary">
                      <div className="row" style={{ flexWrap: 'nowrap' }}>
                        <span className="feed-icon">{c.kind === 'PERSON' ? <IconUser /> : <IconBuilding />}</span>
                        <div><Link to={`/customers/${encodeURIComponent(c.id)}`}><strong>{c.name}</strong></Link><div className="muted small">{c.contacts.length} contact{c.contacts.length === 1 ? '' : 's'}</div></div>
                      </div>
                    </td>
                    <td data-label="Primary contact">{c.primaryContact ? c.primaryContact.fullName : <span className="muted">—</span>}</td>
                    <td data-label="Account managers">{c.accountManagers.map((m) => m.fullName).join(', ') || <span className="muted">—</span>}</td>
                    <td data-label="Hub">{c.hubAccess ? <span className="badge badge-success">On</span> : <span className="badge">Off</span>}</td>
                    <td data-label="Views" className="num">{c.hub?.insights.views ?? 0}</td>
                    <td data-label="Last activity">{c.hub?.insights.lastActivityAt ? timeAgo(c.hub.insights.lastActivityAt) : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {res.data?.customers.pageInfo.hasNextPage && (
        <div className="row" style={{ justifyContent: 'center', marginTop: 'var(--s4)' }}>
          <button type="button" className="btn" onClick={() => setFirst((f) => f + 50)}>Show more</button>
        </div>
      )}
      {res.data && <p className="muted small" style={{ marginTop: 'var(--s3)' }}>{res.data.customers.totalCount} customer{res.data.customers.totalCount === 1 ? '' : 's'}</p>}

      {selected.size > 0 && (
        <div className="selection-bar" role="region" aria-label="Selection">
          <span><strong data-testid="selection-count">{selected.size}</strong> customer{selected.size === 1 ? '' : 's'} selected</span>
          <div className="row">
            {canManage && <button type="button" className="btn btn-sm" onClick={() => setAssigning(true)}>Account managers…</button>}
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setSelected(new Set())}>Clear selection</button>
          </div>
        </div>
      )}

      {notice && <div className="alert alert-success" role="status" style={{ marginTop: 'var(--s3)' }}>{notice}</div>}
      {assigning && (
        <BulkAssignDialog
          customerIds={[...selected]}
          onClose={() => setAssigning(false)}
          onDone={(message) => { setAssigning(false); setNotice(message); refetch({ requestPolicy: 'network-only' }); }}
        />
      )}

      {importing && (
        <ImportCustomersDialog
          onClose={() => setImporting(false)}
          onImported={() => refetch({ requestPolicy: 'network-only' })}
        />
      )}

      {creating && (
        <CreateCustomerDialog
          onClose={() => { setCreating(false); setParam('new', null); }}
          onCreated={(id) => navigate(`/customers/${encodeURIComponent(id)}`)}
        />
      )}
    </>
  );
}
