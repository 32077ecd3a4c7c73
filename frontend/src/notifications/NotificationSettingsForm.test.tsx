import { describe, it, expect } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import { en, notificationStrings } from './strings';
import { createMockClient, Wrapper, type Handler } from '../test/mockClient';

const STAFF = {
  choices: [
    { kind: 'CUSTOMER_UPLOADS', delivery: 'IMMEDIATELY', defaultDelivery: 'IMMEDIATELY' },
    { kind: 'HUB_ACTIVITY_ON_MY_SHARES', delivery: 'DAILY_DIGEST', defaultDelivery: 'DAILY_DIGEST' },
  ],
  timezone: null, effectiveTimezone: 'Europe/Copenhagen', digestTime: '08:00',
};

function setup(handlers: Record<string, Handler>, t = en) {
  const mock = createMockClient({ MyNotificationSettings: () => ({ data: { myNotificationSettings: STAFF } }), ...handlers });
  render(<Wrapper client={mock.client}><NotificationSettingsForm t={t} /></Wrapper>);
  return mock;
}

describe('NotificationSettingsForm', () => {
  it('shows one choice per kind and saves what the person picked', async () => {
    const user = userEvent.setup();
    const mock = setup({
      UpdateNotificationSettings: (v) => ({ data: { updateNotificationSettings: { notificationSettings: { ...STAFF, digestTime: (v.input as { digestTime: string }).digestTime }, errors: [] } } }),
    });
    const activity = await screen.findByRole('radiogroup', { name: 'Hub activity on my shares' });
    expect(within(activity).getByLabelText('Daily digest')).toBeChecked();
    expect(screen.getByRole('option', { name: "Organization's time zone (Europe/Copenhagen)" })).toBeInTheDocument();
    await user.click(within(activity).getByLabelText('Never'));
    await user.click(within(screen.getByRole('radiogroup', { name: 'Customer uploads' })).getByLabelText('Daily digest'));
    await user.clear(screen.getByLabelText('Time of day'));
    await user.type(screen.getByLabelText('Time of day'), '17:30');
    await user.click(screen.getByRole('button', { name: 'Save notification settings' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Notification settings saved.');
    expect(mock.callsOf('UpdateNotificationSettings')[0].variables).toEqual({
      input: {
        choices: [{ kind: 'CUSTOMER_UPLOADS', delivery: 'DAILY_DIGEST' }, { kind: 'HUB_ACTIVITY_ON_MY_SHARES', delivery: 'NEVER' }],
        timezone: null, digestTime: '17:30',
      },
    });
  });

  it('shows field errors next to the field', async () => {
    const user = userEvent.setup();
    setup({
      UpdateNotificationSettings: () => ({ data: { updateNotificationSettings: { notificationSettings: null, errors: [{ code: 'INVALID_TIME', field: 'digestTime', message: 'Give the time as HH:MM, e.g. 08:00.' }] } } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Save notification settings' }));
    expect(await screen.findByText('Give the time as HH:MM, e.g. 08:00.')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it("speaks the hub's language for contacts, and without a digest the time is not asked", async () => {
    const contact = { ...STAFF, choices: [{ kind: 'DOCUMENTS_SHARED_WITH_ME', delivery: 'IMMEDIATELY', defaultDelivery: 'IMMEDIATELY' }] };
    const mock = createMockClient({ MyNotificationSettings: () => ({ data: { myNotificationSettings: contact } }) });
    render(<Wrapper client={mock.client}><NotificationSettingsForm t={notificationStrings('da')} /></Wrapper>);
    const group = await screen.findByRole('radiogroup', { name: 'Dokumenter delt med mig' });
    expect(within(group).getByLabelText('Med det samme')).toBeChecked();
    expect(screen.getByLabelText('Tidspunkt')).toBeDisabled();
  });
});
