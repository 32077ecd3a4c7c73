import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { CheckInvoiceImportMutation, ImportInvoicesMutation } from './invoiceOperations';
import { Dialog, FormErrors, Spinner } from '../ui/components';
import { IconCheck } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { uploadFile } from '../lib/upload';
import type { InvoiceImportResultFieldsFragment } from '../gql/graphql';

/**
 * Invoice import from CSV/XLSX: upload (with progress), the dry run's errors by row and column and what would be
 * created or updated, then the import itself (one transaction, idempotent on the invoice number).
 */
export function ImportInvoicesDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const [file, setFile] = useState<{ name: string; sizeBytes: number; progress: number; uploadId?: string; error?: string } | null>(null);
  const [result, setResult] = useState<InvoiceImportResultFieldsFragment | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const abortRef = useRef<(() => void) | null>(null);
  const [checkState, check] = useMutation(CheckInvoiceImportMutation);
  const [importState, runImport] = useMutation(ImportInvoicesMutation);
  useEffect(() => () => abortRef.current?.(), []);

  function pick(f: File | undefined) {
    if (!f) return;
    abortRef.current?.();
    setProblems([]);
    setResult(null);
    setFile({ name: f.name, sizeBytes: f.size, progress: 0 });
    const h = uploadFile(f, (progress) => setFile((cur) => (cur ? { ...cur, progress } : cur)));
    abortRef.current = h.abort;
    h.promise.then(
      async (r) => {
        abortRef.current = null;
        setFile((cur) => (cur ? { ...cur, progress: 1, uploadId: r.uploadId } : cur));
        const res = await check({ input: { uploadId: r.uploadId } });
        const p = res.data?.checkInvoiceImport;
        if (!p) return setProblems([describeError(res.error)]);
        setProblems(p.errors.map((e) => e.message));
        setResult(p.result ?? null);
      },
      (e: { code?: string; message?: string }) => { abortRef.current = null; setFile((cur) => (e.code === 'ABORTED' ? null : cur ? { ...cur, error: e.message || 'Upload failed.' } : cur)); },
    );
  }

  async function confirm() {
    if (!file?.uploadId) return;
    const res = await runImport({ input: { uploadId: file.uploadId } });
    const p = res.data?.importInvoices;
    if (!p) return setProblems([describeError(res.error)]);
    setProblems(p.errors.map((e) => e.message));
    if (p.result) { setResult(p.result); if (p.result.applied) onImported(); }
  }

  const done = !!result?.applied;
  const canImport = !!result && result.rowErrors.length === 0 && !done;
  return (
    <Dialog title="Import invoices" onClose={onClose} wide footer={
      done ? <button type="button" className="btn btn-primary" onClick={onClose}>Done</button> : (
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" data-testid="confirm-invoice-import" disabled={!canImport || importState.fetching} onClick={confirm}>Import</button>
        </>
      )
    }>
      <div className="stack">
        <p className="muted small">A CSV or Excel file with the columns Invoice Number, Customer Reference (or Customer Name), Amount, Currency, Issue Date, Due Date. Importing again updates invoices with the same number; a file with any error imports nothing.</p>
        {!done && <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="invoice-import-file" aria-label="Invoice file" onChange={(e) => pick(e.target.files?.[0])} />}
        {file && <div className="small">{file.name} · {formatBytes(file.sizeBytes)} · {file.error ? <span className="field-error">{file.error}</span> : file.uploadId ? (checkState.fetching ? <><Spinner /> checking…</> : 'checked') : `${Math.round(file.progress * 100)} %`}</div>}
        <FormErrors messages={problems} />
        {result && (
          <>
            <div className="stats" data-testid="invoice-import-summary">
              <div className="stat"><div className="value">{result.rowCount}</div><div className="label">Rows</div></div>
              <div className="stat"><div className="value">{result.created}</div><div className="label">{done ? 'Invoices created' : 'Invoices to create'}</div></div>
              <div className="stat"><div className="value">{result.updated}</div><div className="label">{done ? 'Invoices updated' : 'Invoices to update'}</div></div>
              <div className="stat"><div className="value">{result.unchanged}</div><div className="label">Unchanged</div></div>
            </div>
            <ColumnsRead result={result} />
            {result.rowErrors.length > 0 ? (
              <div className="table-wrap">
                <table className="table" data-testid="invoice-row-errors">
                  <thead><tr><th className="num">Row</th><th>Column</th><th>Problem</th></tr></thead>
                  <tbody>{result.rowErrors.map((e, i) => <tr key={i}><td className="num">{e.row}</td><td>{e.column ?? '—'}</td><td>{e.message}</td></tr>)}</tbody>
                </table>
              </div>
            ) : done ? <div className="alert alert-success"><IconCheck /> Imported {result.rowCount} row{result.rowCount === 1 ? '' : 's'} from {file?.name}.</div>
              : <div className="alert alert-success">Every row can be imported.</div>}
          </>
        )}
      </div>
    </Dialog>
  );
}

/** How the file's columns were read (by header, any wording the server knows) and which were ignored. */
function ColumnsRead({ result }: { result: InvoiceImportResultFieldsFragment }) {
  const read = new Set(result.mapping.map((m) => m.column));
  const ignored = result.columns.filter((c) => c.trim() && !read.has(c));
  return (
    <div className="small" data-testid="invoice-import-mapping">
      <ul aria-label="Columns read" style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--s1) var(--s4)', listStyle: 'none', padding: 0, margin: 0 }}>
        {result.mapping.map((m) => <li key={m.column}><strong>{m.column}</strong> → {m.field}</li>)}
      </ul>
      {ignored.length > 0 && <div className="muted">Ignored: {ignored.join(', ')}</div>}
    </div>
  );
}
