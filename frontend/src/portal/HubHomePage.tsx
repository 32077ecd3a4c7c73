import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { MyHubQuery, OpenHubMutation } from './operations';
import { useHubChrome } from './hubChrome';
import { HubFolders } from './HubFolders';
import { HubQuotes } from './quotes/HubQuotes';
import { HubInvoices } from './invoices/HubInvoices';
import { Empty, ErrorState, FileIcon, Loading } from '../ui/components';
import { IconFolder } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatBytes, formatDate } from '../lib/format';
import { useSession } from '../app/session';
import { useTitle } from '../lib/useTitle';
import type { MyHubQuery as MyHubData } from '../gql/graphql';

type Folder = NonNullable<MyHubData['myHub']>['folders'][number];
type Doc = Folder['documents']['edges'][number]['node'];

/** The contact's hub: folders by date and sender, each share with the rep's message beside its documents.
 *  Records one HUB_OPENED per visit. */
export function HubHomePage() {
  const { viewer } = useSession();
  const { strings: t, organizationName } = useHubChrome();
  useTitle(organizationName || viewer?.organization.name || 'Your hub');
  const [res, refetch] = useQuery({ query: MyHubQuery });
  const [, openHub] = useMutation(OpenHubMutation);
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    void openHub({});
  }, [openHub]);

  const hub = res.data?.myHub;
  return (
    <>
      <div className="portal-hero">
        <h1>{t.hello(viewer?.contact?.firstName ?? '')}</h1>
        {(!hub || hub.modules.includes('DOCUMENTS')) && <p>{t.intro(organizationName || viewer?.organization.name || '', viewer?.contact?.customer.name ?? '')}</p>}
      </div>
      {/* Quotes first: they ask for an answer. Shown when the customer's Quotes module is on. */}
      <HubQuotes />
      {res.error && !res.data ? (
        <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !res.data ? (
        <Loading label={t.loading} />
      ) : hub && !hub.modules.includes('DOCUMENTS') ? (
        // The customer's Documents module is off: the server returns no folders, and the hub says why.
        <div className="card" data-testid="documents-off">
          <Empty title={t.documentsOffTitle} icon={<IconFolder />}>{t.documentsOffBody(organizationName || viewer?.organization.name || '')}</Empty>
        </div>
      ) : !hub || hub.folders.length === 0 ? (
        <div className="card"><Empty title={t.emptyTitle} icon={<IconFolder />}>{t.emptyBody}</Empty></div>
      ) : (
        <>
          {/* Staff folders (with their permissions) first, then the date folders shares landed in. */}
          <HubFolders />
          {hub.folders.some((f) => f.kind === 'STAFF') && hub.folders.some((f) => f.kind === 'DATE') && <h2 className="hub-section-title">{t.sharedWithYou}</h2>}
          {hub.folders.filter((f) => f.kind === 'DATE').map((f) => <FolderSection key={f.id} folder={f} />)}
        </>
      )}
      {/* The Invoices section (issue 11) when the customer's INVOICES module is on. Before the first share there
          is no hub to say so: the section then shows only when the server lists invoices (it lists none with the
          module off). */}
      {res.data && (hub ? hub.modules.includes('INVOICES') && <HubInvoices /> : <HubInvoices hideWhenEmpty />)}
    </>
  );
}

function FolderSection({ folder: f }: { folder: Folder }) {
  const { strings: t } = useHubChrome();
  const day = f.date ? formatDate(f.date, t.locale) : f.name;
  const docs = f.documents.edges.map((e) => e.node);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const inShares = new Set(f.shares.flatMap((s) => s.documents.map((d) => d.id)));
  const loose = docs.filter((d) => !inShares.has(d.id));
  return (
    <section className="folder" aria-label={`${day}${f.sender ? `, ${t.from(f.sender.fullName)}` : ''}`}>
      <div className="folder-header">
        <IconFolder />
        <strong>{day}</strong>
        {f.sender && <span className="muted">{t.from(f.sender.fullName)}</span>}
      </div>
      {f.shares.map((s) => (
        <div key={s.id} data-testid="hub-share">
          {s.message.trim() && (
            <figure className="share-message" data-testid="share-message">
              <figcaption className="label">{t.messageFrom(s.sender?.fullName ?? '')}</figcaption>
              <p>{s.message.trim()}</p>
            </figure>
          )}
          {s.documents.map((d) => byId.get(d.id)).filter((d): d is Doc => !!d).map((d) => <DocumentRow key={d.id} doc={d} />)}
        </div>
      ))}
      {loose.map((d) => <DocumentRow key={d.id} doc={d} />)}
    </section>
  );
}

function DocumentRow({ doc: d }: { doc: Doc }) {
  const { strings: t } = useHubChrome();
  return (
    <Link className="doc-row" to={`/hub/documents/${encodeURIComponent(d.id)}`} data-testid="hub-document">
      <FileIcon contentType={d.contentType} name={d.name} />
      <div className="grow">
        <div className="name">{d.name}</div>
        <div className="muted small">{formatBytes(d.sizeBytes)}</div>
      </div>
      <span className="btn btn-sm" aria-hidden="true">{t.open}</span>
    </Link>
  );
}
