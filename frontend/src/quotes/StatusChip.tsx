import { expiryNote, statusChip } from './status';
import './quotes.css';

/** The quote's status as a coloured chip, with the expiry close by when the customer can still act. */
export function StatusChip({ status, expiresOn, showExpiry = false }: { status: string; expiresOn?: string | null; showExpiry?: boolean }) {
  const chip = statusChip(status);
  const note = showExpiry ? expiryNote(status, expiresOn) : null;
  return (
    <span className="status-chip-wrap">
      <span className={`status-chip tone-${chip.tone}`} title={chip.hint} data-testid="quote-status" data-status={status}>
        <span className="dot" aria-hidden="true" />{chip.label}
      </span>
      {note && <span className="expiry-note small">{note}</span>}
    </span>
  );
}
