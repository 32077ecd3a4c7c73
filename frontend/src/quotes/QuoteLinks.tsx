import { useState, type FormEvent } from 'react';
import { FormErrors, InputField, Spinner } from '../ui/components';
import { IconPlus } from '../ui/icons';
import { formatDate, formatDateTime } from '../lib/format';
import { MIN_LINK_PASSWORD, isoDay } from './quoteForm';
import type { UserErrorLike } from '../lib/errors';

export interface LinkRow { id: string; url?: string | null; createdAt: string; expiresAt?: string | null; revokedAt?: string | null; lastOpenedAt?: string | null }

/** The quote's public links: copy, revoke, make a new one (with its own password and expiry). */
export function QuoteLinks({ links, onCreate, onRevoke }: {
  links: readonly LinkRow[];
  onCreate: (password: string, expiresOn: string | null) => Promise<{ errors: readonly UserErrorLike[]; url?: string | null }>;
  onRevoke: (id: string) => Promise<readonly UserErrorLike[]>;
}) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [expires, setExpires] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  // The server keeps only the token's hash: the new link's URL can be shown this once.
  const [made, setMade] = useState<string | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    if (password.length < MIN_LINK_PASSWORD) return setErrors([`The password needs at least ${MIN_LINK_PASSWORD} characters.`]);
    if (expires && expires <= isoDay(new Date())) return setErrors(['The link must stay open past today.']);
    setBusy(true);
    try {
      const r = await onCreate(password, expires || null);
      setErrors(r.errors.map((x) => x.message));
      if (!r.errors.length) { setOpen(false); setPassword(''); setExpires(''); setMade(r.url ?? null); }
    } finally { setBusy(false); }
  }
  const active = (l: LinkRow) => !l.revokedAt && !(l.expiresAt && new Date(l.expiresAt) < new Date());

  return (
    <section className="card" aria-labelledby="links-h">
      <div className="card-header row between">
        <h2 id="links-h">Public links</h2>
        {!open && <button type="button" className="btn btn-sm" onClick={() => setOpen(true)}><IconPlus /> New link</button>}
      </div>
      {made && (
        <div className="card-body stack-sm" data-testid="new-link">
          <div className="alert alert-success" role="status">Link created. Copy it now: for safety it is not shown again. Give the password separately.</div>
          <div className="link-row"><span className="url" data-testid="new-link-url">{made}</span>
            <button type="button" className="btn btn-sm" onClick={() => { void navigator.clipboard?.writeText(made); setCopied('new'); }}>{copied === 'new' ? 'Copied' : 'Copy link'}</button></div>
        </div>
      )}
      {links.length === 0 && !open && <div className="card-body muted small">No public link. A link with a password lets someone without hub access see this quote, and nothing else.</div>}
      {links.length > 0 && (
        <ul className="list">
          {links.map((l) => (
            <li key={l.id} className="link-row" data-testid="quote-link">
              <span className="url">{l.url ?? 'Public link'}</span>
              {active(l) ? <span className="badge badge-success">Active</span> : <span className="badge">{l.revokedAt ? 'Revoked' : 'Expired'}</span>}
              <span className="muted small">Made {formatDateTime(l.createdAt)}{l.expiresAt ? ` · until ${formatDate(l.expiresAt)}` : ''}{l.lastOpenedAt ? ` · last opened ${formatDateTime(l.lastOpenedAt)}` : ' · not opened yet'}</span>
              {l.url && active(l) && <button type="button" className="btn btn-sm" onClick={() => { void navigator.clipboard?.writeText(l.url!); setCopied(l.id); }}>{copied === l.id ? 'Copied' : 'Copy'}</button>}
              {active(l) && <button type="button" className="btn btn-sm btn-danger" onClick={async () => setErrors((await onRevoke(l.id)).map((x) => x.message))}>Revoke</button>}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <form className="card-body stack-sm" onSubmit={create} noValidate style={{ borderTop: '1px solid var(--border)' }}>
          <div className="form-grid">
            <InputField label="Password for the link" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
            <InputField label="Link expires on" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} hint="Empty: until the quote expires." />
          </div>
          <FormErrors messages={errors} />
          <div className="row"><button type="submit" className="btn btn-primary btn-sm" disabled={busy}>{busy && <Spinner />} Create link</button><button type="button" className="btn btn-sm" onClick={() => setOpen(false)}>Cancel</button></div>
        </form>
      )}
      {!open && errors.length > 0 && <div className="card-body"><FormErrors messages={errors} /></div>}
    </section>
  );
}
