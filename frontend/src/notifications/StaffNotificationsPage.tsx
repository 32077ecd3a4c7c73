import { Link } from 'react-router';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import { en } from './strings';
import { PageHeader } from '../ui/components';
import { useTitle } from '../lib/useTitle';

/** A member's own notification settings, under "My settings". */
export function StaffNotificationsPage() {
  useTitle('Notifications');
  return (
    <>
      <PageHeader title={en.title} breadcrumb={<Link to="/settings">My settings</Link>} />
      <NotificationSettingsForm t={en} />
    </>
  );
}
