import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { CheckCustomerImportMutation, ImportCustomersMutation } from './operations';
import { IMPORT_FIELDS, choose, fieldLabel, mappingFor, sameMapping, toInput, type Mapping } from './importMapping';
import { Dialog, FileIcon, FormErrors, Spinner } from '../ui/components';
import { IconCheck, IconUpload } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { uploadFile } from '../lib/upload';
import type { CustomerImportResultFieldsFragment, ImportField } from '../gql/graphql';

type Step = 'upload' | 'mapping' | 'done';

interface Picked { name: string; sizeBytes: number; progress: number; uploadId?: string; error?: string }

/**
 * The import wizard: upload a CSV or Excel file (with progress), map its columns (suggested from the headers), see
 * the dry run's errors per row and what would change, then import (one transaction) and see what was done.
 */
export function ImportCustomersDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<Picked | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [checkedMapping, setCheckedMapping] = useState<Mapping | null>(null);
  const [result, setResult] = useState<CustomerImportResultFieldsFragment | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [dragOver, setDragOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const abortRef = useRef<(() => void) | null>(null);
  const [checkState, check] = useMutation(CheckCustomerImportMutation);
  const [importState, runImport] = useMutation(ImportCustomersMutation);

  useEffect(() => () => abortRef.current?.(), []);

  async function dryRun(uploadId: string, chosen: Mapping | null) {
    const res = await check({ input: { uploadId, mapping: chosen ? toInput(chosen) : null } });
    const payload = res.data?.checkCustomerImport;
    if (!payload) { setProblems([describeError(res.error)]); return; }
    setProblems(payload.errors.map((e) => e.message));
    if (payload.result) {
      const used = mappingFor(payload.result.columns, payload.result.mapping);
      setResult(payload.result);
      setMapping(used);
      setCheckedMapping(used);
      setStep('mapping');
    }
  }

  function pick(files: FileList | File[] | null) {
    const f = files?.[0];
    if (!f) return;
    abortRef.current?.();
    setProblems([]);
    setFile({ name: f.name, sizeBytes: f.size, progress: 0 });
    const h = uploadFile(f, (progress) => setFile((cur) => (cur ? { ...cur, progress } : cur)));
    abortRef.current = h.abort;
    h.promise.then(
      (r) => {
        abortRef.current = null;
        setFile((cur) => (cur ? { ...cur, progress: 1, uploadId: r.uploadId } : cur));
        void dryRun(r.uploadId, null);
      },
      (e: { code?: string; message?: string }) => {
        abortRef.current = null;
        if (e.code === 'ABORTED') setFile(null);
        else setFile((cur) => (cur ? { ...cur, error: e.message || 'Upload failed.' } : cur));
      },
    );
  }

  async function confirm() {
    if (!file?.uploadId) return;
    const res = await runImport({ input: { uploadId: file.uploadId, mapping: toInput(mapping) } });
    const payload = res.data?.importCustomers;
    if (!payload) { setProblems([describeError(res.error)]); return; }
    setProblems(payload.errors.map((e) => e.message));
    if (payload.result) {
      setResult(payload.result);
      if (payload.result.applied) { setStep('done'); onImported(); }
    }
  }

  const stale = checkedMapping !== null && !sameMapping(mapping, checkedMapping);
  const canImport = step === 'mapping' && !!result && !stale && problems.length === 0 && result.rowErrorCount === 0 && result.rowCount > 0;
  const busy = checkState.fetching || importState.fetching;

  const footer = step === 'done' ? (
    <button type="button" className="btn btn-primary" onClick={onClose}>Done</button>
  ) : (
    <>
      {busy && <Spinner label={importState.fetching ? 'Importing' : 'Checking'} />}
      <button type="button" className="btn" onClick={onClose}>Cancel</button>
      {step === 'mapping' && stale && (
        <button type="button" className="btn" disabled={busy} onClick={() => file?.uploadId && void dryRun(file.uploadId, mapping)}>Check again</button>
      )}
      {step === 'mapping' && (
        <button type="button" className="btn btn-primary" disabled={!canImport || busy} onClick={() => void confirm()} data-testid="confirm-import">
          Import {result ? `${result.rowCount} row${result.rowCount === 1 ? '' : 's'}` : ''}
        </button>
      )}
    </>
  );

  return (
    <Dialog title="Import customers" onClose={onClose} footer={footer} wide={step === 'mapping'}>
      <ol className="steps" aria-label="Steps">
        {(['upload', 'mapping', 'done'] as Step[]).map((s, i) => (
          <li key={s} className={s === step ? 'current' : ''} aria-current={s === step ? 'step' : undefined}>
            {i + 1}. {s === 'upload' ? 'Upload' : s === 'mapping' ? 'Map columns and check' : 'Imported'}
          </li>
        ))}
      </ol>
      <FormErrors messages={problems} />

      {step === 'upload' && (
        <div className="stack">
          <p className="muted">
            A CSV or Excel (.xlsx) file, one row per contact, the column names in the first row. Rows with the same
            external reference are one customer with several contacts. Importing the same file again changes nothing;
            a changed row updates the customer or contact. An exported customer list imports back as it is.
          </p>
          {file ? (
            <ul className="items">
              <li>
                <FileIcon contentType="text/csv" name={file.name} />
                <div className="grow">
                  <div className="name">{file.name}</div>
                  <div className="muted small">{formatBytes(file.sizeBytes)}{file.uploadId && checkState.fetching ? ' · checking every row…' : ''}</div>
                  {!file.error && file.progress < 1 && <div className="progress" role="progressbar" aria-label="Upload progress" aria-valuenow={Math.round(file.progress * 100)} aria-valuemin={0} aria-valuemax={100}><span style={{ width: `${Math.round(file.progress * 100)}%` }} /></div>}
                  {file.error && <div className="field-error" role="alert">{file.error}</div>}
                </div>
                {file.progress < 1 && !file.error && <button type="button" className="btn btn-ghost btn-sm" onClick={() => abortRef.current?.()}>Cancel upload</button>}
                {file.error && <button type="button" className="btn btn-sm" onClick={() => setFile(null)}>Choose another file</button>}
              </li>
            </ul>
          ) : (
            <div
              className={`dropzone ${dragOver ? 'over' : ''}`}
              onDragOver={(e) => { e.preventDefault(); setDragOver(true); }}
              onDragLeave={() => setDragOver(false)}
              onDrop={(e) => { e.preventDefault(); setDragOver(false); pick(e.dataTransfer.files); }}
            >
              <IconUpload style={{ width: 20, height: 20 }} /> Drop the file here, or{' '}
              <button type="button" className="link-btn" onClick={() => fileInput.current?.click()}>choose it from your device</button>
              <input ref={fileInput} type="file" hidden accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label="Customer file" data-testid="import-file" onChange={(e) => { pick(e.target.files); e.target.value = ''; }} />
            </div>
          )}
        </div>
      )}

      {step === 'mapping' && result && (
        <div className="send-layout">
          <section aria-labelledby="map-title" className="stack-sm">
            <div className="section-title" id="map-title">Columns of {file?.name}</div>
            <div className="table-wrap">
              <table className="table responsive">
                <thead><tr><th>Column in the file</th><th>Imported as</th></tr></thead>
                <tbody>
                  {result.columns.map((column) => (
                    <tr key={column}>
                      <td className="primary"><strong>{column}</strong></td>
                      <td data-label="Imported as">
                        <select className="select" aria-label={`Field for column ${column}`} value={mapping[column] ?? ''} onChange={(e) => setMapping((m) => choose(m, column, e.target.value as ImportField | ''))}>
                          <option value="">Not imported</option>
                          {IMPORT_FIELDS.map((f) => <option key={f.field} value={f.field}>{f.label}</option>)}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {stale && <div className="alert alert-info">The mapping changed: check the file again before importing.</div>}
          </section>

          <section aria-labelledby="check-title" className="stack-sm">
            <div className="section-title" id="check-title">Dry run: nothing has been written yet</div>
            <Summary result={result} />
            {result.rowErrorCount > 0 ? (
              <>
                <div className="alert alert-error" role="alert">
                  {result.rowErrorCount} problem{result.rowErrorCount === 1 ? '' : 's'} to fix in the file before it can be imported
                  {result.rowErrorCount > result.rowErrors.length ? ` (the first ${result.rowErrors.length} are listed)` : ''}.
                </div>
                <div className="table-wrap">
                  <table className="table responsive" data-testid="row-errors">
                    <thead><tr><th className="num">Row</th><th>Column</th><th>Problem</th></tr></thead>
                    <tbody>
                      {result.rowErrors.map((e, i) => (
                        <tr key={i}>
                          <td data-label="Row" className="num">{e.row}</td>
                          <td data-label="Column">{e.column ?? '—'}{e.field && <div className="muted small">{fieldLabel(e.field)}</div>}</td>
                          <td data-label="Problem">{e.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : problems.length === 0 && !stale ? (
              <div className="alert alert-success"><IconCheck /> Every row can be imported.</div>
            ) : null}
          </section>
        </div>
      )}

      {step === 'done' && result && (
        <div className="stack">
          <div className="alert alert-success" role="status"><IconCheck /> Imported {result.rowCount} row{result.rowCount === 1 ? '' : 's'} from {file?.name}.</div>
          <Summary result={result} done />
        </div>
      )}
    </Dialog>
  );
}

function Summary({ result, done = false }: { result: CustomerImportResultFieldsFragment; done?: boolean }) {
  const items: [string, number][] = [
    [done ? 'Customers created' : 'Customers to create', result.customersCreated],
    [done ? 'Customers updated' : 'Customers to update', result.customersUpdated],
    ['Customers unchanged', result.customersUnchanged],
    [done ? 'Contacts created' : 'Contacts to create', result.contactsCreated],
    [done ? 'Contacts updated' : 'Contacts to update', result.contactsUpdated],
    ['Contacts unchanged', result.contactsUnchanged],
  ];
  return (
    <div className="stats" data-testid="import-summary">
      {items.map(([label, value]) => (
        <div className="stat" key={label}><div className="value">{value}</div><div className="label">{label}</div></div>
      ))}
    </div>
  );
}
