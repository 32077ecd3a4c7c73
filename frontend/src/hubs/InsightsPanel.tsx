import { ViewsChart } from './ViewsChart';
import { timeAgo } from '../lib/format';

export interface InsightsData {
  hubOpens?: number;
  views: number;
  downloads: number;
  prints: number;
  sharedWithColleagues: number;
  uniqueViewers: number;
  lastActivityAt?: string | null;
  viewsPerDay: readonly { date: string; count: number }[];
}

export function InsightsPanel({ insights }: { insights: InsightsData }) {
  const stats: [string, number][] = [
    ...(insights.hubOpens !== undefined ? ([['Hub opens', insights.hubOpens]] as [string, number][]) : []),
    ['Views', insights.views],
    ['Unique viewers', insights.uniqueViewers],
    ['Downloads', insights.downloads],
    ['Prints', insights.prints],
    ['Shared onward', insights.sharedWithColleagues],
  ];
  return (
    <div className="stack">
      <div className="stats" data-testid="insights">
        {stats.map(([label, value]) => (
          <div className="stat" key={label}><div className="value">{value}</div><div className="label">{label}</div></div>
        ))}
      </div>
      <div>
        <div className="row between small" style={{ marginBottom: 4 }}>
          <span className="label">Views per day</span>
          <span className="muted">{insights.lastActivityAt ? `Last activity ${timeAgo(insights.lastActivityAt)}` : 'No activity yet'}</span>
        </div>
        <ViewsChart data={insights.viewsPerDay} />
      </div>
    </div>
  );
}
