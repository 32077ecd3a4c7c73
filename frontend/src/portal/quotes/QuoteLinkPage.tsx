import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { HubQuoteQuery, OpenQuoteLinkMutation, QuoteLinkIntroQuery, QuoteVisitQuery } from './operations';
import { QuoteView } from './QuoteView';
import { useQuoteActions } from './useQuoteActions';
import { toViewQuote } from './viewQuote';
import { quoteStrings } from './i18n';
import { FormErrors, InputField, Loading, Spinner } from '../../ui/components';
import { describeError } from '../../lib/errors';
import { useTitle } from '../../lib/useTitle';
import '../../quotes/quotes.css';

/** /quote-link/:token — a public-link visitor: the password, then that one quote (accept with name, email and an
 *  emailed code). The visit is an HttpOnly cookie bound to the link (the server's choice: script cannot read it).
 *  The page speaks the quote's language: before the password the token tells the server's `quoteLinkIntro` that
 *  much and no more (so the password page does not name the sender); once the visit exists, `quoteVisit` adds the
 *  sending organization's name and logo for a header like the hub's. */
export function QuoteLinkPage() {
  const { token = '' } = useParams();
  // Which quote this link opened, kept for a reload within the visit (the visit itself is the HttpOnly cookie;
  // without it the server shows nothing, and the page asks for the password again).
  const storeKey = `portico.quoteLink.${token.slice(0, 16)}`;
  const [quoteId, setQuoteId] = useState(() => sessionStorage.getItem(storeKey) ?? '');
  const [res, refetch] = useQuery({ query: HubQuoteQuery, variables: { id: quoteId }, pause: !quoteId, requestPolicy: 'network-only' });
  const [introRes] = useQuery({ query: QuoteLinkIntroQuery, variables: { token } });
  const [visitRes, refetchVisit] = useQuery({ query: QuoteVisitQuery, pause: !quoteId, requestPolicy: 'network-only' });
  const [openState, open] = useMutation(OpenQuoteLinkMutation);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [pwError, setPwError] = useState('');
  // The visit counts for this page only if it is this link's quote (the cookie is the browser's latest visit).
  const visit = quoteId && visitRes.data?.quoteVisit?.quoteId === quoteId ? visitRes.data.quoteVisit : null;
  const browserLanguage = (typeof navigator !== 'undefined' ? navigator.language : 'en').slice(0, 2);
  const language = visit?.language ?? introRes.data?.quoteLinkIntro?.language ?? browserLanguage;
  const t = quoteStrings(language);
  const quote = visit && res.data?.quote ? toViewQuote(res.data.quote, res.data.quoteAcceptance) : null;
  useEffect(() => {
    const before = document.documentElement.lang;
    document.documentElement.lang = language;
    return () => { document.documentElement.lang = before; };
  }, [language]);
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
    if (id === quoteId) refetch({ requestPolicy: 'network-only' });  // the same quote again: its query re-runs
    setQuoteId(id);
    refetchVisit({ requestPolicy: 'network-only' });
  }

  const organization = visit?.organization;
  const header = (
    <header className="visitor-header"><div className="inner">
      <span className="brand" style={{ padding: 0 }} data-testid="visitor-brand">
        {organization?.logoUrl
          ? <img className="brand-logo" src={organization.logoUrl} alt={`${organization.name} logo`} />
          : <span className="brand-mark" aria-hidden="true">{(organization?.name ?? 'Q').slice(0, 1).toUpperCase()}</span>}
        <span>
          {organization?.name ?? t.quote}
          {organization && quote && <small>{`${t.quote} ${quote.number}`}</small>}
        </span>
      </span>
    </div></header>
  );
  // A visit that ended (an hour passed, the link was revoked, another link's visit replaced it): ask again.
  const visitGone = !!quoteId && (
    (!visitRes.fetching && !!visitRes.data && !visit) || !!res.error || (!!res.data && !res.data.quote));
  if (quoteId && !visitGone && (!res.data || !visitRes.data)) return <Loading />;
  return (
    <div className="visitor-page">
      {header}
      <main id="main" className="visitor-main">
        {quote ? (
          <QuoteView quote={quote} actions={actions} t={t} locale={language} visitor />
        ) : (
          <div className="card auth-card" style={{ margin: 'var(--s8) auto' }}>
            <div className="card-body stack">
              <h1>{t.linkTitle}</h1>
              <p className="muted">{t.linkIntro('')}</p>
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
