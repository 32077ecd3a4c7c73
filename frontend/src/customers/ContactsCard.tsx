import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { AddContactMutation, DeleteContactMutation, UpdateContactMutation } from './operations';
import { FormErrors, InputField, Toggle } from '../ui/components';
import { IconPlus, IconTrash } from '../ui/icons';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';
import { useServerValue } from '../lib/useOptimistic';
import type { CustomerQuery } from '../gql/graphql';

type Contact = NonNullable<CustomerQuery['customer']>['contacts'][number];
const FIELDS = ['firstName', 'lastName', 'email', 'hubAccess', 'isPrimary'];
const none: SplitErrors = { byField: {}, general: [] };

function ContactRow({ contact, onChanged }: { contact: Contact; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ firstName: contact.firstName, lastName: contact.lastName, email: contact.email ?? '' });
  const [errs, setErrs] = useState(none);
  const [upd, update] = useMutation(UpdateContactMutation);
  const [, del] = useMutation(DeleteContactMutation);
  const [hubAccess, setHubAccess, resetHubAccess] = useServerValue(contact.hubAccess);

  async function save(e: FormEvent) {
    e.preventDefault();
    const r = await update({ input: { contactId: contact.id, firstName: form.firstName.trim(), lastName: form.lastName.trim(), email: form.email.trim() || null } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    if (r.data!.updateContact.errors.length) return setErrs(splitErrors(r.data!.updateContact.errors, FIELDS));
    setErrs(none);
    setEditing(false);
    onChanged();
  }
  async function toggle(field: 'hubAccess' | 'isPrimary', value: boolean) {
    if (field === 'hubAccess') setHubAccess(value);
    const r = await update({ input: { contactId: contact.id, [field]: value } });
    if (r.error) { resetHubAccess(); return setErrs({ byField: {}, general: [describeError(r.error)] }); }
    if (r.data!.updateContact.errors.length) resetHubAccess();
    setErrs(splitErrors(r.data!.updateContact.errors, []));
    onChanged();
  }
  async function remove() {
    if (!window.confirm(`Delete ${contact.fullName}? They lose access to the hub.`)) return;
    const r = await del({ input: { contactId: contact.id } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    if (r.data!.deleteContact.errors.length) return setErrs(splitErrors(r.data!.deleteContact.errors, []));
    onChanged();
  }

  if (editing) {
    return (
      <li>
        <form className="stack-sm" onSubmit={save} noValidate aria-label={`Edit ${contact.fullName}`}>
          <FormErrors messages={errs.general} />
          <div className="form-grid">
            <InputField label="First name" value={form.firstName} onChange={(e) => setForm({ ...form, firstName: e.target.value })} error={errs.byField.firstName} />
            <InputField label="Last name" value={form.lastName} onChange={(e) => setForm({ ...form, lastName: e.target.value })} error={errs.byField.lastName} />
            <InputField className="full" label="Email" type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={errs.byField.email} />
          </div>
          <div className="row end">
            <button type="button" className="btn btn-sm" onClick={() => { setEditing(false); setErrs(none); setForm({ firstName: contact.firstName, lastName: contact.lastName, email: contact.email ?? '' }); }}>Cancel</button>
            <button type="submit" className="btn btn-primary btn-sm" disabled={upd.fetching}>Save</button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li>
      <div className="row between">
        <div style={{ minWidth: 0 }}>
          <div className="row" style={{ gap: 'var(--s2)' }}>
            <strong>{contact.fullName}</strong>
            {contact.isPrimary && <span className="badge badge-soft">Primary</span>}
            {contact.hasPassword ? <span className="badge badge-success">Signed up</span> : <span className="badge">Invited</span>}
          </div>
          <div className="muted small">{contact.email ?? 'No email yet'}</div>
        </div>
        <div className="row">
          <Toggle label={<>Hub access<span className="visually-hidden"> for {contact.fullName}</span></>} checked={hubAccess} onChange={(v) => toggle('hubAccess', v)} />
          {!contact.isPrimary && <button type="button" className="btn btn-ghost btn-sm" onClick={() => toggle('isPrimary', true)}>Make primary</button>}
          <button type="button" className="btn btn-sm" onClick={() => setEditing(true)} aria-label={`Edit ${contact.fullName}`}>Edit</button>
          <button type="button" className="btn btn-sm btn-danger btn-icon" onClick={remove} aria-label={`Delete ${contact.fullName}`}><IconTrash /></button>
        </div>
      </div>
      {errs.general.length > 0 && <div style={{ marginTop: 8 }}><FormErrors messages={errs.general} /></div>}
    </li>
  );
}

export function ContactsCard({ customerId, contacts, isPerson, onChanged }: { customerId: string; contacts: Contact[]; isPerson: boolean; onChanged: () => void }) {
  const [form, setForm] = useState({ firstName: '', lastName: '', email: '' });
  const [errs, setErrs] = useState(none);
  const [adding, setAdding] = useState(false);
  const [st, add] = useMutation(AddContactMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await add({ input: { customerId, firstName: form.firstName.trim(), lastName: form.lastName.trim(), email: form.email.trim() || null, hubAccess: true, isPrimary: contacts.length === 0 } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    if (r.data!.addContact.errors.length) return setErrs(splitErrors(r.data!.addContact.errors, FIELDS));
    setErrs(none);
    setForm({ firstName: '', lastName: '', email: '' });
    setAdding(false);
    onChanged();
  }

  return (
    <section className="card" aria-labelledby="contacts-h">
      <div className="card-header">
        <h2 id="contacts-h">Contacts <span className="muted">({contacts.length})</span></h2>
        {!isPerson && !adding && <button type="button" className="btn btn-sm" onClick={() => setAdding(true)}><IconPlus /> Add contact</button>}
      </div>
      {contacts.length === 0 && !adding ? (
        <div className="card-body muted">No contacts yet. Add one, or type a recipient when you send documents.</div>
      ) : (
        <ul className="list">{contacts.map((c) => <ContactRow key={c.id} contact={c} onChanged={onChanged} />)}</ul>
      )}
      {adding && (
        <form className="card-body stack-sm" onSubmit={submit} noValidate aria-label="Add contact" style={{ borderTop: '1px solid var(--border)' }}>
          <FormErrors messages={errs.general} />
          <div className="form-grid">
            <InputField label="First name" required value={form.firstName} onChange={(e) => setForm({ ...form, firstName: e.target.value })} error={errs.byField.firstName} />
            <InputField label="Last name" required value={form.lastName} onChange={(e) => setForm({ ...form, lastName: e.target.value })} error={errs.byField.lastName} />
            <InputField className="full" label="Email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={errs.byField.email} />
          </div>
          <div className="row end">
            <button type="button" className="btn btn-sm" onClick={() => { setAdding(false); setErrs(none); }}>Cancel</button>
            <button type="submit" className="btn btn-primary btn-sm" disabled={st.fetching}>Add contact</button>
          </div>
        </form>
      )}
    </section>
  );
}
