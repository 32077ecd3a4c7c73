import { useWidth } from '../lib/useWidth';

export interface ActionsRow { accountManager: { id: string; fullName: string } | null; todo: number; done: number }

/** Actions to do vs done per account manager: two bars side by side per person (plain SVG). */
export function ActionsChart({ rows }: { rows: readonly ActionsRow[] }) {
  const [ref, width] = useWidth<HTMLElement>(640);
  const labelW = Math.min(160, Math.round(width * 0.32));
  const barH = 12, groupGap = 12, top = 4;
  const innerW = Math.max(40, width - labelW - 40);
  const max = Math.max(1, ...rows.flatMap((r) => [r.todo, r.done]));
  const height = top + rows.length * (barH * 2 + groupGap) + 4;
  return (
    <figure style={{ margin: 0 }} ref={ref} data-testid="actions-chart">
      <svg className="chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Actions to do and done per account manager">
        {rows.map((r, i) => {
          const y = top + i * (barH * 2 + groupGap);
          const name = r.accountManager?.fullName ?? 'Unassigned';
          return (
            <g key={r.accountManager?.id ?? 'none'} data-owner={name}>
              <text x={labelW - 8} y={y + barH + 4} textAnchor="end" style={{ fontSize: 12 }}>{name.length > 22 ? `${name.slice(0, 21)}…` : name}</text>
              <rect className="bar-todo" x={labelW} y={y} width={(r.todo / max) * innerW} height={barH - 1} fill="#f59e0b" data-count={r.todo}><title>{`${name}: ${r.todo} to do`}</title></rect>
              <text x={labelW + (r.todo / max) * innerW + 4} y={y + barH - 2}>{r.todo}</text>
              <rect className="bar-done" x={labelW} y={y + barH} width={(r.done / max) * innerW} height={barH - 1} fill="#10b981" data-count={r.done}><title>{`${name}: ${r.done} done`}</title></rect>
              <text x={labelW + (r.done / max) * innerW + 4} y={y + barH * 2 - 2}>{r.done}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        <span><i style={{ background: '#f59e0b' }} aria-hidden="true" />To do</span>
        <span><i style={{ background: '#10b981' }} aria-hidden="true" />Done</span>
      </figcaption>
    </figure>
  );
}
