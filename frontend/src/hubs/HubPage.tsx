import { useState } from 'react';
import { useRefreshSoon } from '../lib/useRefreshSoon';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { StaffHubQuery } from './operations';
import { InsightsPanel } from './InsightsPanel';
import { HubFolder, type StaffDoc } from './HubFolder';
import { DocumentInsightsDialog } from './DocumentInsightsDialog';
import { Empty, ErrorState, Loading, PageHeader } from '../ui/components';
import { IconFolder } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTitle } from '../lib/useTitle';
import { ActivityFeed } from '../activity/ActivityFeed';

/** Staff view of one customer's hub: folders per rep per date with their counts, the first one open (documents
 * per folder on demand), insights, live feed. */
export function HubPage() {
  const { hubId = '' } = useParams();
  const [res, refetch] = useQuery({ query: StaffHubQuery, variables: { id: hubId } });
  const [doc, setDoc] = useState<StaffDoc | null>(null);
  // Bumped to make the open folders and the open document fetch their figures again.
  const [refresh, setRefresh] = useState(0);
  const hub = res.data?.hub;
  const refreshAll = () => {
    refetch({ requestPolicy: 'network-only' });
    setRefresh((n) => n + 1);
  };
  // Counts and the chart follow the live feed: refetch shortly after events arrive (coalesced).
  const refreshSoon = useRefreshSoon(refreshAll);
  useTitle(hub ? `${hub.customer.name} hub` : 'Hub');

  if (res.error && !res.data) return <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!res.data) return <Loading />;
  if (!hub) return <Empty title="Hub not found">It may not exist, or it holds nothing you shared. <Link to="/customers">Back to customers</Link></Empty>;
  const firstWithDocuments = hub.folders.find((f) => f.documentCount > 0)?.id;

  return (
    <>
      <PageHeader
        breadcrumb={<><Link to="/customers">Customers</Link> / <Link to={`/customers/${encodeURIComponent(hub.customer.id)}`}>{hub.customer.name}</Link></>}
        title={`${hub.customer.name} · hub`}
        description={`Created ${formatDate(hub.createdAt)}. Folders are per rep per day.`}
        actions={<button type="button" className="btn" onClick={refreshAll}>Refresh counts</button>}
      />
      <div className="grid-2">
        <div className="stack">
          {hub.folders.length === 0 ? (
            <div className="card"><Empty title="No folders you can see" icon={<IconFolder />}>Send documents to this customer to create one.</Empty></div>
          ) : (
            hub.folders.map((f) => (
              <HubFolder key={f.id} folder={f} initiallyOpen={f.id === firstWithDocuments} refresh={refresh} onInsights={setDoc} />
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
      {doc && <DocumentInsightsDialog doc={doc} refresh={refresh} onClose={() => setDoc(null)} />}
    </>
  );
}
