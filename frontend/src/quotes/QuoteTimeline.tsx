import { describeQuoteEvent, type TimelineEvent } from './timeline';
import { Empty } from '../ui/components';
import { IconActivity } from '../ui/icons';
import { eventLook } from '../activity/eventLook';
import { formatDateTime, timeAgo } from '../lib/format';

/** The quote's events, newest first; `fresh` ids (arrived live) get a short highlight. */
export function QuoteTimeline({ events, fresh, quoteLabel }: { events: readonly TimelineEvent[]; fresh?: ReadonlySet<string>; quoteLabel?: string }) {
  if (!events.length) return <Empty title="Nothing yet" icon={<IconActivity />}>Sending, opening, downloading and answers show up here the moment they happen.</Empty>;
  return (
    <ol className="timeline" aria-label="Quote timeline" aria-live="polite" aria-relevant="additions">
      {events.map((e) => {
        const d = describeQuoteEvent(e, quoteLabel);
        const { cls, Icon } = eventLook(e.kind);
        return (
          <li key={e.id} className={fresh?.has(e.id) ? 'fresh' : ''} data-kind={e.kind} data-testid="timeline-item">
            <span className={`feed-icon ${cls}`}><Icon /></span>
            <div style={{ minWidth: 0 }}>
              <div className="what">{d.text}</div>
              <div className="when"><time dateTime={e.occurredAt} title={formatDateTime(e.occurredAt)}>{timeAgo(e.occurredAt)}</time></div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
