import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QuotesQuery } from './operations';
import { QuotesTable } from './QuotesTable';
import { Loading } from '../ui/components';

/** The customer page's Quotes card: its latest quotes, with the link to all of them in the quotes list. */
export function CustomerQuotes({ customerId }: { customerId: string }) {
  const [res] = useQuery({ query: QuotesQuery, variables: { first: 5, customerId }, requestPolicy: 'cache-and-network' });
  const rows = res.data?.quotes.edges.map((e) => e.node) ?? [];
  return (
    <section className="card" aria-labelledby="customer-quotes-h">
      <div className="card-header row between">
        <h2 id="customer-quotes-h">Quotes</h2>
        {(res.data?.quotes.totalCount ?? 0) > 0 && <Link to={`/quotes?customer=${encodeURIComponent(customerId)}`} className="small">All {res.data!.quotes.totalCount} →</Link>}
      </div>
      {!res.data ? <Loading /> : rows.length === 0 ? <div className="card-body muted small">No quotes yet.</div> : <QuotesTable rows={rows} showCustomer={false} compact />}
    </section>
  );
}
