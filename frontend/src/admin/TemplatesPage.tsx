import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { SaveTemplateMutation, TemplatesQuery } from './operations';
import { Empty, ErrorState, FormErrors, InputField, Loading, PageHeader, TextareaField } from '../ui/components';
import { IconPlus, IconTemplate } from '../ui/icons';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';
import { languageName } from '../lib/format';
import { useTitle } from '../lib/useTitle';

type Draft = { language: string; subject: string; body: string; isNew: boolean };

export function TemplatesPage() {
  useTitle('Invitation templates');
  const [res, refetch] = useQuery({ query: TemplatesQuery });
  const [st, save] = useMutation(SaveTemplateMutation);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errs, setErrs] = useState<SplitErrors>({ byField: {}, general: [] });
  const [saved, setSaved] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    const r = await save({ input: { language: draft.language.trim().toLowerCase(), subject: draft.subject, body: draft.body } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.saveInvitationTemplate;
    setErrs(splitErrors(p.errors, ['language', 'subject', 'body']));
    if (!p.errors.length) { setSaved(draft.language); setDraft(null); refetch({ requestPolicy: 'network-only' }); }
  }

  const templates = res.data?.invitationTemplates ?? [];
  return (
    <>
      <PageHeader
        title="Invitation templates"
        description="The email customers receive with their hub link, one per language. The rep's personal message is added below the body."
        actions={<button type="button" className="btn btn-primary" onClick={() => { setSaved(''); setErrs({ byField: {}, general: [] }); setDraft({ language: '', subject: '', body: '', isNew: true }); }}><IconPlus /> Add language</button>}
      />
      {saved && <div className="alert alert-success" role="status" style={{ marginBottom: 'var(--s4)' }}>Template for {languageName(saved)} saved.</div>}
      <div className="grid-2">
        <section className="card" aria-label="Templates">
          {res.error && !res.data ? <div className="card-body"><ErrorState message={describeError(res.error)} /></div> : !res.data ? <Loading /> : templates.length === 0 ? (
            <Empty title="No templates yet" icon={<IconTemplate />}>Add one per language your reps send in.</Empty>
          ) : (
            <ul className="list">
              {templates.map((t) => (
                <li key={t.id} className="row between">
                  <div style={{ minWidth: 0 }}><strong>{languageName(t.language)}</strong><div className="muted small">{t.subject}</div></div>
                  <button type="button" className="btn btn-sm" onClick={() => { setSaved(''); setErrs({ byField: {}, general: [] }); setDraft({ language: t.language, subject: t.subject, body: t.body, isNew: false }); }}>Edit</button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {draft && (
          <form className="card" onSubmit={submit} noValidate aria-label="Edit template">
            <div className="card-header"><h2>{draft.isNew ? 'New template' : `Edit ${languageName(draft.language)}`}</h2></div>
            <div className="card-body stack">
              <FormErrors messages={errs.general} />
              {draft.isNew && <InputField label="Language code" placeholder="e.g. da, sv, de" value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.target.value })} error={errs.byField.language} maxLength={8} />}
              <InputField label="Subject" value={draft.subject} onChange={(e) => setDraft({ ...draft, subject: e.target.value })} error={errs.byField.subject} />
              <TextareaField label="Body" rows={8} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} error={errs.byField.body} />
              <div className="row end">
                <button type="button" className="btn" onClick={() => setDraft(null)}>Cancel</button>
                <button type="submit" className="btn btn-primary" disabled={st.fetching}>Save template</button>
              </div>
            </div>
          </form>
        )}
      </div>
    </>
  );
}
