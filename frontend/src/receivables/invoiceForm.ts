/** The create-invoice and record-payment forms' checks (the server checks again; these place errors by field). */
import { minorUnits, validAmount } from './money';

export interface InvoiceDraft { customerId: string; number: string; amount: string; currency: string; issuedOn: string; dueOn: string }
export type InvoiceErrors = Partial<Record<keyof InvoiceDraft, string>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function validateInvoice(d: InvoiceDraft): InvoiceErrors {
  const e: InvoiceErrors = {};
  if (!d.customerId) e.customerId = 'Choose the customer.';
  if (!d.number.trim()) e.number = 'The invoice number is required.';
  else if (d.number.trim().length > 64) e.number = 'At most 64 characters.';
  const currency = d.currency.trim().toUpperCase();
  const okCurrency = /^[A-Z]{3}$/.test(currency);
  if (!okCurrency) e.currency = 'A three-letter currency code, e.g. EUR.';
  const places = okCurrency ? minorUnits(currency) : 2;
  // Refused rather than rounded, as the server does: 12.345 EUR is a typing error, not 12.35.
  if (!validAmount(d.amount, places)) e.amount = places === 0 ? `A positive whole amount (${currency} has no decimals).` : `A positive amount with at most ${places} decimals, e.g. 1250.00.`;
  if (!validDate(d.issuedOn)) e.issuedOn = 'Pick the issue date.';
  if (!validDate(d.dueOn)) e.dueOn = 'Pick the due date.';
  else if (validDate(d.issuedOn) && d.dueOn < d.issuedOn) e.dueOn = 'The due date cannot be before the issue date.';
  return e;
}

/** `today` plus `days`, as YYYY-MM-DD (default due date: 30 days net). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface PaymentDraft { amount: string; paidOn: string; note: string }

/** A payment is positive and dated; paying more than is open is allowed (the invoice shows as paid) but warned. */
export function validatePayment(p: PaymentDraft, currency: string): Partial<Record<keyof PaymentDraft, string>> {
  const e: Partial<Record<keyof PaymentDraft, string>> = {};
  const places = minorUnits(currency);
  if (!validAmount(p.amount, places)) e.amount = `A positive amount with at most ${places} decimals.`;
  if (!validDate(p.paidOn)) e.paidOn = 'Pick the payment date.';
  if (p.note.length > 300) e.note = 'At most 300 characters.';
  return e;
}

export const STATUS_LABELS: Record<string, { label: string; badge: string }> = {
  OPEN: { label: 'Open', badge: 'badge-accent' },
  PARTIALLY_PAID: { label: 'Partially paid', badge: 'badge-warning' },
  PAID: { label: 'Paid', badge: 'badge-success' },
  VOID: { label: 'Void', badge: '' },
};

/** The status chip of an invoice: overdue wins over open/partially paid once the due date has passed. */
export function invoiceChip(inv: { status: string; dueOn: string; paused?: boolean }, today: string): { label: string; badge: string } {
  if (inv.paused && (inv.status === 'OPEN' || inv.status === 'PARTIALLY_PAID')) return { label: 'Paused', badge: 'badge-soft' };
  if ((inv.status === 'OPEN' || inv.status === 'PARTIALLY_PAID') && inv.dueOn < today) return { label: 'Overdue', badge: 'badge-danger' };
  return STATUS_LABELS[inv.status] ?? { label: inv.status, badge: '' };
}
