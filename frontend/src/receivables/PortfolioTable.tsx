import { Link } from 'react-router';
import { formatTotals, totalsByCurrency, type Money } from './money';
import { timeAgo } from '../lib/format';

export interface PortfolioRow {
  customer: { id: string; name: string };
  openInvoiceCount: number;
  openBalance: readonly Money[];
  overdue: readonly Money[];
  lastActivityAt: string | null;
}

/**
 * An account manager's customers with what they owe: open balance and overdue per currency (one line per
 * currency, never added across currencies), and when a contact last did something in the hub.
 */
export function PortfolioTable({ rows }: { rows: readonly PortfolioRow[] }) {
  const open = totalsByCurrency(rows.flatMap((r) => r.openBalance));
  const overdue = totalsByCurrency(rows.flatMap((r) => r.overdue));
  return (
    <div className="table-wrap">
      <table className="table responsive" data-testid="portfolio-table">
        <thead>
          <tr><th>Customer</th><th className="num">Open invoices</th><th className="num">Open balance</th><th className="num">Overdue</th><th>Last activity</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.customer.id}>
              <td className="primary"><Link to={`/customers/${encodeURIComponent(r.customer.id)}`}><strong>{r.customer.name}</strong></Link></td>
              <td data-label="Open invoices" className="num">{r.openInvoiceCount}</td>
              <td data-label="Open balance" className="num"><MoneyLines items={r.openBalance} /></td>
              <td data-label="Overdue" className="num">{r.overdue.some((m) => Number(m.amount) > 0) ? <span className="overdue"><MoneyLines items={r.overdue} /></span> : <span className="muted">—</span>}</td>
              <td data-label="Last activity">{r.lastActivityAt ? timeAgo(r.lastActivityAt) : <span className="muted">No activity yet</span>}</td>
            </tr>
          ))}
        </tbody>
        {rows.length > 1 && (
          <tfoot>
            <tr className="total">
              <td className="primary">Total</td>
              <td data-label="Open invoices" className="num">{rows.reduce((s, r) => s + r.openInvoiceCount, 0)}</td>
              <td data-label="Open balance" className="num" data-testid="portfolio-total-open"><MoneyLines items={open} /></td>
              <td data-label="Overdue" className="num" data-testid="portfolio-total-overdue"><MoneyLines items={overdue} /></td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** Amounts of several currencies, one per line (zero amounts left out). */
export function MoneyLines({ items }: { items: readonly Money[] }) {
  const shown = items.filter((m) => Number(m.amount) !== 0);
  if (!shown.length) return <span className="muted">—</span>;
  return <span className="money-lines">{shown.map((m) => <span key={m.currency}>{formatTotals([m])}</span>)}</span>;
}
