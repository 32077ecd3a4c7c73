import { describe, it, expect, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HubInvoiceList, type HubInvoice } from './HubInvoiceList';
import { hubStrings } from '../i18n';

const inv = (p: Partial<HubInvoice>): HubInvoice => ({
  id: 'I', number: '1', amount: '100.00', openAmount: '100.00', currency: 'DKK', issuedOn: '2026-11-01', dueOn: '2026-12-01', status: 'OPEN', hasPdf: true, ...p,
});

describe('HubInvoiceList', () => {
  it('shows status words in the hub language, outstanding totals per currency, and opens a PDF', async () => {
    const onOpen = vi.fn();
    const t = hubStrings('da').invoices;
    render(<HubInvoiceList t={t} locale="da" today="2026-12-03" onOpen={onOpen} invoices={[
      inv({ id: 'A', number: 'F-1' }),                                                   // due 1 Dec: overdue
      inv({ id: 'B', number: 'F-2', dueOn: '2026-12-20', status: 'PARTIALLY_PAID', openAmount: '40.50' }),
      inv({ id: 'C', number: 'F-3', currency: 'EUR', amount: '10.00', openAmount: '10.00', dueOn: '2027-01-01', hasPdf: false }),
      inv({ id: 'D', number: 'F-4', status: 'VOID', openAmount: '0.00' }),
    ]} />);
    const rows = screen.getAllByTestId('hub-invoice');
    expect(within(rows[0]!).getByText('Forfalden')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Delvist betalt')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Ingen PDF')).toBeInTheDocument();
    expect(within(rows[3]!).getByText('Annulleret')).toBeInTheDocument();
    const total = screen.getByTestId('hub-invoices-total').textContent!;
    expect(total).toMatch(/140,50/);
    expect(total).toMatch(/EUR/);
    await userEvent.setup().click(within(rows[0]!).getByRole('button', { name: /Åbn PDF/ }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'A' }));
  });
});
