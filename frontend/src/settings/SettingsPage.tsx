import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { SettingsQuery, UpdateMySettingsMutation } from './operations';
import { ErrorState, FormErrors, InputField, Loading, PageHeader, SelectField, TextareaField } from '../ui/components';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';
import { LANGUAGE_NAMES, languageName } from '../lib/format';
import { useTitle } from '../lib/useTitle';
import { IconBell } from '../ui/icons';

const FIELDS = ['firstName', 'lastName', 'language', 'standardMessage'];

export function SettingsPage() {
  useTitle('My settings');
  const [res, refetch] = useQuery({ query: SettingsQuery });
  const [st, update] = useMutation(UpdateMySettingsMutation);
  const [form, setForm] = useState<{ firstName: string; lastName: string; language: string; standardMessage: string } | null>(null);
  const [errs, setErrs] = useState<SplitErrors>({ byField: {}, general: [] });
  const [saved, setSaved] = useState(false);
  const m = res.data?.me?.member;

  useEffect(() => {
    if (m && !form) setForm({ firstName: m.firstName, lastName: m.lastName, language: m.language, standardMessage: m.standardMessage ?? '' });
  }, [m, form]);

  if (res.error && !res.data) return <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!res.data || !form) return <Loading />;

  const languages = [...new Set([...(res.data.organization.languages ?? []), ...Object.keys(LANGUAGE_NAMES).filter((l) => l !== 'no'), form.language])];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await update({ input: form! });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    setErrs(splitErrors(r.data!.updateMySettings.errors, FIELDS));
    if (!r.data!.updateMySettings.errors.length) setSaved(true);
  }

  return (
    <>
      <PageHeader title="My settings" description={`${m!.email} · ${(m!.role ?? '').toLowerCase()}${m!.isAccountManager ? ' · account manager' : ''}`}
        actions={<Link to="/settings/notifications" className="btn"><IconBell /> Notifications</Link>} />
      <form className="card" onSubmit={submit} noValidate style={{ maxWidth: 720 }}>
        <div className="card-body stack">
          <FormErrors messages={errs.general} />
          {saved && <div className="alert alert-success" role="status">Settings saved.</div>}
          <div className="form-grid">
            <InputField label="First name" value={form.firstName} onChange={(e) => setForm({ ...form, firstName: e.target.value })} error={errs.byField.firstName} autoComplete="given-name" />
            <InputField label="Last name" value={form.lastName} onChange={(e) => setForm({ ...form, lastName: e.target.value })} error={errs.byField.lastName} autoComplete="family-name" />
          </div>
          <SelectField label="Language" value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value })} error={errs.byField.language} hint="Default language of the emails you send.">
            {languages.map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
          </SelectField>
          <TextareaField label="Standard message" rows={6} value={form.standardMessage} onChange={(e) => setForm({ ...form, standardMessage: e.target.value })} error={errs.byField.standardMessage} hint="Prefilled in every send; you can still edit it per send." />
        </div>
        <div className="dialog-footer" style={{ borderRadius: '0 0 var(--radius) var(--radius)' }}>
          <button type="submit" className="btn btn-primary" disabled={st.fetching}>{st.fetching ? 'Saving…' : 'Save settings'}</button>
        </div>
      </form>
    </>
  );
}
