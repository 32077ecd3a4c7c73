import { useState } from 'react';
import { Dialog, FormErrors, InputField, TextareaField } from '../ui/components';
import { formatMoney, trimAmount } from './money';
import { validatePayment, type PaymentDraft } from './invoiceForm';
import { localToday } from './actionsView';

interface InvoiceRef { id: string; number: string; currency: string; openAmount: string }

/** Record a payment; the amount starts at what is still open (the usual case: paid in full). */
export function RecordPaymentDialog({ invoice, busy, serverErrors, onSubmit, onClose }: {
  invoice: InvoiceRef; busy: boolean; serverErrors: string[]; onSubmit: (p: PaymentDraft) => void; onClose: () => void;
}) {
  const [p, setP] = useState<PaymentDraft>({ amount: trimAmount(invoice.openAmount, invoice.currency), paidOn: localToday(), note: '' });
  const [errors, setErrors] = useState<ReturnType<typeof validatePayment>>({});
  return (
    <Dialog title={`Record payment: invoice ${invoice.number}`} onClose={onClose} footer={
      <>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="record-payment" className="btn btn-primary" disabled={busy}>Record payment</button>
      </>
    }>
      <form id="record-payment" className="stack" noValidate onSubmit={(e) => { e.preventDefault(); const v = validatePayment(p, invoice.currency); setErrors(v); if (!Object.keys(v).length) onSubmit({ ...p, amount: p.amount.trim() }); }}>
        <p className="muted">Open: {formatMoney({ currency: invoice.currency, amount: invoice.openAmount })}</p>
        <FormErrors messages={serverErrors} />
        <div className="form-grid">
          <InputField label={`Amount (${invoice.currency})`} inputMode="decimal" value={p.amount} onChange={(e) => setP({ ...p, amount: e.target.value })} error={errors.amount} />
          <InputField label="Paid on" type="date" value={p.paidOn} onChange={(e) => setP({ ...p, paidOn: e.target.value })} error={errors.paidOn} />
        </div>
        <InputField label="Note" value={p.note} onChange={(e) => setP({ ...p, note: e.target.value })} error={errors.note} maxLength={300} placeholder="e.g. bank transfer ref." />
      </form>
    </Dialog>
  );
}

/** Pause reminders for an invoice (a dispute), with the reason staff will see. */
export function PauseInvoiceDialog({ invoice, busy, serverErrors, onSubmit, onClose }: {
  invoice: InvoiceRef; busy: boolean; serverErrors: string[]; onSubmit: (reason: string) => void; onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Dialog title={`Pause reminders: invoice ${invoice.number}`} onClose={onClose} footer={
      <>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="pause-invoice" className="btn btn-primary" disabled={busy}>Pause reminders</button>
      </>
    }>
      <form id="pause-invoice" className="stack" onSubmit={(e) => { e.preventDefault(); onSubmit(reason.trim()); }}>
        <p className="muted">No reminder emails or actions for this invoice until you resume them.</p>
        <FormErrors messages={serverErrors} />
        <TextareaField label="Reason (dispute)" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} placeholder="e.g. customer disputes the delivered quantity" />
      </form>
    </Dialog>
  );
}
