import { useState } from 'react';
import { PdfView } from '../PdfView';
import { QuoteDecision, isAnswerable, type AskStep, type DecisionActions, type DecisionQuote } from './QuoteDecision';
import type { QuoteStrings } from './i18n';
import { FileIcon } from '../../ui/components';
import { IconDownload } from '../../ui/icons';
import { formatBytes, formatDate } from '../../lib/format';
import { formatAmount } from '../../quotes/status';
import '../../quotes/quotes.css';

export interface ViewFile { id: string; filename: string; contentType: string; sizeBytes: number; viewUrl: string; downloadUrl: string }
export interface ViewQuote extends DecisionQuote {
  number: string;
  amount?: string | null;
  currency?: string | null;
  message: string;
  senderName?: string | null;
  version: ViewFile & { number: number };
  attachments: readonly ViewFile[];
}

/** A quote as the customer sees it (a contact in the hub, or a public-link visitor): the PDF inline with pdf.js,
 *  download, attachments, the message, and the answer panel beside it. On a narrow screen the PDF comes first (it is
 *  what is being answered) and the panel after it, with a sticky answer bar (amount, Accept, Decline) at the foot
 *  of the screen while the PDF is read; the bar leads to the panel and rests at the PDF's end once scrolled past. */
export function QuoteView({ quote: q, actions, t, locale, visitor, headerStart }: {
  quote: ViewQuote; actions: DecisionActions; t: QuoteStrings; locale?: string; visitor?: boolean; headerStart?: React.ReactNode;
}) {
  const amount = formatAmount(q.amount, q.currency, locale);
  const [ask, setAsk] = useState<AskStep | null>(null);
  const [answering, setAnswering] = useState(false);
  const showBar = isAnswerable(q) && !answering;
  return (
    <div className="viewer" data-testid="quote-view">
      <div className="viewer-toolbar">
        {headerStart}
        <div className="title">
          <h1>{q.title}</h1>
          <div className="muted small">{t.number(q.number)} · {t.version(q.version.number)}{q.expiresOn ? ` · ${t.expiresOn(formatDate(q.expiresOn, locale))}` : ''}</div>
        </div>
        <a className="btn" href={q.version.downloadUrl} download={q.version.filename} data-testid="quote-download"><IconDownload /> {t.downloadPdf}</a>
      </div>
      <div className="quote-layout">
        <div className="stack" style={{ minWidth: 0 }}>
          <PdfView key={q.version.id} url={q.version.viewUrl} title={q.title} />
          {showBar && (
            <div className="answer-bar" role="group" aria-label={t.decideTitle} data-testid="quote-answer-bar">
              {amount && <span className="amount">{amount}</span>}
              <button type="button" className="btn btn-primary" onClick={() => setAsk({ step: 'identity', at: Date.now() })}>{t.accept}</button>
              <button type="button" className="btn" onClick={() => setAsk({ step: 'decline', at: Date.now() })}>{t.decline}</button>
            </div>
          )}
        </div>
        <aside className="stack quote-side">
          {amount && (
            <div className="card"><div className="card-body">
              <div className="label">{t.amount}</div>
              <div className="amount-big" data-testid="quote-amount">{amount}</div>
            </div></div>
          )}
          <QuoteDecision quote={q} actions={actions} t={t} visitor={visitor} ask={ask} onStepChange={(s) => setAnswering(s !== 'idle')} />
          {q.message.trim() && (
            <figure className="share-message" style={{ margin: 0 }}>
              <figcaption className="label">{t.messageFrom(q.senderName ?? '')}</figcaption>
              <p>{q.message.trim()}</p>
            </figure>
          )}
          {q.attachments.length > 0 && (
            <section className="card" aria-labelledby="quote-att-h">
              <div className="card-header"><h2 id="quote-att-h">{t.attachments}</h2></div>
              <ul className="list">
                {q.attachments.map((a) => (
                  <li key={a.id} className="row" style={{ flexWrap: 'nowrap' }}>
                    <FileIcon contentType={a.contentType} name={a.filename} />
                    <div style={{ flex: 1, minWidth: 0 }}><div className="name" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{a.filename}</div><div className="muted small">{formatBytes(a.sizeBytes)}</div></div>
                    <a className="btn btn-sm" href={a.downloadUrl} download={a.filename} aria-label={`${t.download} ${a.filename}`}><IconDownload /></a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
