import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AddQuoteVersionMutation, ArchiveQuoteMutation, CreateQuoteLinkMutation, PublishQuoteMutation, QuoteQuery, RevokeQuoteLinkMutation } from './operations';
import { StatusChip } from './StatusChip';
import { QuoteVersions } from './QuoteVersions';
import { AcceptanceCard } from './AcceptanceCard';
import { QuoteLinks, type LinkRow } from './QuoteLinks';
import { LiveQuoteTimeline } from './LiveQuoteTimeline';
import { endOfDayIso } from './quoteForm';
import { formatAmount } from './status';
import { Empty, ErrorState, FileIcon, FormErrors, Loading, PageHeader, Spinner } from '../ui/components';
import { IconDownload } from '../ui/icons';
import { describeError, type UserErrorLike } from '../lib/errors';
import { formatBytes, formatDate, formatDateTime } from '../lib/format';
import { useRefreshSoon } from '../lib/useRefreshSoon';
import { useTitle } from '../lib/useTitle';

const VISIBILITY: Record<string, string> = { ALL_CONTACTS: 'All contacts', ONE_CONTACT: 'One contact', PUBLIC_LINK: 'Public link with a password' };
const netErr = (e: Parameters<typeof describeError>[0]): UserErrorLike[] => [{ code: 'NETWORK', field: null, message: describeError(e) }];

/** /quotes/:id — the quote's state, its live timeline, versions, acceptance, links; send, archive. */
export function QuotePage() {
  const { quoteId = '' } = useParams();
  const [res, refetch] = useQuery({ query: QuoteQuery, variables: { id: quoteId } });
  const [publishState, publish] = useMutation(PublishQuoteMutation);
  const [archiveState, archive] = useMutation(ArchiveQuoteMutation);
  const [, addVersion] = useMutation(AddQuoteVersionMutation);
  const [, createLink] = useMutation(CreateQuoteLinkMutation);
  const [, revokeLink] = useMutation(RevokeQuoteLinkMutation);
  const [errors, setErrors] = useState<string[]>([]);
  // Links made in this page view (their address is shown once, when made).
  const location = useLocation();
  // Links made from this browser keep their address (shown once); the server lists them all without it.
  const [made, setMade] = useState<LinkRow[]>(() => {
    const link = (location.state as { link?: LinkRow | null } | null)?.link;
    return link ? [link] : [];
  });
  const q = res.data?.quote;
  const acceptance = res.data?.quoteAcceptance ?? null;
  const links: LinkRow[] = [
    ...made.filter((m) => !q?.links.some((l) => l.id === m.id)),
    ...(q?.links ?? []).map((l) => ({ ...l, url: made.find((m) => m.id === l.id)?.url ?? null })),
  ];
  useTitle(q ? `${q.number} · ${q.title}` : 'Quote');
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const refreshSoon = useRefreshSoon(reload);

  if (res.error && !res.data) return <ErrorState message={describeError(res.error)} onRetry={reload} />;
  if (!res.data) return <Loading />;
  if (!q) return <Empty title="Quote not found">It may have been removed, or you do not have access. <Link to="/quotes">Back to quotes</Link></Empty>;

  async function act(p: Promise<{ error?: Parameters<typeof describeError>[0]; data?: Record<string, { errors: UserErrorLike[] }> | null }>, key: string) {
    const r = await p;
    const errs = r.error ? netErr(r.error) : r.data?.[key]?.errors ?? [];
    setErrors(errs.map((e) => e.message));
    if (!errs.length) reload();
    return errs;
  }

  const current = q.currentVersion;
  const reach = q.visibility === 'PUBLIC_LINK' ? 'Anyone with the link and its password'
    : q.recipients.length ? q.recipients.map((c) => c.fullName).join(', ') : 'No contact with hub access yet';
  const amount = formatAmount(q.amount, q.currency);
  const closed = ['ACCEPTED', 'DECLINED', 'EXPIRED', 'ARCHIVED'].includes(q.status);
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/quotes">Quotes</Link>}
        title={q.title}
        description={<span className="row" style={{ gap: 8 }}><span className="mono">{q.number}</span> · {q.customer && <Link to={`/customers/${encodeURIComponent(q.customer.id)}`}>{q.customer.name}</Link>} · <StatusChip status={q.status} expiresOn={q.expiresOn} /></span>}
        actions={
          <>
            {current?.downloadUrl && <a className="btn" href={current.downloadUrl} download={current.filename}><IconDownload /> PDF</a>}
            {q.status === 'DRAFT' && <button type="button" className="btn btn-primary" disabled={publishState.fetching} onClick={() => void act(publish({ input: { quoteId: q.id } }), 'publishQuote')}>{publishState.fetching && <Spinner />} Send now</button>}
            {q.status !== 'ARCHIVED' && <button type="button" className="btn" disabled={archiveState.fetching} onClick={() => { if (window.confirm('Archive this quote? Its history is kept; the customer can no longer answer it.')) void act(archive({ input: { quoteId: q.id } }), 'archiveQuote'); }}>Archive</button>}
          </>
        }
      />
      <FormErrors messages={errors} />
      <div className="grid-2" style={{ marginTop: errors.length ? 'var(--s4)' : 0 }}>
        <div className="stack">
          <section className="card" aria-labelledby="summary-h">
            <div className="card-header"><h2 id="summary-h">Summary</h2></div>
            <div className="card-body stack">
              <dl className="quote-summary">
                <div><dt>Amount</dt><dd className="amount-big" data-testid="staff-quote-amount">{amount || '—'}</dd></div>
                <div><dt>Who sees it</dt><dd>{VISIBILITY[q.visibility] ?? q.visibility}<div className="muted small" style={{ fontWeight: 400 }} data-testid="quote-reach">{reach}</div></dd></div>
                <div><dt>Sender</dt><dd>{q.sender?.fullName ?? '—'}</dd></div>
                <div><dt>Sent</dt><dd>{q.sentAt ? formatDateTime(q.sentAt) : 'Not sent'}</dd></div>
                <div><dt>Expires</dt><dd>{q.expiresOn ? formatDate(q.expiresOn) : 'Never'}</dd></div>
                <div><dt>Reminders</dt><dd className="small">{[
                  q.remindUnopenedDays && `${q.remindUnopenedDays} d unopened`,
                  q.remindUnacceptedDays && `${q.remindUnacceptedDays} d unanswered`,
                  q.remindBeforeExpiryDays && `${q.remindBeforeExpiryDays} d before expiry`,
                ].filter(Boolean).join(' · ') || 'Off'}</dd></div>
              </dl>
              {q.message.trim() && <figure className="share-message" style={{ margin: 0 }}><figcaption className="label">Message</figcaption><p>{q.message}</p></figure>}
              {q.status === 'DECLINED' && q.declineReason && <div className="alert alert-error">Declined: “{q.declineReason}”</div>}
            </div>
          </section>
          <section className="card" aria-labelledby="timeline-h">
            <div className="card-header"><h2 id="timeline-h">Timeline</h2></div>
            <LiveQuoteTimeline quoteId={q.id} events={q.events} onChange={refreshSoon} quoteLabel={`${q.number} ${q.title}`} />
          </section>
        </div>
        <div className="stack">
          {acceptance && <AcceptanceCard a={acceptance} />}
          <QuoteVersions
            versions={q.versions}
            canAdd={!closed}
            blockedReason={q.status === 'ACCEPTED' ? 'The accepted version is frozen: no new version after acceptance.' : closed ? 'The quote is closed.' : null}
            onAdd={(uploadId, notify) => act(addVersion({ input: { quoteId: q.id, uploadId, notify } }), 'addQuoteVersion')}
          />
          {current && current.attachments.length > 0 && (
            <section className="card" aria-labelledby="att-h">
              <div className="card-header"><h2 id="att-h">Attachments</h2></div>
              <ul className="list">
                {current.attachments.map((a) => (
                  <li key={a.id} className="row" style={{ flexWrap: 'nowrap' }}>
                    <FileIcon contentType={a.contentType} name={a.filename} />
                    <div style={{ flex: 1, minWidth: 0 }}><div>{a.filename}</div><div className="muted small">{formatBytes(a.sizeBytes)}</div></div>
                    {a.downloadUrl && <a className="btn btn-sm btn-ghost btn-icon" href={a.downloadUrl} download={a.filename} aria-label={`Download ${a.filename}`}><IconDownload /></a>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {q.visibility === 'PUBLIC_LINK' && (
            <QuoteLinks
              links={links}
              onCreate={async (password, expiresOn) => {
                const r = await createLink({ input: { quoteId: q.id, password, expiresAt: expiresOn ? endOfDayIso(expiresOn) : null } });
                const errs = r.error ? netErr(r.error) : r.data?.createQuoteLink.errors ?? [];
                const link = r.data?.createQuoteLink.link;
                if (link) setMade((cur) => [{ ...link, url: r.data?.createQuoteLink.url }, ...cur]);
                reload();
                return { errors: errs, url: r.data?.createQuoteLink.url };
              }}
              onRevoke={async (id) => {
                const r = await revokeLink({ input: { linkId: id } });
                const errs = r.error ? netErr(r.error) : r.data?.revokeQuoteLink.errors ?? [];
                if (!errs.length) reload();
                return errs;
              }}
            />
          )}
        </div>
      </div>
    </>
  );
}
