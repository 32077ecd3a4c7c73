import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreateCustomerMutation } from './operations';
import { Dialog, FormErrors, InputField, Toggle } from '../ui/components';
import { describeError, splitErrors } from '../lib/errors';
import type { CustomerKind } from '../gql/graphql';

const FIELDS = ['kind', 'name', 'firstName', 'lastName', 'email', 'hubAccess', 'modules'];

export function CreateCustomerDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const [kind, setKind] = useState<CustomerKind>('COMPANY');
  const [name, setName] = useState('');
  const [person, setPerson] = useState({ firstName: '', lastName: '', email: '' });
  const [hubAccess, setHubAccess] = useState(true);
  const [state, create] = useMutation(CreateCustomerMutation);
  const [errs, setErrs] = useState<ReturnType<typeof splitErrors>>({ byField: {}, general: [] });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input =
      kind === 'COMPANY'
        ? { kind, name: name.trim(), hubAccess, modules: ['DOCUMENTS' as const] }
        : { kind, name: `${person.firstName} ${person.lastName}`.trim(), hubAccess, modules: ['DOCUMENTS' as const], firstName: person.firstName.trim(), lastName: person.lastName.trim(), email: person.email.trim() || null };
    const r = await create({ input });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.createCustomer;
    if (p.errors.length || !p.customer) return setErrs(splitErrors(p.errors, FIELDS));
    onCreated(p.customer.id);
  }

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
          <InputField label="Company name" required value={name} onChange={(e) => setName(e.target.value)} error={errs.byField.name} autoComplete="organization" />
        ) : (
          <div className="form-grid">
            <InputField label="First name" required value={person.firstName} onChange={(e) => setPerson({ ...person, firstName: e.target.value })} error={errs.byField.firstName} />
            <InputField label="Last name" required value={person.lastName} onChange={(e) => setPerson({ ...person, lastName: e.target.value })} error={errs.byField.lastName} />
            <InputField className="full" label="Email" type="email" value={person.email} onChange={(e) => setPerson({ ...person, email: e.target.value })} error={errs.byField.email ?? errs.byField.name} hint="Optional: asked at first sign-in if missing." />
          </div>
        )}
        <Toggle label="Hub access" checked={hubAccess} onChange={setHubAccess} />
        {kind === 'COMPANY' && <p className="muted small">You become this customer's account manager. Add contacts on the next page, or type recipients when you send.</p>}
      </form>
    </Dialog>
  );
}
