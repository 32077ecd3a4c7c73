import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CustomerPickerQuery, PreviewShareQuery, SendDialogDataQuery, ShareCustomerQuery, ShareDocumentsMutation } from './operations';
import { useUploads } from './useUploads';
import { useSelection } from '../libraries/selection';
import { Dialog, FileIcon, FormErrors, InputField, SelectField, Spinner, TextareaField } from '../ui/components';
import { IconPlus, IconSearch, IconSend, IconTrash, IconUpload, IconX, IconCheck } from '../ui/icons';
import { describeError, type UserErrorLike } from '../lib/errors';
import { formatBytes, languageName } from '../lib/format';
import { useDebounced } from '../lib/useDebounced';
import type { RecipientInput, ShareInput } from '../gql/graphql';

interface NewRecipient { key: string; firstName: string; lastName: string; email: string }
let rowSeq = 0;
const newRow = (): NewRecipient => ({ key: `r${++rowSeq}`, firstName: '', lastName: '', email: '' });
const rowFilled = (r: NewRecipient) => !!(r.firstName.trim() || r.lastName.trim() || r.email.trim());

interface Props {
  onClose: () => void;
  /** Pre-selects the customer (e.g. when opened from a customer's page). */
  initialCustomerId?: string;
}

/** The "Send to customer" dialog: customer, recipients, language, message, items, live preview. */
export function SendDialog({ onClose, initialCustomerId }: Props) {
  const selection = useSelection();
  const uploads = useUploads();
  const [customerId, setCustomerId] = useState<string | null>(initialCustomerId ?? null);
  const [customerSearch, setCustomerSearch] = useState('');
  const [checkedContacts, setCheckedContacts] = useState<string[]>([]);
  const [rows, setRows] = useState<NewRecipient[]>([]);
  const [language, setLanguage] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [topError, setTopError] = useState('');
  const [sent, setSent] = useState<{ hubId: string | null; count: number; to: string[] } | null>(null);
  const [dragOver, setDragOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const [data] = useQuery({ query: SendDialogDataQuery });
  const debouncedSearch = useDebounced(customerSearch.trim(), 200);
  const [picker] = useQuery({ query: CustomerPickerQuery, variables: { search: debouncedSearch || null }, pause: !!customerId });
  const [cust] = useQuery({ query: ShareCustomerQuery, variables: { id: customerId ?? '' }, pause: !customerId });
  const [sendState, send] = useMutation(ShareDocumentsMutation);

  const languages = useMemo(() => {
    const set = new Set<string>(data.data?.organization.languages ?? []);
    data.data?.invitationTemplates.forEach((t) => set.add(t.language));
    return [...set];
  }, [data.data]);

  // Defaults once the data arrives: the rep's language if a template exists for it, and their standard message.
  useEffect(() => {
    if (!data.data) return;
    if (!language) {
      const mine = data.data.me?.member?.language;
      setLanguage(mine && languages.includes(mine) ? mine : languages[0] ?? 'en');
    }
    if (message === null) setMessage(data.data.me?.member?.standardMessage ?? '');
  }, [data.data, languages, language, message]);

  const customer = cust.data?.customer ?? null;
  const contactsWithEmail = customer?.contacts.filter((c) => !!c.email) ?? [];

  // A customer without contacts starts with one empty "new recipient" row.
  useEffect(() => {
    if (customer && customer.contacts.filter((c) => c.email).length === 0) setRows((r) => (r.length ? r : [newRow()]));
  }, [customer]);

  const filledRows = rows.filter(rowFilled);
  const recipients: RecipientInput[] = [
    ...checkedContacts.map((id) => ({ contactId: id })),
    ...filledRows.map((r) => ({ firstName: r.firstName.trim(), lastName: r.lastName.trim(), email: r.email.trim() })),
  ];
  const input: ShareInput | null = customerId
    ? {
        customerId,
        recipients,
        language: language || 'en',
        message: message ?? '',
        publicationIds: selection.items.map((i) => i.id),
        uploadIds: uploads.uploadIds,
      }
    : null;

  const previewInput = useDebounced(input ? JSON.stringify(input) : '', 400);
  const [preview] = useQuery({
    query: PreviewShareQuery,
    variables: { input: previewInput ? (JSON.parse(previewInput) as ShareInput) : (null as unknown as ShareInput) },
    pause: !previewInput,
    requestPolicy: 'network-only',
  });

  // Errors: per recipient row (recipients.N.field), per field, or general.
  const rowErrors: Record<string, Record<string, string>> = {};
  const fieldErrors: Record<string, string> = {};
  const general: string[] = [];
  for (const e of errors) {
    const m = e.field?.match(/^recipients\.(\d+)\.(\w+)$/);
    if (m) {
      const idx = Number(m[1]) - checkedContacts.length;
      const row = filledRows[idx];
      if (row && ['firstName', 'lastName', 'email'].includes(m[2]!)) {
        (rowErrors[row.key] ??= {})[m[2]!] ??= e.message;
        continue;
      }
      fieldErrors.recipients ??= e.message;
      continue;
    }
    if (e.field && ['customerId', 'recipients', 'language', 'message', 'publicationIds', 'uploadIds'].includes(e.field)) fieldErrors[e.field] ??= e.message;
    else general.push(e.message);
  }

  const itemCount = selection.count + uploads.items.filter((i) => i.status !== 'error').length;
  const canSend = !!customerId && recipients.length > 0 && itemCount > 0 && !uploads.uploading && !sendState.fetching;

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (!input) return setErrors([{ code: 'REQUIRED', field: 'customerId', message: 'Choose a customer.' }]);
    setTopError('');
    const r = await send({ input });
    if (r.error) return setTopError(describeError(r.error));
    const p = r.data!.shareDocuments;
    setErrors(p.errors);
    if (p.errors.length === 0) {
      setSent({
        hubId: p.hub?.id ?? null,
        count: p.share?.documents.length ?? itemCount,
        to: p.share?.recipients.map((c) => c.email || c.fullName) ?? [],
      });
      selection.clear();
      uploads.reset();
    }
  }

  if (sent) {
    return (
      <Dialog title="Sent" onClose={onClose} footer={<button type="button" className="btn btn-primary" onClick={onClose}>Done</button>}>
        <div className="stack" role="status">
          <div className="row"><span className="feed-icon downloaded"><IconCheck /></span><strong>{sent.count} document{sent.count === 1 ? '' : 's'} sent to {customer?.name}.</strong></div>
          {sent.to.length > 0 && <p className="muted">An email with the hub link went to {sent.to.join(', ')}.</p>}
          {sent.hubId && <p><Link to={`/hubs/${encodeURIComponent(sent.hubId)}`} onClick={onClose}>Open the hub and watch activity →</Link></p>}
        </div>
      </Dialog>
    );
  }

  const footer = (
    <>
      <span className="muted small" style={{ marginRight: 'auto', alignSelf: 'center' }}>
        {itemCount} item{itemCount === 1 ? '' : 's'} · {recipients.length} recipient{recipients.length === 1 ? '' : 's'}
        {uploads.uploading && ' · waiting for uploads'}
      </span>
      <button type="button" className="btn" onClick={onClose}>Cancel</button>
      <button type="submit" form="send-form" className="btn btn-primary" disabled={!canSend}>
        {sendState.fetching ? <Spinner label="Sending" /> : <IconSend />} Send
      </button>
    </>
  );

  return (
    <Dialog title="Send to customer" onClose={onClose} wide footer={footer}>
      <form id="send-form" onSubmit={submit} noValidate className="send-layout">
        <div className="stack">
          {topError && <FormErrors messages={[topError]} />}
          <FormErrors messages={general} />

          {/* Customer */}
          <section aria-labelledby="send-customer">
            <div className="section-title" id="send-customer">Customer</div>
            {customerId ? (
              <div className="row between">
                <strong>{customer?.name ?? <Spinner />}</strong>
                {!initialCustomerId && (
                  <button type="button" className="btn btn-sm" onClick={() => { setCustomerId(null); setCheckedContacts([]); setRows([]); setErrors([]); }}>Change</button>
                )}
              </div>
            ) : (
              <div className="stack-sm">
                <div className="search-input">
                  <IconSearch />
                  <label className="visually-hidden" htmlFor="customer-search">Search customers</label>
                  <input id="customer-search" className="input" type="search" placeholder="Search customers…" value={customerSearch} onChange={(e) => setCustomerSearch(e.target.value)} aria-invalid={!!fieldErrors.customerId || undefined} />
                </div>
                <ul className="items" aria-label="Customers">
                  {picker.fetching && !picker.data && <li><Spinner /></li>}
                  {picker.data?.customers.edges.length === 0 && <li className="muted small">No customers found. Create one on the Customers page.</li>}
                  {picker.data?.customers.edges.map(({ node }) => (
                    <li key={node.id}>
                      <span className="grow name">{node.name}</span>
                      <span className="badge">{node.kind === 'PERSON' ? 'Person' : 'Company'}</span>
                      <button type="button" className="btn btn-sm" onClick={() => { setCustomerId(node.id); setErrors([]); }} aria-label={`Choose ${node.name}`}>Choose</button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {fieldErrors.customerId && <div className="field-error">{fieldErrors.customerId}</div>}
          </section>

          {/* Recipients */}
          {customerId && (
            <section aria-labelledby="send-recipients" className="stack-sm">
              <div className="section-title" id="send-recipients">Recipients</div>
              {cust.fetching && !customer && <Spinner />}
              {contactsWithEmail.map((c) => (
                <label key={c.id} className="check">
                  <input type="checkbox" checked={checkedContacts.includes(c.id)} onChange={(e) => setCheckedContacts((cur) => (e.target.checked ? [...cur, c.id] : cur.filter((x) => x !== c.id)))} />
                  {c.fullName} <span className="muted small">{c.email}</span>
                </label>
              ))}
              {rows.map((r, i) => {
                const re = rowErrors[r.key] ?? {};
                const upd = (k: keyof NewRecipient) => (e: React.ChangeEvent<HTMLInputElement>) => setRows((cur) => cur.map((x) => (x.key === r.key ? { ...x, [k]: e.target.value } : x)));
                return (
                  <fieldset key={r.key} className="recipient-row" style={{ border: 0, padding: 0, margin: 0 }}>
                    <legend className="visually-hidden">New recipient {i + 1}</legend>
                    <InputField label="First name" value={r.firstName} onChange={upd('firstName')} error={re.firstName} autoComplete="off" />
                    <InputField label="Last name" value={r.lastName} onChange={upd('lastName')} error={re.lastName} autoComplete="off" />
                    <InputField className="email" label="Email" type="email" value={r.email} onChange={upd('email')} error={re.email} autoComplete="off" />
                    <button type="button" className="btn btn-ghost btn-icon" style={{ marginTop: 26 }} aria-label={`Remove recipient ${i + 1}`} onClick={() => setRows((cur) => cur.filter((x) => x.key !== r.key))}><IconX /></button>
                  </fieldset>
                );
              })}
              <div><button type="button" className="btn btn-sm" onClick={() => setRows((cur) => [...cur, newRow()])}><IconPlus /> Add recipient</button></div>
              {fieldErrors.recipients && <div className="field-error" role="alert">{fieldErrors.recipients}</div>}
            </section>
          )}

          {/* Language & message */}
          <SelectField label="Message language" value={language} onChange={(e) => setLanguage(e.target.value)} error={fieldErrors.language} hint="Uses the invitation email your admin set up for this language.">
            {languages.length === 0 && <option value="en">{languageName('en')}</option>}
            {languages.map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
          </SelectField>
          <TextareaField label="Personal message" value={message ?? ''} onChange={(e) => setMessage(e.target.value)} error={fieldErrors.message} rows={5} hint="Prefilled with your standard message from My settings." />

          {/* Items */}
          <section aria-labelledby="send-items" className="stack-sm">
            <div className="section-title" id="send-items">Items ({itemCount})</div>
            {(selection.count > 0 || uploads.items.length > 0) && (
              <ul className="items" aria-label="Items to send">
                {selection.items.map((p) => (
                  <li key={p.id}>
                    <FileIcon contentType={p.contentType} name={p.title} />
                    <div className="grow"><div className="name">{p.title}</div><div className="muted small">{p.libraryName} · {formatBytes(p.sizeBytes)}</div></div>
                    <button type="button" className="btn btn-ghost btn-sm btn-icon" aria-label={`Remove ${p.title}`} onClick={() => selection.remove(p.id)}><IconTrash /></button>
                  </li>
                ))}
                {uploads.items.map((u) => (
                  <li key={u.key} data-testid="upload-item">
                    <FileIcon contentType={u.contentType} name={u.name} />
                    <div className="grow">
                      <div className="name">{u.name}</div>
                      {u.status === 'uploading' && (
                        <div className="progress" role="progressbar" aria-label={`Uploading ${u.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(u.progress * 100)}>
                          <span style={{ width: `${Math.round(u.progress * 100)}%` }} />
                        </div>
                      )}
                      {u.status === 'done' && <div className="muted small">From your device · {formatBytes(u.sizeBytes)}</div>}
                      {u.status === 'error' && <div className="field-error">{u.error}</div>}
                    </div>
                    <button type="button" className="btn btn-ghost btn-sm" aria-label={`${u.status === 'uploading' ? 'Cancel upload of' : 'Remove'} ${u.name}`} onClick={() => uploads.remove(u.key)}>
                      {u.status === 'uploading' ? 'Cancel' : <IconTrash />}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {fieldErrors.publicationIds && <div className="field-error">{fieldErrors.publicationIds}</div>}
            {fieldErrors.uploadIds && <div className="field-error">{fieldErrors.uploadIds}</div>}
            <div
              className={`dropzone ${dragOver ? 'over' : ''}`}
              onDragOver={(e) => { e.preventDefault(); setDragOver(true); }}
              onDragLeave={() => setDragOver(false)}
              onDrop={(e) => { e.preventDefault(); setDragOver(false); if (e.dataTransfer.files.length) uploads.addFiles(Array.from(e.dataTransfer.files)); }}
              data-testid="dropzone"
            >
              <IconUpload style={{ width: 20, height: 20 }} /> Drop files here, or{' '}
              <button type="button" className="link-btn" onClick={() => fileInput.current?.click()}>choose from your device</button>
              <input ref={fileInput} type="file" multiple hidden aria-label="Add files from your device" data-testid="file-input" onChange={(e) => { if (e.target.files) uploads.addFiles(Array.from(e.target.files)); e.target.value = ''; }} />
            </div>
          </section>
        </div>

        {/* Preview */}
        <section aria-labelledby="send-preview" className="stack-sm">
          <div className="row between">
            <div className="section-title" id="send-preview" style={{ margin: 0 }}>Email preview</div>
            {preview.fetching && <Spinner label="Updating preview" />}
          </div>
          {!customerId ? (
            <div className="dropzone muted">Choose a customer to see the exact email they will receive.</div>
          ) : preview.error && !preview.data ? (
            <div className="alert alert-error" role="alert">Preview unavailable: {describeError(preview.error)}</div>
          ) : preview.data ? (
            <>
              <div className="preview-subject" data-testid="preview-subject">Subject: {preview.data.previewShare.subject}</div>
              <iframe className="preview-frame" title="Email preview" sandbox="" srcDoc={preview.data.previewShare.html} />
            </>
          ) : (
            <div className="loading"><Spinner /> Preparing preview…</div>
          )}
        </section>
      </form>
    </Dialog>
  );
}
