import { useEffect, useState } from 'react';
import { FileDrop, UploadRow } from './QuoteFiles';
import { useUploads } from '../share/useUploads';
import { FormErrors, Spinner, Toggle } from '../ui/components';
import { IconDownload } from '../ui/icons';
import { formatBytes, formatDateTime } from '../lib/format';
import type { UserErrorLike } from '../lib/errors';

export interface VersionRow {
  id: string;
  number: number;
  filename: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  frozen: boolean;
  downloadUrl?: string | null;
  createdBy?: { fullName: string } | null;
}

/** Every version (the customer sees the latest), and uploading a new one — refused once a version is accepted. */
export function QuoteVersions({ versions, canAdd, blockedReason, onAdd }: {
  versions: readonly VersionRow[];
  canAdd: boolean;
  blockedReason?: string | null;
  onAdd: (uploadId: string, notify: boolean) => Promise<readonly UserErrorLike[]>;
}) {
  const uploads = useUploads();
  const [notify, setNotify] = useState(true);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const item = uploads.items[uploads.items.length - 1];
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  const latest = sorted[0]?.number;
  useEffect(() => setErrors([]), [item?.key]);

  async function add() {
    if (!item?.uploadId) return;
    setBusy(true);
    try {
      const errs = await onAdd(item.uploadId, notify);
      setErrors(errs.map((e) => e.message));
      if (!errs.length) uploads.reset();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="versions-h">
      <div className="card-header"><h2 id="versions-h">Versions</h2></div>
      <ul className="list version-list">
        {sorted.map((v) => (
          <li key={v.id} className={v.number === latest ? 'current' : ''} data-testid="quote-version">
            <div className="row between" style={{ flexWrap: 'nowrap' }}>
              <div style={{ minWidth: 0 }}>
                <strong>Version {v.number}</strong>{v.number === latest && <span className="badge badge-soft" style={{ marginLeft: 8 }}>Customer sees this</span>}
                {v.frozen && <span className="badge badge-success" style={{ marginLeft: 8 }}>Accepted · frozen</span>}
                <div className="muted small">{v.filename} · {formatBytes(v.sizeBytes)} · {formatDateTime(v.createdAt)}{v.createdBy ? ` · ${v.createdBy.fullName}` : ''}</div>
                <div className="mono-hash" title="SHA-256 of the PDF">SHA-256 {v.sha256}</div>
              </div>
              {v.downloadUrl && <a className="btn btn-sm btn-ghost btn-icon" href={v.downloadUrl} download={v.filename} aria-label={`Download version ${v.number}`}><IconDownload /></a>}
            </div>
          </li>
        ))}
      </ul>
      <div className="card-body stack-sm" style={{ borderTop: '1px solid var(--border)' }}>
        {!canAdd ? (
          <p className="small muted">{blockedReason ?? 'No new version can be added.'}</p>
        ) : (
          <>
            <div className="label">Upload a new version</div>
            {item ? <ul className="items" aria-label="New version"><UploadRow u={item} onRemove={() => uploads.remove(item.key)} /></ul>
              : <FileDrop label="choose the new PDF" accept="application/pdf,.pdf" testId="quote-version-input" onFiles={(f) => { uploads.reset(); uploads.addFiles(f.slice(0, 1)); }} />}
            <Toggle label="Email the recipients that the quote changed" checked={notify} onChange={setNotify} />
            <FormErrors messages={errors} />
            <div><button type="button" className="btn btn-primary btn-sm" disabled={!item?.uploadId || busy} onClick={() => void add()}>{busy && <Spinner />} Publish version {(latest ?? 0) + 1}</button></div>
          </>
        )}
      </div>
    </section>
  );
}
