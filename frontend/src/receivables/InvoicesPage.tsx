import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DeleteInvoiceMutation, InvoicesQuery, PauseInvoiceMutation, RecordPaymentMutation, VoidInvoiceMutation } from './invoiceOperations';
import { CreateInvoiceDialog } from './CreateInvoiceDialog';
import { ImportInvoicesDialog } from './ImportInvoicesDialog';
import { PauseInvoiceDialog, RecordPaymentDialog } from './InvoiceDialogs';
import { invoiceChip } from './invoiceForm';
import { localToday } from './actionsView';
import { formatMoney, formatTotals } from './money';
import { Empty, ErrorState, FormErrors, Loading, PageHeader } from '../ui/components';
import { ActionsMenu } from '../ui/Menu';
import { IconFile, IconMore, IconPlus, IconUpload } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTitle } from '../lib/useTitle';
import { useSession } from '../app/session';
import type { InvoicesQuery as InvoicesData, InvoiceStatus } from '../gql/graphql';

type Invoice = InvoicesData['invoices']['edges'][number]['node'];
type Dialog = { kind: 'pay' | 'pause'; invoice: Invoice } | null;

/** Invoices: filters in the URL, totals per currency of what the filters match, and the invoice actions. */
export function InvoicesPage() {
  useTitle('Invoices');
  const { viewer } = useSession();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as InvoiceStatus | null) || null;
  const overdue = params.get('overdue') === '1';
  const mine = params.get('mine') === '1';
  // opened=1: a contact has opened it in the hub; opened=0: nobody has yet; absent: either.
  const openedParam = params.get('opened');
  const opened = openedParam === '1' ? true : openedParam === '0' ? false : null;
  const [first, setFirst] = useState(50);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const today = localToday();
  const customerId = params.get('customer');
  const filters = {
    status: status ? [status] : null, overdue: overdue || null, opened, customerId,
    accountManagerId: mine ? viewer?.member?.id ?? null : null,
  };
  const [res, refetch] = useQuery({ query: InvoicesQuery, variables: { first, ...filters } });
  const [payState, pay] = useMutation(RecordPaymentMutation);
  const [pauseState, pause] = useMutation(PauseInvoiceMutation);
  const [, voidInvoice] = useMutation(VoidInvoiceMutation);
  const [, deleteInvoice] = useMutation(DeleteInvoiceMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v); else next.delete(k);
    setParams(next, { replace: true });
  };
  const finish = (errs: string[], message: string) => {
    setErrors(errs);
    if (!errs.length) { setDialog(null); setNotice(message); reload(); }
  };
  const edges = res.data?.invoices.edges ?? [];
  const filtered = !!(status || overdue || mine || customerId || opened !== null);

  return (
    <>
      <PageHeader
        title="Invoices"
        description="Invoices of your customers, their payments and whether the customer opened them in the hub."
        actions={
          <>
            <button type="button" className="btn" onClick={() => setImporting(true)}><IconUpload /> Import</button>
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}><IconPlus /> New invoice</button>
          </>
        }
      />
      <div className="toolbar">
        <label className="visually-hidden" htmlFor="inv-status">Status</label>
        <select id="inv-status" className="select" value={status ?? ''} onChange={(e) => set('status', e.target.value || null)}>
          <option value="">Any status</option>
          <option value="OPEN">Open</option>
          <option value="PARTIALLY_PAID">Partially paid</option>
          <option value="PAID">Paid</option>
          <option value="VOID">Void</option>
        </select>
        <label className="visually-hidden" htmlFor="inv-opened">Opened in the hub</label>
        <select id="inv-opened" className="select" value={openedParam === '1' || openedParam === '0' ? openedParam : ''} onChange={(e) => set('opened', e.target.value || null)}>
          <option value="">Opened or not</option>
          <option value="1">Opened by the customer</option>
          <option value="0">Not opened yet</option>
        </select>
        {customerId && <button type="button" className="chip" aria-pressed="true" onClick={() => set('customer', null)}>One customer <span className="x" aria-hidden="true">×</span></button>}
        <label className="check"><input type="checkbox" checked={overdue} onChange={(e) => set('overdue', e.target.checked ? '1' : null)} /> Overdue only</label>
        <label className="check"><input type="checkbox" checked={mine} onChange={(e) => set('mine', e.target.checked ? '1' : null)} /> My customers</label>
      </div>
      {notice && <div className="alert alert-success" role="status" style={{ marginBottom: 'var(--s3)' }}>{notice}</div>}
      <FormErrors messages={dialog ? [] : errors} />
      {res.data && (
        <div className="stats invoice-totals" data-testid="invoice-totals">
          {res.data.invoices.totals.length === 0 ? <div className="stat"><div className="value">—</div><div className="label">Open</div></div> : res.data.invoices.totals.map((t) => (
            <div className="stat" key={t.currency}>
              <div className="value">{formatMoney({ currency: t.currency, amount: t.open })}</div>
              <div className="label">Open in {t.currency} · invoiced {formatMoney({ currency: t.currency, amount: t.amount })}</div>
            </div>
          ))}
        </div>
      )}
      <div className="card" style={{ marginTop: 'var(--s4)' }}>
        {res.error && !res.data ? (
          <div className="card-body"><ErrorState message={describeError(res.error)} onRetry={reload} /></div>
        ) : !res.data ? (
          <Loading label="Loading invoices…" />
        ) : edges.length === 0 ? (
          <Empty title={filtered ? 'No invoices match' : 'No invoices yet'} icon={<IconFile />}>{filtered ? 'Try clearing the filters.' : 'Create an invoice, import a file, or let your accounting system push them.'}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table responsive" data-testid="invoices-table">
              <thead>
                <tr><th>Invoice</th><th>Customer</th><th>Due</th><th className="num">Amount</th><th className="num">Open</th><th>Status</th><th>Opened</th><th><span className="visually-hidden">Actions</span></th></tr>
              </thead>
              <tbody>
                {edges.map(({ node: i }) => {
                  const chip = invoiceChip(i, today);
                  const live = i.status === 'OPEN' || i.status === 'PARTIALLY_PAID';
                  // Deleting is for an invoice entered by mistake; one with payments is voided (the server also
                  // refuses one a reminder was sent about, and says so).
                  const deletable = Number(i.paidAmount) === 0;
                  const remove = {
                    label: 'Delete invoice', danger: true, onSelect: async () => {
                      if (!window.confirm(`Delete invoice ${i.number} and its PDF? This cannot be undone.`)) return;
                      const r = await deleteInvoice({ input: { invoiceId: i.id } });
                      finish(r.error ? [describeError(r.error)] : r.data?.deleteInvoice.errors.map((e) => e.message) ?? [], `Invoice ${i.number} deleted.`);
                    },
                  };
                  return (
                    <tr key={i.id} data-testid="invoice-row">
                      <td className="primary"><strong>{i.hasPdf && i.pdfUrl ? <a href={i.pdfUrl} target="_blank" rel="noreferrer">{i.number}</a> : i.number}</strong><div className="muted small">Issued {formatDate(i.issuedOn)}</div></td>
                      <td data-label="Customer">{i.customer ? <Link to={`/customers/${encodeURIComponent(i.customer.id)}`}>{i.customer.name}</Link> : <span className="muted">—</span>}</td>
                      <td data-label="Due">{formatDate(i.dueOn)}</td>
                      <td data-label="Amount" className="num">{formatMoney({ currency: i.currency, amount: i.amount })}</td>
                      <td data-label="Open" className="num">{formatTotals([{ currency: i.currency, amount: i.openAmount }])}</td>
                      <td data-label="Status"><span className={`badge ${chip.badge}`} title={i.paused ? i.pausedReason : undefined}>{chip.label}</span></td>
                      <td data-label="Opened">{i.opened ? <span className="badge badge-success" title={i.firstOpenedAt ? formatDate(i.firstOpenedAt) : undefined}>Yes</span> : <span className="badge">No</span>}</td>
                      <td>
                        {(live || deletable) && (
                          <ActionsMenu icon={<IconMore />} label={`Actions for invoice ${i.number}`} items={!live ? [remove] : [
                            { label: 'Record payment', onSelect: () => { setErrors([]); setDialog({ kind: 'pay', invoice: i }); } },
                            i.paused
                              ? { label: 'Resume reminders', onSelect: async () => { const r = await pause({ input: { invoiceId: i.id, paused: false, reason: '' } }); finish(r.error ? [describeError(r.error)] : r.data?.pauseInvoice.errors.map((e) => e.message) ?? [], `Reminders resumed for ${i.number}.`); } }
                              : { label: 'Pause reminders (dispute)', onSelect: () => { setErrors([]); setDialog({ kind: 'pause', invoice: i }); } },
                            { label: 'Void invoice', danger: true, onSelect: async () => {
                              if (!window.confirm(`Void invoice ${i.number}? It will no longer be owed or reminded of.`)) return;
                              const r = await voidInvoice({ input: { invoiceId: i.id } });
                              finish(r.error ? [describeError(r.error)] : r.data?.voidInvoice.errors.map((e) => e.message) ?? [], `Invoice ${i.number} is void.`);
                            } },
                            ...(deletable ? [remove] : []),
                          ]} />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {res.data?.invoices.pageInfo.hasNextPage && (
        <div className="row" style={{ justifyContent: 'center', marginTop: 'var(--s4)' }}>
          <button type="button" className="btn" onClick={() => setFirst((f) => f + 50)}>Show more</button>
        </div>
      )}
      {creating && <CreateInvoiceDialog onClose={() => setCreating(false)} onCreated={(n) => { setCreating(false); setNotice(`Invoice ${n} created.`); reload(); }} />}
      {importing && <ImportInvoicesDialog onClose={() => setImporting(false)} onImported={reload} />}
      {dialog?.kind === 'pay' && (
        <RecordPaymentDialog invoice={dialog.invoice} busy={payState.fetching} serverErrors={errors} onClose={() => setDialog(null)}
          onSubmit={async (p) => {
            const r = await pay({ input: { invoiceId: dialog.invoice.id, ...p } });
            finish(r.error ? [describeError(r.error)] : r.data?.recordPayment.errors.map((e) => e.message) ?? [], `Payment recorded on ${dialog.invoice.number}.`);
          }} />
      )}
      {dialog?.kind === 'pause' && (
        <PauseInvoiceDialog invoice={dialog.invoice} busy={pauseState.fetching} serverErrors={errors} onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            const r = await pause({ input: { invoiceId: dialog.invoice.id, paused: true, reason } });
            finish(r.error ? [describeError(r.error)] : r.data?.pauseInvoice.errors.map((e) => e.message) ?? [], `Reminders paused for ${dialog.invoice.number}.`);
          }} />
      )}
    </>
  );
}
