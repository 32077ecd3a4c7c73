import { useEffect, useMemo, useRef } from 'react';
import { useSubscription } from 'urql';
import { QuoteEventsSubscription } from './operations';
import { QuoteTimeline } from './QuoteTimeline';
import { mergeEvents, type TimelineEvent } from './timeline';
import { LIVE_RECONNECTED_EVENT } from '../lib/client';

interface Live { events: TimelineEvent[]; resyncs: number }

/** The quote's timeline, live: `events` as loaded with the quote, new ones over the `activity` subscription for
 *  this quote (as src/activity does); `onChange` after a live event, a resync or a reconnect (refetch the quote:
 *  its status, acceptance and versions follow its events). */
export function LiveQuoteTimeline({ quoteId, events, onChange, quoteLabel }: { quoteId: string; events: readonly TimelineEvent[]; onChange: () => void; quoteLabel?: string }) {
  const [live] = useSubscription({ query: QuoteEventsSubscription, variables: { quoteId } }, (prev: Live = { events: [], resyncs: 0 }, data): Live => {
    const m = data?.activity;
    if (!m) return prev;
    if (m.resync) return { ...prev, resyncs: prev.resyncs + 1 };
    return m.event && (!m.event.quote || m.event.quote.id === quoteId) ? { ...prev, events: [m.event, ...prev.events] } : prev;
  });
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const latest = live.data?.events[0]?.id;
  const resyncs = live.data?.resyncs ?? 0;
  useEffect(() => { if (latest || resyncs) onChangeRef.current(); }, [latest, resyncs]);
  useEffect(() => {
    const again = () => onChangeRef.current();
    window.addEventListener(LIVE_RECONNECTED_EVENT, again);
    return () => window.removeEventListener(LIVE_RECONNECTED_EVENT, again);
  }, []);
  const merged = useMemo(() => mergeEvents(live.data?.events ?? [], events), [live.data, events]);
  const fresh = useMemo(() => new Set((live.data?.events ?? []).map((e) => e.id)), [live.data]);
  return (
    <div data-testid="quote-timeline">
      <div className="row small" style={{ padding: 'var(--s2) var(--s5)', borderBottom: '1px solid var(--border)', gap: 6 }} aria-live="polite">
        <span className={`live-dot ${live.error ? 'off' : ''}`} aria-hidden="true" />{live.error ? 'Live updates paused' : 'Live'}
      </div>
      <QuoteTimeline events={merged} fresh={fresh} quoteLabel={quoteLabel} />
    </div>
  );
}
