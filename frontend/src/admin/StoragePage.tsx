import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { SetStoragePlanMutation, StorageQuery } from './operations';
import { ErrorState, FormErrors, InputField, Loading, PageHeader, SelectField } from '../ui/components';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { useTitle } from '../lib/useTitle';
import type { StoragePlan } from '../gql/graphql';

const GIB = 1024 ** 3;
const FIELDS = ['plan', 'extraGigabytes'];
const PLAN_NAMES: Record<StoragePlan, string> = { STANDARD: 'Standard', PLUS: 'Plus' };

type Usage = { usedBytes: number; quotaBytes: number };

/** Used / quota as a bar: calm below 80 %, a warning from 80 %, full at 100 % (uploads are refused then). */
export function StorageBar({ usedBytes, quotaBytes }: Usage) {
  const percent = quotaBytes > 0 ? Math.min(100, Math.floor((usedBytes * 100) / quotaBytes)) : 100;
  const level = percent >= 100 ? 'full' : percent >= 80 ? 'warning' : 'ok';
  return (
    <div className="stack" style={{ gap: 6 }}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <strong data-testid="storage-used">{formatBytes(usedBytes)} of {formatBytes(quotaBytes)} used</strong>
        <span className={`badge ${level === 'ok' ? '' : level === 'warning' ? 'badge-warning' : 'badge-danger'}`}>{percent} %</span>
      </div>
      <div className={`progress storage-bar storage-${level}`} role="progressbar" aria-label="Storage used"
        aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent} % used`}>
        <span style={{ width: `${Math.max(percent, usedBytes > 0 ? 1 : 0)}%` }} />
      </div>
      <p className="small muted" style={{ margin: 0 }}>
        {level === 'full'
          ? 'Storage is full: staff and customers cannot upload files until space is freed or added.'
          : `${formatBytes(Math.max(quotaBytes - usedBytes, 0))} free. Administrators are emailed at 80 % and when it is full.`}
      </p>
    </div>
  );
}

/** Admin settings: how much the organization stores (documents, publications, uploads) and its plan. */
export function StoragePage() {
  useTitle('Storage');
  const [res, refetch] = useQuery({ query: StorageQuery, requestPolicy: 'cache-and-network' });
  const [saving, save] = useMutation(SetStoragePlanMutation);
  const storage = res.data?.organization.storage;
  const [form, setForm] = useState<{ plan: StoragePlan; extra: string } | null>(null);
  const [errs, setErrs] = useState<SplitErrors>({ byField: {}, general: [] });
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (storage && !form) setForm({ plan: storage.plan, extra: String(Math.round(storage.extraBytes / GIB)) });
  }, [storage, form]);

  if (res.error && !res.data) return <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!storage || !form) return <Loading />;

  const planBytes = storage.plans.find((p) => p.plan === form.plan)?.quotaBytes ?? 0;
  const extra = Number(form.extra);
  const newQuota = planBytes + (Number.isInteger(extra) && extra >= 0 ? extra : 0) * GIB;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (!/^\d+$/.test(form!.extra.trim())) {
      return setErrs({ byField: { extraGigabytes: 'Enter a whole number of GB (0 for none).' }, general: [] });
    }
    const r = await save({ input: { plan: form!.plan, extraGigabytes: Number(form!.extra) } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const payload = r.data!.setStoragePlan;
    setErrs(splitErrors(payload.errors, FIELDS));
    if (!payload.errors.length) setSaved(true);
  }

  return (
    <>
      <PageHeader title="Storage" description="Documents uploaded into hubs, library publications and uploads waiting to be shared count toward your storage." />
      <div className="stack" style={{ maxWidth: 720 }}>
        <section className="card" aria-label="Usage">
          <div className="card-header"><h2>Usage</h2></div>
          <div className="card-body stack">
            <StorageBar usedBytes={storage.usedBytes} quotaBytes={storage.quotaBytes} />
            <dl className="facts">
              <div><dt>Plan</dt><dd data-testid="storage-plan">{PLAN_NAMES[storage.plan]} · {formatBytes(storage.quotaBytes - storage.extraBytes)}</dd></div>
              <div><dt>Extra storage</dt><dd data-testid="storage-extra">{storage.extraBytes ? formatBytes(storage.extraBytes) : 'None'}</dd></div>
              <div><dt>Quota</dt><dd>{formatBytes(storage.quotaBytes)}</dd></div>
            </dl>
          </div>
        </section>
        <form className="card" onSubmit={submit} noValidate aria-label="Plan and extra storage">
          <div className="card-header"><h2>Plan and extra storage</h2></div>
          <div className="card-body stack">
            <FormErrors messages={errs.general} />
            {saved && <div className="alert alert-success" role="status">Storage plan saved. The quota is now {formatBytes(storage.quotaBytes)}.</div>}
            <div className="form-grid">
              <SelectField label="Plan" value={form.plan} error={errs.byField.plan}
                onChange={(e) => setForm({ ...form, plan: e.target.value as StoragePlan })}>
                {storage.plans.map((p) => <option key={p.plan} value={p.plan}>{PLAN_NAMES[p.plan]} ({formatBytes(p.quotaBytes)})</option>)}
              </SelectField>
              <InputField label="Extra storage (GB)" inputMode="numeric" value={form.extra} error={errs.byField.extraGigabytes}
                hint="Bought on top of the plan, in whole GB." onChange={(e) => setForm({ ...form, extra: e.target.value })} />
            </div>
            <p className="small muted" style={{ margin: 0 }}>
              New quota: <strong data-testid="storage-new-quota">{formatBytes(newQuota)}</strong>
              {newQuota < storage.usedBytes && ' — less than what is stored now: uploads will be refused until space is freed.'}
            </p>
          </div>
          <div className="dialog-footer" style={{ borderRadius: '0 0 var(--radius) var(--radius)' }}>
            <button type="submit" className="btn btn-primary" disabled={saving.fetching}>{saving.fetching ? 'Saving…' : 'Save plan'}</button>
          </div>
        </form>
      </div>
    </>
  );
}
