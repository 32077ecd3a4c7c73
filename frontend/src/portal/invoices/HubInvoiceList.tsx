import { formatDate } from '../../lib/format';
import { formatMoney, isZero, totalsByCurrency } from '../../receivables/money';
import type { InvoiceStrings } from '../i18n';
import { IconFile } from '../../ui/icons';

export interface HubInvoice {
  id: string;
  number: string;
  amount: string;
  openAmount: string;
  currency: string;
  issuedOn: string;
  dueOn: string;
  status: 'OPEN' | 'PARTIALLY_PAID' | 'PAID' | 'VOID';
  hasPdf: boolean;
  pdfUrl?: string | null;
}

/** The hub's status word: overdue once the due date passed while something is still open. */
export function hubStatus(inv: Pick<HubInvoice, 'status' | 'dueOn'>, today: string): keyof InvoiceStrings['status'] {
  if ((inv.status === 'OPEN' || inv.status === 'PARTIALLY_PAID') && inv.dueOn < today) return 'OVERDUE';
  return inv.status;
}

const BADGE: Record<keyof InvoiceStrings['status'], string> = { OPEN: 'badge-accent', PARTIALLY_PAID: 'badge-warning', PAID: 'badge-success', VOID: '', OVERDUE: 'badge-danger' };

/**
 * A contact's invoices as cards that stack on a phone: number, status, amounts, dates, and the PDF button
 * (`onOpen` opens it; the server records the first opening, which staff see).
 */
export function HubInvoiceList({ invoices, t, locale, today, onOpen }: {
  invoices: readonly HubInvoice[]; t: InvoiceStrings; locale: string; today: string; onOpen: (inv: HubInvoice) => void;
}) {
  if (!invoices.length) return <p className="muted" data-testid="hub-invoices-empty">{t.empty}</p>;
  const outstanding = totalsByCurrency(invoices.filter((i) => i.status !== 'VOID').map((i) => ({ currency: i.currency, amount: i.openAmount })))
    .filter((m) => !isZero(m.amount));
  return (
    <>
      {outstanding.length > 0 && (
        <p className="hub-invoice-total" data-testid="hub-invoices-total">{t.total}: <strong>{outstanding.map((m) => formatMoney(m, locale)).join(' · ')}</strong></p>
      )}
      <ul className="hub-invoices" data-testid="hub-invoices">
        {invoices.map((inv) => {
          const st = hubStatus(inv, today);
          return (
            <li key={inv.id} className="hub-invoice" data-testid="hub-invoice">
              <div className="grow">
                <div className="row" style={{ gap: 'var(--s2)' }}>
                  <strong>{t.number} {inv.number}</strong>
                  <span className={`badge ${BADGE[st]}`}>{t.status[st]}</span>
                </div>
                <div className="muted small">{t.issued} {formatDate(inv.issuedOn, locale)} · {t.due} {formatDate(inv.dueOn, locale)}</div>
              </div>
              <div className="hub-invoice-amounts">
                <div className="amount">{formatMoney({ currency: inv.currency, amount: inv.amount }, locale)}</div>
                {inv.status === 'PARTIALLY_PAID' && <div className="muted small">{t.open}: {formatMoney({ currency: inv.currency, amount: inv.openAmount }, locale)}</div>}
              </div>
              {inv.hasPdf
                ? <button type="button" className="btn btn-sm" onClick={() => onOpen(inv)}><IconFile /> {t.openPdf}</button>
                : <span className="muted small">{t.noPdf}</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
