import { Link } from 'react-router';
import { useQuery } from 'urql';
import { MyQuotesQuery } from './operations';
import { useHubChrome } from '../hubChrome';
import { quoteStrings } from './i18n';
import { formatAmount } from '../../quotes/status';
import { formatDate } from '../../lib/format';
import { IconFile } from '../../ui/icons';
import '../../quotes/quotes.css';

const TONE: Record<string, string> = { SENT: 'tone-info', OPENED: 'tone-progress', DOWNLOADED: 'tone-progress', ACCEPTED: 'tone-success', DECLINED: 'tone-danger', EXPIRED: 'tone-warning', ARCHIVED: 'tone-muted' };

/** The hub's Quotes section (the customer's QUOTES module on): each quote with its state and validity. */
export function HubQuotes() {
  const { language } = useHubChrome();
  const t = quoteStrings(language);
  const [res] = useQuery({ query: MyQuotesQuery, requestPolicy: 'cache-and-network' });
  const quotes = res.data?.myQuotes ?? [];
  if (!res.data || !res.data.myHub?.modules.includes('QUOTES')) return null;
  return (
    <section aria-labelledby="hub-quotes-h" data-testid="hub-quotes">
      <h2 className="hub-section-title" id="hub-quotes-h">{t.quotes}</h2>
      {quotes.length === 0 ? <p className="muted small" style={{ marginBottom: 'var(--s6)' }}>{t.noQuotes}</p> : (
        <div className="hub-quotes">
          {quotes.map((q) => (
            <Link key={q.id} to={`/hub/quotes/${encodeURIComponent(q.id)}`} className="hub-quote-card" data-testid="hub-quote">
              <span className="file-icon" aria-hidden="true"><IconFile /></span>
              <div className="grow">
                <div className="title">{q.title}</div>
                <div className="meta">
                  <span>{t.number(q.number)}</span>
                  {q.expiresOn && <span>{t.expiresOn(formatDate(q.expiresOn, language))}</span>}
                </div>
              </div>
              {q.amount && <span className="amount">{formatAmount(q.amount, q.currency, language)}</span>}
              <span className={`status-chip ${TONE[q.status] ?? 'tone-neutral'}`}><span className="dot" aria-hidden="true" />{t.status[q.status] ?? q.status}</span>
            </Link>
          ))}
        </div>
      )}
    </section>
  );
}
