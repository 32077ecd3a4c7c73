import { useState } from 'react';
import { Dialog, FormErrors, InputField, SelectField, TextareaField, Toggle } from '../ui/components';
import { IconPlus, IconTrash } from '../ui/icons';
import {
  ACTION_KIND_LABELS, COPY_LABELS, LANGUAGE_LABELS, REMINDER_PLACEHOLDERS, TEMPLATE_LANGUAGES,
  describeOffset, hasErrors, newStep, placeServerErrors, sortedSteps, validateWorkflow,
  type ActionKind, type CopyMode, type StepDraft, type StepKind, type WorkflowDraft, type WorkflowErrors,
} from './workflowForm';

/**
 * Create or edit a reminder workflow: a name, "default for the organization", and its steps relative to the due
 * date. Saving sends the whole list of steps (in the order they run); the server saves them in one transaction.
 * `serverErrors` are the payload's errors of the last save, placed on their step like ours.
 */
export function WorkflowEditor({ title, initial, saving, serverErrors, onSave, onClose }: {
  title: string;
  initial: WorkflowDraft;
  saving: boolean;
  serverErrors: readonly { field?: string | null; message: string }[];
  onSave: (draft: WorkflowDraft) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<WorkflowDraft>(initial);
  const [shown, setShown] = useState<WorkflowErrors | null>(null);
  // Our checks once the user tried to save; otherwise the server's answer to the last save (steps as sent).
  const errors = shown ? validateWorkflow(draft) : serverErrors.length ? placeServerErrors(serverErrors, draft.steps.length) : null;
  const setStep = (key: string, patch: Partial<StepDraft>) =>
    setDraft((d) => ({ ...d, steps: d.steps.map((s) => (s.key === key ? { ...s, ...patch } : s)) }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const v = validateWorkflow(draft);
    if (hasErrors(v)) { setShown(v); return; }
    setShown(null);
    const sorted = { ...draft, steps: sortedSteps(draft.steps) };
    setDraft(sorted);
    onSave(sorted);
  }

  return (
    <Dialog title={title} onClose={onClose} wide footer={
      <>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="workflow-form" className="btn btn-primary" disabled={saving}>Save workflow</button>
      </>
    }>
      <form id="workflow-form" className="stack" onSubmit={submit} noValidate aria-label={title}>
        <FormErrors messages={errors?.general ?? []} />
        <InputField label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={errors?.name} maxLength={100} placeholder="e.g. Standard reminders" />
        <Toggle label="Default workflow for customers without their own" checked={draft.isDefault} onChange={(v) => setDraft({ ...draft, isDefault: v })} />
        <div>
          <h3 className="section-title">Steps</h3>
          <p className="muted small">Days relative to the due date: −3 is three days before, 7 is a week after. A step runs once per invoice and stops when the invoice is paid, void or paused.</p>
        </div>
        <ol className="steps-editor">
          {draft.steps.map((s, i) => (
            <StepRow key={s.key} index={i} step={s} errors={errors?.steps[i] ?? {}} onChange={(p) => setStep(s.key, p)}
              onRemove={() => setDraft((d) => ({ ...d, steps: d.steps.filter((x) => x.key !== s.key) }))} />
          ))}
        </ol>
        <div>
          <button type="button" className="btn btn-sm" onClick={() => setDraft((d) => ({ ...d, steps: [...d.steps, newStep()] }))}><IconPlus /> Add step</button>
        </div>
      </form>
    </Dialog>
  );
}

function StepRow({ index, step: s, errors, onChange, onRemove }: {
  index: number; step: StepDraft; errors: WorkflowErrors['steps'][number]; onChange: (p: Partial<StepDraft>) => void; onRemove: () => void;
}) {
  const n = index + 1;
  const offset = /^[+-]?\d+$/.test(s.offsetDays.trim()) ? Number(s.offsetDays) : null;
  return (
    <li className="step-row" data-testid="workflow-step" aria-label={`Step ${n}`}>
      <div className="step-fields">
      <div className="form-grid">
        <InputField label={`Step ${n}: day`} inputMode="numeric" value={s.offsetDays} onChange={(e) => onChange({ offsetDays: e.target.value })}
          error={errors.offsetDays} hint={offset !== null && !errors.offsetDays ? describeOffset(offset) : 'Relative to the due date'} />
        <SelectField label={`Step ${n}: what`} value={s.kind} onChange={(e) => onChange({ kind: e.target.value as StepKind })}>
          <option value="EMAIL">Email the customer's contacts</option>
          <option value="ACTION">Create an action for the account manager</option>
        </SelectField>
        {s.kind === 'EMAIL' ? (
          <SelectField label={`Step ${n}: account manager copy`} value={s.copyAccountManager} onChange={(e) => onChange({ copyAccountManager: e.target.value as CopyMode })}
            hint="One email per customer, listing all its overdue invoices.">
            {(Object.keys(COPY_LABELS) as CopyMode[]).map((k) => <option key={k} value={k}>{COPY_LABELS[k]}</option>)}
          </SelectField>
        ) : (
          <>
            <SelectField label={`Step ${n}: action`} value={s.actionKind} onChange={(e) => onChange({ actionKind: e.target.value as ActionKind })}>
              {(Object.keys(ACTION_KIND_LABELS) as ActionKind[]).map((k) => <option key={k} value={k}>{ACTION_KIND_LABELS[k]}</option>)}
            </SelectField>
            <InputField label={`Step ${n}: text`} value={s.actionText} onChange={(e) => onChange({ actionText: e.target.value })} error={errors.actionText}
              placeholder={s.actionKind === 'CUSTOM' ? 'What to do' : 'Optional note'} maxLength={500} />
            <InputField label={`Step ${n}: due in days`} inputMode="numeric" value={s.actionDueInDays} onChange={(e) => onChange({ actionDueInDays: e.target.value })} error={errors.actionDueInDays} />
          </>
        )}
      </div>
      {s.kind === 'EMAIL' && <StepWording n={n} step={s} error={errors.templates} onChange={onChange} />}
      </div>
      <button type="button" className="btn btn-ghost btn-sm btn-icon" aria-label={`Remove step ${n}`} onClick={onRemove}><IconTrash /></button>
    </li>
  );
}

/** An email step's own subject and text per language (optional; an empty language uses the built-in wording). */
function StepWording({ n, step: s, error, onChange }: { n: number; step: StepDraft; error?: string; onChange: (p: Partial<StepDraft>) => void }) {
  const [lang, setLang] = useState<string>('en');
  const t = s.templates[lang] ?? { subject: '', body: '' };
  const set = (patch: Partial<{ subject: string; body: string }>) => onChange({ templates: { ...s.templates, [lang]: { ...t, ...patch } } });
  const custom = TEMPLATE_LANGUAGES.filter((l) => (s.templates[l]?.subject ?? '').trim() || (s.templates[l]?.body ?? '').trim());
  return (
    <details className="step-wording" open={!!error || undefined}>
      <summary>Wording {custom.length ? `(own text: ${custom.map((l) => LANGUAGE_LABELS[l]).join(', ')})` : '(built-in text)'}</summary>
      <div className="stack-sm">
        <div className="segmented" role="radiogroup" aria-label={`Step ${n}: language`}>
          {TEMPLATE_LANGUAGES.map((l) => (
            <label key={l} className={lang === l ? 'on' : ''}>
              <input type="radio" name={`lang-${s.key}`} checked={lang === l} onChange={() => setLang(l)} />{LANGUAGE_LABELS[l]}
            </label>
          ))}
        </div>
        <InputField label={`Step ${n}: subject (${LANGUAGE_LABELS[lang]})`} value={t.subject} onChange={(e) => set({ subject: e.target.value })} maxLength={300} placeholder="Built-in: Payment reminder from {organization}" />
        <TextareaField label={`Step ${n}: text (${LANGUAGE_LABELS[lang]})`} rows={4} value={t.body} onChange={(e) => set({ body: e.target.value })} maxLength={10000}
          error={error} hint={<>The list of overdue invoices and the totals per currency follow the text. Placeholders: {REMINDER_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}</>} />
      </div>
    </details>
  );
}
