import type { DraftErrors, QuoteDraft } from './quoteForm';
import { InputField, SelectField, Toggle } from '../ui/components';
import { languageName } from '../lib/format';

/** The languages Portico's quote emails are written in. */
export const QUOTE_LANGUAGES = ['en', 'da', 'sv'];

type DayKey = 'remindUnopenedDays' | 'remindUnacceptedDays' | 'remindBeforeExpiryDays';

const REMINDERS: { key: DayKey; before: string; after: string; fallback: string }[] = [
  { key: 'remindUnopenedDays', before: 'Remind when not opened after', after: 'days', fallback: '3' },
  { key: 'remindUnacceptedDays', before: 'Remind when opened but not accepted after', after: 'days', fallback: '7' },
  { key: 'remindBeforeExpiryDays', before: 'Remind', after: 'days before it expires', fallback: '3' },
];

/** Validity (expiry, removal from the hub), the publish email and the reminders. */
export function QuoteSchedule({ draft, set, errors }: { draft: QuoteDraft; set: (p: Partial<QuoteDraft>) => void; errors: DraftErrors }) {
  const link = draft.visibility === 'PUBLIC_LINK';
  return (
    <>
      <section aria-labelledby="quote-validity" className="stack-sm">
        <div className="section-title" id="quote-validity">Validity</div>
        <div className="pair-even">
          <InputField label="Expires on" type="date" value={draft.expiresOn} onChange={(e) => set({ expiresOn: e.target.value })} error={errors.expiresOn}
            hint="No acceptance after this day." />
          <InputField label="Remove from the hub after (days)" inputMode="numeric" value={draft.removeAfterDays} onChange={(e) => set({ removeAfterDays: e.target.value })} error={errors.removeAfterDays}
            hint="Counted from the expiry; you keep it." />
        </div>
      </section>
      <section aria-labelledby="quote-notify" className="stack-sm">
        <div className="section-title" id="quote-notify">Notifications</div>
        {link ? (
          <p className="small muted">A public link has no hub recipients to email: you hand over the link and its password yourself.</p>
        ) : (
          <Toggle label="Email the recipients when the quote is sent" checked={draft.notifyOnPublish} onChange={(v) => set({ notifyOnPublish: v })} />
        )}
        <SelectField label="Email language" value={draft.language} onChange={(e) => set({ language: e.target.value })} error={errors.language}
          hint="For the emails about this quote: sent, reminders, the acceptance code.">
          {QUOTE_LANGUAGES.map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
        </SelectField>
        {REMINDERS.map((r) => {
          const on = draft[r.key] !== '';
          const id = `rem-${r.key}`;
          return (
            <div key={r.key} className="reminder-row">
              <input type="checkbox" id={`${id}-on`} checked={on} disabled={link} onChange={(e) => set({ [r.key]: e.target.checked ? r.fallback : '' } as Partial<QuoteDraft>)} />
              <label htmlFor={`${id}-on`}>{r.before}</label>
              <label className="visually-hidden" htmlFor={id}>{`${r.before} (${r.after})`}</label>
              <input id={id} className="input" inputMode="numeric" value={draft[r.key]} disabled={!on || link} aria-invalid={!!errors[r.key] || undefined}
                onChange={(e) => set({ [r.key]: e.target.value } as Partial<QuoteDraft>)} />
              <span>{r.after}</span>
              {errors[r.key] && <div className="field-error" role="alert">{errors[r.key]}</div>}
            </div>
          );
        })}
      </section>
    </>
  );
}
