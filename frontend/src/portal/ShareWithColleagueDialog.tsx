import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ShareWithColleagueMutation } from './operations';
import { Dialog, FormErrors, InputField } from '../ui/components';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';

export function ShareWithColleagueDialog({ documentId, documentName, onClose }: { documentId: string; documentName: string; onClose: () => void }) {
  const [form, setForm] = useState({ firstName: '', lastName: '', email: '' });
  const [errs, setErrs] = useState<SplitErrors>({ byField: {}, general: [] });
  const [done, setDone] = useState<string | null>(null);
  const [st, share] = useMutation(ShareWithColleagueMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await share({ input: { documentId, firstName: form.firstName.trim(), lastName: form.lastName.trim(), email: form.email.trim() } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.shareWithColleague;
    setErrs(splitErrors(p.errors, ['firstName', 'lastName', 'email']));
    if (!p.errors.length) setDone(p.contact?.email ?? form.email);
  }

  return (
    <Dialog
      title="Share with a colleague"
      onClose={onClose}
      footer={done ? <button type="button" className="btn btn-primary" onClick={onClose}>Done</button> : <><button type="button" className="btn" onClick={onClose}>Cancel</button><button type="submit" form="share-colleague" className="btn btn-primary" disabled={st.fetching}>{st.fetching ? 'Sharing…' : 'Share'}</button></>}
    >
      {done ? (
        <div className="alert alert-success" role="status">We emailed {done} a personal link to “{documentName}”. They can open this document, and only this one.</div>
      ) : (
        <form id="share-colleague" className="stack" onSubmit={submit} noValidate>
          <p className="muted">Your colleague gets their own access to “{documentName}”, and only to this document: not to the other documents in your hub. We email them a personal link.</p>
          <FormErrors messages={errs.general} />
          <div className="form-grid">
            <InputField label="First name" required value={form.firstName} onChange={(e) => setForm({ ...form, firstName: e.target.value })} error={errs.byField.firstName} />
            <InputField label="Last name" required value={form.lastName} onChange={(e) => setForm({ ...form, lastName: e.target.value })} error={errs.byField.lastName} />
            <InputField className="full" label="Email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={errs.byField.email} />
          </div>
        </form>
      )}
    </Dialog>
  );
}
