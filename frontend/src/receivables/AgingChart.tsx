import { AGING_BUCKETS, ownerName, stackSegments, type AgingRow } from './aging';
import { formatMoney, toNumber } from './money';
import { useWidth } from '../lib/useWidth';

/**
 * Aging per account manager in one currency: one horizontal stacked bar per account manager, a segment per
 * bucket. Plain SVG like the hub's ViewsChart (no chart library); the figures themselves are in the table beside.
 */
export function AgingChart({ rows, currency }: { rows: readonly AgingRow[]; currency: string }) {
  const [ref, width] = useWidth<HTMLElement>(640);
  const mine = rows.filter((r) => r.currency === currency);
  const labelW = Math.min(160, Math.round(width * 0.32));
  const barH = 18, gap = 10, top = 4;
  const innerW = Math.max(40, width - labelW - 8);
  const max = Math.max(0, ...mine.map((r) => toNumber(r.total)));
  const height = top + mine.length * (barH + gap) + 4;
  return (
    <figure style={{ margin: 0 }} ref={ref} data-testid="aging-chart">
      <svg className="chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img"
        aria-label={`Aging in ${currency} per account manager`}>
        {mine.map((r, i) => {
          const y = top + i * (barH + gap);
          return (
            <g key={r.accountManager?.id ?? 'none'} data-owner={ownerName(r)}>
              <text x={labelW - 8} y={y + barH / 2 + 4} textAnchor="end" style={{ fontSize: 12 }}>{truncate(ownerName(r), 22)}</text>
              {stackSegments(r, max).map((s) => (
                <rect key={s.key} className={`seg seg-${s.key}`} x={labelW + s.start * innerW} y={y} width={Math.max(1, s.width * innerW)} height={barH}
                  fill={AGING_BUCKETS.find((b) => b.key === s.key)!.color} data-amount={s.amount}>
                  <title>{`${ownerName(r)}, ${AGING_BUCKETS.find((b) => b.key === s.key)!.label}: ${formatMoney({ currency, amount: s.amount })}`}</title>
                </rect>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {AGING_BUCKETS.map((b) => <span key={b.key}><i style={{ background: b.color }} aria-hidden="true" />{b.label}</span>)}
      </figcaption>
    </figure>
  );
}

function truncate(s: string, n: number) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
