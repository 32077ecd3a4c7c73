import { useState, type FormEvent } from 'react';
import './contacts.css';
import { useMutation, useQuery } from 'urql';
import { AddContactMutation, ContactRulesQuery, DeleteContactMutation, SendWelcomeEmailMutation } from './operations';
import { ContactRow, type Contact } from './ContactRow';
import { Dialog, FormErrors, InputField } from '../ui/components';
import { IconPlus } from '../ui/icons';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';

const FIELDS = ['firstName', 'lastName', 'email'];
const none: SplitErrors = { byField: {}, general: [] };

/**
 * The customer's contacts (seed 001): a table edited in place, an actions menu per contact (send or re-send the
 * welcome email, make primary, delete), each contact's status; a contact saved while the customer's hub access is
 * on is offered its welcome email at once.
 */
export function ContactsCard({ customerId, customerName, hubAccess, contacts, isPerson, onChanged }: {
  customerId: string; customerName: string; hubAccess: boolean; contacts: Contact[]; isPerson: boolean; onChanged: () => void;
}) {
  const [form, setForm] = useState({ firstName: '', lastName: '', email: '' });
  const [errs, setErrs] = useState(none);
  const [adding, setAdding] = useState(false);
  const [offer, setOffer] = useState<Contact | null>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const [notice, setNotice] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [rules] = useQuery({ query: ContactRulesQuery });
  const [st, add] = useMutation(AddContactMutation);
  const [sending, send] = useMutation(SendWelcomeEmailMutation);
  const [removing, del] = useMutation(DeleteContactMutation);
  const emailOptional = rules.data?.organization?.allowContactsWithoutEmail === true;

  /** Seed 001: saved while hub access is on → "send the welcome email now?" (when it can be sent at all). */
  function offerWelcome(c: Contact) {
    if (hubAccess && c.hubAccess && c.email && !c.welcomeUnavailableReason) setOffer(c);
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await add({ input: { customerId, firstName: form.firstName.trim(), lastName: form.lastName.trim(), email: form.email.trim() || null, hubAccess: true, isPrimary: contacts.length === 0 } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.addContact;
    if (p.errors.length || !p.contact) return setErrs(splitErrors(p.errors, FIELDS));
    setErrs(none);
    setForm({ firstName: '', lastName: '', email: '' });
    setAdding(false);
    onChanged();
    offerWelcome(p.contact);
  }
  async function sendWelcome(c: Contact) {
    setNotice(''); setProblems([]);
    const r = await send({ input: { contactId: c.id } });
    setOffer(null);
    if (r.error) return setProblems([describeError(r.error)]);
    const p = r.data!.sendWelcomeEmail;
    if (p.errors.length) return setProblems(p.errors.map((x) => x.message));
    setNotice(`Welcome email sent to ${c.fullName} (${c.email}).`);
    onChanged();
  }
  async function remove(c: Contact) {
    const r = await del({ input: { contactId: c.id } });
    setDeleting(null);
    if (r.error) return setProblems([describeError(r.error)]);
    const p = r.data!.deleteContact;
    if (p.errors.length) return setProblems(p.errors.map((x) => x.message));
    setNotice(`${c.fullName} was deleted.`);
    onChanged();
  }

  return (
    <section className="card contacts-card" aria-labelledby="contacts-h">
      <div className="card-header">
        <h2 id="contacts-h">Contacts <span className="muted">({contacts.length})</span></h2>
        {!isPerson && !adding && <button type="button" className="btn btn-sm" onClick={() => setAdding(true)}><IconPlus /> New contact</button>}
      </div>
      {(notice || problems.length > 0) && (
        <div className="card-body stack-sm" style={{ paddingBottom: 0 }}>
          {notice && <div className="alert alert-success" role="status">{notice}</div>}
          <FormErrors messages={problems} />
        </div>
      )}
      {contacts.length === 0 && !adding ? (
        <div className="card-body muted">No contacts yet. A company needs a contact before it can have hub access.</div>
      ) : contacts.length > 0 && (
        <div className="table-wrap">
          <table className="table responsive contacts-table">
            <thead><tr><th>Contact</th><th className="col-access">Hub access</th><th className="col-status">Status</th><th className="col-actions"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {contacts.map((c) => (
                <ContactRow
                  key={c.id} contact={c} isPerson={isPerson} onChanged={onChanged} onEmailChanged={offerWelcome}
                  onSendWelcome={(x) => void sendWelcome(x)} onDelete={setDeleting} onError={(m) => { setNotice(''); setProblems([m]); }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding && (
        <form className="card-body stack-sm" onSubmit={submit} noValidate aria-label="New contact" style={{ borderTop: '1px solid var(--border)' }}>
          <FormErrors messages={errs.general} />
          <div className="form-grid">
            <InputField label="First name" required value={form.firstName} onChange={(e) => setForm({ ...form, firstName: e.target.value })} error={errs.byField.firstName} />
            <InputField label="Last name" required value={form.lastName} onChange={(e) => setForm({ ...form, lastName: e.target.value })} error={errs.byField.lastName} />
            <InputField
              className="full" label="Email" type="email" required={!emailOptional} value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })} error={errs.byField.email}
              hint={emailOptional ? 'Optional in your organization: a contact without email gets no welcome email and gives one at first sign-in.' : undefined}
            />
          </div>
          <div className="row end">
            <button type="button" className="btn btn-sm" onClick={() => { setAdding(false); setErrs(none); }}>Cancel</button>
            <button type="submit" className="btn btn-primary btn-sm" disabled={st.fetching}>Save contact</button>
          </div>
        </form>
      )}
      {offer && (
        <Dialog
          title="Send the welcome email now?"
          onClose={() => setOffer(null)}
          footer={<><button type="button" className="btn" onClick={() => setOffer(null)}>Not now</button><button type="button" className="btn btn-primary" disabled={sending.fetching} onClick={() => void sendWelcome(offer)}>Send welcome email</button></>}
        >
          <p style={{ margin: 0 }}>
            Hub access is on for {customerName}. <strong>{offer.fullName}</strong> gets an email at {offer.email} with their personal link to the hub.
            You can also send it later from the contact's actions menu.
          </p>
        </Dialog>
      )}
      {deleting && (
        <Dialog
          title={`Delete ${deleting.fullName}?`}
          onClose={() => setDeleting(null)}
          footer={<><button type="button" className="btn" onClick={() => setDeleting(null)}>Cancel</button><button type="button" className="btn btn-danger" disabled={removing.fetching} onClick={() => void remove(deleting)}>Delete contact</button></>}
        >
          <p style={{ margin: 0 }}>They lose access to the hub, and their links stop working.</p>
        </Dialog>
      )}
    </section>
  );
}
