import type { QuoteDraft, DraftErrors, Visibility } from './quoteForm';
import { InputField, SelectField } from '../ui/components';

export interface RecipientCustomer {
  name: string;
  hubAccess: boolean;
  modules: readonly string[];
  contacts: readonly { id: string; fullName: string; email?: string | null; hubAccess: boolean }[];
}

const CHOICES: { value: Visibility; label: string; hint: string }[] = [
  { value: 'ALL_CONTACTS', label: 'All contacts', hint: "Everyone at the customer with hub access sees it in their hub." },
  { value: 'ONE_CONTACT', label: 'One contact', hint: 'Only the contact you choose sees it.' },
  { value: 'PUBLIC_LINK', label: 'Public link with a password', hint: 'Anyone with the link and the password sees this quote, and nothing else.' },
];

/** Who sees the quote: all contacts, one contact, or a password-protected public link. */
export function QuoteRecipients({ draft, set, customer, errors }: {
  draft: QuoteDraft;
  set: (p: Partial<QuoteDraft>) => void;
  customer: RecipientCustomer | null;
  errors: DraftErrors;
}) {
  const viaHub = draft.visibility !== 'PUBLIC_LINK';
  // The server would accept the quote, but nobody could see it in the hub: say so before it is sent.
  const hubProblem = !customer || !viaHub ? null
    : !customer.hubAccess ? `${customer.name} has no hub access: switch it on on the customer page, or send a public link.`
    : !customer.modules.includes('QUOTES') ? `The Quotes module is off for ${customer.name}: contacts will not see the quote until it is switched on.`
    : null;
  const reachable = customer?.contacts.filter((c) => c.hubAccess) ?? [];
  return (
    <section aria-labelledby="quote-recipients" className="stack-sm">
      <div className="section-title" id="quote-recipients">Who sees it</div>
      <div className="visibility-choices" role="radiogroup" aria-label="Who sees the quote">
        {CHOICES.map((c) => (
          <label key={c.value} className="visibility-choice">
            <input type="radio" name="visibility" value={c.value} checked={draft.visibility === c.value} onChange={() => set({ visibility: c.value })} />
            <span><strong>{c.label}</strong><span className="muted">{c.hint}</span></span>
          </label>
        ))}
      </div>
      {draft.visibility === 'ONE_CONTACT' && (
        <SelectField label="Contact" value={draft.contactId ?? ''} onChange={(e) => set({ contactId: e.target.value || null })} error={errors.contactId}
          hint={customer && reachable.length === 0 ? 'No contact of this customer has hub access yet.' : undefined}>
          <option value="">Choose a contact…</option>
          {reachable.map((c) => <option key={c.id} value={c.id}>{c.fullName}{c.email ? ` (${c.email})` : ''}</option>)}
        </SelectField>
      )}
      {draft.visibility === 'ALL_CONTACTS' && customer && (
        <p className="small muted" data-testid="all-contacts-count">{reachable.length} contact{reachable.length === 1 ? '' : 's'} with hub access{reachable.length ? `: ${reachable.map((c) => c.fullName).join(', ')}` : ''}.</p>
      )}
      {draft.visibility === 'PUBLIC_LINK' && (
        <div className="pair-even">
          <InputField label="Link password" type="text" autoComplete="off" value={draft.linkPassword} onChange={(e) => set({ linkPassword: e.target.value })} error={errors.linkPassword}
            hint="Give it to the recipient by phone or another channel than the link." />
          <InputField label="Link expires on" type="date" value={draft.linkExpiresOn} onChange={(e) => set({ linkExpiresOn: e.target.value })} error={errors.linkExpiresOn}
            hint="Empty: open until the quote expires." />
        </div>
      )}
      {hubProblem && <div className="alert alert-warning" role="status">{hubProblem}</div>}
    </section>
  );
}
