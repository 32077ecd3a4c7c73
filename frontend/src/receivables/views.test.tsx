import { describe, it, expect, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { PortfolioTable } from './PortfolioTable';
import { ActionsList, isLate, type ActionItem } from './actionsView';
import { AgingTable } from './AgingTable';

describe('PortfolioTable', () => {
  it('totals open balance and overdue per currency', () => {
    render(<MemoryRouter><PortfolioTable rows={[
      { customer: { id: 'K1', name: 'Aurora' }, openInvoiceCount: 2, openBalance: [{ currency: 'DKK', amount: '100.10' }], overdue: [{ currency: 'DKK', amount: '0.20' }], lastActivityAt: null },
      { customer: { id: 'K2', name: 'Birch' }, openInvoiceCount: 1, openBalance: [{ currency: 'DKK', amount: '0.20' }, { currency: 'EUR', amount: '5' }], overdue: [], lastActivityAt: '2026-12-01T10:00:00Z' },
    ]} /></MemoryRouter>);
    expect(screen.getByTestId('portfolio-total-open').textContent).toMatch(/DKK\s?100\.30.*EUR\s?5\.00/);
    expect(screen.getByTestId('portfolio-total-overdue').textContent).toMatch(/DKK\s?0\.20/);
    expect(screen.getByText('No activity yet')).toBeInTheDocument();
  });
});

const action = (p: Partial<ActionItem>): ActionItem => ({
  id: 'A1', kind: 'CALL', text: '', dueOn: '2026-12-01', status: 'TODO', doneAt: null, note: '', doneBy: null,
  assignee: { id: 'M1', fullName: 'Anna Rep' }, customer: { id: 'K1', name: 'Aurora' }, invoice: { id: 'I1', number: 'INV-7' }, ...p,
});

describe('ActionsList', () => {
  it('marks late actions, shows done notes, and hands the action to complete', async () => {
    expect(isLate(action({}), '2026-12-02')).toBe(true);
    expect(isLate(action({}), '2026-12-01')).toBe(false);
    expect(isLate(action({ status: 'DONE' }), '2026-12-09')).toBe(false);
    const onComplete = vi.fn();
    render(<MemoryRouter><ActionsList today="2026-12-03" showAssignee onComplete={onComplete} onReassign={() => {}} actions={[
      action({}), action({ id: 'A2', status: 'DONE', doneAt: '2026-12-02T10:00:00Z', note: 'Promised Friday', doneBy: { fullName: 'Anna Rep' } }),
    ]} /></MemoryRouter>);
    const [todo, done] = screen.getAllByTestId('action');
    expect(within(todo!).getByText('Late')).toBeInTheDocument();
    expect(within(done!).getByText('Promised Friday')).toBeInTheDocument();
    expect(within(done!).queryByRole('button')).toBeNull();
    await userEvent.setup().click(within(todo!).getByRole('button', { name: /Complete/ }));
    expect(onComplete).toHaveBeenCalledWith(expect.objectContaining({ id: 'A1' }));
  });
});

describe('AgingTable', () => {
  it('drills down from an amount to its account manager and bucket', async () => {
    const onDrill = vi.fn();
    const r = (id: string | null, notDue: string, over90: string) => ({ accountManager: id ? { id, fullName: id } : null, currency: 'EUR', notDue, days1To30: '0', days31To60: '0', days61To90: '0', over90, total: (Number(notDue) + Number(over90)).toFixed(2) });
    render(<AgingTable currency="EUR" onDrill={onDrill} rows={[r('Anna', '10.00', '5.00'), r(null, '0', '1.00')]} />);
    await userEvent.setup().click(screen.getByRole('button', { name: /^Anna, Over 90 days/ }));
    expect(onDrill).toHaveBeenCalledWith({ accountManagerId: 'Anna', bucket: 'over90', currency: 'EUR' });
    expect(within(screen.getByTestId('aging-total')).getByText(/16\.00/)).toBeInTheDocument();
  });
});
