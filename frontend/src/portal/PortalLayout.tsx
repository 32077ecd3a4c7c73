import { useEffect, useMemo } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../app/session';
import { LogOutMutation } from '../app/operations';
import { HubChromeQuery } from './operations';
import { HubChromeContext, type HubChrome } from './hubChrome';
import { hubStrings } from './i18n';
import { Loading } from '../ui/components';
import { IconBell, IconLogOut } from '../ui/icons';

/** Customer-side chrome; only for a signed-in contact. Headed by the organization's name and logo, in the
 *  language of the share the contact got. */
export function PortalLayout() {
  const { viewer, fetching, resetSession } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [, logOut] = useMutation(LogOutMutation);
  const isContact = viewer?.kind === 'CONTACT' && !!viewer.contact;
  const [chromeRes] = useQuery({ query: HubChromeQuery, pause: !isContact });
  const hub = chromeRes.data?.myHub;
  const chrome = useMemo<HubChrome>(() => {
    const language = hub?.language ?? 'en';
    return {
      language,
      strings: hubStrings(language),
      organizationName: hub?.branding.name ?? viewer?.organization.name ?? '',
      logoUrl: hub?.branding.logoUrl ?? null,
    };
  }, [hub, viewer]);
  useEffect(() => {
    const before = document.documentElement.lang;
    document.documentElement.lang = chrome.language;
    return () => { document.documentElement.lang = before; };
  }, [chrome.language]);

  if (fetching) return <Loading />;
  if (!isContact || !viewer?.contact) {
    return <Navigate to={`/hub/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  const c = viewer.contact;
  const t = chrome.strings;
  return (
    <HubChromeContext.Provider value={chrome}>
      <div className="portal">
        <a className="skip-link" href="#main">{t.skipToContent}</a>
        <header className="portal-header">
          <div className="inner">
            <Link to="/hub" className="brand" style={{ padding: 0 }} data-testid="hub-brand">
              {chrome.logoUrl
                ? <img className="brand-logo" src={chrome.logoUrl} alt={`${chrome.organizationName} logo`} />
                : <span className="brand-mark" aria-hidden="true">{chrome.organizationName.slice(0, 1).toUpperCase()}</span>}
              <span>{chrome.organizationName}<small>{c.customer.name}</small></span>
            </Link>
            <span className="spacer" />
            <span className="who small muted">{c.fullName}</span>
            <Link to="/hub/notifications" className="btn btn-ghost btn-sm" aria-label={t.notifications} title={t.notifications} data-testid="hub-notifications-link">
              <IconBell /> <span className="label-wide">{t.notifications}</span>
            </Link>
            <button type="button" className="btn btn-ghost btn-sm" onClick={async () => { await logOut({}); navigate('/hub/login', { replace: true }); resetSession(); }}>
              <IconLogOut /> {t.signOut}
            </button>
          </div>
        </header>
        <main id="main" className="portal-main"><Outlet /></main>
      </div>
    </HubChromeContext.Provider>
  );
}
