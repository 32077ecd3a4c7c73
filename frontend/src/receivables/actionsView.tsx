import { useState } from 'react';
import { Link } from 'react-router';
import { Dialog, FormErrors, SelectField, TextareaField } from '../ui/components';
import { IconCheck } from '../ui/icons';
import { formatDate, formatDateTime } from '../lib/format';
import { ACTION_KIND_LABELS, type ActionKind } from './workflowForm';

export interface ActionItem {
  id: string;
  kind: ActionKind;
  text: string;
  dueOn: string;
  status: 'TODO' | 'DONE';
  doneAt: string | null;
  note: string;
  doneBy: { fullName: string } | null;
  assignee: { id: string; fullName: string } | null;
  customer: { id: string; name: string };
  invoice: { id: string; number: string } | null;
}

/** Whether an action to do is past its due date on `today` (YYYY-MM-DD, the reader's calendar day). */
export function isLate(a: Pick<ActionItem, 'status' | 'dueOn'>, today: string): boolean {
  return a.status === 'TODO' && a.dueOn < today;
}

export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The Actions tab's list: each action with its customer, invoice, due date; complete and reassign buttons. */
export function ActionsList({ actions, showAssignee, onComplete, onReassign, today = localToday() }: {
  actions: readonly ActionItem[];
  showAssignee: boolean;
  onComplete?: (a: ActionItem) => void;
  onReassign?: (a: ActionItem) => void;
  today?: string;
}) {
  return (
    <ul className="list action-list" data-testid="actions-list">
      {actions.map((a) => (
        <li key={a.id} className="action-item" data-testid="action" data-status={a.status}>
          <div className="grow">
            <div className="row" style={{ gap: 'var(--s2)' }}>
              <strong>{ACTION_KIND_LABELS[a.kind]}</strong>
              <span className="muted">·</span>
              {a.customer.id ? <Link to={`/customers/${encodeURIComponent(a.customer.id)}`}>{a.customer.name}</Link> : <span className="muted">{a.customer.name}</span>}
              {a.invoice && <span className="badge badge-soft">Invoice {a.invoice.number}</span>}
            </div>
            {a.text && <div className="small">{a.text}</div>}
            <div className="muted small">
              {a.status === 'TODO'
                ? <>Due {formatDate(a.dueOn)}{isLate(a, today) && <span className="badge badge-danger" style={{ marginLeft: 6 }}>Late</span>}</>
                : <>Done {formatDateTime(a.doneAt)}{a.doneBy ? ` by ${a.doneBy.fullName}` : ''}</>}
              {showAssignee && <> · {a.assignee ? a.assignee.fullName : 'Unassigned'}</>}
            </div>
            {a.status === 'DONE' && a.note && <blockquote className="action-note">{a.note}</blockquote>}
          </div>
          {a.status === 'TODO' && (
            <div className="row action-buttons">
              {onReassign && <button type="button" className="btn btn-sm" onClick={() => onReassign(a)}>Reassign</button>}
              {onComplete && <button type="button" className="btn btn-sm btn-primary" onClick={() => onComplete(a)}><IconCheck /> Complete</button>}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

export function CompleteActionDialog({ action, busy, errors, onSubmit, onClose }: {
  action: ActionItem; busy: boolean; errors: string[]; onSubmit: (note: string) => void; onClose: () => void;
}) {
  const [note, setNote] = useState('');
  return (
    <Dialog title="Complete action" onClose={onClose} footer={
      <>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="complete-action" className="btn btn-primary" disabled={busy}>Mark as done</button>
      </>
    }>
      <form id="complete-action" className="stack" onSubmit={(e) => { e.preventDefault(); onSubmit(note.trim()); }}>
        <p><strong>{ACTION_KIND_LABELS[action.kind]}</strong> · {action.customer.name}{action.invoice ? ` · invoice ${action.invoice.number}` : ''}</p>
        <FormErrors messages={errors} />
        <TextareaField label="Note" rows={4} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000}
          hint="What happened, e.g. “Promised payment by Friday”." />
      </form>
    </Dialog>
  );
}

export function ReassignActionDialog({ action, members, busy, errors, onSubmit, onClose }: {
  action: ActionItem; members: readonly { id: string; fullName: string }[]; busy: boolean; errors: string[];
  onSubmit: (memberId: string) => void; onClose: () => void;
}) {
  const [pick, setPick] = useState('');
  const choices = members.filter((m) => m.id !== action.assignee?.id);
  return (
    <Dialog title="Reassign action" onClose={onClose} footer={
      <>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="reassign-action" className="btn btn-primary" disabled={busy || !pick}>Reassign</button>
      </>
    }>
      <form id="reassign-action" className="stack" onSubmit={(e) => { e.preventDefault(); if (pick) onSubmit(pick); }}>
        <p>{ACTION_KIND_LABELS[action.kind]} · {action.customer.name} — now with {action.assignee?.fullName ?? 'nobody'}.</p>
        <FormErrors messages={errors} />
        <SelectField label="New assignee" value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">Choose a member…</option>
          {choices.map((m) => <option key={m.id} value={m.id}>{m.fullName}</option>)}
        </SelectField>
      </form>
    </Dialog>
  );
}
