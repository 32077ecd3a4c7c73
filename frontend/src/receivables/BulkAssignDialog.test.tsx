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
    expect(mock.callsOf('AssignAccountManagers')[0]!.variables).toEqual({ input: { customerIds: ['K1', 'K2'], memberIds: ['M1'], mode: 'ADD' } });
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

describe('BulkAssignDialog REPLACE', () => {
  it('asks first: a dry run counts the assignments it removes, the second click replaces', async () => {
    const user = userEvent.setup();
    const { mock, onDone } = setup((v) => ((v.input as { dryRun?: boolean }).dryRun
      ? { data: { assignAccountManagers: { customers: [], removedAssignments: 3, errors: [] } } }
      : { data: { assignAccountManagers: { customers: [], removedAssignments: null, errors: [] } } }));
    await screen.findByText('Anna Rep');
    await user.click(screen.getByRole('radio', { name: 'Replace account managers' }));
    expect(screen.queryByText('Bo Not')).toBeNull(); // only account managers can replace
    await user.click(screen.getByRole('checkbox', { name: /Anna Rep/ }));
    await user.click(screen.getByRole('button', { name: 'Replace…' }));
    expect(mock.callsOf('AssignAccountManagers')).toHaveLength(1);
    expect(mock.callsOf('AssignAccountManagers')[0]!.variables).toEqual({ input: { customerIds: ['K1', 'K2'], memberIds: ['M1'], mode: 'REPLACE', dryRun: true } });
    expect(screen.getByTestId('replace-confirmation')).toHaveTextContent('This removes 3 current assignments from the 2 selected customers.');
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Replace and remove 3 assignments' }));
    expect(mock.callsOf('AssignAccountManagers')[1]!.variables).toEqual({ input: { customerIds: ['K1', 'K2'], memberIds: ['M1'], mode: 'REPLACE' } });
    expect(onDone).toHaveBeenCalledWith('Anna Rep now the only account manager of 2 customers (3 assignments removed).');
  });

  it('changing the choice asks again, and the dry run\'s errors stop it', async () => {
    const user = userEvent.setup();
    let answer: object = { data: { assignAccountManagers: { customers: [], removedAssignments: 1, errors: [] } } };
    const { mock, onDone } = setup(() => answer);
    await screen.findByText('Anna Rep');
    await user.click(screen.getByRole('radio', { name: 'Replace account managers' }));
    await user.click(screen.getByRole('checkbox', { name: /Anna Rep/ }));
    await user.click(screen.getByRole('button', { name: 'Replace…' }));
    await screen.findByText(/This removes 1 current assignment from/);
    await user.click(screen.getByRole('checkbox', { name: /Anna Rep/ })); // unpicked: the count no longer holds
    expect(screen.queryByTestId('replace-confirmation')).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /Anna Rep/ }));
    answer = { data: { assignAccountManagers: { customers: [], removedAssignments: null, errors: [{ code: 'NOT_AN_ACCOUNT_MANAGER', field: 'memberIds', message: 'Not an account manager: M1@x.example.' }] } } };
    await user.click(screen.getByRole('button', { name: 'Replace…' }));
    await screen.findByText('Not an account manager: M1@x.example.');
    expect(screen.queryByTestId('replace-confirmation')).toBeNull();
    expect(mock.callsOf('AssignAccountManagers').every((c) => (c.variables.input as { dryRun?: boolean }).dryRun)).toBe(true);
    expect(onDone).not.toHaveBeenCalled();
  });
});
