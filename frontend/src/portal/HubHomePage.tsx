import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { MyHubQuery, OpenHubMutation } from './operations';
import { Empty, ErrorState, FileIcon, Loading } from '../ui/components';
import { IconFolder } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatBytes, formatDate } from '../lib/format';
import { useSession } from '../app/session';
import { useTitle } from '../lib/useTitle';

/** The contact's hub: folders by date and sender. Records one HUB_OPENED per visit. */
export function HubHomePage() {
  const { viewer } = useSession();
  useTitle(viewer ? `${viewer.organization.name} hub` : 'Your hub');
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
        <h1>Hello {viewer?.contact?.firstName}</h1>
        <p>Documents {viewer?.organization.name} shared with {viewer?.contact?.customer.name}. Open one to view, download, print or share it.</p>
      </div>
      {res.error && !res.data ? (
        <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !res.data ? (
        <Loading label="Loading your documents…" />
      ) : !hub || hub.folders.length === 0 ? (
        <div className="card"><Empty title="Nothing here yet" icon={<IconFolder />}>When documents are shared with you they appear here.</Empty></div>
      ) : (
        hub.folders.map((f) => (
          <section key={f.id} className="folder" aria-label={`${f.date ? formatDate(f.date) : f.name}${f.sender ? `, from ${f.sender.fullName}` : ''}`}>
            <div className="folder-header">
              <IconFolder />
              <strong>{f.date ? formatDate(f.date) : f.name}</strong>
              {f.sender && <span className="muted">from {f.sender.fullName}</span>}
            </div>
            {f.documents.map((d) => (
              <Link key={d.id} className="doc-row" to={`/hub/documents/${encodeURIComponent(d.id)}`} data-testid="hub-document">
                <FileIcon contentType={d.contentType} name={d.name} />
                <div className="grow">
                  <div className="name">{d.name}</div>
                  <div className="muted small">{formatBytes(d.sizeBytes)}</div>
                </div>
                <span className="btn btn-sm" aria-hidden="true">Open</span>
              </Link>
            ))}
          </section>
        ))
      )}
    </>
  );
}
