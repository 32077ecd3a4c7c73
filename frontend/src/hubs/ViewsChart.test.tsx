import { describe, it, expect } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ViewsChart } from './ViewsChart';

describe('ViewsChart', () => {
  it('draws one bar per day scaled to the maximum, with an accessible summary', () => {
    const { container } = render(<ViewsChart data={[{ date: '2026-11-01', count: 0 }, { date: '2026-11-02', count: 2 }, { date: '2026-11-03', count: 4 }]} />);
    expect(screen.getByRole('img', { name: 'Views per day: 6 in the last 3 days' })).toBeInTheDocument();
    const bars = container.querySelectorAll('rect.bar');
    expect(bars).toHaveLength(3);
    const h = Array.from(bars).map((b) => Number(b.getAttribute('height')));
    expect(h[0]).toBe(0);
    expect(h[2]).toBeCloseTo(h[1]! * 2);
  });
});
