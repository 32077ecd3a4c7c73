import { describe, it, expect } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient, Wrapper, type Handler } from '../test/mockClient';
import { TestSessionProvider, type Viewer } from '../app/session';
import { ActionsPage } from './ActionsPage';

const viewer = (role: 'ADMIN' | 'MANAGER' | 'MEMBER'): Viewer => ({
  kind: 'MEMBER',
  member: { id: 'M1', email: 'anna@x.example', firstName: 'Anna', lastName: 'Berg', fullName: 'Anna Berg', role, isAccountManager: true, isActive: true, language: 'en', standardMessage: '' },
  contact: null,
  organization: { id: 'O1', name: 'Northwind', languages: ['en'] },
} as Viewer);

function renderAs(role: 'ADMIN' | 'MANAGER' | 'MEMBER', el: React.ReactNode, handlers: Record<string, Handler>, route = '/') {
  const mock = createMockClient({
    AssignableMembers: () => ({ data: { members: { edges: [
      { node: { id: 'M1', fullName: 'Anna Berg', email: 'a@x', isAccountManager: true, isActive: true, role: 'MEMBER' } },
      { node: { id: 'M2', fullName: 'Ben Carter', email: 'b@x', isAccountManager: true, isActive: true, role: 'MEMBER' } },
    ] } } }),
    ...handlers,
  });
  render(<Wrapper client={mock.client} route={route}><TestSessionProvider viewer={viewer(role)}>{el}</TestSessionProvider></Wrapper>);
  return mock;
}

const actionNode = (id: string, status: 'TODO' | 'DONE') => ({
  id, kind: 'CALL', text: 'Ask about INV-1', dueOn: '2026-12-01', status, doneAt: null, note: '', doneBy: null,
  assignee: { id: 'M1', fullName: 'Anna Berg' }, customer: { id: 'K1', name: 'Aurora' }, invoiceId: 'I1', invoiceNumber: 'INV-1',
});

describe('ActionsPage', () => {
  it('asks for mine to do; a manager switches to everyone\'s and done', async () => {
    const user = userEvent.setup();
    const mock = renderAs('MANAGER', <ActionsPage />, {
      Actions: (v) => ({ data: { actions: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: actionNode('A1', v.status as 'TODO') }] } } }),
    });
    await screen.findByText('Ask about INV-1');
    expect(mock.callsOf('Actions')[0]!.variables).toMatchObject({ status: 'TODO', mine: true });
    await user.click(screen.getByRole('radio', { name: "Everyone's" }));
    await waitFor(() => expect(mock.callsOf('Actions').at(-1)!.variables).toMatchObject({ status: 'TODO', mine: false }));
    await user.click(screen.getByRole('tab', { name: 'Done' }));
    await waitFor(() => expect(mock.callsOf('Actions').at(-1)!.variables).toMatchObject({ status: 'DONE', mine: false }));
  });

  it('completes an action with a note', async () => {
    const user = userEvent.setup();
    const mock = renderAs('MEMBER', <ActionsPage />, {
      Actions: () => ({ data: { actions: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: actionNode('A1', 'TODO') }] } } }),
      CompleteAction: () => ({ data: { completeAction: { action: { id: 'A1', status: 'DONE' }, errors: [] } } }),
    });
    await screen.findByText('Ask about INV-1');
    expect(screen.queryByRole('radio', { name: "Everyone's" })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reassign' })).toBeNull();
    await user.click(screen.getByRole('button', { name: /Complete/ }));
    const dialog = screen.getByRole('dialog', { name: 'Complete action' });
    await user.type(within(dialog).getByLabelText('Note'), 'Will pay Friday');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as done' }));
    expect(mock.callsOf('CompleteAction')[0]!.variables).toEqual({ input: { actionId: 'A1', note: 'Will pay Friday' } });
  });
});
