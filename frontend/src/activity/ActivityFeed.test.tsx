import { describe, it, expect } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { ActivityFeed, describeEvent } from './ActivityFeed';
import { createMockClient, Wrapper } from '../test/mockClient';
import { LIVE_RECONNECTED_EVENT } from '../lib/client';

const now = new Date();
const ago = (min: number) => new Date(now.getTime() - min * 60_000).toISOString();
const ev = (id: string, kind: string, min: number, extra: Record<string, unknown> = {}) => ({
  __typename: 'ActivityEvent',
  id, kind, occurredAt: ago(min), actorName: 'Jane Doe', detail: null,
  contact: { id: 'K1', fullName: 'Jane Doe' },
  customer: { id: 'C1', name: 'Acme Corp' },
  document: { id: 'D1', name: 'Price list.pdf' },
  share: { id: 'S1', sender: { id: 'M1', fullName: 'Anna Rep' } },
  ...extra,
});

function setup(props: Parameters<typeof ActivityFeed>[0] = {}) {
  const mock = createMockClient({
    Activity: () => ({
      data: {
        activity: {
          edges: [{ node: ev('E2', 'DOCUMENT_VIEWED', 5) }, { node: ev('E1', 'HUB_OPENED', 10, { document: null }) }],
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      },
    }),
  });
  render(<Wrapper client={mock.client}><ActivityFeed {...props} /></Wrapper>);
  return mock;
}

const items = () => screen.getAllByTestId('activity-item');
/** One message of the `activity` subscription carrying an event. */
const live = (event: ReturnType<typeof ev>) => ({ activity: { __typename: 'ActivityFeedMessage', resync: false, event } });
const resync = { activity: { __typename: 'ActivityFeedMessage', resync: true, event: null } };

describe('ActivityFeed', () => {
  it('shows the initial events from the activity query, newest first', async () => {
    setup();
    await screen.findByText('Jane Doe viewed Price list.pdf');
    expect(items().map((li) => li.dataset.kind)).toEqual(['DOCUMENT_VIEWED', 'HUB_OPENED']);
    expect(within(items()[1]!).getByText('Jane Doe opened the hub')).toBeInTheDocument();
    expect(within(items()[0]!).getByText('5 min ago')).toBeInTheDocument();
    expect(within(items()[0]!).getByRole('link', { name: 'Acme Corp' })).toHaveAttribute('href', '/customers/C1');
  });

  it('prepends events from the subscription without refetching, once per id', async () => {
    const m = setup({ customerId: 'C1', compact: true });
    await screen.findByText('Jane Doe viewed Price list.pdf');
    expect(m.callsOf('OnActivity')[0]!.variables).toEqual({ customerId: 'C1', hubId: null });
    const queriesBefore = m.callsOf('Activity').length;

    act(() => m.push('OnActivity', live(ev('E3', 'DOCUMENT_PRINTED', 0))));
    await waitFor(() => expect(items()).toHaveLength(3));
    expect(within(items()[0]!).getByText('Jane Doe printed Price list.pdf')).toBeInTheDocument();
    expect(items()[0]).toHaveClass('fresh');

    act(() => m.push('OnActivity', live(ev('E4', 'DOCUMENT_DOWNLOADED', 0))));
    act(() => m.push('OnActivity', live(ev('E4', 'DOCUMENT_DOWNLOADED', 0)))); // delivered twice
    act(() => m.push('OnActivity', live(ev('E2', 'DOCUMENT_VIEWED', 5)))); // already listed
    await waitFor(() => expect(items()).toHaveLength(4));
    expect(screen.getAllByText('Jane Doe downloaded Price list.pdf')).toHaveLength(1);
    expect(m.callsOf('Activity').length).toBe(queriesBefore);
    // compact: the customer name is not repeated on a customer's own page
    expect(screen.queryByRole('link', { name: 'Acme Corp' })).not.toBeInTheDocument();
  });

  it('refetches the list when the server says events may have been missed', async () => {
    let served = 0;
    const m = createMockClient({
      Activity: () => {
        served += 1;
        const edges = [{ node: ev('E2', 'DOCUMENT_VIEWED', 5) }];
        // after the outage the server also has the event the live feed never delivered
        if (served > 1) edges.unshift({ node: ev('E7', 'DOCUMENT_DOWNLOADED', 1) });
        return { data: { activity: { edges, pageInfo: { hasNextPage: false, endCursor: null } } } };
      },
    });
    const resyncs: number[] = [];
    render(<Wrapper client={m.client}><ActivityFeed onResync={() => resyncs.push(1)} /></Wrapper>);
    await screen.findByText('Jane Doe viewed Price list.pdf');
    const queriesBefore = m.callsOf('Activity').length;

    act(() => m.push('OnActivity', resync));

    expect(await screen.findByText('Jane Doe downloaded Price list.pdf')).toBeInTheDocument();
    expect(m.callsOf('Activity').length).toBe(queriesBefore + 1);
    expect(resyncs).toHaveLength(1);
    expect(items()).toHaveLength(2);
  });

  it('refetches the list when the websocket came back after a drop', async () => {
    const m = setup();
    await screen.findByText('Jane Doe viewed Price list.pdf');
    const queriesBefore = m.callsOf('Activity').length;
    act(() => { window.dispatchEvent(new Event(LIVE_RECONNECTED_EVENT)); });
    await waitFor(() => expect(m.callsOf('Activity').length).toBe(queriesBefore + 1));
  });

  it('shows an empty state before anything happened', async () => {
    const m = createMockClient({ Activity: () => ({ data: { activity: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }) });
    render(<Wrapper client={m.client}><ActivityFeed hubId="H1" /></Wrapper>);
    expect(await screen.findByText('No activity yet')).toBeInTheDocument();
    act(() => m.push('OnActivity', live(ev('E9', 'HUB_OPENED', 0, { document: null, actorName: 'Bob Buyer' }))));
    expect(await screen.findByText('Bob Buyer opened the hub')).toBeInTheDocument();
  });

  it('describes quote events as sentences naming the quote and its version', () => {
    const q = (kind: string, extra: Record<string, unknown> = {}) => describeEvent(ev('Q', kind, 0, {
      actorName: 'Anna Berg', contact: null, document: null, share: null, detail: 'Q-1042 Roof repair',
      quote: { __typename: 'Quote', id: 'Q1', number: 'Q-1042', title: 'Roof repair' }, quoteVersion: 2, ...extra,
    }) as never);
    expect(q('QUOTE_PUBLISHED', { quoteVersion: 1 })).toBe('Anna Berg sent quote Q-1042');
    expect(q('QUOTE_OPENED', { actorName: 'Mette Larsen' })).toBe('Mette Larsen opened quote Q-1042 (version 2)');
    expect(q('QUOTE_DOWNLOADED', { actorName: 'Mette Larsen' })).toBe('Mette Larsen downloaded the PDF of quote Q-1042 (version 2)');
    expect(q('QUOTE_VERSION_ADDED')).toBe('Anna Berg sent version 2 of quote Q-1042');
    expect(q('QUOTE_ACCEPTED', { actorName: 'Kim Buyer' })).toBe('Kim Buyer accepted quote Q-1042 (version 2)');
    expect(q('QUOTE_DECLINED', { actorName: 'Kim Buyer', detail: 'Too expensive' })).toBe('Kim Buyer declined quote Q-1042: “Too expensive”');
    expect(q('QUOTE_DECLINED', { actorName: 'Kim Buyer' })).toBe('Kim Buyer declined quote Q-1042'); // no reason given
    expect(q('QUOTE_OPENED', { actorName: '' })).toBe('Someone with the link opened quote Q-1042 (version 2)');
    expect(q('QUOTE_EXPIRED', { actorName: '' })).toBe('Quote Q-1042 expired unanswered');
    expect(q('QUOTE_ARCHIVED', { actorName: '' })).toBe('Quote Q-1042 was archived');
    expect(q('QUOTE_ARCHIVED')).toBe('Anna Berg archived quote Q-1042');
    // a version the caller does not see, a quote no longer visible
    expect(q('QUOTE_OPENED', { actorName: 'Mette Larsen', quoteVersion: null })).toBe('Mette Larsen opened quote Q-1042');
    expect(q('QUOTE_ACCEPTED', { actorName: 'Kim Buyer', quote: null, quoteVersion: null })).toBe('Kim Buyer accepted a quote');
  });

  it('gives quote events the icons of the same acts on documents', async () => {
    const quote = { __typename: 'Quote', id: 'Q1', number: 'Q-1042', title: 'Roof repair' };
    const m = createMockClient({
      Activity: () => ({ data: { activity: { edges: [
        { node: ev('E1', 'DOCUMENT_VIEWED', 3) },
        { node: ev('E2', 'QUOTE_OPENED', 2, { document: null, quote, quoteVersion: 1 }) },
        { node: ev('E3', 'QUOTE_ACCEPTED', 1, { document: null, quote, quoteVersion: 1 }) },
      ], pageInfo: { hasNextPage: false, endCursor: null } } } }),
    });
    render(<Wrapper client={m.client}><ActivityFeed /></Wrapper>);
    await screen.findByText('Jane Doe opened quote Q-1042 (version 1)');
    const icon = (kind: string) => items().find((li) => li.dataset.kind === kind)!.querySelector('.feed-icon')!;
    expect(icon('QUOTE_OPENED').className).toBe(icon('DOCUMENT_VIEWED').className);
    expect(icon('QUOTE_OPENED').innerHTML).toBe(icon('DOCUMENT_VIEWED').innerHTML);
    expect(icon('QUOTE_ACCEPTED')).toHaveClass('accepted');
  });

  it('describes onward shares with the colleague', () => {
    expect(describeEvent(ev('E5', 'SHARED_WITH_COLLEAGUE', 0, { detail: 'sam@acme.example' }) as never)).toBe(
      'Jane Doe shared Price list.pdf with sam@acme.example',
    );
  });
});
