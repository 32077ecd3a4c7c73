import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { UpdateContactMutation } from './operations';
import { Toggle } from '../ui/components';
import { ActionsMenu, type MenuItem } from '../ui/Menu';
import { IconMore, IconPencil } from '../ui/icons';
import { describeError, splitErrors } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useServerValue } from '../lib/useOptimistic';
import type { ContactRowFragment } from '../gql/graphql';

export type Contact = ContactRowFragment;
type Editing = null | 'name' | 'email';

/** NEVER_INVITED / INVITED (date) / SIGNED_IN (date), as a badge. */
export function StatusBadge({ contact }: { contact: Contact }) {
  if (contact.invitationStatus === 'SIGNED_IN') return <span className="badge badge-success">Signed in {formatDate(contact.lastSignedInAt)}</span>;
  if (contact.invitationStatus === 'INVITED') return <span className="badge badge-soft">Invited {formatDate(contact.invitedAt)}</span>;
  return <span className="badge">Never invited</span>;
}

/**
 * One contact in the contacts table. Name and email are edited in place (double-click them, or their pencil;
 * Enter saves, Escape cancels); hub access is a switch; the rest is in the row's actions menu.
 */
export function ContactRow({ contact, isPerson, onChanged, onEmailChanged, onSendWelcome, onDelete, onError }: {
  contact: Contact; isPerson: boolean; onChanged: () => void; onEmailChanged: (c: Contact) => void;
  onSendWelcome: (c: Contact) => void; onDelete: (c: Contact) => void; onError: (message: string) => void;
}) {
  const [editing, setEditing] = useState<Editing>(null);
  const [form, setForm] = useState({ firstName: contact.firstName, lastName: contact.lastName, email: contact.email ?? '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [upd, update] = useMutation(UpdateContactMutation);
  const [hubAccess, setHubAccess, resetHubAccess] = useServerValue(contact.hubAccess);

  function start(which: Editing) {
    setForm({ firstName: contact.firstName, lastName: contact.lastName, email: contact.email ?? '' });
    setFieldErrors({});
    setEditing(which);
  }
  async function save(e: FormEvent) {
    e.preventDefault();
    // An emptied email is sent as an explicit null: removed where the organization allows it, else an error.
    const input = editing === 'name'
      ? { contactId: contact.id, firstName: form.firstName.trim(), lastName: form.lastName.trim() }
      : { contactId: contact.id, email: form.email.trim() || null };
    const r = await update({ input });
    if (r.error) return onError(describeError(r.error));
    const p = r.data!.updateContact;
    if (p.errors.length) {
      const split = splitErrors(p.errors, ['firstName', 'lastName', 'email']);
      setFieldErrors(split.byField);
      if (split.general.length) onError(split.general.join(' '));
      return;
    }
    const emailChanged = editing === 'email' && p.contact && p.contact.email !== contact.email;
    setEditing(null);
    onChanged();
    if (emailChanged && p.contact) onEmailChanged(p.contact);
  }
  async function toggle(field: 'hubAccess' | 'isPrimary', value: boolean) {
    if (field === 'hubAccess') setHubAccess(value);
    const r = await update({ input: { contactId: contact.id, [field]: value } });
    const errors = r.data?.updateContact.errors ?? [];
    if (r.error || errors.length) {
      resetHubAccess();
      onError(r.error ? describeError(r.error) : errors.map((x) => x.message).join(' '));
    }
    onChanged();
  }

  const invited = contact.invitationStatus !== 'NEVER_INVITED';
  const items: MenuItem[] = [
    {
      label: invited ? 'Re-send welcome email' : 'Send welcome email',
      onSelect: () => onSendWelcome(contact),
      disabled: !!contact.welcomeUnavailableReason,
      hint: contact.welcomeUnavailableReason ?? (invited ? 'The previous welcome link stops working.' : undefined),
    },
    ...(!contact.isPrimary ? [{ label: 'Make primary contact', onSelect: () => void toggle('isPrimary', true) }] : []),
    ...(!isPerson ? [{ label: 'Delete contact', onSelect: () => onDelete(contact), danger: true }] : []),
  ];

  const cancel = (e: React.KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); setEditing(null); } };
  const editor = (label: string, children: ReactNode) => (
    <form className="inline-edit" onSubmit={save} onKeyDown={cancel} noValidate aria-label={label}>
      {children}
      <div className="row" style={{ gap: 'var(--s2)' }}>
        <button type="submit" className="btn btn-primary btn-sm" disabled={upd.fetching}>Save</button>
        <button type="button" className="btn btn-sm" onClick={() => setEditing(null)}>Cancel</button>
      </div>
    </form>
  );
  const input = (name: 'firstName' | 'lastName' | 'email', label: string, autoFocus = false) => (
    <div className="inline-field">
      <input
        className="input input-sm" aria-label={label} value={form[name]} autoFocus={autoFocus} type={name === 'email' ? 'email' : 'text'}
        aria-invalid={!!fieldErrors[name] || undefined} onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
      {fieldErrors[name] && <div className="field-error">{fieldErrors[name]}</div>}
    </div>
  );

  return (
    <tr>
      <td className="primary" data-label="Contact">
        {editing === 'name' ? editor(`Edit name of ${contact.fullName}`, <div className="row" style={{ gap: 'var(--s2)', alignItems: 'flex-start', flexWrap: 'wrap' }}>{input('firstName', 'First name', true)}{input('lastName', 'Last name')}</div>) : (
          <div className="row editable" style={{ gap: 'var(--s2)' }} onDoubleClick={() => start('name')}>
            <strong className="truncate">{contact.fullName}</strong>
            {contact.isPrimary && <span className="badge badge-soft">Primary</span>}
            <button type="button" className="btn btn-ghost btn-icon btn-xs edit-pencil" aria-label={`Edit name of ${contact.fullName}`} onClick={() => start('name')}><IconPencil /></button>
          </div>
        )}
        {editing === 'email' ? editor(`Edit email of ${contact.fullName}`, input('email', 'Email', true)) : (
          <div className="row editable small" style={{ gap: 'var(--s2)' }} onDoubleClick={() => start('email')}>
            {contact.email ? <span className="truncate muted">{contact.email}</span> : <span className="muted"><em>No email</em></span>}
            <button type="button" className="btn btn-ghost btn-icon btn-xs edit-pencil" aria-label={`Edit email of ${contact.fullName}`} onClick={() => start('email')}><IconPencil /></button>
          </div>
        )}
      </td>
      <td data-label="Hub access">
        <Toggle label={<span className="visually-hidden">Hub access for {contact.fullName}</span>} checked={hubAccess} onChange={(v) => void toggle('hubAccess', v)} />
      </td>
      <td data-label="Status"><StatusBadge contact={contact} /></td>
      <td data-label="Actions" className="actions-cell">
        <ActionsMenu label={`Actions for ${contact.fullName}`} icon={<IconMore />} items={items} />
      </td>
    </tr>
  );
}
