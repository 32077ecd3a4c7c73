import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContactsCard } from './ContactsCard';
import { createMockClient, Wrapper } from '../test/mockClient';
import type { Contact } from './ContactRow';

const base: Contact = {
  id: 'C1', firstName: 'Pia', lastName: 'Holm', fullName: 'Pia Holm', email: 'pia@borealis.example',
  hubAccess: true, isPrimary: true, hasPassword: false, createdAt: '2026-12-01T10:00:00Z', invitationStatus: 'NEVER_INVITED',
  invitedAt: null, lastSignedInAt: null, welcomeUnavailableReason: null,
};
const ole: Contact = { ...base, id: 'C2', firstName: 'Ole', lastName: 'Berg', fullName: 'Ole Berg', email: 'ole@borealis.example', isPrimary: false };
const ida: Contact = {
  ...base, id: 'C3', firstName: 'Ida', lastName: 'Lund', fullName: 'Ida Lund', email: null, isPrimary: false,
  welcomeUnavailableReason: 'Ida Lund has no email address, so no welcome email can be sent.',
};
const invited: Contact = { ...base, invitationStatus: 'INVITED', invitedAt: '2026-12-02T09:00:00Z' };
const signedIn: Contact = { ...ole, invitationStatus: 'SIGNED_IN', invitedAt: '2026-12-02T09:00:00Z', lastSignedInAt: '2026-12-03T09:00:00Z' };

function setup(contacts: Contact[], hubAccess: boolean) {
  const onChanged = vi.fn();
  const mock = createMockClient({
    ContactRules: () => ({ data: { organization: { id: 'O1', allowContactsWithoutEmail: true } } }),
    AddContact: (v) => {
      const input = v.input as { firstName: string; lastName: string; email: string };
      return { data: { addContact: { contact: { ...ole, firstName: input.firstName, lastName: input.lastName, fullName: `${input.firstName} ${input.lastName}`, email: input.email }, errors: [] } } };
    },
    SendWelcomeEmail: () => ({ data: { sendWelcomeEmail: { contact: { ...ole, invitationStatus: 'INVITED', invitedAt: '2026-12-03T10:00:00Z' }, errors: [] } } }),
    UpdateContact: (v) => ({ data: { updateContact: { contact: { ...base, ...(v.input as object) }, errors: [] } } }),
  });
  render(<Wrapper client={mock.client}><ContactsCard customerId="K1" customerName="Borealis" hubAccess={hubAccess} contacts={contacts} isPerson={false} onChanged={onChanged} /></Wrapper>);
  return { mock, onChanged };
}

async function addOle(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'New contact' }));
  const form = screen.getByRole('form', { name: 'New contact' });
  await user.type(within(form).getByLabelText(/First name/), 'Ole');
  await user.type(within(form).getByLabelText(/Last name/), 'Berg');
  await user.type(within(form).getByLabelText(/Email/), 'ole@borealis.example');
  await user.click(within(form).getByRole('button', { name: 'Save contact' }));
}

describe('ContactsCard', () => {
  it('shows each contact\'s status: never invited, invited (date), signed in (date)', () => {
    setup([invited, signedIn, ida], true);
    expect(screen.getByText(/^Invited /)).toHaveTextContent('2026');
    expect(screen.getByText(/^Signed in /)).toHaveTextContent('2026');
    expect(screen.getByText('Never invited')).toBeInTheDocument();
  });

  it('offers the welcome email when a contact is saved while hub access is on', async () => {
    const user = userEvent.setup();
    const { mock } = setup([base], true);
    await addOle(user);
    const offer = await screen.findByRole('dialog', { name: 'Send the welcome email now?' });
    await user.click(within(offer).getByRole('button', { name: 'Send welcome email' }));
    await screen.findByText('Welcome email sent to Ole Berg (ole@borealis.example).');
    expect(mock.callsOf('SendWelcomeEmail')[0]!.variables).toEqual({ input: { contactId: 'C2' } });
  });

  it('does not offer it while the customer has no hub access', async () => {
    const user = userEvent.setup();
    const { mock } = setup([base], false);
    await addOle(user);
    await waitFor(() => expect(mock.callsOf('AddContact')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says in the actions menu why a contact without email gets no welcome email', async () => {
    const user = userEvent.setup();
    const { mock } = setup([base, ida], true);
    await user.click(screen.getByRole('button', { name: 'Actions for Ida Lund' }));
    const item = within(screen.getByRole('menu', { name: 'Actions for Ida Lund' })).getByRole('menuitem', { name: /Send welcome email/ });
    expect(item).toHaveAttribute('aria-disabled', 'true');
    expect(item).toHaveTextContent('has no email address');
    await user.click(item);
    expect(mock.callsOf('SendWelcomeEmail')).toHaveLength(0);
  });

  it('edits a name in place: Enter saves, and an emptied email is sent as an explicit null', async () => {
    const user = userEvent.setup();
    const { mock } = setup([base], true);
    await user.dblClick(screen.getByText('Pia Holm'));
    const form = screen.getByRole('form', { name: 'Edit name of Pia Holm' });
    await user.clear(within(form).getByLabelText('Last name'));
    await user.type(within(form).getByLabelText('Last name'), 'Holmberg{Enter}');
    await waitFor(() => expect(mock.callsOf('UpdateContact')).toHaveLength(1));
    expect(mock.callsOf('UpdateContact')[0]!.variables).toEqual({ input: { contactId: 'C1', firstName: 'Pia', lastName: 'Holmberg' } });

    await user.click(screen.getByRole('button', { name: 'Edit email of Pia Holm' }));
    const email = screen.getByRole('form', { name: 'Edit email of Pia Holm' });
    await user.clear(within(email).getByLabelText('Email'));
    await user.click(within(email).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(mock.callsOf('UpdateContact')).toHaveLength(2));
    expect(mock.callsOf('UpdateContact')[1]!.variables).toEqual({ input: { contactId: 'C1', email: null } });
  });
});
