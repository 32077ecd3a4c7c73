import { describe, it, expect } from 'vitest';
import { addDays, invoiceChip, validateInvoice, validatePayment } from './invoiceForm';

const ok = { customerId: 'K1', number: 'INV-1', amount: '1250.00', currency: 'EUR', issuedOn: '2026-12-01', dueOn: '2026-12-31' };

describe('invoice form', () => {
  it('accepts a complete invoice and places each error on its field', () => {
    expect(validateInvoice(ok)).toEqual({});
    expect(validateInvoice({ customerId: '', number: ' ', amount: '12.345', currency: 'EURO', issuedOn: '2026-02-30', dueOn: '2026-12-31' })).toEqual({
      customerId: 'Choose the customer.', number: 'The invoice number is required.',
      amount: 'A positive amount with at most 2 decimals, e.g. 1250.00.', currency: 'A three-letter currency code, e.g. EUR.',
      issuedOn: 'Pick the issue date.',
    });
    expect(validateInvoice({ ...ok, dueOn: '2026-11-30' }).dueOn).toBe('The due date cannot be before the issue date.');
    expect(validateInvoice({ ...ok, currency: 'dkk' })).toEqual({});
    expect(validateInvoice({ ...ok, currency: 'JPY', amount: '1250.5' }).amount).toBe('A positive whole amount (JPY has no decimals).');
    expect(validateInvoice({ ...ok, currency: 'KWD', amount: '1.125' })).toEqual({});
  });

  it('checks payments', () => {
    expect(validatePayment({ amount: '10', paidOn: '2026-12-03', note: '' }, 'EUR')).toEqual({});
    expect(Object.keys(validatePayment({ amount: '0', paidOn: '', note: 'x'.repeat(301) }, 'EUR'))).toEqual(['amount', 'paidOn', 'note']);
  });

  it('adds days across month ends and shows overdue, paused and final states', () => {
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(invoiceChip({ status: 'OPEN', dueOn: '2026-12-01' }, '2026-12-03').label).toBe('Overdue');
    expect(invoiceChip({ status: 'PARTIALLY_PAID', dueOn: '2026-12-05' }, '2026-12-03').label).toBe('Partially paid');
    expect(invoiceChip({ status: 'OPEN', dueOn: '2026-12-01', paused: true }, '2026-12-03').label).toBe('Paused');
    expect(invoiceChip({ status: 'PAID', dueOn: '2026-12-01' }, '2026-12-03').label).toBe('Paid');
  });
});
