import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateInvoiceMutation, InvoiceCustomersQuery } from './invoiceOperations';
import { addDays, validateInvoice, type InvoiceDraft, type InvoiceErrors } from './invoiceForm';
import { localToday } from './actionsView';
import { Dialog, FormErrors, InputField, SelectField } from '../ui/components';
import { describeError, splitErrors } from '../lib/errors';
import { useDebounced } from '../lib/useDebounced';

const FIELDS = ['customerId', 'number', 'amount', 'currency', 'issuedOn', 'dueOn'] as const;

/** New invoice: customer, number, amount + currency, issue and due date. */
export function CreateInvoiceDialog({ initialCustomerId, onClose, onCreated }: { initialCustomerId?: string; onClose: () => void; onCreated: (number: string) => void }) {
  const today = localToday();
  const [draft, setDraft] = useState<InvoiceDraft>({ customerId: initialCustomerId ?? '', number: '', amount: '', currency: 'EUR', issuedOn: today, dueOn: addDays(today, 30) });
  const [errors, setErrors] = useState<InvoiceErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  // The customer list is searched on the server (an organization may have thousands): the first 200 matches show.
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 250);
  const [customers] = useQuery({ query: InvoiceCustomersQuery, variables: { search: debounced || null } });
  const [state, create] = useMutation(CreateInvoiceMutation);
  const set = (k: keyof InvoiceDraft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const v = validateInvoice(draft);
    setErrors(v);
    if (Object.keys(v).length) return;
    const r = await create({ input: { ...draft, number: draft.number.trim(), amount: draft.amount.trim(), currency: draft.currency.trim().toUpperCase() } });
    if (r.error) return setGeneral([describeError(r.error)]);
    const payload = r.data?.createInvoice;
    const split = splitErrors(payload?.errors, FIELDS);
    setErrors(split.byField);
    setGeneral(split.general);
    if (payload && !payload.errors.length) onCreated(payload.invoice?.number ?? draft.number);
  }

  const list = customers.data?.customers.edges.map((e) => e.node) ?? [];
  return (
    <Dialog title="New invoice" onClose={onClose} footer={
      <>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="create-invoice" className="btn btn-primary" disabled={state.fetching}>Create invoice</button>
      </>
    }>
      <form id="create-invoice" className="stack" onSubmit={submit} noValidate aria-label="New invoice">
        <FormErrors messages={general} />
        {!initialCustomerId && (
          <InputField label="Find customer" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or contact"
            hint={customers.data && customers.data.customers.totalCount > list.length ? `The first ${list.length} of ${customers.data.customers.totalCount}: type to narrow down.` : undefined} />
        )}
        <SelectField label="Customer" value={draft.customerId} onChange={set('customerId')} error={errors.customerId}>
          <option value="">{list.length ? 'Choose a customer…' : 'No customer matches'}</option>
          {list.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </SelectField>
        <div className="form-grid">
          <InputField label="Invoice number" value={draft.number} onChange={set('number')} error={errors.number} maxLength={64} />
          <div className="row" style={{ flexWrap: 'nowrap', alignItems: 'flex-start' }}>
            <InputField label="Amount" inputMode="decimal" value={draft.amount} onChange={set('amount')} error={errors.amount} placeholder="1250.00" className="grow" />
            <InputField label="Currency" value={draft.currency} onChange={set('currency')} error={errors.currency} maxLength={3} style={{ width: '5.5em', textTransform: 'uppercase' }} />
          </div>
          <InputField label="Issue date" type="date" value={draft.issuedOn} onChange={set('issuedOn')} error={errors.issuedOn} />
          <InputField label="Due date" type="date" value={draft.dueOn} onChange={set('dueOn')} error={errors.dueOn} />
        </div>
      </form>
    </Dialog>
  );
}
