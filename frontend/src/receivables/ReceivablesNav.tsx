import { NavLink } from 'react-router';
import { IconBriefcase, IconReceipt } from '../ui/icons';

/** The staff sidebar's Receivables section (issue 11). */
export function ReceivablesNav({ role }: { role: string }) {
  void role;
  const link = (to: string, label: string, Icon: typeof IconReceipt) => (
    <NavLink to={to} className={({ isActive }) => `nav-link ${isActive ? 'active' : ''}`}><Icon /> {label}</NavLink>
  );
  return (
    <>
      <div className="nav-section">Receivables</div>
      {link('/portfolio', 'Portfolio', IconBriefcase)}
      {link('/invoices', 'Invoices', IconReceipt)}
    </>
  );
}
