import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Link, type RouteObject } from 'react-router';
import { StaffLayout } from './StaffLayout';
import { useSession } from './session';
import { LogInPage } from '../auth/LogInPage';
import { SignUpPage } from '../auth/SignUpPage';
import { AcceptInvitationPage, ForgotPasswordPage, ResetPasswordPage } from '../auth/PasswordPages';
import { LibrariesPage } from '../libraries/LibrariesPage';
import { CustomersPage } from '../customers/CustomersPage';
import { CustomerPage } from '../customers/CustomerPage';
import { HubPage } from '../hubs/HubPage';
import { ActivityPage } from '../activity/ActivityPage';
const StaffNotificationsPage = lazy(() => import('../notifications/StaffNotificationsPage').then((m) => ({ default: m.StaffNotificationsPage })));
const HubNotificationsPage = lazy(() => import('../notifications/HubNotificationsPage').then((m) => ({ default: m.HubNotificationsPage })));
const SettingsPage = lazy(() => import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const MembersPage = lazy(() => import('../admin/MembersPage').then((m) => ({ default: m.MembersPage })));
const TemplatesPage = lazy(() => import('../admin/TemplatesPage').then((m) => ({ default: m.TemplatesPage })));
const WelcomeEmailsPage = lazy(() => import('../admin/WelcomeEmailsPage').then((m) => ({ default: m.WelcomeEmailsPage })));
const BrandingPage = lazy(() => import('../admin/BrandingPage').then((m) => ({ default: m.BrandingPage })));
const StoragePage = lazy(() => import('../admin/StoragePage').then((m) => ({ default: m.StoragePage })));
const ApiKeysPage = lazy(() => import('../admin/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));
const PortfolioPage = lazy(() => import('../receivables/PortfolioPage').then((m) => ({ default: m.PortfolioPage })));
const InvoicesPage = lazy(() => import('../receivables/InvoicesPage').then((m) => ({ default: m.InvoicesPage })));
const ActionsPage = lazy(() => import('../receivables/ActionsPage').then((m) => ({ default: m.ActionsPage })));
const ReportsPage = lazy(() => import('../receivables/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const WorkflowsPage = lazy(() => import('../receivables/WorkflowsPage').then((m) => ({ default: m.WorkflowsPage })));
const MailboxPage = lazy(() => import('../admin/MailboxPage').then((m) => ({ default: m.MailboxPage })));
import { PortalLayout } from '../portal/PortalLayout';
import { HubWelcomePage } from '../portal/HubWelcomePage';
import { HubLogInPage } from '../portal/HubLogInPage';
import { HubForgotPasswordPage, HubResetPasswordPage } from '../portal/HubPasswordPages';
import { HubHomePage } from '../portal/HubHomePage';
const QuotesPage = lazy(() => import('../quotes/QuotesPage').then((m) => ({ default: m.QuotesPage })));
const QuotePage = lazy(() => import('../quotes/QuotePage').then((m) => ({ default: m.QuotePage })));
const HubQuotePage = lazy(() => import('../portal/quotes/HubQuotePage').then((m) => ({ default: m.HubQuotePage })));
const QuoteLinkPage = lazy(() => import('../portal/quotes/QuoteLinkPage').then((m) => ({ default: m.QuoteLinkPage })));
const HubDocumentPage = lazy(() => import('../portal/HubDocumentPage').then((m) => ({ default: m.HubDocumentPage })));
import { Empty, Loading } from '../ui/components';
import { useTitle } from '../lib/useTitle';

const page = (el: ReactNode) => <Suspense fallback={<Loading />}>{el}</Suspense>;

function Home() {
  const { viewer, fetching } = useSession();
  if (fetching) return <Loading />;
  if (viewer?.kind === 'CONTACT') return <Navigate to="/hub" replace />;
  if (viewer?.kind === 'MEMBER') return <Navigate to="/libraries" replace />;
  return <Navigate to="/login" replace />;
}

function AdminOnly({ children }: { children: ReactNode }) {
  const { viewer } = useSession();
  if (viewer?.member?.role !== 'ADMIN') return <Empty title="Admins only">Ask an admin of your organization for access.</Empty>;
  return <>{children}</>;
}

/** Reminder workflows are edited by administrators and managers (the server enforces it too). */
function ManagersOnly({ children }: { children: ReactNode }) {
  const { viewer } = useSession();
  const role = viewer?.member?.role;
  if (role !== 'ADMIN' && role !== 'MANAGER') return <Empty title="Managers only">Administrators and managers edit reminder workflows.</Empty>;
  return <>{children}</>;
}

function NotFound() {
  useTitle('Page not found');
  return (
    <main className="auth-page">
      <div className="card auth-card"><div className="card-body"><Empty title="Page not found"><Link to="/">Go to the start page</Link></Empty></div></div>
    </main>
  );
}

export function buildRoutes(): RouteObject[] {
  return [
    { path: '/', element: <Home /> },
    { path: '/login', element: <LogInPage /> },
    { path: '/signup', element: <SignUpPage /> },
    { path: '/forgot-password', element: <ForgotPasswordPage /> },
    { path: '/reset-password', element: <ResetPasswordPage /> },
    { path: '/accept-invitation', element: <AcceptInvitationPage /> },
    { path: '/hub/welcome', element: <HubWelcomePage /> },
    { path: '/hub/login', element: <HubLogInPage /> },
    { path: '/hub/forgot-password', element: <HubForgotPasswordPage /> },
    { path: '/hub/reset-password', element: <HubResetPasswordPage /> },
    // A public quote link (quote-accept's links.link_url): password, then that one quote.
    { path: '/quote-link/:token', element: page(<QuoteLinkPage />) },
    {
      path: '/hub',
      element: <PortalLayout />,
      children: [
        { index: true, element: <HubHomePage /> },
        { path: 'documents/:documentId', element: page(<HubDocumentPage />) },
        { path: 'quotes/:quoteId', element: page(<HubQuotePage />) },
        { path: 'notifications', element: page(<HubNotificationsPage />) },
      ],
    },
    {
      element: <StaffLayout />,
      children: [
        { path: '/libraries', element: <LibrariesPage /> },
        { path: '/customers', element: <CustomersPage /> },
        { path: '/customers/:customerId', element: <CustomerPage /> },
        { path: '/hubs/:hubId', element: <HubPage /> },
        { path: '/quotes', element: page(<QuotesPage />) },
        { path: '/quotes/:quoteId', element: page(<QuotePage />) },
        { path: '/activity', element: <ActivityPage /> },
        { path: '/portfolio', element: page(<PortfolioPage />) },
        { path: '/invoices', element: page(<InvoicesPage />) },
        { path: '/actions', element: page(<ActionsPage />) },
        { path: '/reports', element: page(<ReportsPage />) },
        { path: '/workflows', element: page(<ManagersOnly><WorkflowsPage /></ManagersOnly>) },
        { path: '/settings', element: page(<SettingsPage />) },
        { path: '/settings/notifications', element: page(<StaffNotificationsPage />) },
        { path: '/admin/members', element: page(<AdminOnly><MembersPage /></AdminOnly>) },
        { path: '/admin/templates', element: page(<AdminOnly><TemplatesPage /></AdminOnly>) },
        { path: '/admin/welcome', element: page(<AdminOnly><WelcomeEmailsPage /></AdminOnly>) },
        { path: '/admin/branding', element: page(<AdminOnly><BrandingPage /></AdminOnly>) },
        { path: '/admin/storage', element: page(<AdminOnly><StoragePage /></AdminOnly>) },
        { path: '/admin/api-keys', element: page(<AdminOnly><ApiKeysPage /></AdminOnly>) },
        { path: '/dev/mailbox', element: page(<MailboxPage />) },
      ],
    },
    { path: '*', element: <NotFound /> },
  ];
}

export function createRouter() {
  return createBrowserRouter(buildRoutes());
}
