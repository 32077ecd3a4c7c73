import { useEffect, useRef, useState, type FormEvent } from 'react';
import { acceptErrors, normalizeCode, requestCodeErrors, type AcceptFields } from './acceptForm';
import type { QuoteStrings } from './i18n';
import { FormErrors, InputField, Spinner, TextareaField } from '../../ui/components';
import { IconCheck, IconDownload, IconX } from '../../ui/icons';
import { formatDate, formatDateTime } from '../../lib/format';
import { daysUntil } from '../../quotes/status';
import type { UserErrorLike } from '../../lib/errors';

export interface DecisionQuote {
  title: string;
  status: string;
  expiresOn?: string | null;
  versionNumber: number;
  declinedAt?: string | null;
  acceptance?: { fullName: string; acceptedAt: string; certificateUrl?: string | null } | null;
}

export interface DecisionResult { errors: readonly UserErrorLike[]; sentTo?: string | null }
export interface DecisionActions {
  requestCode: (a: { email?: string; fullName?: string }) => Promise<DecisionResult>;
  accept: (a: { code: string; fullName: string; email?: string }) => Promise<DecisionResult>;
  decline: (reason: string) => Promise<DecisionResult>;
}

type Step = 'idle' | 'identity' | 'code' | 'decline';
/** A request from outside the panel (the phone's sticky answer bar) to start accepting or declining; `at` tells
 *  two requests for the same step apart. */
export interface AskStep { step: 'identity' | 'decline'; at: number }

/** Whether the customer can still answer: not answered, archived or past its last day. */
export function isAnswerable(quote: DecisionQuote): boolean {
  const expired = quote.status === 'EXPIRED' || (daysUntil(quote.expiresOn) ?? 0) < 0;
  return !expired && !['ACCEPTED', 'DECLINED', 'ARCHIVED'].includes(quote.status);
}
type Errs = Partial<Record<keyof AcceptFields | 'reason', string>>;

/** Accept (identity confirmed with an emailed code and the full name) or decline; after the answer, what was
 *  answered and the certificate. `visitor`: a public-link visitor, who also gives their email. */
export function QuoteDecision({ quote, actions, t, visitor = false, defaultName = '', ask, onStepChange }: {
  quote: DecisionQuote; actions: DecisionActions; t: QuoteStrings; visitor?: boolean; defaultName?: string;
  ask?: AskStep | null; onStepChange?: (step: Step) => void;
}) {
  const [step, setStep] = useState<Step>('idle');
  const panel = useRef<HTMLElement>(null);
  const onStepChangeRef = useRef(onStepChange);
  onStepChangeRef.current = onStepChange;
  useEffect(() => { onStepChangeRef.current?.(step); }, [step]);
  useEffect(() => {
    if (!ask) return;
    setStep(ask.step);
    // The panel is below the PDF on a phone: bring it up, with the first field ready.
    panel.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    const id = requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>('input, textarea')?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(id);
  }, [ask]);
  const [f, setF] = useState<AcceptFields>({ fullName: visitor ? '' : defaultName, email: '', code: '' });
  const [reason, setReason] = useState('');
  const [errs, setErrs] = useState<Errs>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [sentTo, setSentTo] = useState('');
  const [busy, setBusy] = useState(false);
  const upd = (k: keyof AcceptFields) => (e: React.ChangeEvent<HTMLInputElement>) => { setF((c) => ({ ...c, [k]: e.target.value })); setErrs((c) => ({ ...c, [k]: undefined })); };

  if (quote.status === 'ACCEPTED' && quote.acceptance) {
    return (
      <div className="card decision-card" data-testid="quote-accepted"><div className="card-body">
        <div className="accepted-banner"><span className="feed-icon accepted"><IconCheck /></span>
          <div><h2>{t.acceptedTitle}</h2><p className="muted small">{t.acceptedBody(quote.acceptance.fullName, formatDateTime(quote.acceptance.acceptedAt))}</p></div></div>
        {quote.acceptance.certificateUrl && <a className="btn" href={quote.acceptance.certificateUrl} download data-testid="certificate-link"><IconDownload /> {t.certificate}</a>}
      </div></div>
    );
  }
  const expired = quote.status === 'EXPIRED' || (daysUntil(quote.expiresOn) ?? 0) < 0;
  if (quote.status === 'DECLINED' || expired || quote.status === 'ARCHIVED' || quote.status === 'ACCEPTED') {
    const [title, body] = quote.status === 'DECLINED' ? [t.declinedTitle, t.declinedBody(formatDate(quote.declinedAt))]
      : expired ? [t.expired, t.expiredBody] : [t.status[quote.status] ?? quote.status, t.closedBody];
    return <div className="card decision-card" data-testid="quote-closed"><div className="card-body"><h2>{title}</h2><p className="muted">{body}</p></div></div>;
  }

  async function run(p: Promise<DecisionResult>, fieldMap: Record<string, keyof Errs>): Promise<DecisionResult | null> {
    setBusy(true);
    setGeneral([]);
    try {
      const r = await p;
      if (!r.errors.length) return r;
      const e: Errs = {};
      const rest: string[] = [];
      for (const er of r.errors) {
        const k = er.field ? fieldMap[er.field] : undefined;
        if (k && !e[k]) e[k] = er.message; else rest.push(er.message);
      }
      setErrs(e);
      setGeneral(rest);
      return null;
    } catch {
      setGeneral([t.failed]);
      return null;
    } finally {
      setBusy(false);
    }
  }
  const FIELDS = { fullName: 'fullName', email: 'email', code: 'code', reason: 'reason' } as const;

  async function requestCode(e?: FormEvent) {
    e?.preventDefault();
    const v = requestCodeErrors(f, visitor, t);
    if (Object.keys(v).length) return setErrs(v);
    const r = await run(actions.requestCode(visitor ? { email: f.email.trim(), fullName: f.fullName.trim() } : {}), FIELDS);
    if (r) { setSentTo(r.sentTo ?? f.email); setStep('code'); }
  }
  async function accept(e: FormEvent) {
    e.preventDefault();
    const v = acceptErrors(f, visitor, t);
    if (Object.keys(v).length) return setErrs(v);
    await run(actions.accept({ code: normalizeCode(f.code)!, fullName: f.fullName.trim().replace(/\s+/g, ' '), ...(visitor ? { email: f.email.trim() } : {}) }), FIELDS);
  }
  async function decline(e: FormEvent) {
    e.preventDefault();
    await run(actions.decline(reason.trim()), FIELDS);
  }

  return (
    <section ref={panel} className="card decision-card" aria-labelledby="decision-h" data-testid="quote-decision">
      <div className="card-header"><h2 id="decision-h">{step === 'decline' ? t.declineTitle : step === 'idle' ? t.decideTitle : t.confirmIdentity}</h2></div>
      <div className="card-body">
        <FormErrors messages={general} />
        {step === 'idle' && (
          <>
            <p className="muted small">{t.decideBody}</p>
            {quote.expiresOn && <p className="small">{t.expiresOn(formatDate(quote.expiresOn))}</p>}
            <div className="actions">
              <button type="button" className="btn btn-primary" onClick={() => setStep('identity')}><IconCheck /> {t.accept}</button>
              <button type="button" className="btn" onClick={() => setStep('decline')}><IconX /> {t.decline}</button>
            </div>
          </>
        )}
        {step === 'identity' && (
          <form className="stack-sm" onSubmit={requestCode} noValidate>
            <p className="small muted">{visitor ? t.visitorExplain : t.codeExplain}</p>
            {visitor && <InputField label={t.yourName} value={f.fullName} onChange={upd('fullName')} error={errs.fullName} autoComplete="name" />}
            {visitor && <InputField label={t.yourEmail} type="email" value={f.email} onChange={upd('email')} error={errs.email} autoComplete="email" />}
            <div className="actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>{busy && <Spinner />} {t.sendCode}</button>
              <button type="button" className="btn" onClick={() => setStep('idle')}>{t.cancel}</button>
            </div>
          </form>
        )}
        {step === 'code' && (
          <form className="stack-sm" onSubmit={accept} noValidate>
            <div className="alert alert-info" role="status">{t.codeSentTo(sentTo)}</div>
            <InputField label={t.code} className="code-field" inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={f.code} onChange={upd('code')} error={errs.code} hint={t.codeHint} />
            <InputField label={t.yourName} value={f.fullName} onChange={upd('fullName')} error={errs.fullName} autoComplete="name" />
            <p className="small muted">{t.acceptLegal(quote.title, quote.versionNumber)}</p>
            <div className="actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? <Spinner /> : <IconCheck />} {t.confirmAccept}</button>
              <button type="button" className="btn" onClick={() => { setStep('idle'); setF((c) => ({ ...c, code: '' })); }}>{t.cancel}</button>
            </div>
            <button type="button" className="link-btn small" style={{ justifySelf: 'start' }} disabled={busy} onClick={() => void requestCode()}>{t.resend}</button>
          </form>
        )}
        {step === 'decline' && (
          <form className="stack-sm" onSubmit={decline} noValidate>
            <TextareaField label={t.declineReason} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} error={errs.reason} hint={t.declineReasonHint} />
            <div className="actions">
              <button type="submit" className="btn btn-danger" disabled={busy}>{busy && <Spinner />} {t.confirmDecline}</button>
              <button type="button" className="btn" onClick={() => setStep('idle')}>{t.cancel}</button>
            </div>
          </form>
        )}
      </div>
    </section>
  );
}
