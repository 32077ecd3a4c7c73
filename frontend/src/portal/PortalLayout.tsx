import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useSession } from '../app/session';
import { LogOutMutation } from '../app/operations';
import { Loading } from '../ui/components';
import { IconLogOut } from '../ui/icons';

/** Customer-side chrome; only for a signed-in contact. */
export function PortalLayout() {
  const { viewer, fetching, resetSession } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [, logOut] = useMutation(LogOutMutation);
  if (fetching) return <Loading />;
  if (viewer?.kind !== 'CONTACT' || !viewer.contact) {
    return <Navigate to={`/hub/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  const c = viewer.contact;
  return (
    <div className="portal">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="portal-header">
        <div className="inner">
          <Link to="/hub" className="brand" style={{ padding: 0 }}>
            <span className="brand-mark">{viewer.organization.name.slice(0, 1).toUpperCase()}</span>
            <span>{viewer.organization.name}<small>{c.customer.name}</small></span>
          </Link>
          <span className="spacer" />
          <span className="who small muted">{c.fullName}</span>
          <button type="button" className="btn btn-ghost btn-sm" onClick={async () => { await logOut({}); navigate('/hub/login', { replace: true }); resetSession(); }}>
            <IconLogOut /> Sign out
          </button>
        </div>
      </header>
      <main id="main" className="portal-main"><Outlet /></main>
    </div>
  );
}
