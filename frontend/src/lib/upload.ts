export interface UploadResult {
  uploadId: string;
  name: string;
  sizeBytes: number;
  contentType: string;
}

export class UploadError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

export interface UploadHandle {
  promise: Promise<UploadResult>;
  abort: () => void;
}

/**
 * Streams one file to POST /uploads as the raw body (into `folderId` for a contact's upload). XMLHttpRequest rather than fetch,
 * because it reports upload progress and can be aborted.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void, folderId?: string): UploadHandle {
  // A contact uploads into a folder that lets them: the server checks it before storing a byte.
  const folder = folderId ? `&folderId=${encodeURIComponent(folderId)}` : '';
  return postFile<UploadResult>(`/uploads?filename=${encodeURIComponent(file.name)}${folder}`, file, onProgress, (b) => !!b.uploadId);
}

/**
 * POSTs a file as the raw body to `url`; resolves with the JSON answer when `accepted(body)`, rejects with an
 * UploadError carrying the server's `{ error: { code, message } }` otherwise.
 */
export function postFile<T>(url: string, file: File, onProgress: (fraction: number) => void, accepted: (body: Record<string, unknown>) => boolean): { promise: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-Requested-With', 'portico');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      const b = body as ({ error?: { code: string; message: string } } & Record<string, unknown>) | null;
      if (xhr.status >= 200 && xhr.status < 300 && b && accepted(b)) {
        onProgress(1);
        resolve(b as T);
      } else if (b?.error) reject(new UploadError(b.error.code, b.error.message));
      else reject(new UploadError('HTTP_' + xhr.status, `Upload failed (${xhr.status || 'network error'}).`));
    };
    xhr.onerror = () => reject(new UploadError('NETWORK', 'Upload failed: network error.'));
    xhr.onabort = () => reject(new UploadError('ABORTED', 'Upload cancelled.'));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}
