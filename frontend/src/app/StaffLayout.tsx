import { useEffect, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from './session';
import { DevMailboxAvailableQuery, LogOutMutation } from './operations';
import { useSelection } from '../libraries/selection';
import { Loading } from '../ui/components';
import { IconActivity, IconBuilding, IconKey, IconLibrary, IconLogOut, IconMail, IconMenu, IconSettings, IconTemplate, IconUsers, IconShield, IconDatabase, IconQuote } from '../ui/icons';
import { ReceivablesNav } from '../receivables/ReceivablesNav';
import { initials } from '../lib/format';

/** Staff chrome: sidebar (drawer on phones), guarded to signed-in members. */
export function StaffLayout() {
  const { viewer, fetching, resetSession } = useSession();
  // The dev mailbox link shows only to whom the backend opens it (administrators, in development).
  const [probe] = useQuery({ query: DevMailboxAvailableQuery, pause: viewer?.kind !== 'MEMBER', requestPolicy: 'cache-first' });
  const devMailbox = !!probe.data?.devMailboxAvailable;
  const location = useLocation();
  const navigate = useNavigate();
  const selection = useSelection();
  const [navOpen, setNavOpen] = useState(false);
  const [, logOut] = useMutation(LogOutMutation);
  useEffect(() => setNavOpen(false), [location.pathname]);

  if (fetching) return <Loading />;
  if (viewer?.kind === 'CONTACT') return <Navigate to="/hub" replace />;
  if (viewer?.kind !== 'MEMBER' || !viewer.member) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  const m = viewer.member;
  const isAdmin = m.role === 'ADMIN';
  const link = (to: string, label: string, Icon: typeof IconLibrary, extra?: React.ReactNode) => (
    <NavLink to={to} className={({ isActive }) => `nav-link ${isActive ? 'active' : ''}`}>
      <Icon /> {label} {extra}
    </NavLink>
  );

  return (
    <div className={`shell ${navOpen ? 'nav-open' : ''}`}>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Open navigation" aria-expanded={navOpen} onClick={() => setNavOpen(true)}><IconMenu /></button>
        <span className="brand"><span className="brand-mark">P</span> Portico</span>
        <span className="spacer" />
        {selection.count > 0 && <NavLink to="/libraries" className="badge badge-accent" aria-label={`${selection.count} selected`}>{selection.count}</NavLink>}
      </header>
      {navOpen && <div className="nav-scrim" onClick={() => setNavOpen(false)} aria-hidden="true" />}
      <nav className="sidebar" aria-label="Main">
        <NavLink to="/libraries" className="brand">
          <span className="brand-mark">P</span>
          <span>Portico<small>{viewer.organization.name}</small></span>
        </NavLink>
        {link('/libraries', 'Libraries', IconLibrary, selection.count > 0 && <span className="badge badge-accent count" data-testid="nav-selection-count" aria-label={`${selection.count} selected`}>{selection.count}</span>)}
        {link('/customers', 'Customers', IconUsers)}
        {link('/quotes', 'Quotes', IconQuote)}
        {link('/activity', 'Activity', IconActivity)}
        {link('/settings', 'My settings', IconSettings)}
        <ReceivablesNav role={m.role ?? ''} />
        {isAdmin && (
          <>
            <div className="nav-section">Admin</div>
            {link('/admin/members', 'Members', IconShield)}
            {link('/admin/templates', 'Invitation templates', IconTemplate)}
            {link('/admin/welcome', 'Welcome emails', IconMail)}
            {link('/admin/branding', 'Branding', IconBuilding)}
            {link('/admin/storage', 'Storage', IconDatabase)}
            {link('/admin/api-keys', 'API keys', IconKey)}
          </>
        )}
        {devMailbox && (
          <>
            <div className="nav-section">Development</div>
            {link('/dev/mailbox', 'Dev mailbox', IconMail)}
          </>
        )}
        <div className="sidebar-footer">
          <div className="user-chip">
            <span className="avatar" aria-hidden="true">{initials(m.fullName)}</span>
            <div className="who"><strong>{m.fullName}</strong><span>{m.email}</span></div>
          </div>
          <button type="button" className="btn btn-ghost" style={{ justifyContent: 'flex-start' }} onClick={async () => { await logOut({}); navigate('/login', { replace: true }); resetSession(); }}>
            <IconLogOut /> Sign out
          </button>
        </div>
      </nav>
      <main id="main" className="main"><Outlet /></main>
    </div>
  );
}
