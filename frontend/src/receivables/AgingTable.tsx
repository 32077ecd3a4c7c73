import { AGING_BUCKETS, ownerName, totalRow, type AgingRow, type BucketKey } from './aging';
import { formatMoney, isZero } from './money';

export interface DrillDown { accountManagerId: string | null; bucket: BucketKey | null; currency: string }

/**
 * The aging figures of one currency, an account manager per row and a total line; each non-zero amount is a
 * button that drills down to the invoices behind it.
 */
export function AgingTable({ rows, currency, onDrill }: { rows: readonly AgingRow[]; currency: string; onDrill: (d: DrillDown) => void }) {
  const mine = rows.filter((r) => r.currency === currency);
  const total = totalRow(rows, currency);
  const cell = (r: AgingRow, key: BucketKey | 'total', owner: string | null | undefined) => {
    const amount = r[key];
    if (isZero(amount)) return <span className="muted">—</span>;
    const text = formatMoney({ currency, amount });
    if (owner === undefined) return text;
    return (
      <button type="button" className="link-btn" onClick={() => onDrill({ accountManagerId: owner, bucket: key === 'total' ? null : key, currency })}
        aria-label={`${ownerName(r)}, ${key === 'total' ? 'all buckets' : AGING_BUCKETS.find((b) => b.key === key)!.label}: ${text}`}>{text}</button>
    );
  };
  return (
    <div className="table-wrap">
      <table className="table responsive" data-testid="aging-table">
        <thead>
          <tr><th>Account manager</th>{AGING_BUCKETS.map((b) => <th key={b.key} className="num">{b.label}</th>)}<th className="num">Total</th></tr>
        </thead>
        <tbody>
          {mine.map((r) => (
            <tr key={r.accountManager?.id ?? 'none'} data-owner={ownerName(r)}>
              <td className="primary"><strong>{ownerName(r)}</strong></td>
              {AGING_BUCKETS.map((b) => <td key={b.key} data-label={b.label} className="num">{cell(r, b.key, r.accountManager?.id ?? null)}</td>)}
              <td data-label="Total" className="num"><strong>{cell(r, 'total', r.accountManager?.id ?? null)}</strong></td>
            </tr>
          ))}
        </tbody>
        {mine.length > 1 && (
          <tfoot>
            <tr className="total" data-testid="aging-total">
              <td className="primary">Total</td>
              {AGING_BUCKETS.map((b) => <td key={b.key} data-label={b.label} className="num">{cell(total, b.key, undefined)}</td>)}
              <td data-label="Total" className="num">{cell(total, 'total', undefined)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
