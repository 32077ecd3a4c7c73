import { describe, it, expect } from 'vitest';
import { render } from '@testing-library/react';
import { currenciesOf, overdueOf, stackSegments, totalRow, type AgingRow } from './aging';
import { AgingChart } from './AgingChart';
import { ActionsChart } from './ActionsChart';

const row = (name: string | null, currency: string, b: [string, string, string, string, string]): AgingRow => ({
  accountManager: name ? { id: name, fullName: name } : null, currency,
  notDue: b[0], days1To30: b[1], days31To60: b[2], days61To90: b[3], over90: b[4],
  total: b.reduce((s, x) => s + Number(x), 0).toFixed(2),
});

const rows = [
  row('Anna', 'DKK', ['100.10', '0', '50.20', '0', '0']),
  row('Bo', 'DKK', ['0.20', '10', '0', '0', '200']),
  row('Anna', 'EUR', ['5', '0', '0', '0', '1']),
];

describe('aging report logic', () => {
  it('lists currencies and sums each bucket per currency exactly, never across currencies', () => {
    expect(currenciesOf(rows)).toEqual(['DKK', 'EUR']);
    const t = totalRow(rows, 'DKK');
    expect(t.notDue).toBe('100.30');
    expect(t.days1To30).toBe('10');
    expect(t.over90).toBe('200');
    expect(t.total).toBe('360.50');
    expect(totalRow(rows, 'EUR').total).toBe('6.00');
  });

  it('computes the overdue part without the not-due bucket', () => {
    expect(overdueOf(rows[1]!)).toBe('210');
  });

  it('stacks the non-zero buckets left to right, scaled to the largest total', () => {
    const s = stackSegments(rows[1]!, 210.2);
    expect(s.map((x) => x.key)).toEqual(['notDue', 'days1To30', 'over90']);
    expect(s[1]!.start).toBeCloseTo(0.2 / 210.2);
    expect(s[2]!.start + s[2]!.width).toBeCloseTo(1);
  });
});

describe('charts', () => {
  it('draws one stacked bar per account manager of the chosen currency only', () => {
    const { container } = render(<AgingChart rows={rows} currency="DKK" />);
    const groups = container.querySelectorAll('g[data-owner]');
    expect([...groups].map((g) => g.getAttribute('data-owner'))).toEqual(['Anna', 'Bo']);
    expect(groups[0]!.querySelectorAll('rect')).toHaveLength(2);
    expect(groups[1]!.querySelector('rect.seg-over90')!.getAttribute('data-amount')).toBe('200');
  });

  it('draws to-do and done bars in proportion', () => {
    const { container } = render(<ActionsChart rows={[{ accountManager: { id: 'a', fullName: 'Anna' }, todo: 2, done: 4 }, { accountManager: null, todo: 0, done: 1 }]} />);
    const todo = Number(container.querySelector('g[data-owner="Anna"] .bar-todo')!.getAttribute('width'));
    const done = Number(container.querySelector('g[data-owner="Anna"] .bar-done')!.getAttribute('width'));
    expect(done).toBeCloseTo(todo * 2);
    expect(container.querySelector('g[data-owner="Unassigned"] .bar-todo')!.getAttribute('width')).toBe('0');
  });
});
