import { useState } from 'react';
import { useRefreshSoon } from '../lib/useRefreshSoon';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { StaffHubQuery } from './operations';
import { InsightsPanel } from './InsightsPanel';
import { Dialog, Empty, ErrorState, FileIcon, Loading, PageHeader } from '../ui/components';
import { IconDownload, IconEye, IconFolder, IconPrinter, IconShare } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatBytes, formatDate } from '../lib/format';
import { useTitle } from '../lib/useTitle';
import { ActivityFeed } from '../activity/ActivityFeed';
import type { StaffHubQuery as StaffHubResult } from '../gql/graphql';

type Doc = NonNullable<StaffHubResult['hub']>['folders'][number]['documents']['edges'][number]['node'];

/** Staff view of one customer's hub: folders per rep per date, counts per document, insights, live feed. */
export function HubPage() {
  const { hubId = '' } = useParams();
  const [res, refetch] = useQuery({ query: StaffHubQuery, variables: { id: hubId } });
  const [doc, setDoc] = useState<Doc | null>(null);
  const hub = res.data?.hub;
  // Counts and the chart follow the live feed: refetch shortly after events arrive (coalesced).
  const refreshSoon = useRefreshSoon(() => refetch({ requestPolicy: 'network-only' }));
  useTitle(hub ? `${hub.customer.name} hub` : 'Hub');

  if (res.error && !res.data) return <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!res.data) return <Loading />;
  if (!hub) return <Empty title="Hub not found">It may not exist, or it holds nothing you shared. <Link to="/customers">Back to customers</Link></Empty>;

  return (
    <>
      <PageHeader
        breadcrumb={<><Link to="/customers">Customers</Link> / <Link to={`/customers/${encodeURIComponent(hub.customer.id)}`}>{hub.customer.name}</Link></>}
        title={`${hub.customer.name} · hub`}
        description={`Created ${formatDate(hub.createdAt)}. Folders are per rep per day.`}
        actions={<button type="button" className="btn" onClick={() => refetch({ requestPolicy: 'network-only' })}>Refresh counts</button>}
      />
      <div className="grid-2">
        <div className="stack">
          {hub.folders.length === 0 ? (
            <div className="card"><Empty title="No folders you can see" icon={<IconFolder />}>Send documents to this customer to create one.</Empty></div>
          ) : (
            hub.folders.map((f) => (
              <section key={f.id} className="folder" aria-label={f.name}>
                <div className="folder-header">
                  <IconFolder />
                  <strong>{f.date ? formatDate(f.date) : f.name}</strong>
                  <span className="muted">{f.sender ? `sent by ${f.sender.fullName}` : f.name}</span>
                  <span className="badge" style={{ marginLeft: 'auto' }}>{f.documentCount} document{f.documentCount === 1 ? '' : 's'}</span>
                </div>
                {f.documents.edges.map(({ node: d }) => (
                  <div key={d.id} className="doc-row" data-testid="staff-document">
                    <FileIcon contentType={d.contentType} name={d.name} />
                    <div className="grow">
                      <div className="name">{d.name}</div>
                      <div className="muted small">{formatBytes(d.sizeBytes)}</div>
                    </div>
                    <div className="counts" aria-label={`Counts for ${d.name}`}>
                      <span className="badge" title="Views"><IconEye width={12} height={12} /> {d.insights.views}</span>
                      <span className="badge" title="Downloads"><IconDownload width={12} height={12} /> {d.insights.downloads}</span>
                      <span className="badge" title="Prints"><IconPrinter width={12} height={12} /> {d.insights.prints}</span>
                      {d.insights.sharedWithColleagues > 0 && <span className="badge" title="Shared onward"><IconShare width={12} height={12} /> {d.insights.sharedWithColleagues}</span>}
                    </div>
                    <button type="button" className="btn btn-sm" onClick={() => setDoc(d)} aria-label={`Insights for ${d.name}`}>Insights</button>
                  </div>
                ))}
              </section>
            ))
          )}
        </div>
        <div className="stack">
          <section className="card" aria-labelledby="hub-insights">
            <div className="card-header"><h2 id="hub-insights">Insights</h2></div>
            <div className="card-body"><InsightsPanel insights={hub.insights} /></div>
          </section>
          <section className="card" aria-labelledby="hub-activity">
            <div className="card-header"><h2 id="hub-activity">Live activity</h2></div>
            <ActivityFeed hubId={hub.id} compact onEvent={refreshSoon} onResync={refreshSoon} />
          </section>
        </div>
      </div>
      {doc && (
        <Dialog title={doc.name} onClose={() => setDoc(null)} footer={<a className="btn" href={doc.viewUrl} target="_blank" rel="noreferrer">Open document</a>}>
          <InsightsPanel insights={doc.insights} />
        </Dialog>
      )}
    </>
  );
}
