import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { NextQuoteNumberQuery, QuoteCustomerPickerQuery, QuoteCustomerQuery } from './operations';
import { QuoteRecipients } from './QuoteRecipients';
import { QUOTE_LANGUAGES, QuoteSchedule } from './QuoteSchedule';
import { FileDrop, UploadRow } from './QuoteFiles';
import { draftToInput, emptyDraft, SERVER_FIELD, validateDraft, type DraftErrors, type QuoteDraft } from './quoteForm';
import { useUploads } from '../share/useUploads';
import { Dialog, FormErrors, InputField, Spinner, TextareaField } from '../ui/components';
import { IconSearch, IconSend } from '../ui/icons';
import { useDebounced } from '../lib/useDebounced';
import type { UserErrorLike } from '../lib/errors';
import './quotes.css';

export type QuoteInput = ReturnType<typeof draftToInput>;
export interface SubmitOptions {
  /** Send now (publish) rather than keep as a draft. */
  publish: boolean;
  /** For a public link: its password and expiry (created with the quote). */
  link: { password: string; expiresOn: string | null } | null;
}
export type SubmitQuote = (input: QuoteInput, options: SubmitOptions) => Promise<{ errors: readonly UserErrorLike[]; quoteId?: string | null; linkUrl?: string | null }>;

/** "Send quote": customer, who sees it, the PDF and attachments, number, title, amount, message, validity,
 *  notifications and reminders. Checked as the rep types; the server's errors land on their fields. */
export function SendQuoteDialog({ onClose, onSubmit, onDone, initialCustomerId, defaults }: {
  defaults?: { language?: string | null; message?: string | null };
  onClose: () => void;
  onSubmit: SubmitQuote;
  onDone: (quoteId: string | null) => void;
  initialCustomerId?: string;
}) {
  // The rep's own language and standard message to start with, as the Send documents dialog does.
  const [draft, setDraft] = useState<QuoteDraft>(() => ({
    ...emptyDraft(initialCustomerId ?? null, QUOTE_LANGUAGES.includes(defaults?.language ?? '') ? defaults!.language! : 'en'),
    message: defaults?.message ?? '',
  }));
  const set = (p: Partial<QuoteDraft>) => setDraft((d) => ({ ...d, ...p }));
  const pdf = useUploads();
  const attachments = useUploads();
  const [search, setSearch] = useState('');
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState<'draft' | 'send' | null>(null);
  // A public link's URL is shown once (the server keeps only its hash): the dialog stays open to show it.
  const [made, setMade] = useState<{ quoteId: string | null; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [partial, setPartial] = useState<string | null>(null);
  const debounced = useDebounced(search.trim(), 200);
  const [picker] = useQuery({ query: QuoteCustomerPickerQuery, variables: { search: debounced || null }, pause: !!draft.customerId });
  const [cust] = useQuery({ query: QuoteCustomerQuery, variables: { id: draft.customerId ?? '' }, pause: !draft.customerId });
  const customer = cust.data?.customer ?? null;
  // The server's suggestion for the number (the newest counted up), until the rep types their own.
  const [suggestion] = useQuery({ query: NextQuoteNumberQuery, requestPolicy: 'network-only' });
  const suggested = suggestion.data?.nextQuoteNumber ?? '';
  useEffect(() => { if (suggested) setDraft((d) => (d.number ? d : { ...d, number: suggested })); }, [suggested]);

  const pdfItem = pdf.items[pdf.items.length - 1];
  const full: QuoteDraft = {
    ...draft,
    pdf: pdfItem ? { uploadId: pdfItem.uploadId ?? null, name: pdfItem.name, contentType: pdfItem.contentType, uploading: pdfItem.status === 'uploading', error: pdfItem.error } : null,
    attachments: attachments.items.map((a) => ({ uploadId: a.uploadId ?? null, name: a.name, uploading: a.status === 'uploading', error: a.error })),
  };
  const local = validateDraft(full);
  // Errors show once the rep tried to send; a server error stays until that field changes.
  const errors: DraftErrors = { ...(tried ? local : {}), ...serverErrors };
  const change = (p: Partial<QuoteDraft>) => {
    set(p);
    setServerErrors((cur) => { const next = { ...cur }; for (const k of Object.keys(p)) delete next[k as keyof QuoteDraft]; return next; });
  };

  async function submit(publish: boolean, e?: FormEvent) {
    e?.preventDefault();
    setTried(true);
    setGeneral([]);
    if (Object.keys(local).length) return;
    setBusy(publish ? 'send' : 'draft');
    try {
      const link = full.visibility === 'PUBLIC_LINK' ? { password: full.linkPassword, expiresOn: full.linkExpiresOn || null } : null;
      const r = await onSubmit(draftToInput(full), { publish, link });
      if (r.errors.length && r.quoteId) {
        // The quote was saved but a later step (its link, publishing) failed: sending again would make a second
        // quote. The rep continues on the quote's page.
        setPartial(r.quoteId);
        setGeneral(r.errors.map((er) => er.message));
        return;
      }
      if (r.errors.length) {
        const byField: DraftErrors = {};
        const rest: string[] = [];
        for (const er of r.errors) {
          const key = er.field ? SERVER_FIELD[er.field.split('.')[0]!] : undefined;
          if (key && !byField[key]) byField[key] = er.message; else rest.push(er.message);
        }
        setServerErrors(byField);
        setGeneral(rest);
        return;
      }
      pdf.reset();
      attachments.reset();
      if (r.linkUrl) setMade({ quoteId: r.quoteId ?? null, url: r.linkUrl });
      else onDone(r.quoteId ?? null);
    } finally {
      setBusy(null);
    }
  }

  if (made) {
    return (
      <Dialog title="Quote ready" onClose={() => onDone(made.quoteId)} footer={<button type="button" className="btn btn-primary" onClick={() => onDone(made.quoteId)}>Open the quote</button>}>
        <div className="stack" data-testid="quote-link-made">
          <p>Send this link to the recipient, and give them the password another way (by phone, for example). Copy it now: for safety it is not shown again.</p>
          <div className="link-row"><span className="url" data-testid="quote-link-url">{made.url}</span>
            <button type="button" className="btn btn-sm" onClick={() => { void navigator.clipboard?.writeText(made.url); setCopied(true); }}>{copied ? 'Copied' : 'Copy link'}</button></div>
        </div>
      </Dialog>
    );
  }

  const footer = partial ? (
    <button type="button" className="btn btn-primary" onClick={() => onDone(partial)}>Open the saved quote</button>
  ) : (
    <>
      <span className="muted small" style={{ marginRight: 'auto', alignSelf: 'center' }}>
        {pdf.uploading || attachments.uploading ? 'Waiting for uploads…' : customer ? `To ${customer.name}` : ''}
      </span>
      <button type="button" className="btn" onClick={onClose}>Cancel</button>
      <button type="button" className="btn" disabled={!!busy} onClick={() => void submit(false)}>{busy === 'draft' && <Spinner label="Saving" />} Save as draft</button>
      <button type="submit" form="quote-form" className="btn btn-primary" disabled={!!busy}>{busy === 'send' ? <Spinner label="Sending" /> : <IconSend />} Send quote</button>
    </>
  );

  return (
    <Dialog title="Send quote" onClose={onClose} wide footer={footer}>
      <form id="quote-form" className="quote-form" noValidate onSubmit={(e) => void submit(true, e)}>
        <div className="stack">
          <FormErrors messages={general} />
          {tried && Object.keys(local).length > 0 && <div className="alert alert-error" role="alert">Check the {Object.keys(local).length === 1 ? 'field' : `${Object.keys(local).length} fields`} marked below.</div>}
          <section aria-labelledby="quote-customer" className="stack-sm">
            <div className="section-title" id="quote-customer">Customer</div>
            {draft.customerId ? (
              <div className="row between">
                <strong>{customer?.name ?? <Spinner />}</strong>
                {!initialCustomerId && <button type="button" className="btn btn-sm" onClick={() => change({ customerId: null, contactId: null })}>Change</button>}
              </div>
            ) : (
              <>
                <div className="search-input">
                  <IconSearch />
                  <label className="visually-hidden" htmlFor="quote-customer-search">Search customers</label>
                  <input id="quote-customer-search" className="input" type="search" placeholder="Search customers…" value={search} onChange={(e) => setSearch(e.target.value)} aria-invalid={!!errors.customerId || undefined} />
                </div>
                <ul className="items" aria-label="Customers">
                  {picker.fetching && !picker.data && <li><Spinner /></li>}
                  {picker.data?.customers.edges.length === 0 && <li className="muted small">No customers found.</li>}
                  {picker.data?.customers.edges.map(({ node }) => (
                    <li key={node.id}>
                      <span className="grow name">{node.name}</span>
                      <button type="button" className="btn btn-sm" aria-label={`Choose ${node.name}`} onClick={() => change({ customerId: node.id, contactId: null })}>Choose</button>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {errors.customerId && <div className="field-error" role="alert">{errors.customerId}</div>}
          </section>
          <section aria-labelledby="quote-doc" className="stack-sm">
            <div className="section-title" id="quote-doc">The quote</div>
            <div className="pair-even">
              <InputField label="Quote number" value={draft.number} onChange={(e) => change({ number: e.target.value })} error={errors.number} autoComplete="off" />
              <div className="pair">
                <InputField label="Amount" inputMode="decimal" value={draft.amount} onChange={(e) => change({ amount: e.target.value })} error={errors.amount} placeholder="Optional" />
                <InputField label="Currency" value={draft.currency} maxLength={3} onChange={(e) => change({ currency: e.target.value.toUpperCase() })} error={errors.currency} />
              </div>
            </div>
            <InputField label="Title" value={draft.title} onChange={(e) => change({ title: e.target.value })} error={errors.title} autoComplete="off" />
            <div className="label">Quote PDF</div>
            {pdfItem ? <ul className="items" aria-label="Quote PDF"><UploadRow u={pdfItem} onRemove={() => pdf.remove(pdfItem.key)} /></ul>
              : <FileDrop label="choose the quote PDF" accept="application/pdf,.pdf" testId="quote-pdf-input" onFiles={(f) => { pdf.reset(); pdf.addFiles(f.slice(0, 1)); change({ pdf: null }); }} />}
            {errors.pdf && <div className="field-error" role="alert">{errors.pdf}</div>}
            <div className="label">Attachments</div>
            {attachments.items.length > 0 && <ul className="items" aria-label="Attachments">{attachments.items.map((u) => <UploadRow key={u.key} u={u} onRemove={() => attachments.remove(u.key)} />)}</ul>}
            <FileDrop label="add attachments" multiple testId="quote-attachments-input" onFiles={(f) => { attachments.addFiles(f); change({ attachments: [] }); }} />
            {errors.attachments && <div className="field-error" role="alert">{errors.attachments}</div>}
            <TextareaField label="Personal message" rows={4} value={draft.message} onChange={(e) => change({ message: e.target.value })} error={errors.message} hint="Shown with the quote and in the email." />
          </section>
        </div>
        <div className="stack">
          <QuoteRecipients draft={draft} set={change} customer={customer} errors={errors} />
          <QuoteSchedule draft={draft} set={change} errors={errors} />
        </div>
      </form>
    </Dialog>
  );
}
