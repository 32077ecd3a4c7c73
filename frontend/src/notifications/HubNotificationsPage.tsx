import { Link } from 'react-router';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import { notificationStrings } from './strings';
import { useHubChrome } from '../portal/hubChrome';
import { useTitle } from '../lib/useTitle';

/** A contact's own notification settings, in the hub (in the hub's language, made for a phone). */
export function HubNotificationsPage() {
  const chrome = useHubChrome();
  const t = notificationStrings(chrome.language);
  useTitle(t.title);
  return (
    <>
      <div className="portal-hero">
        <Link to="/hub" className="small">← {chrome.organizationName}</Link>
        <h1 style={{ marginTop: 'var(--s2)' }}>{t.title}</h1>
      </div>
      <NotificationSettingsForm t={t} />
    </>
  );
}
