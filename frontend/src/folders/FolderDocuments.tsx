import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FolderDocumentsQuery, ReplaceDocumentMutation } from './operations';
import type { FolderLabels } from './labels';
import { Dialog, FileIcon, FormErrors, Loading } from '../ui/components';
import { IconDownload, IconEye, IconUpload } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatBytes, formatDate } from '../lib/format';
import { uploadFile } from '../lib/upload';
import { openInNewTab, startDownload, useOpenDocument, useOpenDocumentVersion } from '../lib/openDocument';
import type { FolderDocumentsQuery as Result } from '../gql/graphql';

const PAGE = 50;
type FolderNode = Extract<NonNullable<Result['node']>, { documents: unknown }>;
type Doc = FolderNode['documents']['edges'][number]['node'];

interface Props {
  folderId: string;
  labels: FolderLabels;
  /** Staff see versions and replace any document; a contact may replace what they uploaded (server decides). */
  staff: boolean;
  canUpload: boolean;
  /** Bumped by the parent after an upload, to load the pages again. */
  version: number;
  onChanged: () => void;
}

/** A folder's documents, a keyset page at a time ("Show more" asks for the page after the last cursor). */
export function FolderDocuments(props: Props) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <div data-testid="folder-documents">
      {cursors.map((after, i) => (
        <DocumentPage
          key={`${props.version}:${after ?? ''}`}
          {...props}
          after={after}
          last={i === cursors.length - 1}
          onMore={(c) => setCursors((cur) => [...cur, c])}
        />
      ))}
    </div>
  );
}

function DocumentPage({ folderId, labels: t, staff, canUpload, after, last, onMore, onChanged }: Props & { after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const [res] = useQuery({ query: FolderDocumentsQuery, variables: { id: folderId, first: PAGE, after }, requestPolicy: 'cache-and-network' });
  const node = res.data?.node;
  if (res.error && !res.data) return <FormErrors messages={[describeError(res.error)]} />;
  if (!node || !('documents' in node)) return res.fetching ? <Loading /> : null;
  const edges = node.documents.edges;
  if (after === null && edges.length === 0) return <p className="muted small doc-empty">{t.noDocuments}</p>;
  return (
    <>
      {edges.map(({ node: d }) => <DocumentRow key={d.id} doc={d} labels={t} staff={staff} canReplace={canUpload} onChanged={onChanged} />)}
      {last && node.documents.pageInfo.hasNextPage && node.documents.pageInfo.endCursor && (
        <div className="doc-row"><button type="button" className="btn btn-sm" onClick={() => onMore(node.documents.pageInfo.endCursor!)}>{t.showMore}</button></div>
      )}
    </>
  );
}

function DocumentRow({ doc: d, labels: t, staff, canReplace, onChanged }: { doc: Doc; labels: FolderLabels; staff: boolean; canReplace: boolean; onChanged: () => void }) {
  const [showVersions, setShowVersions] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [, replace] = useMutation(ReplaceDocumentMutation);
  const input = useRef<HTMLInputElement>(null);

  function newVersion(file: File) {
    setErrors([]);
    setProgress(0);
    const h = uploadFile(file, setProgress);
    h.promise.then(async (u) => {
      const r = await replace({ input: { documentId: d.id, uploadId: u.uploadId } });
      setProgress(null);
      if (r.error) return setErrors([describeError(r.error)]);
      const errs = r.data?.replaceDocument.errors ?? [];
      setErrors(errs.map((e) => e.message));
      if (!errs.length) onChanged();
    }, (e: { message?: string }) => { setProgress(null); setErrors([e.message ?? t.failed]); });
  }

  const links = useOpenDocument();
  const versionLinks = useOpenDocumentVersion();
  // Links are minted on the click (openDocument, openDocumentVersion), not listed with every document of the page.
  function act(run: () => Promise<void>) {
    setErrors([]);
    run().catch((e: Error) => setErrors([e.message]));
  }
  const view = () => act(() => openInNewTab(async () => (await links(d.id)).viewUrl));
  const download = () => act(async () => startDownload((await links(d.id)).downloadUrl));
  const downloadVersion = (versionId: string) => act(async () => startDownload((await versionLinks(versionId)).downloadUrl));
  return (
    <div className="doc-row" data-testid="folder-document">
      <FileIcon contentType={d.contentType} name={d.name} />
      <div className="grow">
        <div className="name">{d.name}</div>
        <div className="muted small">
          {formatBytes(d.sizeBytes)} · {formatDate(d.createdAt)}
          {d.version > 1 && <> · <span className="badge">{t.version(d.version)}</span></>}
          {staff && d.uploadedByCustomer && <> · <span className="badge badge-soft">{t.uploadedByCustomer}</span></>}
        </div>
        {progress !== null && <div className="progress" role="progressbar" aria-label={t.newVersion} aria-valuenow={Math.round(progress * 100)}><span style={{ width: `${Math.round(progress * 100)}%` }} /></div>}
        <FormErrors messages={errors} />
      </div>
      <div className="row doc-actions">
        {staff
          ? <button type="button" className="btn btn-sm" onClick={view}><IconEye /> {t.open}</button>
          : <Link className="btn btn-sm" to={`/hub/documents/${encodeURIComponent(d.id)}`}><IconEye /> {t.open}</Link>}
        <button type="button" className="btn btn-sm btn-icon" onClick={download} aria-label={`${t.download} ${d.name}`}><IconDownload /></button>
        {canReplace && (
          <>
            <button type="button" className="btn btn-sm" onClick={() => input.current?.click()} disabled={progress !== null}><IconUpload /> {t.newVersion}</button>
            <input ref={input} type="file" hidden aria-label={`${t.newVersion} ${d.name}`} onChange={(e) => { const f = e.target.files?.[0]; if (f) newVersion(f); e.target.value = ''; }} />
          </>
        )}
        {staff && d.versions.length > 0 && <button type="button" className="btn btn-sm" onClick={() => setShowVersions(true)}>{t.versions} ({d.versions.length + 1})</button>}
      </div>
      {showVersions && (
        <Dialog title={`${t.versions}: ${d.name}`} onClose={() => setShowVersions(false)}>
          <FormErrors messages={errors} />
          <ul className="list" data-testid="document-versions">
            <li className="row between">
              <div><strong>{t.version(d.version)}</strong> <span className="badge badge-success">current</span><div className="muted small">{formatBytes(d.sizeBytes)}</div></div>
              <button type="button" className="btn btn-sm" onClick={download}><IconDownload /> {t.download}</button>
            </li>
            {d.versions.map((v) => (
              <li key={v.id} className="row between">
                <div><strong>{t.version(v.number)}</strong> · {v.name}<div className="muted small">{formatBytes(v.sizeBytes)} · replaced {formatDate(v.replacedAt)}</div></div>
                <button type="button" className="btn btn-sm" onClick={() => downloadVersion(v.id)} aria-label={`${t.download} ${t.version(v.number)}`}><IconDownload /> {t.download}</button>
              </li>
            ))}
          </ul>
        </Dialog>
      )}
    </div>
  );
}
