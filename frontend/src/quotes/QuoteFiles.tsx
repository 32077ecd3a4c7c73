import { useRef } from 'react';
import type { UploadItem } from '../share/useUploads';
import { FileIcon } from '../ui/components';
import { IconTrash, IconUpload } from '../ui/icons';
import { formatBytes } from '../lib/format';

/** One uploaded (or uploading) file, with progress, its error, and remove / cancel. */
export function UploadRow({ u, onRemove }: { u: UploadItem; onRemove: () => void }) {
  return (
    <li data-testid="upload-item">
      <FileIcon contentType={u.contentType} name={u.name} />
      <div className="grow">
        <div className="name">{u.name}</div>
        {u.status === 'uploading' && (
          <div className="progress" role="progressbar" aria-label={`Uploading ${u.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(u.progress * 100)}>
            <span style={{ width: `${Math.round(u.progress * 100)}%` }} />
          </div>
        )}
        {u.status === 'done' && <div className="muted small">Uploaded · {formatBytes(u.sizeBytes)}</div>}
        {u.status === 'error' && <div className="field-error">{u.error}</div>}
      </div>
      <button type="button" className="btn btn-ghost btn-sm" aria-label={`${u.status === 'uploading' ? 'Cancel upload of' : 'Remove'} ${u.name}`} onClick={onRemove}>
        {u.status === 'uploading' ? 'Cancel' : <IconTrash />}
      </button>
    </li>
  );
}

/** A file picker button + drop target; `multiple` for attachments, one PDF otherwise. */
export function FileDrop({ label, accept, multiple, onFiles, testId }: { label: string; accept?: string; multiple?: boolean; onFiles: (f: File[]) => void; testId: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="dropzone" onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => { e.preventDefault(); if (e.dataTransfer.files.length) onFiles(Array.from(e.dataTransfer.files)); }}>
      <IconUpload style={{ width: 18, height: 18 }} /> Drop here, or{' '}
      <button type="button" className="link-btn" onClick={() => input.current?.click()}>{label}</button>
      <input ref={input} type="file" hidden multiple={multiple} accept={accept} aria-label={label} data-testid={testId}
        onChange={(e) => { if (e.target.files) onFiles(Array.from(e.target.files)); e.target.value = ''; }} />
    </div>
  );
}
