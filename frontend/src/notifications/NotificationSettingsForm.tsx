import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { NotificationDelivery, NotificationKind } from '../gql/graphql';
import { MyNotificationSettingsQuery, UpdateNotificationSettingsMutation } from './operations';
import type { NotificationStrings } from './strings';
import { ErrorState, FormErrors, InputField, Loading, SelectField } from '../ui/components';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';

const DELIVERIES: NotificationDelivery[] = ['IMMEDIATELY', 'DAILY_DIGEST', 'NEVER'];
const FIELDS = ['timezone', 'digestTime'];

interface Form { choices: Record<string, NotificationDelivery>; timezone: string; digestTime: string }

/** Every time zone the browser knows, for the picker (the server checks the name again). */
function zones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...all, current].filter(Boolean))].sort();
}

/** The signed-in person's own notification settings (a member's or a contact's): one choice per kind, and when the
 *  daily digest arrives. Shared by the staff settings and the hub. */
export function NotificationSettingsForm({ t }: { t: NotificationStrings }) {
  const [res, refetch] = useQuery({ query: MyNotificationSettingsQuery });
  const [st, update] = useMutation(UpdateNotificationSettingsMutation);
  const [form, setForm] = useState<Form | null>(null);
  const [errs, setErrs] = useState<SplitErrors>({ byField: {}, general: [] });
  const [saved, setSaved] = useState(false);
  const current = res.data?.myNotificationSettings;

  useEffect(() => {
    if (current && !form) {
      setForm({
        choices: Object.fromEntries(current.choices.map((c) => [c.kind, c.delivery])),
        timezone: current.timezone ?? '',
        digestTime: current.digestTime,
      });
    }
  }, [current, form]);
  const zoneOptions = useMemo(() => zones(current?.timezone ?? ''), [current?.timezone]);

  if (res.error && !res.data) return <ErrorState message={`${t.loadFailed} ${describeError(res.error)}`} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!current || !form) return <Loading />;
  const organizationZone = current.timezone ? null : current.effectiveTimezone;
  const usesDigest = Object.values(form.choices).includes('DAILY_DIGEST');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await update({
      input: {
        choices: Object.entries(form!.choices).map(([kind, delivery]) => ({ kind: kind as NotificationKind, delivery })),
        timezone: form!.timezone || null,
        digestTime: form!.digestTime,
      },
    });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const payload = r.data!.updateNotificationSettings;
    setErrs(splitErrors(payload.errors, FIELDS));
    if (!payload.errors.length) setSaved(true);
  }

  return (
    <form className="card" onSubmit={submit} noValidate style={{ maxWidth: 720 }} data-testid="notification-settings">
      <div className="card-body stack">
        <p className="muted" style={{ margin: 0 }}>{t.intro}</p>
        <FormErrors messages={errs.general} />
        {saved && <div className="alert alert-success" role="status">{t.saved}</div>}
        {current.choices.map((c) => (
          <fieldset key={c.kind} className="fieldset notification-kind" data-testid={`notification-${c.kind}`}>
            <legend>{t.kinds[c.kind].label}</legend>
            <p className="hint" style={{ margin: '0 0 var(--s3)' }}>{t.kinds[c.kind].hint}</p>
            <div className="segmented" role="radiogroup" aria-label={t.kinds[c.kind].label}>
              {DELIVERIES.map((d) => (
                <label key={d} className={form.choices[c.kind] === d ? 'on' : ''}>
                  <input type="radio" name={c.kind} value={d} checked={form.choices[c.kind] === d}
                    onChange={() => setForm({ ...form, choices: { ...form.choices, [c.kind]: d } })} />
                  <span>{t.deliveries[d]}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <fieldset className="fieldset" aria-describedby="digest-hint" data-testid="notification-digest">
          <legend>{t.digest}</legend>
          <p className="hint" id="digest-hint" style={{ margin: '0 0 var(--s3)' }}>{t.digestHint}</p>
          <div className="form-grid">
            <InputField label={t.digestTime} type="time" step={60} value={form.digestTime} required disabled={!usesDigest}
              onChange={(e) => setForm({ ...form, digestTime: e.target.value })} error={errs.byField.digestTime} />
            <SelectField label={t.timezone} value={form.timezone} disabled={!usesDigest}
              onChange={(e) => setForm({ ...form, timezone: e.target.value })} error={errs.byField.timezone}>
              <option value="">{t.organizationZone(organizationZone ?? current.effectiveTimezone)}</option>
              {zoneOptions.map((z) => <option key={z} value={z}>{z.replace(/_/g, ' ')}</option>)}
            </SelectField>
          </div>
        </fieldset>
      </div>
      <div className="dialog-footer" style={{ borderRadius: '0 0 var(--radius) var(--radius)' }}>
        <button type="submit" className="btn btn-primary" disabled={st.fetching}>{st.fetching ? t.saving : t.save}</button>
      </div>
    </form>
  );
}
