import { describe, it, expect } from 'vitest';
import { describeQuoteEvent, mergeEvents } from './timeline';

const ev = (id: string, kind: string, occurredAt: string, actorName = '', detail: string | null = null) => ({ id, kind, occurredAt, actorName, detail });

describe('describeQuoteEvent', () => {
  it('says who did what, with the decline reason', () => {
    expect(describeQuoteEvent(ev('1', 'QUOTE_PUBLISHED', 't', 'Anna Berg'))).toEqual({ text: 'Anna Berg sent the quote', tone: 'published' });
    expect(describeQuoteEvent(ev('2', 'QUOTE_ACCEPTED', 't', 'Jane Doe')).tone).toBe('accepted');
    expect(describeQuoteEvent(ev('3', 'QUOTE_DECLINED', 't', 'Jane Doe', 'Too expensive')).text).toBe('Jane Doe declined the quote: “Too expensive”');
    expect(describeQuoteEvent(ev('4', 'QUOTE_EXPIRED', 't')).text).toBe('The quote expired');
    expect(describeQuoteEvent(ev('5', 'QUOTE_OPENED', 't')).text).toBe('The customer opened the quote');
    // Declined without a reason: the server's detail is the quote's "number title", not a reason to quote.
    expect(describeQuoteEvent(ev('7', 'QUOTE_DECLINED', 't', 'Jane Doe', 'Q-1 Fit-out'), 'Q-1 Fit-out').text).toBe('Jane Doe declined the quote');
    expect(describeQuoteEvent(ev('8', 'QUOTE_DECLINED', 't', 'Jane Doe', 'Too expensive'), 'Q-1 Fit-out').text).toBe('Jane Doe declined the quote: “Too expensive”');
  });

  it('still shows a kind it does not know', () => {
    expect(describeQuoteEvent(ev('6', 'QUOTE_LINK_REVOKED', 't', 'Anna')).text).toBe('Anna: link revoked');
  });
});

describe('mergeEvents', () => {
  it('merges live and loaded events without duplicates, newest first', () => {
    const loaded = [ev('2', 'QUOTE_OPENED', '2026-12-03T10:00:00Z'), ev('1', 'QUOTE_PUBLISHED', '2026-12-03T09:00:00Z')];
    const live = [ev('3', 'QUOTE_ACCEPTED', '2026-12-03T11:00:00Z'), ev('2', 'QUOTE_OPENED', '2026-12-03T10:00:00Z')];
    expect(mergeEvents(live, loaded).map((e) => e.id)).toEqual(['3', '2', '1']);
  });
});
