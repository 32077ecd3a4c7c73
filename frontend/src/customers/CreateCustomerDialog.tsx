import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ContactRulesQuery, CreateCustomerMutation } from './operations';
import { Dialog, FormErrors, InputField, Toggle } from '../ui/components';
import { describeError, splitErrors } from '../lib/errors';
import type { CustomerKind } from '../gql/graphql';

const FIELDS = ['kind', 'name', 'firstName', 'lastName', 'email', 'hubAccess', 'modules', 'sendWelcome'];

/**
 * Seed 001: a company (with its first contact now or later) or a private person, who is their own single contact:
 * one form creates both, with hub access and "send the welcome email now". A company gets hub access only with a
 * contact, so the switch waits for one.
 */
export function CreateCustomerDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const [kind, setKind] = useState<CustomerKind>('COMPANY');
  const [name, setName] = useState('');
  const [person, setPerson] = useState({ firstName: '', lastName: '', email: '' });
  const [hubAccess, setHubAccess] = useState(false);
  const [sendWelcome, setSendWelcome] = useState(true);
  const [rules] = useQuery({ query: ContactRulesQuery });
  const [state, create] = useMutation(CreateCustomerMutation);
  const [errs, setErrs] = useState<ReturnType<typeof splitErrors>>({ byField: {}, general: [] });
  const emailOptional = rules.data?.organization?.allowContactsWithoutEmail === true;
  const hasContact = kind === 'PERSON' || Object.values(person).some((v) => v.trim());
  const canHaveAccess = hasContact;
  const welcomeBlocked = !person.email.trim() ? 'The contact has no email, so no welcome email can be sent. They give one when they first sign in.' : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const contact = hasContact ? { firstName: person.firstName.trim(), lastName: person.lastName.trim(), email: person.email.trim() || null } : {};
    const access = hubAccess && canHaveAccess;
    const input = {
      kind,
      name: kind === 'COMPANY' ? name.trim() : `${person.firstName} ${person.lastName}`.trim(),
      hubAccess: access,
      sendWelcome: access && sendWelcome && !welcomeBlocked,
      modules: ['DOCUMENTS' as const],
      ...contact,
    };
    const r = await create({ input });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.createCustomer;
    if (p.errors.length || !p.customer) return setErrs(splitErrors(p.errors, FIELDS));
    onCreated(p.customer.id);
  }

  const contactFields = (
    <div className="form-grid">
      <InputField label="First name" required={kind === 'PERSON'} value={person.firstName} onChange={(e) => setPerson({ ...person, firstName: e.target.value })} error={errs.byField.firstName} autoComplete="off" />
      <InputField label="Last name" required={kind === 'PERSON'} value={person.lastName} onChange={(e) => setPerson({ ...person, lastName: e.target.value })} error={errs.byField.lastName} autoComplete="off" />
      <InputField
        className="full" label="Email" type="email" required={!emailOptional} value={person.email}
        onChange={(e) => setPerson({ ...person, email: e.target.value })} error={errs.byField.email} autoComplete="off"
        hint={emailOptional ? 'Optional in your organization: without one, it is asked at first sign-in.' : undefined}
      />
    </div>
  );

  return (
    <Dialog
      title="New customer"
      onClose={onClose}
      footer={<><button type="button" className="btn" onClick={onClose}>Cancel</button><button type="submit" form="create-customer" className="btn btn-primary" disabled={state.fetching}>{state.fetching ? 'Creating…' : 'Create customer'}</button></>}
    >
      <form id="create-customer" className="stack" onSubmit={submit} noValidate>
        <FormErrors messages={errs.general} />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="label" style={{ marginBottom: 6 }}>Kind</legend>
          <div className="chips">
            <label className="check"><input type="radio" name="kind" checked={kind === 'COMPANY'} onChange={() => setKind('COMPANY')} /> Company</label>
            <label className="check"><input type="radio" name="kind" checked={kind === 'PERSON'} onChange={() => setKind('PERSON')} /> Private person</label>
          </div>
        </fieldset>
        {kind === 'COMPANY' ? (
          <>
            <InputField label="Company name" required value={name} onChange={(e) => setName(e.target.value)} error={errs.byField.name} autoComplete="organization" />
            <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="label" style={{ marginBottom: 6 }}>First contact <span className="muted small">(optional, or add contacts later)</span></legend>
              {contactFields}
            </fieldset>
          </>
        ) : (
          <>
            {contactFields}
            <p className="muted small" style={{ margin: 0 }}>A private person is their own contact: this is who signs in to the hub.</p>
          </>
        )}
        <div className="stack-sm">
          <Toggle label="Hub access" checked={hubAccess && canHaveAccess} disabled={!canHaveAccess} onChange={setHubAccess} />
          {!canHaveAccess && <p className="muted small" style={{ margin: 0 }}>A company needs a contact before it can have hub access.</p>}
          {errs.byField.hubAccess && <div className="field-error">{errs.byField.hubAccess}</div>}
          {hubAccess && canHaveAccess && (
            <>
              <label className="check">
                <input type="checkbox" checked={sendWelcome && !welcomeBlocked} disabled={!!welcomeBlocked} onChange={(e) => setSendWelcome(e.target.checked)} />
                Send the welcome email now
              </label>
              {welcomeBlocked && <p className="muted small" style={{ margin: 0 }}>{welcomeBlocked}</p>}
              {errs.byField.sendWelcome && <div className="field-error">{errs.byField.sendWelcome}</div>}
            </>
          )}
        </div>
        {kind === 'COMPANY' && <p className="muted small" style={{ margin: 0 }}>You become this customer's account manager.</p>}
      </form>
    </Dialog>
  );
}
