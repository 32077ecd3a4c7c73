import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { PreviewTemplateQuery, SaveTemplateMutation } from './operations';
import { FormErrors, InputField, Spinner, TextareaField } from '../ui/components';
import { describeError, splitErrors, type UserErrorLike } from '../lib/errors';
import { languageName } from '../lib/format';
import { useDebounced } from '../lib/useDebounced';
import type { InvitationTemplateDraftInput } from '../gql/graphql';

export interface TemplateSpec {
  placeholders: readonly { name: string; token: string; description: string }[];
  fixedTexts: readonly { key: string; label: string; description: string; placeholders: readonly string[] }[];
  builtInLanguages: readonly string[];
}

export interface TemplateDraft {
  language: string;
  subject: string;
  body: string;
  /** fixed texts by key */
  texts: Record<string, string>;
  isNew: boolean;
}

interface Props {
  initial: TemplateDraft;
  spec: TemplateSpec;
  /** English fixed texts, shown as a guide in empty fields of a new language */
  reference: Record<string, string>;
  onSaved: (language: string) => void;
  onCancel: () => void;
}

const LONG_TEXTS = new Set(['footer_reason', 'button_fallback']);

/**
 * Edits one language's invitation email: subject and body with the placeholders they accept, the email's fixed
 * texts (required for a language without built-in ones), problems inline as you type, and a live preview of
 * the email as customers get it, rendered by the server with the same code that sends it.
 */
export function TemplateEditor({ initial, spec, reference, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const [saveErrors, setSaveErrors] = useState<UserErrorLike[] | null>(null);
  const [topError, setTopError] = useState('');
  const [st, save] = useMutation(SaveTemplateMutation);
  const lastField = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);

  const language = draft.language.trim().toLowerCase();
  const builtIn = spec.builtInLanguages.includes(language);
  const input: InvitationTemplateDraftInput = {
    language,
    subject: draft.subject,
    body: draft.body,
    fixedTexts: spec.fixedTexts.map((f) => ({ key: f.key, text: draft.texts[f.key] ?? '' })),
  };
  const debounced = useDebounced(JSON.stringify(input), 350);
  const [preview] = useQuery({
    query: PreviewTemplateQuery,
    variables: { input: JSON.parse(debounced) as InvitationTemplateDraftInput },
    pause: !language,
    requestPolicy: 'network-only',
  });
  const result = preview.data?.previewInvitationTemplate;
  // Keep the last good preview on screen while the draft has a problem.
  const [shown, setShown] = useState<{ subject: string; html: string } | null>(null);
  useEffect(() => { if (result?.email) setShown(result.email); }, [result]);

  const errors = saveErrors ?? result?.errors ?? [];
  const fieldNames = ['language', 'subject', 'body', 'fixedTexts', ...spec.fixedTexts.map((f) => `fixedTexts.${f.key}`)];
  const errs = splitErrors(errors, fieldNames);

  function change(patch: Partial<TemplateDraft>) {
    setSaveErrors(null);
    setDraft((d) => ({ ...d, ...patch }));
  }

  function insert(token: string) {
    const el = lastField.current;
    const target = el?.name === 'subject' ? 'subject' : 'body';
    const value = draft[target];
    const start = el && el.name === target ? el.selectionStart ?? value.length : value.length;
    const end = el && el.name === target ? el.selectionEnd ?? value.length : value.length;
    change({ [target]: value.slice(0, start) + token + value.slice(end) });
    requestAnimationFrame(() => {
      const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${target}"]`);
      field?.focus();
      field?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTopError('');
    const r = await save({ input });
    if (r.error) return setTopError(describeError(r.error));
    const p = r.data!.saveInvitationTemplate;
    if (p.errors.length) return setSaveErrors(p.errors);
    onSaved(language);
  }

  const trackFocus = { onFocus: (e: { target: HTMLInputElement | HTMLTextAreaElement }) => { lastField.current = e.target; } };

  return (
    <div className="grid-2">
      <form className="card" onSubmit={submit} noValidate aria-label="Edit template">
        <div className="card-header"><h2>{draft.isNew ? 'New template' : `Edit ${languageName(language)}`}</h2></div>
        <div className="card-body stack">
          <FormErrors messages={[topError, ...errs.general].filter(Boolean)} />
          {draft.isNew && (
            <InputField label="Language code" placeholder="e.g. de, fi, nl" value={draft.language} maxLength={8}
              onChange={(e) => change({ language: e.target.value })} error={errs.byField.language} />
          )}
          <InputField label="Subject" name="subject" value={draft.subject} {...trackFocus}
            onChange={(e) => change({ subject: e.target.value })} error={errs.byField.subject} />
          <TextareaField label="Body" name="body" rows={7} value={draft.body} {...trackFocus}
            onChange={(e) => change({ body: e.target.value })} error={errs.byField.body} />
          <div className="stack-sm" aria-label="Placeholders" role="group">
            <div className="small muted">Placeholders you can use in the subject and body (click to insert):</div>
            <ul className="placeholder-list">
              {spec.placeholders.map((p) => (
                <li key={p.name}>
                  <button type="button" className="chip" onClick={() => insert(p.token)} aria-label={`Insert ${p.token}`}>
                    <code>{p.token}</code>
                  </button>
                  <span className="small muted">{p.description}</span>
                </li>
              ))}
            </ul>
          </div>
          <fieldset className="stack fieldset">
            <legend>Fixed texts of the email</legend>
            <p className="small muted" style={{ margin: 0 }}>
              {builtIn
                ? `${languageName(language)} has built-in texts; change any you like (an empty text uses the built-in one).`
                : 'A language without built-in texts needs every one of these, so the whole email is in that language.'}
            </p>
            {errs.byField.fixedTexts && <div className="alert alert-error" role="alert">{errs.byField.fixedTexts}</div>}
            {spec.fixedTexts.map((f) => {
              const common = {
                label: f.label,
                value: draft.texts[f.key] ?? '',
                placeholder: builtIn ? undefined : reference[f.key],
                error: errs.byField[`fixedTexts.${f.key}`],
                hint: <>{f.description}{f.placeholders.length > 0 && <> Placeholders: {f.placeholders.map((n) => `{${n}}`).join(' ')}</>}</>,
              };
              const set = (text: string) => change({ texts: { ...draft.texts, [f.key]: text } });
              return LONG_TEXTS.has(f.key)
                ? <TextareaField key={f.key} rows={2} {...common} onChange={(e) => set(e.target.value)} />
                : <InputField key={f.key} {...common} onChange={(e) => set(e.target.value)} />;
            })}
          </fieldset>
          <div className="row end">
            <button type="button" className="btn" onClick={onCancel}>Cancel</button>
            <button type="submit" className="btn btn-primary" disabled={st.fetching}>Save template</button>
          </div>
        </div>
      </form>
      <section className="card sticky" aria-labelledby="template-preview">
        <div className="card-header">
          <h2 id="template-preview">Preview</h2>
          {preview.fetching && <Spinner label="Updating preview" />}
        </div>
        <div className="card-body stack-sm">
          {preview.error && !result ? (
            <div className="alert alert-error" role="alert">Preview unavailable: {describeError(preview.error)}</div>
          ) : shown ? (
            <>
              {result && !result.email && <div className="alert alert-warning" role="status">Fix the problems in the form to update the preview.</div>}
              <div className="preview-subject" data-testid="template-preview-subject">Subject: {shown.subject}</div>
              <iframe className="preview-frame" title="Template preview" sandbox="" srcDoc={shown.html} style={{ height: 620 }} />
              <div className="small muted">With your organization's documents as examples, you as the sender, and “…” where the rep's message goes.</div>
            </>
          ) : !language ? (
            <div className="dropzone muted">Enter a language code to see the email.</div>
          ) : result && !result.email ? (
            <div className="dropzone muted">The preview appears once the template has no problems.</div>
          ) : (
            <div className="loading"><Spinner /> Preparing preview…</div>
          )}
        </div>
      </section>
    </div>
  );
}
