import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ApiKeysQuery, CreateApiKeyMutation, RevokeApiKeyMutation } from './operations';
import { Empty, ErrorState, FormErrors, InputField, Loading, PageHeader, SelectField } from '../ui/components';
import { IconKey } from '../ui/icons';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';
import { formatDate, timeAgo } from '../lib/format';
import { useTitle } from '../lib/useTitle';
import type { ApiKeyScope } from '../gql/graphql';

// Each kind of data needs its read scope; ORG_READ makes a key that acts as nobody an org-wide reader.
const SCOPES: { value: ApiKeyScope; label: string }[] = [
  { value: 'ORG_READ', label: 'Org-wide reach (required for a key that acts as nobody)' },
  { value: 'CUSTOMERS_READ', label: 'Read customers and contacts' },
  { value: 'DOCUMENTS_READ', label: 'Read libraries, hubs and documents' },
  { value: 'ACTIVITY_READ', label: 'Read and subscribe to activity' },
  { value: 'CUSTOMERS_WRITE', label: 'Create and edit customers' },
  { value: 'SHARES_WRITE', label: 'Send shares' },
];
const READ_SCOPES: ApiKeyScope[] = ['ORG_READ', 'CUSTOMERS_READ', 'DOCUMENTS_READ', 'ACTIVITY_READ'];

export function ApiKeysPage() {
  useTitle('API keys');
  const [res, refetch] = useQuery({ query: ApiKeysQuery });
  const [st, create] = useMutation(CreateApiKeyMutation);
  const [, revoke] = useMutation(RevokeApiKeyMutation);
  const [form, setForm] = useState({ name: '', scopes: READ_SCOPES, actsAsMemberId: '' });
  const [errs, setErrs] = useState<SplitErrors>({ byField: {}, general: [] });
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create({ input: { name: form.name.trim(), scopes: form.scopes, actsAsMemberId: form.actsAsMemberId || null } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.createApiKey;
    setErrs(splitErrors(p.errors, ['name', 'scopes', 'actsAsMemberId']));
    if (!p.errors.length && p.secret) { setSecret({ name: form.name, value: p.secret }); setCopied(false); setForm({ ...form, name: '' }); reload(); }
  }

  return (
    <>
      <PageHeader title="API keys" description="Keys let partner systems use the GraphQL API within their scopes." />
      {secret && (
        <div className="alert alert-warning stack-sm" role="status" style={{ marginBottom: 'var(--s4)' }}>
          <strong>Copy the secret for “{secret.name}” now. It is shown only once.</strong>
          <div className="secret" data-testid="api-key-secret">{secret.value}</div>
          <div className="row">
            <button type="button" className="btn btn-sm" onClick={() => { void navigator.clipboard?.writeText(secret.value).then(() => setCopied(true)); }}>{copied ? 'Copied' : 'Copy'}</button>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setSecret(null)}>I have stored it</button>
          </div>
        </div>
      )}
      <div className="grid-2">
        <section className="card" aria-label="API keys">
          {res.error && !res.data ? <div className="card-body"><ErrorState message={describeError(res.error)} onRetry={reload} /></div> : !res.data ? <Loading /> : res.data.apiKeys.length === 0 ? (
            <Empty title="No API keys" icon={<IconKey />}>Create one for each integration.</Empty>
          ) : (
            <ul className="list">
              {res.data.apiKeys.map((k) => (
                <li key={k.id} className="row between" style={k.revokedAt ? { opacity: 0.6 } : undefined}>
                  <div style={{ minWidth: 0 }}>
                    <div className="row" style={{ gap: 8 }}><strong>{k.name}</strong><span className="mono muted">{k.prefix}…</span>{k.revokedAt && <span className="badge badge-danger">Revoked</span>}</div>
                    <div className="muted small">
                      {k.actsAs ? `Acts as ${k.actsAs.fullName}` : 'Org-wide reader'} · {k.scopes.join(', ').toLowerCase()} · created {formatDate(k.createdAt)} · {k.lastUsedAt ? `used ${timeAgo(k.lastUsedAt)}` : 'never used'}
                    </div>
                  </div>
                  {!k.revokedAt && <button type="button" className="btn btn-sm btn-danger" onClick={async () => { if (window.confirm(`Revoke “${k.name}”? Integrations using it stop working.`)) { await revoke({ input: { apiKeyId: k.id } }); reload(); } }}>Revoke</button>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <form className="card" onSubmit={submit} noValidate aria-labelledby="newkey-h">
          <div className="card-header"><h2 id="newkey-h">New API key</h2></div>
          <div className="card-body stack">
            <FormErrors messages={errs.general} />
            <InputField label="Name" placeholder="e.g. CRM sync" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errs.byField.name} />
            <fieldset style={{ border: 0, padding: 0, margin: 0 }} className="stack-sm">
              <legend className="label" style={{ marginBottom: 6 }}>Scopes</legend>
              {SCOPES.map((s) => (
                <label key={s.value} className="check">
                  <input type="checkbox" checked={form.scopes.includes(s.value)} onChange={(e) => setForm({ ...form, scopes: e.target.checked ? [...form.scopes, s.value] : form.scopes.filter((x) => x !== s.value) })} />
                  {s.label}
                </label>
              ))}
              {errs.byField.scopes && <div className="field-error">{errs.byField.scopes}</div>}
            </fieldset>
            <SelectField label="Acts as" value={form.actsAsMemberId} onChange={(e) => setForm({ ...form, actsAsMemberId: e.target.value })} error={errs.byField.actsAsMemberId} hint="A member's visibility, or org-wide read access.">
              <option value="">Organization (reader)</option>
              {res.data?.members.edges.filter((e) => e.node.isActive).map(({ node }) => <option key={node.id} value={node.id}>{node.fullName}</option>)}
            </SelectField>
            <div><button type="submit" className="btn btn-primary" disabled={st.fetching}>Create key</button></div>
          </div>
        </form>
      </div>
    </>
  );
}
