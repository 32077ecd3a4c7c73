import { describe, it, expect } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient, Wrapper } from '../test/mockClient';
import { ReportsPage } from './ReportsPage';

const row = (id: string | null, currency: string, notDue: string, over90: string) => ({
  accountManager: id ? { id, fullName: id } : null, currency, notDue, days1To30: '0.000', days31To60: '0.000', days61To90: '0.000', over90,
  total: (Number(notDue) + Number(over90)).toFixed(3), invoiceCount: 2,
});

describe('ReportsPage', () => {
  it('shows one currency at a time and drills down with the API\'s bucket and the account manager', async () => {
    const user = userEvent.setup();
    const mock = createMockClient({
      AgingReport: () => ({ data: { agingReport: [row('Anna', 'EUR', '10.000', '5.000'), row('Anna', 'DKK', '1.000', '0.000'), row(null, 'EUR', '0.000', '2.000')] } }),
      AgingInvoices: () => ({ data: { agingInvoices: { totalCount: 1, edges: [{ node: {
        invoiceId: 'I1', number: 'INV-1', currency: 'EUR', amount: '5.000', openAmount: '5.000', dueOn: '2026-08-01', daysOverdue: 124, opened: false, firstOpenedAt: null, customerId: 'K1', customerName: 'Aurora',
      } }] } } }),
      ActionsReport: () => ({ data: { actionsReport: [{ accountManager: { id: 'Anna', fullName: 'Anna' }, todo: 2, done: 3 }] } }),
    });
    render(<Wrapper client={mock.client} route="/reports"><ReportsPage /></Wrapper>);
    // currencies in alphabetical order: DKK first, one row; then EUR
    expect(within(await screen.findByTestId('aging-table')).getAllByRole('row')).toHaveLength(2);
    await user.selectOptions(screen.getByLabelText('Currency'), 'EUR');
    const table = screen.getByTestId('aging-table');
    expect(within(table).getAllByRole('row')).toHaveLength(4); // head, Anna, no account manager, total
    expect(within(screen.getByTestId('aging-total')).getByText(/EUR\s?17\.00/)).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: /^No account manager, Over 90 days/ }));
    await waitFor(() => expect(mock.callsOf('AgingInvoices')[0]!.variables).toMatchObject({ accountManagerId: null, bucket: 'OVER_90', currency: 'EUR' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invoices: Over 90 days, EUR' });
    expect(within(dialog).getByText('124')).toBeInTheDocument();
    expect(within(dialog).getByText('No')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.getByTestId('actions-report')).toHaveTextContent(/Anna\s*2\s*3/);
  });
});
