import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { MyHubQuery } from './operations';
import { DocumentViewer } from './DocumentViewer';
import { Empty, ErrorState, Loading } from '../ui/components';
import { IconArrowLeft } from '../ui/icons';
import { describeError } from '../lib/errors';
import { useTitle } from '../lib/useTitle';

export function HubDocumentPage() {
  const { documentId = '' } = useParams();
  // network-only: view/download URLs are short-lived, so fetch fresh ones on every open.
  const [res, refetch] = useQuery({ query: MyHubQuery, requestPolicy: 'network-only' });
  const found = res.data?.myHub?.folders.flatMap((f) => f.documents.edges.map((e) => e.node)).find((d) => d.id === documentId);
  // Keep the first signed URLs for this document: a refetch returns fresh URLs, and reloading the
  // PDF from them would fetch (and count) the view again.
  const kept = useRef<typeof found>(undefined);
  if (found && kept.current?.id !== found.id) kept.current = found;
  const doc = found ? kept.current : undefined;
  useTitle(doc?.name ?? 'Document');
  const back = <Link to="/hub" className="btn btn-ghost btn-icon" aria-label="Back to your hub"><IconArrowLeft /></Link>;

  if (res.error && !res.data) return <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!res.data) return <Loading label="Opening…" />;
  if (!doc) return <Empty title="Document not found">It may have been removed. <Link to="/hub">Back to your hub</Link></Empty>;
  return <DocumentViewer key={doc.id} doc={doc} headerStart={back} />;
}
