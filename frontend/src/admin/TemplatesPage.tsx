import { useState } from 'react';
import { useQuery } from 'urql';
import { TemplatesQuery } from './operations';
import { TemplateEditor, type TemplateDraft } from './TemplateEditor';
import { Empty, ErrorState, Loading, PageHeader } from '../ui/components';
import { IconPlus, IconTemplate } from '../ui/icons';
import { describeError } from '../lib/errors';
import { languageName } from '../lib/format';
import { useTitle } from '../lib/useTitle';

export function TemplatesPage() {
  useTitle('Invitation templates');
  const [res, refetch] = useQuery({ query: TemplatesQuery });
  const [draft, setDraft] = useState<TemplateDraft | null>(null);
  const [saved, setSaved] = useState('');

  const templates = res.data?.invitationTemplates ?? [];
  const spec = res.data?.invitationTemplateSpec;
  const english = templates.find((t) => t.language === 'en');
  const reference = Object.fromEntries((english?.fixedTexts ?? []).map((f) => [f.key, f.text]));

  function open(next: TemplateDraft) {
    setSaved('');
    setDraft(next);
  }

  return (
    <>
      <PageHeader
        title="Invitation templates"
        description="The email customers receive with their hub link, one per language. The rep's personal message is added below the body."
        actions={<button type="button" className="btn btn-primary" onClick={() => open({ language: '', subject: '', body: '', texts: {}, isNew: true })}><IconPlus /> Add language</button>}
      />
      {saved && <div className="alert alert-success" role="status" style={{ marginBottom: 'var(--s4)' }}>Template for {languageName(saved)} saved.</div>}
      <section className="card" aria-label="Templates" style={{ marginBottom: 'var(--s5)' }}>
        {res.error && !res.data ? <div className="card-body"><ErrorState message={describeError(res.error)} /></div> : !res.data ? <Loading /> : templates.length === 0 ? (
          <Empty title="No templates yet" icon={<IconTemplate />}>Add one per language your reps send in.</Empty>
        ) : (
          <ul className="list">
            {templates.map((t) => (
              <li key={t.id} className="row between">
                <div style={{ minWidth: 0 }}>
                  <strong>{languageName(t.language)}</strong>
                  {t.missingFixedTexts.length > 0 && (
                    <span className="badge badge-warning" style={{ marginLeft: 'var(--s2)' }}>Incomplete: {t.missingFixedTexts.length} fixed texts missing</span>
                  )}
                  <div className="muted small">{t.subject}</div>
                </div>
                <button type="button" className="btn btn-sm" aria-label={`Edit ${languageName(t.language)}`}
                  onClick={() => open({ language: t.language, subject: t.subject, body: t.body, texts: Object.fromEntries(t.fixedTexts.map((f) => [f.key, f.text])), isNew: false })}>
                  Edit
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {draft && spec && (
        <TemplateEditor
          key={`${draft.language}-${draft.isNew}`}
          initial={draft}
          spec={spec}
          reference={reference}
          onCancel={() => setDraft(null)}
          onSaved={(language) => { setSaved(language); setDraft(null); refetch({ requestPolicy: 'network-only' }); }}
        />
      )}
    </>
  );
}
