import { describe, it, expect } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StoragePage } from './StoragePage';
import { createMockClient, Wrapper } from '../test/mockClient';

const GIB = 1024 ** 3;
const plans = [{ plan: 'STANDARD', quotaBytes: GIB }, { plan: 'PLUS', quotaBytes: 5 * GIB }];
const storage = (usedBytes: number, plan = 'STANDARD', extraBytes = 0) => ({
  plan, extraBytes, quotaBytes: (plan === 'PLUS' ? 5 : 1) * GIB + extraBytes, usedBytes, plans,
});

function setup(current: ReturnType<typeof storage>, saved?: ReturnType<typeof storage>, errors: object[] = []) {
  const mock = createMockClient({
    Storage: () => ({ data: { organization: { id: 'O1', name: 'Acme Sales', storage: current } } }),
    SetStoragePlan: () => ({ data: { setStoragePlan: { storage: errors.length ? null : saved, errors } } }),
  });
  render(<Wrapper client={mock.client}><StoragePage /></Wrapper>);
  return mock;
}

describe('StoragePage', () => {
  it('shows used of quota as a bar that warns from 80 %', async () => {
    setup(storage(Math.ceil(0.85 * GIB)));
    const bar = await screen.findByRole('progressbar', { name: 'Storage used' });
    expect(bar).toHaveAttribute('aria-valuenow', '85');
    expect(bar).toHaveClass('storage-warning');
    expect(screen.getByTestId('storage-used')).toHaveTextContent('870 MB of 1.0 GB used');
    expect(screen.getByTestId('storage-plan')).toHaveTextContent('Standard · 1.0 GB');
    expect(screen.getByTestId('storage-extra')).toHaveTextContent('None');
  });

  it('says when the storage is full', async () => {
    setup(storage(GIB));
    const bar = await screen.findByRole('progressbar', { name: 'Storage used' });
    expect(bar).toHaveClass('storage-full');
    expect(screen.getByText(/Storage is full: staff and customers cannot upload files/)).toBeInTheDocument();
  });

  it('lets the admin choose the plan and extra storage, previewing the new quota', async () => {
    const user = userEvent.setup();
    const m = setup(storage(100), storage(100, 'PLUS', 2 * GIB));
    await user.selectOptions(await screen.findByLabelText('Plan'), 'PLUS');
    const extra = screen.getByLabelText(/Extra storage/);
    await user.clear(extra);
    await user.type(extra, '2');
    expect(screen.getByTestId('storage-new-quota')).toHaveTextContent('7.0 GB');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Storage plan saved.');
    const call = m.calls.find((c) => c.name === 'SetStoragePlan');
    expect(call?.variables).toEqual({ input: { plan: 'PLUS', extraGigabytes: 2 } });
  });

  it('refuses a number of GB that is not whole, and shows server errors by field', async () => {
    const user = userEvent.setup();
    const m = setup(storage(100), undefined, [{ code: 'INVALID_EXTRA_STORAGE', field: 'extraGigabytes', message: 'Extra storage is 0 to 10000 GB.' }]);
    const extra = await screen.findByLabelText(/Extra storage/);
    await user.clear(extra);
    await user.type(extra, '1.5');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(screen.getByText('Enter a whole number of GB (0 for none).')).toBeInTheDocument();
    expect(m.calls.some((c) => c.name === 'SetStoragePlan')).toBe(false);
    await user.clear(extra);
    await user.type(extra, '20000');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    const form = screen.getByRole('form', { name: 'Plan and extra storage' });
    expect(await within(form).findByText('Extra storage is 0 to 10000 GB.')).toBeInTheDocument();
  });
});
