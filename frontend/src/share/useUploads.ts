import { useCallback, useEffect, useRef, useState } from 'react';
import { uploadFile } from '../lib/upload';

export interface UploadItem {
  key: string;
  name: string;
  sizeBytes: number;
  contentType: string;
  progress: number;
  status: 'uploading' | 'done' | 'error';
  uploadId?: string;
  error?: string;
}

let seq = 0;

/** Files added from the device: each streams to /uploads with its own progress and abort (`folderId`: a contact's
 *  upload into that folder). */
export function useUploads(folderId?: string) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const aborts = useRef(new Map<string, () => void>());

  useEffect(() => {
    const map = aborts.current;
    return () => { map.forEach((abort) => abort()); map.clear(); };
  }, []);

  const patch = (key: string, p: Partial<UploadItem>) =>
    setItems((cur) => cur.map((i) => (i.key === key ? { ...i, ...p } : i)));

  const addFiles = useCallback((files: Iterable<File>) => {
    for (const file of files) {
      const key = `u${++seq}`;
      setItems((cur) => [...cur, { key, name: file.name, sizeBytes: file.size, contentType: file.type || 'application/octet-stream', progress: 0, status: 'uploading' }]);
      const h = uploadFile(file, (f) => patch(key, { progress: f }), folderId);
      aborts.current.set(key, h.abort);
      h.promise.then(
        (r) => { aborts.current.delete(key); patch(key, { status: 'done', progress: 1, uploadId: r.uploadId, contentType: r.contentType || file.type }); },
        (e: { code?: string; message?: string }) => {
          aborts.current.delete(key);
          if (e.code === 'ABORTED') setItems((cur) => cur.filter((i) => i.key !== key));
          else patch(key, { status: 'error', error: e.message ?? 'Upload failed.' });
        },
      );
    }
  }, [folderId]);

  /** Cancels an upload in flight, or drops a finished / failed one from the send. */
  const remove = useCallback((key: string) => {
    const abort = aborts.current.get(key);
    if (abort) { aborts.current.delete(key); abort(); }
    setItems((cur) => cur.filter((i) => i.key !== key));
  }, []);

  const reset = useCallback(() => setItems([]), []);

  return {
    items,
    addFiles,
    remove,
    reset,
    uploading: items.some((i) => i.status === 'uploading'),
    uploadIds: items.filter((i) => i.status === 'done' && i.uploadId).map((i) => i.uploadId!),
  };
}
