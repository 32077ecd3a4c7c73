import { NavLink } from 'react-router';
import { IconBriefcase, IconChart, IconChecklist, IconReceipt, IconRepeat } from '../ui/icons';

/** The staff sidebar's Receivables section (issue 11). */
export function ReceivablesNav({ role }: { role: string }) {
  const manager = role === 'ADMIN' || role === 'MANAGER';
  const link = (to: string, label: string, Icon: typeof IconChart) => (
    <NavLink to={to} className={({ isActive }) => `nav-link ${isActive ? 'active' : ''}`}><Icon /> {label}</NavLink>
  );
  return (
    <>
      <div className="nav-section">Receivables</div>
      {link('/portfolio', 'Portfolio', IconBriefcase)}
      {link('/invoices', 'Invoices', IconReceipt)}
      {link('/actions', 'Actions', IconChecklist)}
      {link('/reports', 'Reports', IconChart)}
      {manager && link('/workflows', 'Reminder workflows', IconRepeat)}
    </>
  );
}
