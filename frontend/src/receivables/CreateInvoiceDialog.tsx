import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AttachInvoicePdfMutation, CreateInvoiceMutation, InvoiceCustomersQuery } from './invoiceOperations';
import { addDays, validateInvoice, type InvoiceDraft, type InvoiceErrors } from './invoiceForm';
import { localToday } from './actionsView';
import { Dialog, FormErrors, InputField, SelectField } from '../ui/components';
import { describeError, splitErrors } from '../lib/errors';
import { useDebounced } from '../lib/useDebounced';
import { formatBytes } from '../lib/format';
import { uploadFile } from '../lib/upload';

const FIELDS = ['customerId', 'number', 'amount', 'currency', 'issuedOn', 'dueOn'] as const;

interface Pdf { name: string; sizeBytes: number; progress: number; uploadId?: string; error?: string }

/**
 * New invoice: customer, number, amount + currency, issue and due date, and its PDF (uploaded as it is picked,
 * attached once the invoice exists; if only the attaching fails, the invoice stays and the dialog says so).
 */
export function CreateInvoiceDialog({ initialCustomerId, onClose, onCreated }: { initialCustomerId?: string; onClose: () => void; onCreated: (number: string) => void }) {
  const today = localToday();
  const [draft, setDraft] = useState<InvoiceDraft>({ customerId: initialCustomerId ?? '', number: '', amount: '', currency: 'EUR', issuedOn: today, dueOn: addDays(today, 30) });
  const [errors, setErrors] = useState<InvoiceErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  // The customer list is searched on the server (an organization may have thousands): the first 200 matches show.
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 250);
  const [customers] = useQuery({ query: InvoiceCustomersQuery, variables: { search: debounced || null } });
  const [state, create] = useMutation(CreateInvoiceMutation);
  const [attachState, attach] = useMutation(AttachInvoicePdfMutation);
  const [pdf, setPdf] = useState<Pdf | null>(null);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const abortRef = useRef<(() => void) | null>(null);
  useEffect(() => () => abortRef.current?.(), []);

  function pick(f: File | undefined) {
    if (!f) return;
    abortRef.current?.();
    setPdf({ name: f.name, sizeBytes: f.size, progress: 0 });
    const h = uploadFile(f, (progress) => setPdf((cur) => (cur ? { ...cur, progress } : cur)));
    abortRef.current = h.abort;
    h.promise.then(
      (r) => { abortRef.current = null; setPdf((cur) => (cur ? { ...cur, progress: 1, uploadId: r.uploadId } : cur)); },
      (e: { code?: string; message?: string }) => { abortRef.current = null; setPdf((cur) => (e.code === 'ABORTED' ? null : cur ? { ...cur, error: e.message || 'Upload failed.' } : cur)); },
    );
  }

  /** Attaches the uploaded PDF to the invoice; true when done (or there is none). */
  async function attachPdf(invoiceId: string): Promise<boolean> {
    if (!pdf?.uploadId) return true;
    const r = await attach({ input: { invoiceId, uploadId: pdf.uploadId } });
    const errs = r.error ? [describeError(r.error)] : r.data?.attachInvoicePdf.errors.map((e) => e.message) ?? [];
    if (errs.length) { setGeneral([`The invoice was created, but its PDF was not attached: ${errs.join(' ')}`]); return false; }
    return true;
  }
  const set = (k: keyof InvoiceDraft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (createdId) {
      // Created already; only the PDF is left to attach (a retry after a failed attach).
      if (await attachPdf(createdId)) onCreated(draft.number.trim());
      return;
    }
    const v = validateInvoice(draft);
    setErrors(v);
    if (Object.keys(v).length) return;
    if (pdf && !pdf.uploadId) return setGeneral([pdf.error ?? 'Wait until the PDF has uploaded.']);
    const r = await create({ input: { ...draft, number: draft.number.trim(), amount: draft.amount.trim(), currency: draft.currency.trim().toUpperCase() } });
    if (r.error) return setGeneral([describeError(r.error)]);
    const payload = r.data?.createInvoice;
    const split = splitErrors(payload?.errors, FIELDS);
    setErrors(split.byField);
    setGeneral(split.general);
    if (payload?.invoice && !payload.errors.length) {
      setCreatedId(payload.invoice.id);
      if (await attachPdf(payload.invoice.id)) onCreated(payload.invoice.number);
    }
  }

  const list = customers.data?.customers.edges.map((e) => e.node) ?? [];
  return (
    <Dialog title="New invoice" onClose={onClose} footer={
      <>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="create-invoice" className="btn btn-primary" disabled={state.fetching || attachState.fetching || (!!pdf && !pdf.uploadId && !pdf.error)}>{createdId ? 'Attach PDF' : 'Create invoice'}</button>
      </>
    }>
      <form id="create-invoice" className="stack" onSubmit={submit} noValidate aria-label="New invoice">
        <FormErrors messages={general} />
        {!initialCustomerId && (
          <InputField label="Find customer" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or contact"
            hint={customers.data && customers.data.customers.totalCount > list.length ? `The first ${list.length} of ${customers.data.customers.totalCount}: type to narrow down.` : undefined} />
        )}
        <SelectField label="Customer" value={draft.customerId} onChange={set('customerId')} error={errors.customerId}>
          <option value="">{list.length ? 'Choose a customer…' : 'No customer matches'}</option>
          {list.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </SelectField>
        <div className="form-grid">
          <InputField label="Invoice number" value={draft.number} onChange={set('number')} error={errors.number} maxLength={64} />
          <div className="row" style={{ flexWrap: 'nowrap', alignItems: 'flex-start' }}>
            <InputField label="Amount" inputMode="decimal" value={draft.amount} onChange={set('amount')} error={errors.amount} placeholder="1250.00" className="grow" />
            <InputField label="Currency" value={draft.currency} onChange={set('currency')} error={errors.currency} maxLength={3} style={{ width: '5.5em', textTransform: 'uppercase' }} />
          </div>
          <InputField label="Issue date" type="date" value={draft.issuedOn} onChange={set('issuedOn')} error={errors.issuedOn} />
          <InputField label="Due date" type="date" value={draft.dueOn} onChange={set('dueOn')} error={errors.dueOn} />
        </div>
        <div className="field">
          <label htmlFor="invoice-pdf">Invoice PDF</label>
          <input id="invoice-pdf" type="file" accept="application/pdf,.pdf" data-testid="invoice-pdf" onChange={(e) => pick(e.target.files?.[0])} />
          {pdf && (
            <div className="small" data-testid="invoice-pdf-status">
              {pdf.name} · {formatBytes(pdf.sizeBytes)} · {pdf.error ? <span className="field-error">{pdf.error}</span> : pdf.uploadId ? 'uploaded' : `${Math.round(pdf.progress * 100)} %`}
            </div>
          )}
          <div className="hint">Shown to the customer's contacts in their hub's Invoices section; you see when they open it.</div>
        </div>
      </form>
    </Dialog>
  );
}
