import { useQuery } from 'urql';
import { QuoteFilterChoicesQuery } from './operations';
import { QUOTE_STATUSES, hasFilters, statusChip, type QuoteFilters } from './status';

const NOT_OPENED = [3, 7, 14, 30];

/** Status chips plus customer, sender and "sent N days ago, not opened" — all kept in the URL by the page. */
export function QuoteFiltersBar({ filters, onChange, hideCustomer }: { filters: QuoteFilters; onChange: (f: QuoteFilters) => void; hideCustomer?: boolean }) {
  const [choices] = useQuery({ query: QuoteFilterChoicesQuery, requestPolicy: 'cache-first' });
  const set = (p: Partial<QuoteFilters>) => onChange({ ...filters, ...p });
  const customers = choices.data?.customers.edges.map((e) => e.node) ?? [];
  const members = choices.data?.members.edges.map((e) => e.node) ?? [];
  return (
    <div className="stack-sm" style={{ marginBottom: 'var(--s4)' }}>
      <div className="chips" role="group" aria-label="Status">
        <button type="button" className="chip" aria-pressed={!filters.status} onClick={() => set({ status: null })}>All</button>
        {QUOTE_STATUSES.map((s) => (
          <button key={s} type="button" className="chip" aria-pressed={filters.status === s} onClick={() => set({ status: filters.status === s ? null : s, notOpenedForDays: null })}>{statusChip(s).label}</button>
        ))}
      </div>
      <div className="toolbar" style={{ marginBottom: 0 }}>
        {!hideCustomer && (
          <>
            <label className="visually-hidden" htmlFor="quote-customer-filter">Customer</label>
            <select id="quote-customer-filter" className="select" value={filters.customerId ?? ''} onChange={(e) => set({ customerId: e.target.value || null })}>
              <option value="">All customers</option>
              {customers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </>
        )}
        <label className="visually-hidden" htmlFor="quote-sender-filter">Sender</label>
        <select id="quote-sender-filter" className="select" value={filters.senderId ?? ''} onChange={(e) => set({ senderId: e.target.value || null })}>
          <option value="">All senders</option>
          {members.map((m) => <option key={m.id} value={m.id}>{m.fullName}{m.isActive ? '' : ' (inactive)'}</option>)}
        </select>
        <label className="visually-hidden" htmlFor="quote-unopened-filter">Not opened</label>
        <select id="quote-unopened-filter" className="select" value={filters.notOpenedForDays ?? ''}
          onChange={(e) => set({ notOpenedForDays: e.target.value ? Number(e.target.value) : null, status: e.target.value ? null : filters.status })}>
          <option value="">Opened or not</option>
          {NOT_OPENED.map((n) => <option key={n} value={n}>Sent {n}+ days ago, not opened</option>)}
        </select>
        {hasFilters(filters) && <button type="button" className="btn btn-ghost" onClick={() => onChange({ status: null, customerId: hideCustomer ? filters.customerId : null, senderId: null, notOpenedForDays: null })}>Clear filters</button>}
      </div>
    </div>
  );
}
