import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { HubQuoteQuery, OpenQuoteLinkMutation } from './operations';
import { QuoteView } from './QuoteView';
import { useQuoteActions } from './useQuoteActions';
import { toViewQuote } from './viewQuote';
import { quoteStrings } from './i18n';
import { FormErrors, InputField, Loading, Spinner } from '../../ui/components';
import { describeError } from '../../lib/errors';
import { useTitle } from '../../lib/useTitle';
import '../../quotes/quotes.css';

/** /quote-link/:token — a public-link visitor: the password, then that one quote (accept with name, email and an
 *  emailed code). The visit is an HttpOnly cookie bound to the link (the server's choice: script cannot read it). */
export function QuoteLinkPage() {
  const { token = '' } = useParams();
  // Which quote this link opened, kept for a reload within the visit (the visit itself is the HttpOnly cookie;
  // without it the server shows nothing, and the page asks for the password again).
  const storeKey = `portico.quoteLink.${token.slice(0, 16)}`;
  const [quoteId, setQuoteId] = useState(() => sessionStorage.getItem(storeKey) ?? '');
  const [res, refetch] = useQuery({ query: HubQuoteQuery, variables: { id: quoteId }, pause: !quoteId, requestPolicy: 'network-only' });
  const [openState, open] = useMutation(OpenQuoteLinkMutation);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [pwError, setPwError] = useState('');
  const visit = { language: (typeof navigator !== 'undefined' ? navigator.language : 'en').slice(0, 2), organizationName: '' };
  const t = quoteStrings(visit.language);
  const quote = quoteId && res.data?.quote ? toViewQuote(res.data.quote, res.data.quoteAcceptance) : null;
  const actions = useQuoteActions(quoteId, () => refetch({ requestPolicy: 'network-only' }));
  useTitle(quote?.title ?? t.linkTitle, 'Portico');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors([]); setPwError('');
    if (!password) return setPwError(t.password);
    const r = await open({ input: { token, password } });
    if (r.error) return setErrors([describeError(r.error)]);
    const errs = r.data!.openQuoteLink.errors;
    if (errs.length) {
      const pw = errs.find((x) => x.field === 'password');
      if (pw) setPwError(pw.message);
      setErrors(errs.filter((x) => x !== pw).map((x) => x.message));
      return;
    }
    setPassword('');
    const id = r.data!.openQuoteLink.quoteId ?? '';
    sessionStorage.setItem(storeKey, id);
    setQuoteId(id);
  }

  const header = (
    <header className="visitor-header"><div className="inner">
      <span className="brand-mark" aria-hidden="true">{quote ? quote.number.slice(0, 1).toUpperCase() : 'Q'}</span>
      <strong>{quote ? `${t.quote} ${quote.number}` : t.quote}</strong>
    </div></header>
  );
  // A visit that ended (an hour passed, the link was revoked): the quote is no longer answered; ask again.
  const visitGone = !!quoteId && (!!res.error || (!!res.data && !res.data.quote));
  if (quoteId && !visitGone && !res.data) return <Loading />;
  return (
    <div className="visitor-page">
      {header}
      <main id="main" className="visitor-main">
        {quote ? (
          <QuoteView quote={quote} actions={actions} t={t} locale={visit.language} visitor />
        ) : (
          <div className="card auth-card" style={{ margin: 'var(--s8) auto' }}>
            <div className="card-body stack">
              <h1>{t.linkTitle}</h1>
              <p className="muted">{t.linkIntro(visit.organizationName)}</p>
              <FormErrors messages={errors} />
              <form className="stack" onSubmit={submit} noValidate>
                <InputField label={t.password} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} error={pwError || undefined} />
                <button type="submit" className="btn btn-primary btn-block" disabled={openState.fetching}>{openState.fetching && <Spinner />} {t.open}</button>
              </form>
            </div>
          </div>
        )}
      </main>
    </div>
  );
}
