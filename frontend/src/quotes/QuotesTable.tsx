import { Link, useNavigate } from 'react-router';
import { StatusChip } from './StatusChip';
import { formatAmount } from './status';
import { formatDate, timeAgo } from '../lib/format';

export interface QuoteRow {
  id: string;
  number: string;
  title: string;
  status: string;
  amount?: string | null;
  currency?: string | null;
  expiresOn?: string | null;
  sentAt?: string | null;
  openedAt?: string | null;
  createdAt: string;
  customer: { id: string; name: string } | null;
  sender?: { id: string; fullName: string } | null;
}

/** The quotes list: number and title, customer, sender, status chip (with a near expiry), amount, when sent.
 * `compact` (a card in a narrow column, e.g. the customer page's) puts when it was sent under the number and leaves
 * out the sender, so the row fits without scrolling sideways. */
export function QuotesTable({ rows, showCustomer = true, compact = false }: {
  rows: readonly QuoteRow[]; showCustomer?: boolean; compact?: boolean;
}) {
  const navigate = useNavigate();
  return (
    <div className="table-wrap">
      <table className={`table responsive quotes-table${compact ? ' compact' : ''}`}>
        <thead>
          <tr><th>Quote</th>{showCustomer && <th>Customer</th>}<th>Status</th><th className="num">Amount</th>{!compact && <><th>Sent</th><th>Sender</th></>}</tr>
        </thead>
        <tbody>
          {rows.map((q) => (
            <tr key={q.id} className="clickable" data-testid="quote-row" style={{ cursor: 'pointer' }}
              onClick={(e) => { if (!(e.target as HTMLElement).closest('a')) navigate(`/quotes/${encodeURIComponent(q.id)}`); }}>
              <td className="primary title-cell">
                <Link to={`/quotes/${encodeURIComponent(q.id)}`}><strong className="truncate" style={{ display: 'block' }}>{q.title}</strong></Link>
                <div className="muted small num-col">{q.number}</div>
                {compact && <div className="muted small">{q.sentAt ? <time dateTime={q.sentAt} title={formatDate(q.sentAt)}>Sent {timeAgo(q.sentAt)}</time> : 'Not sent'}</div>}
              </td>
              {showCustomer && <td data-label="Customer">{q.customer ? <Link to={`/customers/${encodeURIComponent(q.customer.id)}`}>{q.customer.name}</Link> : <span className="muted">—</span>}</td>}
              <td data-label="Status"><StatusChip status={q.status} expiresOn={q.expiresOn} showExpiry /></td>
              <td data-label="Amount" className="num num-col">{formatAmount(q.amount, q.currency) || <span className="muted">—</span>}</td>
              {!compact && <td data-label="Sent">{q.sentAt ? <time dateTime={q.sentAt} title={formatDate(q.sentAt)}>{timeAgo(q.sentAt)}</time> : <span className="muted">Not sent</span>}</td>}
              {!compact && <td data-label="Sender">{q.sender?.fullName ?? <span className="muted">—</span>}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
