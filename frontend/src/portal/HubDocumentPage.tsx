import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import { OpenDocumentMutation } from '../hubs/operations';
import { DocumentViewer, type ViewerDocument } from './DocumentViewer';
import { Empty, ErrorState, Loading } from '../ui/components';
import { IconArrowLeft } from '../ui/icons';
import { describeError } from '../lib/errors';
import { useTitle } from '../lib/useTitle';

type Opened = { doc: ViewerDocument } | { notFound: true } | { error: string };

/** The contact's viewer: the document and its signed links come from `openDocument`, minted once as the page opens
 * (the links are short-lived; a second mint would not count a view, but reloading the PDF from it would). */
export function HubDocumentPage() {
  const { documentId = '' } = useParams();
  const [, open] = useMutation(OpenDocumentMutation);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setOpened(null);
    open({ input: { documentId } }).then((r) => {
      if (!live) return;
      const payload = r.data?.openDocument;
      if (r.error) setOpened({ error: describeError(r.error) });
      else if (!payload?.document || !payload.viewUrl || !payload.downloadUrl) setOpened({ notFound: true });
      else setOpened({ doc: { ...payload.document, viewUrl: payload.viewUrl, downloadUrl: payload.downloadUrl } });
    });
    return () => { live = false; };
  }, [documentId, attempt, open]);
  const doc = opened && 'doc' in opened ? opened.doc : undefined;
  useTitle(doc?.name ?? 'Document');
  const back = <Link to="/hub" className="btn btn-ghost btn-icon" aria-label="Back to your hub"><IconArrowLeft /></Link>;

  if (!opened) return <Loading label="Opening…" />;
  if ('error' in opened) return <ErrorState message={opened.error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!doc) return <Empty title="Document not found">It may have been removed. <Link to="/hub">Back to your hub</Link></Empty>;
  return <DocumentViewer key={doc.id} doc={doc} headerStart={back} />;
}
