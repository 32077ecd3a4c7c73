import { describe, it, expect, vi } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient, Wrapper, type Handler } from '../test/mockClient';
import { TestSessionProvider, type Viewer } from '../app/session';
import { PortfolioPage } from './PortfolioPage';
import { InvoicesPage } from './InvoicesPage';

const viewer = (role: 'ADMIN' | 'MANAGER' | 'MEMBER'): Viewer => ({
  kind: 'MEMBER',
  member: { id: 'M1', email: 'anna@x.example', firstName: 'Anna', lastName: 'Berg', fullName: 'Anna Berg', role, isAccountManager: true, isActive: true, language: 'en', standardMessage: '' },
  contact: null,
  organization: { id: 'O1', name: 'Northwind', languages: ['en'] },
} as Viewer);

function renderAs(role: 'ADMIN' | 'MANAGER' | 'MEMBER', el: React.ReactNode, handlers: Record<string, Handler>, route = '/') {
  const mock = createMockClient({
    AssignableMembers: () => ({ data: { members: { edges: [
      { node: { id: 'M1', fullName: 'Anna Berg', email: 'a@x', isAccountManager: true, isActive: true, role: 'MEMBER' } },
      { node: { id: 'M2', fullName: 'Ben Carter', email: 'b@x', isAccountManager: true, isActive: true, role: 'MEMBER' } },
    ] } } }),
    ...handlers,
  });
  render(<Wrapper client={mock.client} route={route}><TestSessionProvider viewer={viewer(role)}>{el}</TestSessionProvider></Wrapper>);
  return mock;
}

const portfolio = (name: string) => ({ data: { portfolio: { member: { id: 'M2', fullName: name }, rows: [
  { customer: { id: 'K1', name: 'Aurora' }, openInvoices: 1, open: [{ currency: 'EUR', amount: '10.000' }], overdue: [], lastContactActivityAt: null },
] } } });

describe('PortfolioPage', () => {
  it('a MEMBER sees their own portfolio and no picker', async () => {
    const mock = renderAs('MEMBER', <PortfolioPage />, { Portfolio: () => portfolio('Anna Berg') });
    await screen.findByText('Aurora');
    expect(screen.queryByLabelText('Account manager')).toBeNull();
    expect(mock.callsOf('Portfolio')[0]!.variables).toEqual({ memberId: 'M1' });
    expect(screen.getByText(/EUR\s?10\.00/)).toBeInTheDocument();
  });

  it('a MANAGER picks another account manager', async () => {
    const mock = renderAs('MANAGER', <PortfolioPage />, { Portfolio: () => portfolio('Ben Carter') });
    const picker = await screen.findByLabelText('Account manager');
    await screen.findByRole('option', { name: 'Ben Carter' });
    await userEvent.setup().selectOptions(picker, 'M2');
    await waitFor(() => expect(mock.callsOf('Portfolio').at(-1)!.variables).toEqual({ memberId: 'M2' }));
    expect(await screen.findByText(/Ben Carter's customers/)).toBeInTheDocument();
  });
});

const inv = {
  id: 'I1', number: 'INV-1', amount: '100.000', currency: 'DKK', issuedOn: '2026-10-01', dueOn: '2026-11-01', status: 'OPEN', paidAmount: '0.000',
  openAmount: '100.000', paused: false, pausedReason: '', opened: true, firstOpenedAt: '2026-11-02T10:00:00Z', hasPdf: false, pdfUrl: null,
  customer: { id: 'K1', name: 'Aurora' },
};

describe('InvoicesPage', () => {
  it('shows totals per currency and records a payment on an invoice', async () => {
    const user = userEvent.setup();
    const mock = renderAs('MEMBER', <InvoicesPage />, {
      Invoices: () => ({ data: { invoices: { totalCount: 1, totals: [{ currency: 'DKK', amount: '100.000', paid: '0.000', open: '100.000', count: 1 }], pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: inv }] } } }),
      RecordPayment: () => ({ data: { recordPayment: { invoice: { ...inv, status: 'PARTIALLY_PAID' }, errors: [] } } }),
    }, '/invoices?overdue=1');
    const row = await screen.findByTestId('invoice-row');
    expect(mock.callsOf('Invoices')[0]!.variables).toMatchObject({ overdue: true, status: null });
    expect(screen.getByTestId('invoice-totals')).toHaveTextContent(/DKK\s?100\.00/);
    expect(within(row).getByText('Overdue')).toBeInTheDocument();
    expect(within(row).getByText('Yes')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Actions for invoice INV-1' }));
    await user.click(screen.getByRole('menuitem', { name: 'Record payment' }));
    const dialog = screen.getByRole('dialog', { name: 'Record payment: invoice INV-1' });
    expect(within(dialog).getByLabelText('Amount (DKK)')).toHaveValue('100.00');
    await user.clear(within(dialog).getByLabelText('Amount (DKK)'));
    await user.type(within(dialog).getByLabelText('Amount (DKK)'), '40.5');
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(mock.callsOf('RecordPayment')[0]!.variables).toMatchObject({ input: { invoiceId: 'I1', amount: '40.5', note: '' } });
    await screen.findByText('Payment recorded on INV-1.');
  });

  it('deletes an invoice without payments after a confirmation, and shows why the server refused another', async () => {
    const user = userEvent.setup();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const voided = { ...inv, id: 'I2', number: 'INV-2', status: 'VOID', openAmount: '0.000' };
    const paid = { ...inv, id: 'I3', number: 'INV-3', status: 'PAID', paidAmount: '100.000', openAmount: '0.000' };
    let answer: object = { data: { deleteInvoice: { deletedInvoiceId: null, errors: [{ code: 'REMINDED', field: 'invoiceId', message: 'A reminder about invoice INV-1 was sent to the customer, so it cannot be deleted: void it instead.' }] } } };
    const mock = renderAs('ADMIN', <InvoicesPage />, {
      Invoices: () => ({ data: { invoices: { totalCount: 3, totals: [], pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: inv }, { node: voided }, { node: paid }] } } }),
      DeleteInvoice: () => answer,
    });
    const rows = await screen.findAllByTestId('invoice-row');
    // a paid invoice has nothing left to do: no menu at all (it is voided, never deleted)
    expect(within(rows[2]!).queryByRole('button', { name: 'Actions for invoice INV-3' })).toBeNull();
    await user.click(within(rows[0]!).getByRole('button', { name: 'Actions for invoice INV-1' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete invoice' }));
    expect(confirm).toHaveBeenCalledWith('Delete invoice INV-1 and its PDF? This cannot be undone.');
    expect(mock.callsOf('DeleteInvoice')[0]!.variables).toEqual({ input: { invoiceId: 'I1' } });
    await screen.findByText(/cannot be deleted: void it instead/);

    // a void invoice without payments: only Delete is offered
    answer = { data: { deleteInvoice: { deletedInvoiceId: 'I2', errors: [] } } };
    await user.click(within(rows[1]!).getByRole('button', { name: 'Actions for invoice INV-2' }));
    expect(screen.getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Delete invoice']);
    await user.click(screen.getByRole('menuitem', { name: 'Delete invoice' }));
    await screen.findByText('Invoice INV-2 deleted.');
    expect(mock.callsOf('DeleteInvoice')[1]!.variables).toEqual({ input: { invoiceId: 'I2' } });
    // cancelled in the confirmation: nothing sent
    confirm.mockReturnValue(false);
    await user.click(within(rows[0]!).getByRole('button', { name: 'Actions for invoice INV-1' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete invoice' }));
    expect(mock.callsOf('DeleteInvoice')).toHaveLength(2);
    confirm.mockRestore();
  });

  it('filters on opened or not through the URL', async () => {
    const user = userEvent.setup();
    const empty = { data: { invoices: { totalCount: 0, totals: [], pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } };
    const mock = renderAs('MEMBER', <InvoicesPage />, { Invoices: () => empty }, '/invoices?opened=0');
    await screen.findByText('No invoices match');
    expect(mock.callsOf('Invoices')[0]!.variables).toMatchObject({ opened: false });
    expect(screen.getByLabelText('Opened in the hub')).toHaveValue('0');
    await user.selectOptions(screen.getByLabelText('Opened in the hub'), '1');
    await waitFor(() => expect(mock.callsOf('Invoices').at(-1)!.variables).toMatchObject({ opened: true }));
    await user.selectOptions(screen.getByLabelText('Opened in the hub'), '');
    await waitFor(() => expect(mock.callsOf('Invoices').at(-1)!.variables).toMatchObject({ opened: null }));
    await screen.findByText('No invoices yet');
  });
});

import { CreateInvoiceDialog } from './CreateInvoiceDialog';

describe('CreateInvoiceDialog', () => {
  it('checks the form before sending, then creates with the upper-cased currency and shows the server\'s field errors', async () => {
    const user = userEvent.setup();
    let answer: object = { data: { createInvoice: { invoice: null, errors: [{ code: 'DUPLICATE', field: 'number', message: 'Invoice INV-9 exists.' }] } } };
    const mock = renderAs('MEMBER', <CreateInvoiceDialog onClose={() => {}} onCreated={() => {}} />, {
      InvoiceCustomers: () => ({ data: { customers: { totalCount: 1, edges: [{ node: { id: 'K1', name: 'Aurora' } }] } } }),
      CreateInvoice: () => answer,
    });
    await screen.findByRole('option', { name: 'Aurora' });
    await user.click(screen.getByRole('button', { name: 'Create invoice' }));
    expect(screen.getByText('Choose the customer.')).toBeInTheDocument();
    expect(mock.callsOf('CreateInvoice')).toHaveLength(0);
    await user.selectOptions(screen.getByLabelText('Customer'), 'K1');
    await user.type(screen.getByLabelText('Invoice number'), 'INV-9');
    await user.type(screen.getByLabelText('Amount'), '99.5');
    await user.clear(screen.getByLabelText('Currency'));
    await user.type(screen.getByLabelText('Currency'), 'dkk');
    await user.click(screen.getByRole('button', { name: 'Create invoice' }));
    expect(mock.callsOf('CreateInvoice')[0]!.variables).toMatchObject({ input: { customerId: 'K1', number: 'INV-9', amount: '99.5', currency: 'DKK' } });
    await screen.findByText('Invoice INV-9 exists.');
    answer = { data: { createInvoice: { invoice: { id: 'I9', number: 'INV-9' }, errors: [] } } };
  });
});
