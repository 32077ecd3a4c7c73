import { describe, it, expect, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WorkflowEditor } from './WorkflowEditor';
import { defaultDraft } from './workflowForm';

function setup() {
  const onSave = vi.fn();
  render(<WorkflowEditor title="New workflow" initial={defaultDraft()} saving={false} serverErrors={[]} onSave={onSave} onClose={() => {}} />);
  return { onSave, user: userEvent.setup() };
}

describe('WorkflowEditor', () => {
  it('shows errors next to the step and saves nothing until they are fixed', async () => {
    const { onSave, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add step' }));
    const steps = screen.getAllByTestId('workflow-step');
    expect(steps).toHaveLength(5);
    const added = steps[4]!;
    await user.selectOptions(within(added).getByLabelText('Step 5: what'), 'ACTION');
    await user.selectOptions(within(added).getByLabelText('Step 5: action'), 'CUSTOM');
    await user.click(screen.getByRole('button', { name: 'Save workflow' }));
    expect(screen.getByText('Give the workflow a name.')).toBeInTheDocument();
    expect(within(added).getByText('Whole days, e.g. -3 or 7.')).toBeInTheDocument();
    expect(within(added).getByText('Say what the account manager should do.')).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Name'), 'Standard');
    await user.type(within(added).getByLabelText('Step 5: day'), '-10');
    await user.type(within(added).getByLabelText('Step 5: text'), 'Check the PO number');
    expect(within(added).getByText('10 days before the due date')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save workflow' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    const saved = onSave.mock.calls[0]![0];
    expect(saved.name).toBe('Standard');
    // saved in the order they run
    expect(saved.steps.map((s: { offsetDays: string; kind: string }) => `${s.offsetDays}:${s.kind}`)).toEqual(['-10:ACTION', '-3:EMAIL', '1:EMAIL', '7:EMAIL', '15:ACTION']);
  });

  it('removes a step and chooses the account manager copy of an email step', async () => {
    const { onSave, user } = setup();
    await user.type(screen.getByLabelText('Name'), 'Short');
    await user.click(screen.getByRole('button', { name: 'Remove step 4' }));
    await user.selectOptions(screen.getByLabelText('Step 1: account manager copy'), 'BCC');
    await user.click(screen.getByRole('button', { name: 'Save workflow' }));
    const saved = onSave.mock.calls[0]![0];
    expect(saved.steps).toHaveLength(3);
    expect(saved.steps[0].copyAccountManager).toBe('BCC');
  });
});

describe('WorkflowEditor with the server\'s errors', () => {
  it('shows them on the step they name', () => {
    render(<WorkflowEditor title="Edit workflow" initial={{ ...defaultDraft(), name: 'X' }} saving={false} onSave={() => {}} onClose={() => {}}
      serverErrors={[{ field: 'steps.2.offsetDays', message: 'Two steps of the same kind on the same day: merge them.' }, { field: null, message: 'Not allowed.' }]} />);
    expect(within(screen.getAllByTestId('workflow-step')[2]!).getByText('Two steps of the same kind on the same day: merge them.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Not allowed.');
  });
});
