import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { ActivityQuery, ActivitySubscription } from './operations';
import { Empty, ErrorState, Loading } from '../ui/components';
import { IconActivity } from '../ui/icons';
import { eventLook } from './eventLook';
import { LIVE_RECONNECTED_EVENT } from '../lib/client';
import { describeError } from '../lib/errors';
import { formatDateTime, timeAgo } from '../lib/format';
import type { ActivityEventFieldsFragment, ActivityKind } from '../gql/graphql';

const VERB: Partial<Record<ActivityKind, string>> = {
  HUB_OPENED: 'opened the hub',
  DOCUMENT_VIEWED: 'viewed',
  DOCUMENT_DOWNLOADED: 'downloaded',
  DOCUMENT_PRINTED: 'printed',
};

export function describeEvent(e: ActivityEventFieldsFragment): string {
  const doc = e.document?.name;
  if (e.kind.startsWith('QUOTE_')) return describeQuoteActivity(e);
  if (e.kind === 'HUB_OPENED') return `${e.actorName} ${VERB.HUB_OPENED}`;
  if (e.kind === 'SHARED_WITH_COLLEAGUE') return `${e.actorName} shared ${doc ?? 'a document'}${e.detail ? ` with ${e.detail}` : ' with a colleague'}`;
  if (e.kind === 'INVOICE_OPENED') return `${e.actorName} opened invoice${e.detail ? ` ${e.detail}` : 's'}`;
  if (e.kind === 'DOCUMENT_UPLOADED') return `${e.actorName} uploaded ${e.detail ?? doc ?? 'a document'}`;
  return `${e.actorName} ${VERB[e.kind] ?? e.kind.toLowerCase().replace(/_/g, ' ')} ${doc ?? 'a document'}`;
}

/** A quote event as a sentence a rep reads at a glance: who did what to which quote, and which version it was
 *  ("Anna Berg opened quote Q-1042 (version 2)"). Nobody named: a public-link visitor before they gave their name,
 *  or the clock (expiry, automatic archiving). */
function describeQuoteActivity(e: ActivityEventFieldsFragment): string {
  const who = e.actorName.trim();
  const number = e.quote?.number;
  const quote = number ? `quote ${number}` : 'a quote';
  const Quote = number ? `Quote ${number}` : 'A quote';
  const version = e.quoteVersion ? ` (version ${e.quoteVersion})` : '';
  const visitor = who || 'Someone with the link';
  switch (e.kind) {
    case 'QUOTE_PUBLISHED': return who ? `${who} sent ${quote}` : `${Quote} was sent`;
    case 'QUOTE_OPENED': return `${visitor} opened ${quote}${version}`;
    case 'QUOTE_DOWNLOADED': return `${visitor} downloaded the PDF of ${quote}${version}`;
    case 'QUOTE_VERSION_ADDED': {
      const which = e.quoteVersion ? `version ${e.quoteVersion}` : 'a new version';
      return who ? `${who} sent ${which} of ${quote}` : `${which.charAt(0).toUpperCase()}${which.slice(1)} of ${quote} was sent`;
    }
    case 'QUOTE_ACCEPTED': return `${visitor} accepted ${quote}${version}`;
    case 'QUOTE_DECLINED': {
      // The event's detail is the reason given, or the quote's "number title" when there was none.
      const reason = e.detail && e.quote && e.detail !== `${e.quote.number} ${e.quote.title}` ? e.detail : '';
      return `${visitor} declined ${quote}${reason ? `: “${reason}”` : ''}`;
    }
    case 'QUOTE_EXPIRED': return `${Quote} expired unanswered`;
    case 'QUOTE_ARCHIVED': return who ? `${who} archived ${quote}` : `${Quote} was archived`;
    default: return `${who || Quote}: ${e.kind.replace(/^QUOTE_/, '').toLowerCase().replace(/_/g, ' ')}`;
  }
}

interface Props {
  customerId?: string;
  hubId?: string;
  /** Hide the customer name (the page is already about one customer). */
  compact?: boolean;
  first?: number;
  /** Called for each event that arrives live (e.g. to refresh counts shown beside the feed). */
  onEvent?: (e: ActivityEventFieldsFragment) => void;
  /** Called when the server says events may have been missed (the list is refetched; refresh counts too). */
  onResync?: () => void;
}

/** What the subscription accumulated: live events, newest first, and how many resync messages came. */
interface Live {
  events: ActivityEventFieldsFragment[];
  resyncs: number;
}

/**
 * Live activity: the initial page comes from the `activity` query, new events arrive over the
 * `activity` subscription and are prepended without a reload. Deduplicated by id. A `resync` message
 * (the server's live connection was interrupted, events may be missing) refetches the list, and so does the
 * websocket coming back after a drop.
 */
export function ActivityFeed({ customerId, hubId, compact, first = 50, onEvent, onResync }: Props) {
  const variables = useMemo(() => ({ customerId: customerId ?? null, hubId: hubId ?? null }), [customerId, hubId]);
  const [initial, refetch] = useQuery({ query: ActivityQuery, variables: { ...variables, first }, requestPolicy: 'network-only' });
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  const onResyncRef = useRef(onResync);
  onResyncRef.current = onResync;
  const [live] = useSubscription({ query: ActivitySubscription, variables }, (prev: Live = { events: [], resyncs: 0 }, data): Live => {
    const message = data?.activity;
    if (!message) return prev;
    if (message.resync) return { ...prev, resyncs: prev.resyncs + 1 };
    return message.event ? { ...prev, events: [message.event, ...prev.events] } : prev;
  });
  const latest = live.data?.events[0];
  useEffect(() => {
    if (latest) onEventRef.current?.(latest);
  }, [latest]);
  const resyncs = live.data?.resyncs ?? 0;
  useEffect(() => {
    if (resyncs === 0) return;
    refetch({ requestPolicy: 'network-only' });
    onResyncRef.current?.();
  }, [resyncs, refetch]);
  // The websocket itself dropped and came back (a server restart): events of the gap were never sent either.
  useEffect(() => {
    const resync = () => {
      refetch({ requestPolicy: 'network-only' });
      onResyncRef.current?.();
    };
    window.addEventListener(LIVE_RECONNECTED_EVENT, resync);
    return () => window.removeEventListener(LIVE_RECONNECTED_EVENT, resync);
  }, [refetch]);
  const seen = useRef<Set<string> | null>(null);
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(t);
  }, []);

  const events = useMemo(() => {
    const byId = new Map<string, ActivityEventFieldsFragment>();
    for (const e of live.data?.events ?? []) if (!byId.has(e.id)) byId.set(e.id, e);
    for (const edge of initial.data?.activity.edges ?? []) if (!byId.has(edge.node.id)) byId.set(edge.node.id, edge.node);
    return [...byId.values()].sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0));
  }, [live.data, initial.data]);

  // Items that were not in the first render get a short highlight.
  if (seen.current === null && initial.data) seen.current = new Set(events.map((e) => e.id));
  const isFresh = (id: string) => seen.current !== null && !seen.current.has(id);

  const liveOk = !live.error;
  const header = (
    <div className="row small" style={{ padding: 'var(--s2) var(--s5)', borderBottom: '1px solid var(--border)', justifyContent: 'space-between' }}>
      <span className="row" style={{ gap: 6 }} aria-live="polite">
        <span className={`live-dot ${liveOk ? '' : 'off'}`} aria-hidden="true" />
        {liveOk ? 'Live' : 'Live updates paused'}
      </span>
      {!liveOk && <button type="button" className="link-btn" onClick={() => refetch({ requestPolicy: 'network-only' })}>Refresh</button>}
    </div>
  );

  if (initial.error && !initial.data) return <div className="card-body"><ErrorState message={describeError(initial.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} /></div>;
  if (!initial.data) return <Loading label="Loading activity…" />;

  return (
    <div data-testid="activity-feed">
      {header}
      {events.length === 0 ? (
        <Empty title="No activity yet" icon={<IconActivity />}>Opens, views, downloads and prints show up here the moment they happen.</Empty>
      ) : (
        <ol className="feed" aria-label="Activity" aria-live="polite" aria-relevant="additions">
          {events.map((e) => {
            const k = eventLook(e.kind);
            return (
              <li key={e.id} className={isFresh(e.id) ? 'fresh' : ''} data-kind={e.kind} data-testid="activity-item">
                <span className={`feed-icon ${k.cls}`}><k.Icon /></span>
                <div style={{ minWidth: 0 }}>
                  <div className="what">{describeEvent(e)}</div>
                  <div className="when">
                    <time dateTime={e.occurredAt} title={formatDateTime(e.occurredAt)}>{timeAgo(e.occurredAt)}</time>
                    {!compact && e.customer && <> · <Link to={`/customers/${encodeURIComponent(e.customer.id)}`}>{e.customer.name}</Link></>}
                    {e.share?.sender && <> · from {e.share.sender.fullName}'s share</>}
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
