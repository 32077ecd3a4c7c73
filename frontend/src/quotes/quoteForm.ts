/**
 * The "Send quote" form's state, its checks before anything is sent, and the input it becomes. The server
 * validates everything again (its errors are shown in place by field name); checking here saves a round trip
 * and says precisely what is missing while the rep types.
 */

export type Visibility = 'ONE_CONTACT' | 'ALL_CONTACTS' | 'PUBLIC_LINK';

export interface QuoteDraft {
  customerId: string | null;
  visibility: Visibility;
  contactId: string | null;
  linkPassword: string;
  /** ISO date; empty = the link lasts as long as the quote. */
  linkExpiresOn: string;
  /** The quote PDF once uploaded (POST /uploads). */
  pdf: { uploadId: string | null; name: string; contentType: string; uploading: boolean; error?: string } | null;
  attachments: { uploadId: string | null; name: string; uploading: boolean; error?: string }[];
  number: string;
  title: string;
  amount: string;
  currency: string;
  message: string;
  /** The language of the emails about the quote (publish, reminders, code); the hub shows the contact's own. */
  language: string;
  notifyOnPublish: boolean;
  /** Reminder days as typed; empty = that reminder is off. */
  remindUnopenedDays: string;
  remindUnacceptedDays: string;
  remindBeforeExpiryDays: string;
  expiresOn: string;
  removeAfterDays: string;
}

export const emptyDraft = (customerId: string | null = null, language = 'en'): QuoteDraft => ({
  customerId,
  visibility: 'ALL_CONTACTS',
  contactId: null,
  linkPassword: '',
  linkExpiresOn: '',
  pdf: null,
  attachments: [],
  number: '',
  title: '',
  amount: '',
  currency: 'EUR',
  message: '',
  language,
  notifyOnPublish: true,
  remindUnopenedDays: '',
  remindUnacceptedDays: '',
  remindBeforeExpiryDays: '',
  expiresOn: '',
  removeAfterDays: '',
});

export type DraftErrors = Partial<Record<keyof QuoteDraft, string>>;

// The server's rule for every password (validation.MIN_PASSWORD_LENGTH).
export const MIN_LINK_PASSWORD = 10;
const MAX_DAYS = 365;

/** Local calendar date as YYYY-MM-DD (what <input type="date"> gives). */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function dayCount(v: string): number | null | 'bad' {
  const s = v.trim();
  if (!s) return null;
  if (!/^\d+$/.test(s)) return 'bad';
  const n = Number(s);
  return n >= 1 && n <= MAX_DAYS ? n : 'bad';
}

/** Decimal with at most two decimals, dot or comma as separator; null = empty, 'bad' = not a valid amount. */
export function parseAmount(v: string): string | null | 'bad' {
  const s = v.trim().replace(/[\s\u00a0']/g, '');
  if (!s) return null;
  // A comma is a decimal separator only when there is no dot ("1250,50"); "1,250.50" keeps the dot.
  const norm = s.includes('.') ? s.replace(/,/g, '') : s.replace(',', '.');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(norm)) return 'bad';
  return norm;
}

export function validateDraft(d: QuoteDraft, today: Date = new Date()): DraftErrors {
  const e: DraftErrors = {};
  const todayIso = isoDay(today);
  if (!d.customerId) e.customerId = 'Choose the customer the quote is for.';
  if (d.visibility === 'ONE_CONTACT' && !d.contactId) e.contactId = 'Choose the contact who receives the quote.';
  if (d.visibility === 'PUBLIC_LINK') {
    if (d.linkPassword.length < MIN_LINK_PASSWORD) e.linkPassword = `The link's password needs at least ${MIN_LINK_PASSWORD} characters.`;
    if (d.linkExpiresOn && d.linkExpiresOn <= todayIso) e.linkExpiresOn = 'The link must stay open past today.';
    else if (d.linkExpiresOn && d.expiresOn && d.linkExpiresOn > d.expiresOn) e.linkExpiresOn = 'The link cannot outlive the quote: pick a date on or before the quote expires.';
  }
  if (!d.pdf) e.pdf = 'Add the quote as a PDF.';
  else if (d.pdf.error) e.pdf = d.pdf.error;
  else if (!/pdf$/i.test(d.pdf.contentType) && !/\.pdf$/i.test(d.pdf.name)) e.pdf = 'The quote must be a PDF (attachments can be any file).';
  else if (d.pdf.uploading) e.pdf = 'Wait for the PDF to finish uploading.';
  if (d.attachments.some((a) => a.uploading)) e.attachments = 'Wait for the attachments to finish uploading.';
  else if (d.attachments.some((a) => a.error)) e.attachments = 'Remove the attachments that failed to upload.';
  if (!d.number.trim()) e.number = 'Give the quote a number (unique in your organization).';
  else if (d.number.trim().length > 64) e.number = 'Keep the number within 64 characters.';
  if (!d.title.trim()) e.title = 'Give the quote a title.';
  else if (d.title.trim().length > 200) e.title = 'Keep the title within 200 characters.';
  const amount = parseAmount(d.amount);
  if (amount === 'bad') e.amount = 'Write the amount as a number with at most two decimals, e.g. 1250.00.';
  if (amount && amount !== 'bad' && !/^[A-Z]{3}$/.test(d.currency.trim().toUpperCase())) e.currency = 'Use a three-letter currency code, e.g. EUR.';
  if (d.expiresOn && d.expiresOn <= todayIso) e.expiresOn = 'The expiry date must be after today.';
  for (const k of ['remindUnopenedDays', 'remindUnacceptedDays', 'remindBeforeExpiryDays', 'removeAfterDays'] as const) {
    if (dayCount(d[k]) === 'bad') e[k] = `A whole number of days from 1 to ${MAX_DAYS}.`;
  }
  if (!e.remindBeforeExpiryDays && d.remindBeforeExpiryDays.trim()) {
    if (!d.expiresOn) e.remindBeforeExpiryDays = 'Set an expiry date to remind before it.';
    else if (!e.expiresOn) {
      const until = Math.round((Date.parse(`${d.expiresOn}T00:00:00Z`) - Date.parse(`${todayIso}T00:00:00Z`)) / 86_400_000);
      if (Number(d.remindBeforeExpiryDays) >= until) e.remindBeforeExpiryDays = `The quote expires in ${until} day${until === 1 ? '' : 's'}: remind fewer days before.`;
    }
  }
  if (!e.removeAfterDays && d.removeAfterDays.trim() && !d.expiresOn) e.removeAfterDays = 'Removal counts from the expiry date: set one first.';
  if (d.message.length > 5000) e.message = 'Keep the message within 5,000 characters.';
  return e;
}

const days = (v: string) => (v.trim() ? Number(v.trim()) : null);

/** The createQuote input of a valid draft (validateDraft returned no errors). */
export function draftToInput(d: QuoteDraft) {
  const amount = parseAmount(d.amount);
  const link = d.visibility === 'PUBLIC_LINK';
  return {
    customerId: d.customerId!,
    number: d.number.trim(),
    title: d.title.trim(),
    amount: amount && amount !== 'bad' ? amount : null,
    currency: amount && amount !== 'bad' ? d.currency.trim().toUpperCase() : null,
    message: d.message,
    language: d.language,
    visibility: d.visibility,
    contactId: d.visibility === 'ONE_CONTACT' ? d.contactId : null,
    uploadId: d.pdf?.uploadId ?? '',
    attachmentUploadIds: d.attachments.map((a) => a.uploadId).filter((x): x is string => !!x),
    expiresOn: d.expiresOn || null,
    removeAfterDays: days(d.removeAfterDays),
    notifyOnPublish: link ? false : d.notifyOnPublish,
    // Reminders go to hub contacts; a public link has none.
    remindUnopenedDays: link ? null : days(d.remindUnopenedDays),
    remindUnacceptedDays: link ? null : days(d.remindUnacceptedDays),
    remindBeforeExpiryDays: link ? null : days(d.remindBeforeExpiryDays),
  };
}

/** Server field names (createQuote's input, createQuoteLink's) mapped onto the form's fields. */
export const SERVER_FIELD: Record<string, keyof QuoteDraft> = {
  customerId: 'customerId', contactId: 'contactId', visibility: 'visibility', number: 'number', title: 'title',
  amount: 'amount', currency: 'currency', message: 'message', uploadId: 'pdf', attachmentUploadIds: 'attachments',
  expiresOn: 'expiresOn', removeAfterDays: 'removeAfterDays', notifyOnPublish: 'notifyOnPublish',
  remindUnopenedDays: 'remindUnopenedDays', remindUnacceptedDays: 'remindUnacceptedDays',
  remindBeforeExpiryDays: 'remindBeforeExpiryDays', language: 'language', password: 'linkPassword', expiresAt: 'linkExpiresOn',
};

/** A link's expiry date (a day, as picked) as the end of that day in the rep's zone, the instant the server wants. */
export function endOfDayIso(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 23, 59, 59).toISOString();
}
