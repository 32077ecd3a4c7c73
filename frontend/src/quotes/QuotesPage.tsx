import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { QuotesQuery } from './operations';
import { QuotesTable } from './QuotesTable';
import { QuoteFiltersBar } from './QuoteFiltersBar';
import { NewQuoteDialog } from './NewQuoteDialog';
import { filtersToParams, hasFilters, parseQuoteFilters } from './status';
import { Empty, ErrorState, Loading, PageHeader } from '../ui/components';
import { IconFile, IconPlus } from '../ui/icons';
import { describeError } from '../lib/errors';
import { useTitle } from '../lib/useTitle';

/** /quotes: every quote the member may see, filtered by status, customer, sender and "sent N days ago, not opened". */
export function QuotesPage() {
  useTitle('Quotes');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = parseQuoteFilters(params);
  const [first, setFirst] = useState(50);
  const [sending, setSending] = useState(params.get('new') === '1');
  const [res, refetch] = useQuery({ query: QuotesQuery, variables: { first, customerId: filters.customerId, senderId: filters.senderId, notOpenedForDays: filters.notOpenedForDays, status: filters.status ? [filters.status] : null } });
  const rows = res.data?.quotes.edges.map((e) => e.node) ?? [];
  const filtered = hasFilters(filters);

  return (
    <>
      <PageHeader title="Quotes" description="Quotes you sent to customers, and where each one stands."
        actions={<button type="button" className="btn btn-primary" onClick={() => setSending(true)}><IconPlus /> Send quote</button>} />
      <QuoteFiltersBar filters={filters} onChange={(f) => setParams(filtersToParams(f, params), { replace: true })} />
      <div className="card">
        {res.error && !res.data ? (
          <div className="card-body"><ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} /></div>
        ) : !res.data ? (
          <Loading label="Loading quotes…" />
        ) : rows.length === 0 ? (
          <Empty title={filtered ? 'No quotes match' : 'No quotes yet'} icon={<IconFile />}>
            {filtered ? 'Try clearing the filters.' : 'Send a quote: the customer views it in their hub and accepts it online.'}
          </Empty>
        ) : (
          <QuotesTable rows={rows} />
        )}
      </div>
      {res.data?.quotes.pageInfo.hasNextPage && (
        <div className="row" style={{ justifyContent: 'center', marginTop: 'var(--s4)' }}>
          <button type="button" className="btn" onClick={() => setFirst((f) => f + 50)}>Show more</button>
        </div>
      )}
      {res.data && <p className="muted small" style={{ marginTop: 'var(--s3)' }}>{res.data.quotes.totalCount} quote{res.data.quotes.totalCount === 1 ? '' : 's'}</p>}
      {sending && <NewQuoteDialog onClose={() => setSending(false)} onSent={(id, link) => { setSending(false); if (id) navigate(`/quotes/${encodeURIComponent(id)}`, { state: { link } }); else refetch({ requestPolicy: 'network-only' }); }} />}
    </>
  );
}
