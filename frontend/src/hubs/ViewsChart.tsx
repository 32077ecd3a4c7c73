import { useWidth } from '../lib/useWidth';

interface DayCount { date: string; count: number }

/** Views per day as plain SVG bars (no chart library), drawn at the container's pixel width. */
export function ViewsChart({ data, height = 120, label = 'Views per day' }: { data: readonly DayCount[]; height?: number; label?: string }) {
  const [ref, width] = useWidth<HTMLElement>(600);
  const pad = { top: 10, right: 4, bottom: 20, left: 24 };
  const innerW = Math.max(10, width - pad.left - pad.right);
  const innerH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...data.map((d) => d.count));
  const niceMax = max <= 4 ? max : Math.ceil(max / 5) * 5;
  const n = Math.max(1, data.length);
  const slot = innerW / n;
  const barW = Math.max(2, Math.min(18, slot * 0.7));
  const total = data.reduce((s, d) => s + d.count, 0);
  const summary = `${label}: ${total} in the last ${data.length} days`;
  const labelEvery = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(innerW / 56))));
  return (
    <figure style={{ margin: 0 }} ref={ref}>
      <svg className="chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        <line className="axis" x1={pad.left} x2={width - pad.right} y1={pad.top + innerH} y2={pad.top + innerH} />
        <line className="axis" x1={pad.left} x2={width - pad.right} y1={pad.top} y2={pad.top} strokeDasharray="3 3" />
        <text x={pad.left - 6} y={pad.top + 4} textAnchor="end">{niceMax}</text>
        <text x={pad.left - 6} y={pad.top + innerH} textAnchor="end">0</text>
        {data.map((d, i) => {
          const h = (d.count / niceMax) * innerH;
          const x = pad.left + i * slot + (slot - barW) / 2;
          return (
            <g key={d.date}>
              <rect className="bar" x={x} y={pad.top + innerH - h} width={barW} height={Math.max(h, d.count ? 1 : 0)} rx={2} data-count={d.count}>
                <title>{`${d.date}: ${d.count}`}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text x={x + barW / 2} y={height - 6} textAnchor="middle">{d.date.slice(5)}</text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
