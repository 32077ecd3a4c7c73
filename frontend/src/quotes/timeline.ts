/** The quote page's timeline: one line per quote event, in words a rep reads at a glance. */

export interface TimelineEvent {
  id: string;
  kind: string;
  occurredAt: string;
  actorName: string;
  detail?: string | null;
}

export type TimelineTone = 'published' | 'viewed' | 'downloaded' | 'accepted' | 'declined' | 'expired' | 'opened' | 'shared';

const KINDS: Record<string, { tone: TimelineTone; say: (who: string, detail: string) => string }> = {
  QUOTE_PUBLISHED: { tone: 'published', say: (w) => `${w || 'You'} sent the quote` },
  QUOTE_OPENED: { tone: 'viewed', say: (w) => `${w || 'The customer'} opened the quote` },
  QUOTE_DOWNLOADED: { tone: 'downloaded', say: (w) => `${w || 'The customer'} downloaded the PDF` },
  QUOTE_VERSION_ADDED: { tone: 'shared', say: (w, d) => `${w || 'You'} sent a new version${d ? ` (${d})` : ''}` },
  QUOTE_ACCEPTED: { tone: 'accepted', say: (w) => `${w || 'The customer'} accepted the quote` },
  QUOTE_DECLINED: { tone: 'declined', say: (w, d) => `${w || 'The customer'} declined the quote${d ? `: “${d}”` : ''}` },
  QUOTE_EXPIRED: { tone: 'expired', say: () => 'The quote expired' },
  QUOTE_ARCHIVED: { tone: 'opened', say: (w) => (w ? `${w} archived the quote` : 'The quote was archived') },
  QUOTE_REMINDER_SENT: { tone: 'published', say: (_w, d) => `Reminder sent${d ? ` (${d})` : ''}` },
};

/** `quoteLabel`: the quote's "number title", which the server writes as an event's detail when it has no other
 *  (a decline without a reason): not a reason to quote. */
export function describeQuoteEvent(e: TimelineEvent, quoteLabel?: string): { text: string; tone: TimelineTone } {
  const k = KINDS[e.kind];
  if (!k) return { text: `${e.actorName ? `${e.actorName}: ` : ''}${e.kind.replace(/^QUOTE_/, '').toLowerCase().replace(/_/g, ' ')}`, tone: 'opened' };
  const detail = e.detail?.trim() ?? '';
  return { text: k.say(e.actorName?.trim() ?? '', quoteLabel && detail === quoteLabel.trim() ? '' : detail), tone: k.tone };
}

/**
 * The events to show: the page's list and the live ones merged, without duplicates (an event can arrive
 * live and again in a refetch), newest first.
 */
export function mergeEvents(live: readonly TimelineEvent[], loaded: readonly TimelineEvent[]): TimelineEvent[] {
  const byId = new Map<string, TimelineEvent>();
  for (const e of [...live, ...loaded]) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : b.id.localeCompare(a.id)));
}
