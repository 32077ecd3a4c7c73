/**
 * The reminder workflow editor's form state and its checks. The server validates again (and has the last word);
 * these checks give the errors next to the step they belong to before anything is sent.
 */

export type StepKind = 'EMAIL' | 'ACTION';
export type CopyMode = 'NONE' | 'CC' | 'BCC';
export type ActionKind = 'CALL' | 'LETTER' | 'CUSTOM';

export interface StepDraft {
  key: string;
  /** The saved step's id: sent back so the server keeps what already ran for it (each step once per invoice). */
  id?: string;
  offsetDays: string;
  kind: StepKind;
  copyAccountManager: CopyMode;
  actionKind: ActionKind;
  actionText: string;
  actionDueInDays: string;
  /** EMAIL: the step's own wording per language; what is left empty (subject, text, a language) is the built-in text. */
  templates: Record<string, { subject: string; body: string }>;
}

export interface WorkflowDraft { name: string; isDefault: boolean; steps: StepDraft[] }

export interface StepErrors { offsetDays?: string; actionText?: string; actionDueInDays?: string; templates?: string }
export interface WorkflowErrors { name?: string; steps: StepErrors[]; general: string[] }

export const MAX_OFFSET_DAYS = 365;

let seq = 0;
export function newStep(partial: Partial<StepDraft> = {}): StepDraft {
  seq += 1;
  return { key: `s${seq}`, offsetDays: '', kind: 'EMAIL', copyAccountManager: 'NONE', actionKind: 'CALL', actionText: '', actionDueInDays: '3', templates: {}, ...partial };
}

/** A sensible start: a friendly note before the due date, reminders after, a call when it is long overdue. */
export function defaultDraft(): WorkflowDraft {
  return {
    name: '', isDefault: false,
    steps: [
      newStep({ offsetDays: '-3' }),
      newStep({ offsetDays: '1' }),
      newStep({ offsetDays: '7', copyAccountManager: 'CC' }),
      newStep({ offsetDays: '15', kind: 'ACTION', actionKind: 'CALL' }),
    ],
  };
}

function parseInt10(s: string): number | null {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) return null;
  return Number(t);
}

export function validateWorkflow(d: WorkflowDraft): WorkflowErrors {
  const errors: WorkflowErrors = { steps: d.steps.map(() => ({})), general: [] };
  if (!d.name.trim()) errors.name = 'Give the workflow a name.';
  else if (d.name.trim().length > 100) errors.name = 'At most 100 characters.';
  if (d.steps.length === 0) errors.general.push('Add at least one step.');
  const seen = new Map<string, number>();
  d.steps.forEach((s, i) => {
    const e = errors.steps[i]!;
    const off = parseInt10(s.offsetDays);
    if (off === null) e.offsetDays = 'Whole days, e.g. -3 or 7.';
    else if (Math.abs(off) > MAX_OFFSET_DAYS) e.offsetDays = `Within ${MAX_OFFSET_DAYS} days of the due date.`;
    else {
      // Each step runs once per invoice; two of the same kind on the same day would send or create twice.
      const k = `${s.kind}:${off}`;
      if (seen.has(k)) e.offsetDays = `Step ${seen.get(k)! + 1} already ${s.kind === 'EMAIL' ? 'emails' : 'creates an action'} on this day.`;
      else seen.set(k, i);
    }
    if (s.kind === 'EMAIL') {
      for (const [lang, t] of Object.entries(s.templates)) {
        const subject = t.subject.trim(), body = t.body.trim();
        const unknown = [...`${subject} ${body}`.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!).find((n) => !REMINDER_PLACEHOLDERS.includes(n));
        if (unknown) { e.templates = `${LANGUAGE_LABELS[lang] ?? lang}: {${unknown}} is not a placeholder of reminder emails.`; break; }
        if (subject.length > 300 || body.length > 10000) { e.templates = `${LANGUAGE_LABELS[lang] ?? lang}: the subject has at most 300 characters, the text 10,000.`; break; }
      }
    }
    if (s.kind === 'ACTION') {
      if (s.actionKind === 'CUSTOM' && !s.actionText.trim()) e.actionText = 'Say what the account manager should do.';
      if (s.actionText.length > 500) e.actionText = 'At most 500 characters.';
      const due = parseInt10(s.actionDueInDays);
      if (due === null || due < 0 || due > 90) e.actionDueInDays = 'Between 0 and 90 days.';
    }
  });
  return errors;
}

/**
 * The server's errors of a save placed like ours: `steps.N.field` on step N (the steps as sent, i.e. sorted),
 * `name` on the name, the rest above the form.
 */
export function placeServerErrors(errors: readonly { field?: string | null; message: string }[], stepCount: number): WorkflowErrors {
  const out: WorkflowErrors = { steps: Array.from({ length: stepCount }, () => ({})), general: [] };
  for (const e of errors) {
    const m = /^steps\.(\d+)\.(\w+)/.exec(e.field ?? '');
    const step = m ? out.steps[Number(m[1])] : undefined;
    if (step && m) {
      const key = m[2] === 'offsetDays' || m[2] === 'actionText' ? m[2] : m[2] === 'actionDueDays' ? 'actionDueInDays' : 'templates';
      step[key] ??= e.message;
    } else if (e.field === 'name') out.name ??= e.message;
    else out.general.push(e.message);
  }
  return out;
}

export function hasErrors(e: WorkflowErrors): boolean {
  return !!e.name || e.general.length > 0 || e.steps.some((s) => Object.keys(s).length > 0);
}

/** Steps in the order they run (by day relative to the due date; emails before actions on the same day). */
export function sortedSteps(steps: readonly StepDraft[]): StepDraft[] {
  return [...steps].sort((a, b) => (parseInt10(a.offsetDays) ?? 0) - (parseInt10(b.offsetDays) ?? 0) || (a.kind === b.kind ? 0 : a.kind === 'EMAIL' ? -1 : 1));
}

/** "3 days before the due date", "On the due date", "7 days after the due date". */
export function describeOffset(days: number): string {
  if (days === 0) return 'On the due date';
  const n = Math.abs(days);
  return `${n} day${n === 1 ? '' : 's'} ${days < 0 ? 'before' : 'after'} the due date`;
}

/** The placeholders a reminder email's subject and text may use (backend: mail/placeholders.REMINDER_PLACEHOLDERS). */
export const REMINDER_PLACEHOLDERS = ['first_name', 'customer', 'organization', 'account_manager', 'invoice_count', 'total'];
export const TEMPLATE_LANGUAGES = ['en', 'da', 'sv'] as const;
export const LANGUAGE_LABELS: Record<string, string> = { en: 'English', da: 'Dansk', sv: 'Svenska' };

/** Only the languages with wording, trimmed (what is sent to the server). */
export function filledTemplates(t: StepDraft['templates']): { language: string; subject: string; body: string }[] {
  return Object.entries(t).map(([language, v]) => ({ language, subject: v.subject.trim(), body: v.body.trim() })).filter((v) => v.subject || v.body);
}

export const ACTION_KIND_LABELS: Record<ActionKind, string> = { CALL: 'Call the customer', LETTER: 'Send a letter', CUSTOM: 'Custom task' };
export const COPY_LABELS: Record<CopyMode, string> = { NONE: 'No copy', CC: 'Account manager in CC', BCC: 'Account manager in BCC' };

/** One line describing a step, for the workflow list. */
export function describeStep(s: { offsetDays: number; kind: StepKind; copyAccountManager?: CopyMode | null; actionKind?: ActionKind | null; actionText?: string | null }): string {
  const when = describeOffset(s.offsetDays);
  if (s.kind === 'EMAIL') {
    const copy = s.copyAccountManager && s.copyAccountManager !== 'NONE' ? ` (account manager in ${s.copyAccountManager})` : '';
    return `${when}: reminder email${copy}`;
  }
  const what = s.actionKind === 'CUSTOM' ? s.actionText || 'custom task' : ACTION_KIND_LABELS[s.actionKind ?? 'CALL'].toLowerCase();
  return `${when}: action — ${what}`;
}
