/** The aging buckets of the report (days past the due date), in the order they are drawn and exported. */
import { addDecimals, toNumber } from './money';

export const AGING_BUCKETS = [
  { key: 'notDue', api: 'NOT_DUE', label: 'Not due', short: 'Not due', color: '#a5b4fc' },
  { key: 'days1To30', api: 'DAYS_1_30', label: '1–30 days', short: '1–30', color: '#fcd34d' },
  { key: 'days31To60', api: 'DAYS_31_60', label: '31–60 days', short: '31–60', color: '#fb923c' },
  { key: 'days61To90', api: 'DAYS_61_90', label: '61–90 days', short: '61–90', color: '#f87171' },
  { key: 'over90', api: 'OVER_90', label: 'Over 90 days', short: '> 90', color: '#b91c1c' },
] as const;

export type BucketKey = (typeof AGING_BUCKETS)[number]['key'];

/** One row of the aging report: an account manager (null: customers without one) in one currency. */
export interface AgingRow {
  accountManager: { id: string; fullName: string } | null;
  currency: string;
  notDue: string;
  days1To30: string;
  days31To60: string;
  days61To90: string;
  over90: string;
  total: string;
}

/** The currencies present, alphabetically: the report is read one currency at a time (never mixed). */
export function currenciesOf(rows: readonly AgingRow[]): string[] {
  return [...new Set(rows.map((r) => r.currency))].sort();
}

/** The total line of one currency: each bucket summed exactly over the account managers. */
export function totalRow(rows: readonly AgingRow[], currency: string): AgingRow {
  const mine = rows.filter((r) => r.currency === currency);
  const sum = (k: BucketKey | 'total') => addDecimals(mine.map((r) => r[k]));
  return {
    accountManager: null, currency,
    notDue: sum('notDue'), days1To30: sum('days1To30'), days31To60: sum('days31To60'), days61To90: sum('days61To90'), over90: sum('over90'),
    total: sum('total'),
  };
}

/** Overdue part of a row (every bucket but "not due"), exact. */
export function overdueOf(row: AgingRow): string {
  return addDecimals([row.days1To30, row.days31To60, row.days61To90, row.over90]);
}

/** Segments of one stacked bar: start offset and width as fractions of `scaleMax`. Zero buckets draw nothing. */
export function stackSegments(row: AgingRow, scaleMax: number): { key: BucketKey; start: number; width: number; amount: string }[] {
  const out: { key: BucketKey; start: number; width: number; amount: string }[] = [];
  let at = 0;
  for (const b of AGING_BUCKETS) {
    const v = toNumber(row[b.key]);
    if (v <= 0 || scaleMax <= 0) continue;
    const width = v / scaleMax;
    out.push({ key: b.key, start: at, width, amount: row[b.key] });
    at += width;
  }
  return out;
}

/** "Owner" label of a row. */
export function ownerName(row: { accountManager: { fullName: string } | null }): string {
  return row.accountManager?.fullName ?? 'No account manager';
}
