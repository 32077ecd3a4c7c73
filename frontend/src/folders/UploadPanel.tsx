import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { UploadDocumentsMutation } from './operations';
import type { FolderLabels } from './labels';
import { useUploads } from '../share/useUploads';
import { FormErrors } from '../ui/components';
import { IconUpload, IconX } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatBytes } from '../lib/format';

/** Several files into one folder: each streams to /uploads with its own progress bar and Cancel; when none is
 *  still uploading, the finished ones become the folder's documents in one mutation (all or none). */
export function UploadPanel({ folderId, labels: t, onUploaded }: { folderId: string; labels: FolderLabels; onUploaded: () => void }) {
  const uploads = useUploads(folderId);
  const [, uploadDocuments] = useMutation(UploadDocumentsMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const { items, uploading, uploadIds, remove } = uploads;

  useEffect(() => {
    if (uploading || uploadIds.length === 0) return;
    const done = items.filter((i) => i.status === 'done').map((i) => i.key);
    let stale = false;
    void uploadDocuments({ input: { folderId, uploadIds } }).then((r) => {
      if (stale) return;
      if (r.error) return setErrors([describeError(r.error)]);
      const errs = r.data?.uploadDocuments.errors ?? [];
      setErrors(errs.map((e) => e.message));
      if (!errs.length) { done.forEach((k) => remove(k)); onUploaded(); }
    });
    return () => { stale = true; };
    // Once per batch: when the last file of the batch finished.
  }, [uploading, uploadIds.join(',')]);

  const failed = items.filter((i) => i.status === 'error');
  return (
    <div className="upload-panel stack-sm">
      <div className="row">
        <button type="button" className="btn btn-sm" onClick={() => input.current?.click()}><IconUpload /> {t.upload}</button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label={t.upload}
          data-testid="folder-upload-input"
          onChange={(e) => { if (e.target.files) uploads.addFiles(Array.from(e.target.files)); e.target.value = ''; }}
        />
      </div>
      {items.filter((i) => i.status === 'uploading').map((u) => (
        <div key={u.key} className="upload-row" data-testid="folder-upload-progress">
          <div className="grow">
            <div className="row between small"><span className="name">{u.name}</span><span className="muted">{formatBytes(u.sizeBytes)}</span></div>
            <div className="progress" role="progressbar" aria-label={t.uploading(u.name)} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(u.progress * 100)}>
              <span style={{ width: `${Math.round(u.progress * 100)}%` }} />
            </div>
          </div>
          <button type="button" className="btn btn-ghost btn-sm btn-icon" aria-label={`${t.cancel} ${u.name}`} onClick={() => uploads.remove(u.key)}><IconX /></button>
        </div>
      ))}
      <FormErrors messages={[...errors, ...failed.map((f) => `${f.name}: ${f.error ?? t.failed}`)]} />
    </div>
  );
}
