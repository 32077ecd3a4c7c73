import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  AllowContactsWithoutEmailMutation, PreviewWelcomeTemplateQuery, ResetWelcomeTemplateMutation, SaveWelcomeTemplateMutation, WelcomeSettingsQuery,
} from './welcomeOperations';
import { ErrorState, FormErrors, InputField, Loading, PageHeader, Spinner, TextareaField, Toggle } from '../ui/components';
import { describeError, splitErrors, type UserErrorLike } from '../lib/errors';
import { languageName } from '../lib/format';
import { useDebounced } from '../lib/useDebounced';
import { useServerValue } from '../lib/useOptimistic';
import { useTitle } from '../lib/useTitle';

interface Template { language: string; subject: string; body: string; customized: boolean }
type Placeholder = { name: string; token: string; description: string };

/**
 * Administrators: whether contacts may be saved without an email (seed 003), and the welcome email contacts get
 * with their personal hub link (seed 001), per language, with a live preview rendered by the code that sends it.
 */
export function WelcomeEmailsPage() {
  useTitle('Welcome emails');
  const [res, refetch] = useQuery({ query: WelcomeSettingsQuery });
  const [, allow] = useMutation(AllowContactsWithoutEmailMutation);
  const [language, setLanguage] = useState('en');
  const [settingError, setSettingError] = useState('');
  const [notice, setNotice] = useState('');
  const org = res.data?.organization;
  const [allowed, setAllowed, resetAllowed] = useServerValue(org?.allowContactsWithoutEmail ?? false);

  if (res.error && !res.data) return <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!res.data || !org) return <Loading />;
  const templates = res.data.welcomeTemplates;
  const current = templates.find((t) => t.language === language) ?? templates[0]!;

  async function toggle(v: boolean) {
    setAllowed(v);
    setSettingError('');
    const r = await allow({ allow: v });
    const errors = r.data?.updateOrganization.errors ?? [];
    if (r.error || errors.length) { resetAllowed(); setSettingError(r.error ? describeError(r.error) : errors[0]!.message); }
  }

  return (
    <>
      <PageHeader title="Welcome emails" description="The email a contact gets with their personal link to the hub, sent or re-sent from the contacts of a customer." />
      <section className="card" aria-labelledby="no-email-h" style={{ marginBottom: 'var(--s5)' }}>
        <div className="card-header"><h2 id="no-email-h">Contacts without email</h2></div>
        <div className="card-body stack-sm">
          <Toggle label="Allow contacts without an email address" checked={allowed} onChange={(v) => void toggle(v)} />
          <p className="muted small" style={{ margin: 0 }}>
            Off: every contact needs first name, last name and email. On: the email may be left empty; such a contact cannot be sent a
            welcome email and gives their address when they first sign in.
          </p>
          <FormErrors messages={settingError ? [settingError] : []} />
        </div>
      </section>
      {notice && <div className="alert alert-success" role="status" style={{ marginBottom: 'var(--s4)' }}>{notice}</div>}
      <div className="chips" role="group" aria-label="Language" style={{ marginBottom: 'var(--s4)' }}>
        {templates.map((t) => (
          <button key={t.language} type="button" aria-pressed={t.language === current.language}
            className="chip" onClick={() => { setNotice(''); setLanguage(t.language); }}>
            {languageName(t.language)}{t.customized && <span className="badge badge-soft" style={{ marginLeft: 6 }}>Edited</span>}
          </button>
        ))}
      </div>
      <WelcomeEditor key={`${current.language}-${current.subject}-${current.body}`} template={current}
        placeholders={res.data.invitationTemplateSpec.placeholders}
        onSaved={(message) => { setNotice(message); refetch({ requestPolicy: 'network-only' }); }} />
    </>
  );
}

function WelcomeEditor({ template, placeholders, onSaved }: { template: Template; placeholders: readonly Placeholder[]; onSaved: (message: string) => void }) {
  const [draft, setDraft] = useState({ subject: template.subject, body: template.body });
  const [saveErrors, setSaveErrors] = useState<UserErrorLike[] | null>(null);
  const [st, save] = useMutation(SaveWelcomeTemplateMutation);
  const [, reset] = useMutation(ResetWelcomeTemplateMutation);
  const input = { language: template.language, ...draft };
  const debounced = useDebounced(JSON.stringify(input), 350);
  const [preview] = useQuery({ query: PreviewWelcomeTemplateQuery, variables: { input: JSON.parse(debounced) as typeof input }, requestPolicy: 'network-only' });
  const result = preview.data?.previewWelcomeTemplate;
  const [shown, setShown] = useState<{ subject: string; html: string } | null>(null);
  useEffect(() => { if (result?.email) setShown(result.email); }, [result]);
  const errs = splitErrors(saveErrors ?? result?.errors ?? [], ['subject', 'body']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await save({ input });
    if (r.error) return setSaveErrors([{ code: 'ERROR', message: describeError(r.error) }]);
    if (r.data!.saveWelcomeTemplate.errors.length) return setSaveErrors(r.data!.saveWelcomeTemplate.errors);
    onSaved(`Welcome email for ${languageName(template.language)} saved.`);
  }
  async function useBuiltIn() {
    await reset({ language: template.language });
    onSaved(`${languageName(template.language)} uses the built-in welcome email again.`);
  }

  return (
    <div className="grid-2">
      <form className="card" onSubmit={submit} noValidate aria-label="Edit welcome email">
        <div className="card-header"><h2>{languageName(template.language)}</h2>{template.customized ? <span className="badge badge-soft">Your text</span> : <span className="badge">Built-in text</span>}</div>
        <div className="card-body stack">
          <FormErrors messages={errs.general} />
          <InputField label="Subject" value={draft.subject} onChange={(e) => { setSaveErrors(null); setDraft({ ...draft, subject: e.target.value }); }} error={errs.byField.subject} />
          <TextareaField label="Text" rows={6} value={draft.body} onChange={(e) => { setSaveErrors(null); setDraft({ ...draft, body: e.target.value }); }} error={errs.byField.body}
            hint="Shown above the button that opens the hub. The greeting, the button and the footer are built in." />
          <div className="stack-sm" role="group" aria-label="Placeholders">
            <div className="small muted">Placeholders:</div>
            <ul className="placeholder-list">
              {placeholders.map((p) => <li key={p.name}><code className="chip">{p.token}</code> <span className="small muted">{p.description}</span></li>)}
            </ul>
          </div>
          <div className="row end">
            {template.customized && <button type="button" className="btn" onClick={() => void useBuiltIn()}>Use the built-in text</button>}
            <button type="submit" className="btn btn-primary" disabled={st.fetching}>Save welcome email</button>
          </div>
        </div>
      </form>
      <section className="card sticky" aria-labelledby="welcome-preview">
        <div className="card-header"><h2 id="welcome-preview">Preview</h2>{preview.fetching && <Spinner label="Updating preview" />}</div>
        <div className="card-body stack-sm">
          {shown ? (
            <>
              {result && !result.email && <div className="alert alert-warning" role="status">Fix the problems in the form to update the preview.</div>}
              <div className="preview-subject" data-testid="welcome-preview-subject">Subject: {shown.subject}</div>
              <iframe className="preview-frame" title="Welcome email preview" sandbox="" srcDoc={shown.html} style={{ height: 560 }} />
            </>
          ) : <div className="loading"><Spinner /> Preparing preview…</div>}
        </div>
      </section>
    </div>
  );
}
