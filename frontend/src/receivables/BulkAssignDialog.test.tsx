import { describe, it, expect, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BulkAssignDialog } from './BulkAssignDialog';
import { createMockClient, Wrapper } from '../test/mockClient';

const member = (id: string, fullName: string, isAccountManager: boolean, isActive = true) =>
  ({ id, fullName, email: `${id}@x.example`, isAccountManager, isActive, role: 'MEMBER' });

function setup(answer: (v: Record<string, unknown>) => unknown) {
  const onDone = vi.fn();
  const mock = createMockClient({
    AssignableMembers: () => ({ data: { members: { edges: [member('M1', 'Anna Rep', true), member('M2', 'Bo Not', false), member('M3', 'Gone', true, false)].map((node) => ({ node })) } } }),
    AssignAccountManagers: answer,
    UnassignAccountManagers: answer,
  });
  render(<Wrapper client={mock.client}><BulkAssignDialog customerIds={['K1', 'K2']} onClose={() => {}} onDone={onDone} /></Wrapper>);
  return { mock, onDone };
}

describe('BulkAssignDialog', () => {
  it('offers active account managers only and assigns them to every selected customer in one mutation', async () => {
    const user = userEvent.setup();
    const { mock, onDone } = setup(() => ({ data: { assignAccountManagers: { customers: [], errors: [] } } }));
    await screen.findByText('Anna Rep');
    expect(screen.queryByText('Bo Not')).toBeNull();
    expect(screen.queryByText('Gone')).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /Anna Rep/ }));
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    expect(mock.callsOf('AssignAccountManagers')[0]!.variables).toEqual({ input: { customerIds: ['K1', 'K2'], memberIds: ['M1'] } });
    expect(onDone).toHaveBeenCalledWith('Anna Rep now manages 2 customers.');
  });

  it('removes through the unassign mutation (any active member) and shows the server\'s errors', async () => {
    const user = userEvent.setup();
    const { mock, onDone } = setup(() => ({ data: { unassignAccountManagers: { customers: [], errors: [{ code: 'NOT_FOUND', field: 'customerIds', message: 'Customer not found.' }] } } }));
    await screen.findByText('Anna Rep');
    await user.click(screen.getByRole('radio', { name: 'Remove account managers' }));
    await user.click(screen.getByRole('checkbox', { name: /Bo Not/ }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(mock.callsOf('UnassignAccountManagers')[0]!.variables).toEqual({ input: { customerIds: ['K1', 'K2'], memberIds: ['M2'] } });
    await screen.findByText('Customer not found.');
    expect(onDone).not.toHaveBeenCalled();
  });
});
