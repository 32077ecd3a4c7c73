import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { RecordDocumentPrintMutation } from './operations';
import { PdfView } from './PdfView';
import { ShareWithColleagueDialog } from './ShareWithColleagueDialog';
import { printUrl } from './print';
import { Empty, FileIcon } from '../ui/components';
import { IconDownload, IconPrinter, IconShare } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatBytes } from '../lib/format';

export interface ViewerDocument {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  viewUrl: string;
  downloadUrl: string;
}

const isPdf = (d: ViewerDocument) => d.contentType === 'application/pdf' || /\.pdf$/i.test(d.name);
const isImage = (d: ViewerDocument) => d.contentType.startsWith('image/');

/** Inline viewer for a contact: PDF pages via pdf.js, images inline, anything else offered for download. */
export function DocumentViewer({ doc, headerStart }: { doc: ViewerDocument; headerStart?: React.ReactNode }) {
  const [sharing, setSharing] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [printState, recordPrint] = useMutation(RecordDocumentPrintMutation);
  const blobUrl = useRef<string | null>(null);

  useEffect(() => () => { if (blobUrl.current) URL.revokeObjectURL(blobUrl.current); }, []);

  const printable = isPdf(doc) || isImage(doc);

  async function print() {
    setNotice(null);
    const r = await recordPrint({ input: { documentId: doc.id } });
    if (r.error) return setNotice({ kind: 'error', text: describeError(r.error) });
    const errs = r.data?.recordDocumentPrint.errors ?? [];
    if (errs.length) return setNotice({ kind: 'error', text: errs.map((e) => e.message).join(' ') });
    printUrl(blobUrl.current ?? doc.viewUrl, doc.contentType);
  }

  return (
    <div className="viewer">
      <div className="viewer-toolbar">
        {headerStart}
        <div className="title">
          <h1>{doc.name}</h1>
          <div className="muted small">{formatBytes(doc.sizeBytes)}</div>
        </div>
        <a className="btn" href={doc.downloadUrl} download={doc.name} data-testid="download"><IconDownload /> Download</a>
        {printable && (
          <button type="button" className="btn" onClick={print} disabled={printState.fetching}><IconPrinter /> Print</button>
        )}
        <button type="button" className="btn" onClick={() => setSharing(true)}><IconShare /> Share</button>
      </div>
      {notice && <div className={`alert alert-${notice.kind}`} role="alert">{notice.text}</div>}

      {isPdf(doc) ? (
        <PdfView
          url={doc.viewUrl}
          title={doc.name}
          onBytes={(bytes) => {
            if (blobUrl.current) URL.revokeObjectURL(blobUrl.current);
            blobUrl.current = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
          }}
        />
      ) : isImage(doc) ? (
        <div className="viewer-stage"><img src={doc.viewUrl} alt={doc.name} /></div>
      ) : (
        <div className="card">
          <Empty title="No preview for this file type" icon={<FileIcon contentType={doc.contentType} name={doc.name} />}>
            <p style={{ marginBottom: 12 }}>Download “{doc.name}” to open it on your device.</p>
            <a className="btn btn-primary" href={doc.downloadUrl} download={doc.name}><IconDownload /> Download</a>
          </Empty>
        </div>
      )}
      {sharing && <ShareWithColleagueDialog documentId={doc.id} documentName={doc.name} onClose={() => setSharing(false)} />}
    </div>
  );
}
