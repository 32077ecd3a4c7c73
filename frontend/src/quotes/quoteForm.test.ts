import { describe, it, expect } from 'vitest';
import { draftToInput, emptyDraft, parseAmount, validateDraft, type QuoteDraft } from './quoteForm';

const today = new Date(2026, 11, 3, 10, 0);
const valid = (p: Partial<QuoteDraft> = {}): QuoteDraft => ({
  ...emptyDraft('C1'),
  pdf: { uploadId: 'U1', name: 'Q-1001.pdf', contentType: 'application/pdf', uploading: false },
  number: 'Q-1001',
  title: 'Fit-out, 3rd floor',
  ...p,
});

describe('validateDraft', () => {
  it('accepts a complete draft', () => {
    expect(validateDraft(valid(), today)).toEqual({});
  });

  it('asks for customer, PDF, number and title on an empty form', () => {
    const e = validateDraft(emptyDraft(), today);
    expect(Object.keys(e).sort()).toEqual(['customerId', 'number', 'pdf', 'title']);
  });

  it('needs the contact for one contact, a password of 10+ for a public link', () => {
    expect(validateDraft(valid({ visibility: 'ONE_CONTACT' }), today).contactId).toMatch(/contact/);
    expect(validateDraft(valid({ visibility: 'ONE_CONTACT', contactId: 'K1' }), today)).toEqual({});
    expect(validateDraft(valid({ visibility: 'PUBLIC_LINK', linkPassword: 'short' }), today).linkPassword).toMatch(/10 characters/);
    expect(validateDraft(valid({ visibility: 'PUBLIC_LINK', linkPassword: 'long enough' }), today)).toEqual({});
    // The password does not matter for the other modes.
    expect(validateDraft(valid({ visibility: 'ALL_CONTACTS', linkPassword: 'x' }), today)).toEqual({});
  });

  it('keeps the link within the quote and in the future', () => {
    const link = { visibility: 'PUBLIC_LINK' as const, linkPassword: 'long enough' };
    expect(validateDraft(valid({ ...link, linkExpiresOn: '2026-12-03' }), today).linkExpiresOn).toMatch(/past today/);
    expect(validateDraft(valid({ ...link, expiresOn: '2026-12-20', linkExpiresOn: '2026-12-21' }), today).linkExpiresOn).toMatch(/outlive/);
    expect(validateDraft(valid({ ...link, expiresOn: '2026-12-20', linkExpiresOn: '2026-12-20' }), today)).toEqual({});
  });

  it('refuses a quote that is not a PDF, or still uploading', () => {
    expect(validateDraft(valid({ pdf: { uploadId: 'U1', name: 'quote.docx', contentType: 'application/msword', uploading: false } }), today).pdf).toMatch(/must be a PDF/);
    expect(validateDraft(valid({ pdf: { uploadId: null, name: 'q.pdf', contentType: 'application/pdf', uploading: true } }), today).pdf).toMatch(/finish uploading/);
    expect(validateDraft(valid({ pdf: { uploadId: null, name: 'q.pdf', contentType: 'application/pdf', uploading: false, error: 'Quota full.' } }), today).pdf).toBe('Quota full.');
    expect(validateDraft(valid({ attachments: [{ uploadId: null, name: 'a.xlsx', uploading: true }] }), today).attachments).toMatch(/finish/);
  });

  it('checks the amount and wants a currency code with it', () => {
    expect(validateDraft(valid({ amount: '12.345' }), today).amount).toBeDefined();
    expect(validateDraft(valid({ amount: 'ten' }), today).amount).toBeDefined();
    expect(validateDraft(valid({ amount: '1250', currency: 'eu' }), today).currency).toMatch(/three-letter/);
    expect(validateDraft(valid({ amount: '1250', currency: 'dkk' }), today)).toEqual({});
    expect(validateDraft(valid({ amount: '', currency: '' }), today)).toEqual({}); // no amount: no currency needed
  });

  it('checks dates and reminder days against each other', () => {
    expect(validateDraft(valid({ expiresOn: '2026-12-03' }), today).expiresOn).toMatch(/after today/);
    expect(validateDraft(valid({ remindUnopenedDays: '0' }), today).remindUnopenedDays).toMatch(/1 to 365/);
    expect(validateDraft(valid({ remindUnacceptedDays: '2.5' }), today).remindUnacceptedDays).toBeDefined();
    expect(validateDraft(valid({ remindBeforeExpiryDays: '3' }), today).remindBeforeExpiryDays).toMatch(/expiry date/);
    expect(validateDraft(valid({ expiresOn: '2026-12-08', remindBeforeExpiryDays: '5' }), today).remindBeforeExpiryDays).toMatch(/expires in 5 days/);
    expect(validateDraft(valid({ expiresOn: '2026-12-08', remindBeforeExpiryDays: '4' }), today)).toEqual({});
    expect(validateDraft(valid({ removeAfterDays: '30' }), today).removeAfterDays).toMatch(/expiry date/);
    expect(validateDraft(valid({ expiresOn: '2027-01-31', removeAfterDays: '30', remindUnopenedDays: '3', remindUnacceptedDays: '7' }), today)).toEqual({});
  });
});

describe('parseAmount', () => {
  it('reads dot or comma decimals and thousands separators', () => {
    expect(parseAmount('1250')).toBe('1250');
    expect(parseAmount('1250,5')).toBe('1250.5');
    expect(parseAmount('1,250.50')).toBe('1250.50');
    expect(parseAmount('1 250,50')).toBe('1250.50');
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('-5')).toBe('bad');
  });
});

describe('draftToInput', () => {
  it('sends numbers for days, nulls for what is off, the contact only for one contact', () => {
    const input = draftToInput(valid({ amount: '1 250,50', currency: 'dkk', remindUnopenedDays: '3', expiresOn: '2027-01-31', contactId: 'K1', attachments: [{ uploadId: 'U2', name: 'spec.xlsx', uploading: false }] }));
    expect(input).toMatchObject({
      customerId: 'C1', number: 'Q-1001', amount: '1250.50', currency: 'DKK', visibility: 'ALL_CONTACTS', contactId: null,
      uploadId: 'U1', attachmentUploadIds: ['U2'], remindUnopenedDays: 3, remindUnacceptedDays: null, expiresOn: '2027-01-31',
      notifyOnPublish: true,
    });
    expect(draftToInput(valid({ amount: '' })).currency).toBeNull();
    // Nobody to email for a public link: the rep hands the link over themselves.
    expect(draftToInput(valid({ visibility: 'PUBLIC_LINK', linkPassword: 'long enough' })).notifyOnPublish).toBe(false);
  });
});
