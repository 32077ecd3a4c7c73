/**
 * A quote's status as staff and contacts see it: the chip's words and colour, and the quotes list's filters as
 * they live in the URL. The server derives the status from the quote's events; this only names it.
 */

export type QuoteStatusValue = 'DRAFT' | 'SENT' | 'OPENED' | 'DOWNLOADED' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'ARCHIVED';

export const QUOTE_STATUSES: readonly QuoteStatusValue[] = ['DRAFT', 'SENT', 'OPENED', 'DOWNLOADED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'ARCHIVED'];

export type ChipTone = 'neutral' | 'info' | 'progress' | 'success' | 'danger' | 'warning' | 'muted';

export interface StatusChipInfo {
  label: string;
  tone: ChipTone;
  /** Why the chip looks as it does, for its title/tooltip. */
  hint: string;
}

const CHIPS: Record<QuoteStatusValue, StatusChipInfo> = {
  DRAFT: { label: 'Draft', tone: 'neutral', hint: 'Not sent yet: the customer cannot see it.' },
  SENT: { label: 'Sent', tone: 'info', hint: 'Published to the customer, not opened yet.' },
  OPENED: { label: 'Opened', tone: 'progress', hint: 'The customer has opened it.' },
  DOWNLOADED: { label: 'Downloaded', tone: 'progress', hint: 'The customer has downloaded the PDF.' },
  ACCEPTED: { label: 'Accepted', tone: 'success', hint: 'Accepted with a confirmed identity; the accepted version is frozen.' },
  DECLINED: { label: 'Declined', tone: 'danger', hint: 'The customer declined it.' },
  EXPIRED: { label: 'Expired', tone: 'warning', hint: 'Past its expiry date: it can no longer be accepted.' },
  ARCHIVED: { label: 'Archived', tone: 'muted', hint: 'Archived: kept with its history, no longer in progress.' },
};

/** Statuses in which the customer can still act (accept or decline). */
export const OPEN_STATUSES: ReadonlySet<string> = new Set(['SENT', 'OPENED', 'DOWNLOADED']);

export function statusChip(status: string): StatusChipInfo {
  // A status this build does not know yet (the server added one) still shows, in neutral.
  return CHIPS[status as QuoteStatusValue] ?? { label: status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, ' '), tone: 'neutral', hint: '' };
}

/** Whole days from `today` to the ISO date `expiresOn` (negative once past); null without an expiry. */
export function daysUntil(expiresOn: string | null | undefined, today: Date = new Date()): number | null {
  if (!expiresOn) return null;
  const [y, m, d] = expiresOn.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return null;
  const end = Date.UTC(y, m - 1, d);
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((end - start) / 86_400_000);
}

/**
 * The line under a chip about the expiry: only while the customer can still act, and only when it is near
 * (within `soonDays`) — an expiry months away is noise in a list.
 */
export function expiryNote(status: string, expiresOn: string | null | undefined, today: Date = new Date(), soonDays = 7): string | null {
  if (!OPEN_STATUSES.has(status)) return null;
  const n = daysUntil(expiresOn, today);
  if (n === null || n > soonDays) return null;
  if (n < 0) return 'Past expiry';
  if (n === 0) return 'Expires today';
  return n === 1 ? 'Expires tomorrow' : `Expires in ${n} days`;
}

export interface QuoteFilters {
  status: QuoteStatusValue | null;
  customerId: string | null;
  senderId: string | null;
  /** "Sent N days ago, not opened". */
  notOpenedForDays: number | null;
}

/** Reads the list's filters from the URL; anything malformed is dropped rather than sent to the server. */
export function parseQuoteFilters(params: URLSearchParams): QuoteFilters {
  const status = params.get('status');
  const days = params.get('notOpened');
  const n = days && /^\d{1,3}$/.test(days) ? Number(days) : null;
  return {
    status: status && (QUOTE_STATUSES as readonly string[]).includes(status) ? (status as QuoteStatusValue) : null,
    customerId: params.get('customer') || null,
    senderId: params.get('sender') || null,
    notOpenedForDays: n !== null && n >= 1 ? n : null,
  };
}

/** The URL form of the filters (the inverse of parseQuoteFilters), keeping unrelated parameters. */
export function filtersToParams(f: QuoteFilters, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  const put = (k: string, v: string | null) => (v ? next.set(k, v) : next.delete(k));
  put('status', f.status);
  put('customer', f.customerId);
  put('sender', f.senderId);
  put('notOpened', f.notOpenedForDays ? String(f.notOpenedForDays) : null);
  return next;
}

export const hasFilters = (f: QuoteFilters) => !!(f.status || f.customerId || f.senderId || f.notOpenedForDays);

/** "1 250,00 DKK"-style amount in the viewer's locale; the amount comes from the server as a decimal string. */
export function formatAmount(amount: string | number | null | undefined, currency: string | null | undefined, locale?: string): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const n = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(n)) return String(amount);
  if (!currency) return n.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  try {
    return n.toLocaleString(locale, { style: 'currency', currency, currencyDisplay: 'code' });
  } catch {
    return `${n.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
  }
}
