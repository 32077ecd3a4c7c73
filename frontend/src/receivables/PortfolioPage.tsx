import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PortfolioQuery } from './invoiceOperations';
import { AssignableMembersQuery } from '../customers/operations';
import { PortfolioTable, type PortfolioRow } from './PortfolioTable';
import { Empty, ErrorState, Loading, PageHeader } from '../ui/components';
import { IconUsers } from '../ui/icons';
import { describeError } from '../lib/errors';
import { useTitle } from '../lib/useTitle';
import { useSession } from '../app/session';

/**
 * An account manager's portfolio: their customers with open balance, overdue per currency and last activity.
 * A MEMBER sees their own; ADMIN and MANAGER pick any account manager (the server decides either way).
 */
export function PortfolioPage() {
  useTitle('Portfolio');
  const { viewer } = useSession();
  const me = viewer?.member;
  const canPick = me?.role === 'ADMIN' || me?.role === 'MANAGER';
  const [params, setParams] = useSearchParams();
  const memberId = (canPick && params.get('member')) || me?.id || '';
  const [members] = useQuery({ query: AssignableMembersQuery, pause: !canPick });
  const [res, refetch] = useQuery({ query: PortfolioQuery, variables: { memberId }, pause: !memberId });
  const managers = (members.data?.members.edges.map((e) => e.node) ?? []).filter((m) => m.isActive && (m.isAccountManager || m.id === me?.id));
  const who = res.data?.portfolio?.member.fullName ?? managers.find((m) => m.id === memberId)?.fullName ?? '';
  const rows: PortfolioRow[] = (res.data?.portfolio?.rows ?? []).map((r) => ({
    customer: r.customer, openInvoiceCount: r.openInvoices, openBalance: r.open, overdue: r.overdue, lastActivityAt: r.lastContactActivityAt ?? null,
  }));

  return (
    <>
      <PageHeader
        title="Portfolio"
        description={memberId === me?.id ? 'Your customers, what they owe and when they were last active.' : `${who}'s customers, what they owe and when they were last active.`}
        actions={canPick && (
          <>
            <label className="visually-hidden" htmlFor="portfolio-member">Account manager</label>
            <select id="portfolio-member" className="select" value={memberId} onChange={(e) => setParams(e.target.value === me?.id ? {} : { member: e.target.value }, { replace: true })}>
              {!managers.some((m) => m.id === me?.id) && me && <option value={me.id}>{me.fullName} (me)</option>}
              {managers.map((m) => <option key={m.id} value={m.id}>{m.fullName}{m.id === me?.id ? ' (me)' : ''}</option>)}
            </select>
          </>
        )}
      />
      <div className="card">
        {res.error && !res.data ? (
          <div className="card-body"><ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} /></div>
        ) : !res.data ? (
          <Loading label="Loading the portfolio…" />
        ) : rows.length === 0 ? (
          <Empty title="No customers in this portfolio" icon={<IconUsers />}>Customers appear here once they are assigned to this account manager.</Empty>
        ) : (
          <PortfolioTable rows={rows} />
        )}
      </div>
    </>
  );
}
