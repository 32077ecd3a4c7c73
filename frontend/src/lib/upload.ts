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
 * Streams one file to POST /uploads as the raw body. XMLHttpRequest rather than fetch,
 * because it reports upload progress and can be aborted.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadResult>((resolve, reject) => {
    xhr.open('POST', `/uploads?filename=${encodeURIComponent(file.name)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-Requested-With', 'portico');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      const b = body as { uploadId?: string; error?: { code: string; message: string } } | null;
      if (xhr.status >= 200 && xhr.status < 300 && b?.uploadId) {
        onProgress(1);
        resolve(b as UploadResult);
      } else if (b?.error) reject(new UploadError(b.error.code, b.error.message));
      else reject(new UploadError('HTTP_' + xhr.status, `Upload failed (${xhr.status || 'network error'}).`));
    };
    xhr.onerror = () => reject(new UploadError('NETWORK', 'Upload failed: network error.'));
    xhr.onabort = () => reject(new UploadError('ABORTED', 'Upload cancelled.'));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}
