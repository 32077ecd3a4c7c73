import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { StaffHubFolderDocumentsQuery } from './operations';
import { FileIcon, FormErrors, Loading } from '../ui/components';
import { IconDownload, IconEye, IconFolder, IconPrinter, IconShare } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatBytes, formatDate } from '../lib/format';
import type { StaffHubQuery, StaffHubFolderDocumentsQuery as PageResult } from '../gql/graphql';

const PAGE = 50;
type Folder = NonNullable<StaffHubQuery['hub']>['folders'][number];
type FolderNode = Extract<NonNullable<PageResult['node']>, { documents: unknown }>;
export type StaffDoc = FolderNode['documents']['edges'][number]['node'];

interface Props {
  folder: Folder;
  /** Open at first render: the page opens its first folder with documents, the rest on a click. */
  initiallyOpen: boolean;
  /** Bumped by the page when live events arrive: loaded pages fetch their counts again. */
  refresh: number;
  onInsights: (doc: StaffDoc) => void;
}

/** One folder of the staff hub: its header and count always, its documents once expanded (keyset pages). */
export function HubFolder({ folder: f, initiallyOpen, refresh, onInsights }: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const title = f.date ? formatDate(f.date) : f.name;
  const bodyId = `folder-docs-${f.id}`;
  return (
    <section className="folder" aria-label={f.name}>
      {/* The header opens and closes the folder, as in the contact's hub (HubFolders.tsx). */}
      <button type="button" className="folder-header folder-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        <IconFolder />
        <strong>{title}</strong>
        <span className="muted grow">{f.sender ? `sent by ${f.sender.fullName}` : f.name}</span>
        <span className="badge">{f.documentCount} document{f.documentCount === 1 ? '' : 's'}</span>
      </button>
      {open && (
        <div id={bodyId}>
          {cursors.map((after, i) => (
            <FolderPage key={after ?? ''} folderId={f.id} after={after} last={i === cursors.length - 1} refresh={refresh}
              onMore={(c) => setCursors((cur) => [...cur, c])} onInsights={onInsights} />
          ))}
        </div>
      )}
    </section>
  );
}

function FolderPage({ folderId, after, last, refresh, onMore, onInsights }: { folderId: string; after: string | null; last: boolean; refresh: number; onMore: (cursor: string) => void; onInsights: (doc: StaffDoc) => void }) {
  const [res, reexecute] = useQuery({ query: StaffHubFolderDocumentsQuery, variables: { id: folderId, first: PAGE, after } });
  // Counts follow the live feed: fetch this page again when the page says so (not on the first render).
  const seen = useRef(refresh);
  useEffect(() => {
    if (seen.current === refresh) return;
    seen.current = refresh;
    reexecute({ requestPolicy: 'network-only' });
  }, [refresh, reexecute]);
  const node = res.data?.node;
  if (res.error && !res.data) return <FormErrors messages={[describeError(res.error)]} />;
  if (!node || !('documents' in node)) return res.fetching ? <Loading /> : null;
  const { edges, pageInfo } = node.documents;
  if (after === null && edges.length === 0) return <p className="muted small doc-empty">No documents you can see.</p>;
  return (
    <>
      {edges.map(({ node: d }) => (
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
          <button type="button" className="btn btn-sm" onClick={() => onInsights(d)} aria-label={`Insights for ${d.name}`}>Insights</button>
        </div>
      ))}
      {last && pageInfo.hasNextPage && pageInfo.endCursor && (
        <div className="doc-row"><button type="button" className="btn btn-sm" onClick={() => onMore(pageInfo.endCursor!)}>Show more</button></div>
      )}
    </>
  );
}
