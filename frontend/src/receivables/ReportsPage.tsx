import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ActionsReportQuery, AgingInvoicesQuery, AgingReportQuery } from './operations';
import { AgingChart } from './AgingChart';
import { AgingTable, type DrillDown } from './AgingTable';
import { ActionsChart } from './ActionsChart';
import { AGING_BUCKETS, currenciesOf, type AgingRow } from './aging';
import { formatMoney } from './money';
import { addDays } from './invoiceForm';
import { localToday } from './actionsView';
import { Dialog, Empty, ErrorState, InputField, Loading, PageHeader } from '../ui/components';
import { IconDownload } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTitle } from '../lib/useTitle';

/** Reports: aging per account manager (per currency, drill-down to the invoices) and actions to do vs done. */
export function ReportsPage() {
  useTitle('Reports');
  return (
    <>
      <PageHeader title="Reports" description="What is owed and how old it is, per account manager; and how the follow-up goes." />
      <div className="stack">
        <AgingSection />
        <ActionsSection />
      </div>
    </>
  );
}

function AgingSection() {
  const [params, setParams] = useSearchParams();
  const [res, refetch] = useQuery({ query: AgingReportQuery });
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const rows: AgingRow[] = res.data?.agingReport ?? [];
  const currencies = currenciesOf(rows);
  const currency = currencies.includes(params.get('currency') ?? '') ? params.get('currency')! : currencies[0] ?? '';
  return (
    <section className="card" aria-labelledby="aging-h">
      <div className="card-header row between">
        <h2 id="aging-h">Aging per account manager</h2>
        <div className="row">
          {currencies.length > 1 && (
            <>
              <label className="visually-hidden" htmlFor="aging-currency">Currency</label>
              <select id="aging-currency" className="select" value={currency} onChange={(e) => { const n = new URLSearchParams(params); n.set('currency', e.target.value); setParams(n, { replace: true }); }}>
                {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </>
          )}
          <a className="btn btn-sm" href={`/receivables/aging.csv${currency ? `?currency=${encodeURIComponent(currency)}` : ''}`} download><IconDownload /> CSV</a>
        </div>
      </div>
      <div className="card-body stack">
        {res.error && !res.data ? <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
          : !res.data ? <Loading label="Computing the aging…" />
          : rows.length === 0 ? <Empty title="Nothing owed">No open invoices: every invoice is paid or void.</Empty>
          : (
            <>
              <p className="muted small">As of today · open amounts in {currency}; an invoice counts for each of its customer's account managers. Choose an amount to see its invoices.</p>
              <AgingChart rows={rows} currency={currency} />
              <AgingTable rows={rows} currency={currency} onDrill={setDrill} />
            </>
          )}
      </div>
      {drill && <AgingInvoicesDialog drill={drill} onClose={() => setDrill(null)} />}
    </section>
  );
}

function AgingInvoicesDialog({ drill, onClose }: { drill: DrillDown; onClose: () => void }) {
  const bucketInfo = drill.bucket ? AGING_BUCKETS.find((b) => b.key === drill.bucket)! : null;
  const [res] = useQuery({ query: AgingInvoicesQuery, variables: { accountManagerId: drill.accountManagerId, bucket: bucketInfo?.api ?? null, currency: drill.currency, first: 200 } });
  const bucket = bucketInfo?.label ?? 'All buckets';
  const invoices = res.data?.agingInvoices.edges.map((e) => e.node) ?? [];
  return (
    <Dialog title={`Invoices: ${bucket}, ${drill.currency}`} onClose={onClose} wide>
      {res.error ? <ErrorState message={describeError(res.error)} /> : !res.data ? <Loading /> : invoices.length === 0 ? <Empty title="No invoices" /> : (
        <div className="table-wrap">
          <table className="table responsive" data-testid="aging-invoices">
            <thead><tr><th>Invoice</th><th>Customer</th><th>Due</th><th className="num">Days overdue</th><th className="num">Open</th><th>Opened</th></tr></thead>
            <tbody>
              {invoices.map((i) => (
                <tr key={i.invoiceId}>
                  <td className="primary"><strong>{i.number}</strong></td>
                  <td data-label="Customer"><Link to={`/customers/${encodeURIComponent(i.customerId)}`}>{i.customerName}</Link></td>
                  <td data-label="Due">{formatDate(i.dueOn)}</td>
                  <td data-label="Days overdue" className="num">{i.daysOverdue > 0 ? i.daysOverdue : '—'}</td>
                  <td data-label="Open" className="num">{formatMoney({ currency: i.currency, amount: i.openAmount })}</td>
                  <td data-label="Opened">{i.opened ? <span className="badge badge-success" title={formatDate(i.firstOpenedAt)}>Yes</span> : <span className="badge">No</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}

function ActionsSection() {
  const today = localToday();
  const [from, setFrom] = useState(addDays(today, -30));
  // Actions count by their due date: the default window looks a month back and a month ahead (steps create
  // actions due some days after they run).
  const [to, setTo] = useState(addDays(today, 30));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const [res, refetch] = useQuery({ query: ActionsReportQuery, variables: { from, to }, pause: !valid });
  const rows = res.data?.actionsReport ?? [];
  return (
    <section className="card" aria-labelledby="actions-h">
      <div className="card-header row between">
        <h2 id="actions-h">Actions to do vs done</h2>
        <a className="btn btn-sm" href={`/receivables/actions-report.csv?from=${from}&to=${to}`} download><IconDownload /> CSV</a>
      </div>
      <div className="card-body stack">
        <div className="row">
          <InputField label="From" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          <InputField label="To" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} error={valid ? undefined : 'The period ends before it starts.'} />
        </div>
        {res.error && !res.data ? <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
          : !res.data ? <Loading />
          : rows.length === 0 ? <Empty title="No actions in this period" />
          : (
            <>
              <ActionsChart rows={rows} />
              <div className="table-wrap">
                <table className="table responsive" data-testid="actions-report">
                  <thead><tr><th>Account manager</th><th className="num">To do</th><th className="num">Done</th></tr></thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.accountManager?.id ?? 'none'}>
                        <td className="primary"><strong>{r.accountManager?.fullName ?? 'Unassigned'}</strong></td>
                        <td data-label="To do" className="num">{r.todo}</td>
                        <td data-label="Done" className="num">{r.done}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
      </div>
    </section>
  );
}
