import { describe, it, expect } from 'vitest';
import { QUOTE_STATUSES, daysUntil, expiryNote, filtersToParams, formatAmount, hasFilters, parseQuoteFilters, statusChip } from './status';

describe('statusChip', () => {
  it('names every status with its own tone: won green, lost red, expired amber, archived grey', () => {
    expect(statusChip('ACCEPTED')).toMatchObject({ label: 'Accepted', tone: 'success' });
    expect(statusChip('DECLINED')).toMatchObject({ label: 'Declined', tone: 'danger' });
    expect(statusChip('EXPIRED')).toMatchObject({ label: 'Expired', tone: 'warning' });
    expect(statusChip('ARCHIVED')).toMatchObject({ label: 'Archived', tone: 'muted' });
    expect(statusChip('DRAFT').tone).toBe('neutral');
    expect(statusChip('SENT').tone).toBe('info');
    expect(statusChip('OPENED').tone).toBe('progress');
    expect(statusChip('DOWNLOADED').tone).toBe('progress');
    for (const s of QUOTE_STATUSES) expect(statusChip(s).hint).not.toBe('');
  });

  it('shows a status it does not know in words instead of failing', () => {
    expect(statusChip('PARTLY_PAID')).toEqual({ label: 'Partly paid', tone: 'neutral', hint: '' });
  });
});

describe('expiry', () => {
  const today = new Date(2026, 11, 3, 15, 30); // late in the day: counts calendar days, not 24 h spans
  it('counts calendar days to the expiry date', () => {
    expect(daysUntil('2026-12-03', today)).toBe(0);
    expect(daysUntil('2026-12-04', today)).toBe(1);
    expect(daysUntil('2027-01-02', today)).toBe(30);
    expect(daysUntil('2026-12-01', today)).toBe(-2);
    expect(daysUntil(null, today)).toBeNull();
  });

  it('notes a near expiry only while the customer can still act', () => {
    expect(expiryNote('SENT', '2026-12-04', today)).toBe('Expires tomorrow');
    expect(expiryNote('OPENED', '2026-12-08', today)).toBe('Expires in 5 days');
    expect(expiryNote('DOWNLOADED', '2026-12-03', today)).toBe('Expires today');
    expect(expiryNote('SENT', '2026-12-31', today)).toBeNull(); // far away
    expect(expiryNote('ACCEPTED', '2026-12-04', today)).toBeNull();
    expect(expiryNote('DRAFT', '2026-12-04', today)).toBeNull();
    expect(expiryNote('SENT', null, today)).toBeNull();
  });
});

describe('list filters in the URL', () => {
  it('round-trips every filter and keeps unrelated parameters', () => {
    const f = { status: 'OPENED' as const, customerId: 'C1', senderId: 'M2', notOpenedForDays: 7 };
    const p = filtersToParams(f, new URLSearchParams('q=abc'));
    expect(p.get('q')).toBe('abc');
    expect(parseQuoteFilters(p)).toEqual(f);
    expect(hasFilters(f)).toBe(true);
  });

  it('drops what the server would refuse: an unknown status, a day count that is not a positive number', () => {
    const f = parseQuoteFilters(new URLSearchParams('status=WON&notOpened=-3&customer=&sender=M1'));
    expect(f).toEqual({ status: null, customerId: null, senderId: 'M1', notOpenedForDays: null });
    expect(parseQuoteFilters(new URLSearchParams('notOpened=0')).notOpenedForDays).toBeNull();
    expect(parseQuoteFilters(new URLSearchParams('notOpened=abc')).notOpenedForDays).toBeNull();
    expect(hasFilters(parseQuoteFilters(new URLSearchParams('')))).toBe(false);
  });

  it('clears a filter set to nothing', () => {
    const p = filtersToParams({ status: null, customerId: null, senderId: null, notOpenedForDays: null }, new URLSearchParams('status=SENT&notOpened=3'));
    expect(p.toString()).toBe('');
  });
});

describe('formatAmount', () => {
  it('formats a decimal string with its currency code, empty without an amount', () => {
    expect(formatAmount('1250.5', 'EUR', 'en-US')).toBe('EUR\u00a01,250.50');
    expect(formatAmount('1250.5', null, 'en-US')).toBe('1,250.50');
    expect(formatAmount(null, 'EUR')).toBe('');
    expect(formatAmount('12', 'XX1', 'en-US')).toBe('12.00 XX1');
  });
});
