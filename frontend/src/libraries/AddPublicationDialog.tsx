import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { AddPublicationMutation } from './operations';
import { Dialog, FileIcon, FormErrors, InputField, SelectField, Spinner } from '../ui/components';
import { IconTrash, IconUpload } from '../ui/icons';
import { describeError, splitErrors, type UserErrorLike } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { uploadFile } from '../lib/upload';

interface Props {
  libraries: readonly { id: string; name: string }[];
  initialLibraryId?: string | null;
  onClose: () => void;
  onAdded: (publication: { id: string; title: string }) => void;
}

interface PickedFile {
  name: string;
  sizeBytes: number;
  contentType: string;
  progress: number;
  status: 'uploading' | 'done' | 'error';
  uploadId?: string;
  error?: string;
}

/** "report.final.pdf" → "report.final" */
export const titleFromFilename = (name: string) => name.replace(/\.[^./\\]{1,10}$/, '').trim() || name;

/** "a, b ,, c" → ["a", "b", "c"] (deduplicated, order kept) */
export const parseTags = (s: string) => [...new Set(s.split(',').map((t) => t.trim()).filter(Boolean))];

/** ADMIN / MANAGER: uploads one file (with progress) and publishes it into a library. */
export function AddPublicationDialog({ libraries, initialLibraryId, onClose, onAdded }: Props) {
  const [libraryId, setLibraryId] = useState(initialLibraryId && libraries.some((l) => l.id === initialLibraryId) ? initialLibraryId : libraries[0]?.id ?? '');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [title, setTitle] = useState('');
  const [titleEdited, setTitleEdited] = useState(false);
  const [tags, setTags] = useState('');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [topError, setTopError] = useState('');
  const [dragOver, setDragOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const abortRef = useRef<(() => void) | null>(null);
  const seq = useRef(0);
  const [state, add] = useMutation(AddPublicationMutation);

  useEffect(() => () => abortRef.current?.(), []);

  const errs = splitErrors(errors, ['libraryId', 'uploadId', 'title', 'tags']);

  function pick(files: FileList | File[] | null) {
    const f = files?.[0];
    if (!f) return;
    abortRef.current?.();
    const mine = ++seq.current;
    setErrors((cur) => cur.filter((e) => e.field !== 'uploadId'));
    setFile({ name: f.name, sizeBytes: f.size, contentType: f.type || 'application/octet-stream', progress: 0, status: 'uploading' });
    if (!titleEdited || !title.trim()) { setTitle(titleFromFilename(f.name)); setTitleEdited(false); }
    const patch = (p: Partial<PickedFile>) => { if (seq.current === mine) setFile((cur) => (cur ? { ...cur, ...p } : cur)); };
    const h = uploadFile(f, (progress) => patch({ progress }));
    abortRef.current = h.abort;
    h.promise.then(
      (r) => { if (seq.current === mine) abortRef.current = null; patch({ status: 'done', progress: 1, uploadId: r.uploadId, contentType: r.contentType || f.type }); },
      (e: { code?: string; message?: string }) => {
        if (seq.current !== mine) return;
        abortRef.current = null;
        if (e.code === 'ABORTED') setFile(null);
        else patch({ status: 'error', error: e.message || 'Upload failed.' });
      },
    );
  }

  function clearFile() {
    seq.current++;
    abortRef.current?.();
    abortRef.current = null;
    setFile(null);
  }

  const canSubmit = !!libraryId && file?.status === 'done' && !!title.trim() && !state.fetching;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTopError('');
    const local: UserErrorLike[] = [];
    if (!libraryId) local.push({ code: 'REQUIRED', field: 'libraryId', message: 'Choose a library.' });
    if (!file || file.status === 'error') local.push({ code: 'REQUIRED', field: 'uploadId', message: 'Choose a file to upload.' });
    if (!title.trim()) local.push({ code: 'REQUIRED', field: 'title', message: 'Enter a title.' });
    if (local.length) return setErrors(local);
    if (!file?.uploadId) return;
    const r = await add({ input: { libraryId, uploadId: file.uploadId, title: title.trim(), tags: parseTags(tags) } });
    if (r.error) return setTopError(describeError(r.error));
    const p = r.data!.addPublication;
    setErrors(p.errors);
    if (p.errors.length === 0 && p.publication) onAdded(p.publication);
  }

  const pct = Math.round((file?.progress ?? 0) * 100);
  const footer = (
    <>
      {file?.status === 'uploading' && <span className="muted small" style={{ marginRight: 'auto', alignSelf: 'center' }}>Waiting for the upload…</span>}
      <button type="button" className="btn" onClick={onClose}>Cancel</button>
      <button type="submit" form="add-publication-form" className="btn btn-primary" disabled={!canSubmit}>
        {state.fetching && <Spinner label="Adding" />} Add publication
      </button>
    </>
  );

  return (
    <Dialog title="Add publication" onClose={onClose} footer={footer}>
      <form id="add-publication-form" onSubmit={submit} noValidate className="stack">
        {topError && <FormErrors messages={[topError]} />}
        <FormErrors messages={errs.general} />
        <SelectField label="Library" value={libraryId} onChange={(e) => setLibraryId(e.target.value)} error={errs.byField.libraryId} required>
          {libraries.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </SelectField>

        <section aria-labelledby="add-pub-file" className="stack-sm">
          <div className="section-title" id="add-pub-file">File</div>
          {file && (
            <ul className="items" aria-label="File to publish">
              <li data-testid="upload-item">
                <FileIcon contentType={file.contentType} name={file.name} />
                <div className="grow">
                  <div className="name">{file.name}</div>
                  {file.status === 'uploading' && (
                    <div className="progress" role="progressbar" aria-label={`Uploading ${file.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
                      <span style={{ width: `${pct}%` }} />
                    </div>
                  )}
                  {file.status === 'done' && <div className="muted small">Uploaded · {formatBytes(file.sizeBytes)}</div>}
                  {file.status === 'error' && <div className="field-error" role="alert">{file.error}</div>}
                </div>
                <button type="button" className="btn btn-ghost btn-sm" aria-label={`${file.status === 'uploading' ? 'Cancel upload of' : 'Remove'} ${file.name}`} onClick={clearFile}>
                  {file.status === 'uploading' ? 'Cancel' : <IconTrash />}
                </button>
              </li>
            </ul>
          )}
          <div
            className={`dropzone ${dragOver ? 'over' : ''}`}
            onDragOver={(e) => { e.preventDefault(); setDragOver(true); }}
            onDragLeave={() => setDragOver(false)}
            onDrop={(e) => { e.preventDefault(); setDragOver(false); pick(Array.from(e.dataTransfer.files)); }}
            data-testid="dropzone"
          >
            <IconUpload style={{ width: 20, height: 20 }} /> {file ? 'Drop another file here to replace it, or ' : 'Drop a file here, or '}
            <button type="button" className="link-btn" onClick={() => fileInput.current?.click()}>choose from your device</button>
            <input ref={fileInput} type="file" hidden aria-label="Choose a file to publish" data-testid="file-input" onChange={(e) => { pick(e.target.files); e.target.value = ''; }} />
          </div>
          {errs.byField.uploadId && <div className="field-error" role="alert">{errs.byField.uploadId}</div>}
        </section>

        <InputField label="Title" value={title} onChange={(e) => { setTitle(e.target.value); setTitleEdited(true); }} error={errs.byField.title} required autoComplete="off" />
        <InputField label="Tags" value={tags} onChange={(e) => setTags(e.target.value)} error={errs.byField.tags} hint="Separate tags with commas, e.g. pricing, 2026." autoComplete="off" />
      </form>
    </Dialog>
  );
}
