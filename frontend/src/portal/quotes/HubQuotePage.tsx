import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { HubQuoteQuery } from './operations';
import { QuoteView, type ViewQuote } from './QuoteView';
import { useQuoteActions } from './useQuoteActions';
import { toViewQuote } from './viewQuote';
import { quoteStrings } from './i18n';
import { useHubChrome } from '../hubChrome';
import { Empty, ErrorState, Loading } from '../../ui/components';
import { IconArrowLeft } from '../../ui/icons';
import { describeError } from '../../lib/errors';
import { useTitle } from '../../lib/useTitle';

/** /hub/quotes/:quoteId — a contact's quote: view, download, attachments, accept or decline. */
export function HubQuotePage() {
  const { quoteId = '' } = useParams();
  const { language } = useHubChrome();
  const t = quoteStrings(language);
  // network-only: the view/download URLs are short-lived.
  const [res, refetch] = useQuery({ query: HubQuoteQuery, variables: { id: quoteId }, requestPolicy: 'network-only' });
  const actions = useQuoteActions(quoteId, () => refetch({ requestPolicy: 'network-only' }));
  const found = res.data?.quote ? toViewQuote(res.data.quote, res.data.quoteAcceptance) : null;
  // Keep the first signed URLs of a version: reloading the PDF from fresh ones would count another view.
  const kept = useRef<ViewQuote | null>(null);
  if (found && (kept.current?.version.id !== found.version.id)) kept.current = found;
  const q = found && kept.current ? { ...found, version: kept.current.version } : null;
  useTitle(q?.title ?? t.quote);
  const back = <Link to="/hub" className="btn btn-ghost btn-icon" aria-label={t.back}><IconArrowLeft /></Link>;

  if (res.error && !res.data) return <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!res.data) return <Loading />;
  if (!q) return <Empty title={t.quote}>{t.notFound} <Link to="/hub">{t.back}</Link></Empty>;
  return <QuoteView quote={q} actions={actions} t={t} locale={language} headerStart={back} />;
}
