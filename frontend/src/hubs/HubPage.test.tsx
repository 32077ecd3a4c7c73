import { describe, it, expect } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { HubPage } from './HubPage';
import { createMockClient, Wrapper } from '../test/mockClient';

const figures = { views: 3, downloads: 1, prints: 0, sharedWithColleagues: 0, uniqueViewers: 2, lastActivityAt: null };
const days = [{ date: '2027-03-01', count: 2 }, { date: '2027-03-02', count: 1 }];
const folder = (id: string, date: string, count: number) => ({
  id, name: `${date} · Rita Rep`, date, createdAt: `${date}T10:00:00Z`, sender: { id: 'M1', fullName: 'Rita Rep' }, documentCount: count,
});
const hub = {
  id: 'H1', createdAt: '2027-03-01T10:00:00Z', customer: { id: 'C1', name: 'Fjord Logistics' },
  insights: { hubOpens: 4, ...figures, viewsPerDay: days },
  // An empty staff folder first: the page opens the first folder holding documents, not the first folder.
  folders: [{ ...folder('F0', '', 0), name: 'Contracts', date: null, sender: null }, folder('F1', '2027-03-02', 2), folder('F2', '2027-03-01', 1)],
};
const doc = (id: string, name: string) => ({ id, name, contentType: 'application/pdf', sizeBytes: 2048, createdAt: '2027-03-02T10:00:00Z', insights: { views: 3, downloads: 1, prints: 2, sharedWithColleagues: 0 } });

function setup() {
  const mock = createMockClient({
    StaffHub: () => ({ data: { hub } }),
    StaffHubFolderDocuments: (vars) => ({ data: { node: { __typename: 'Folder', id: vars.id, documents: {
      edges: vars.id === 'F1' ? [{ node: doc('D1', 'Price list 2027') }, { node: doc('D2', 'Installation guide') }] : [{ node: doc('D3', 'Old offer') }],
      pageInfo: { hasNextPage: false, endCursor: 'c' } } } } }),
    StaffDocumentInsights: (vars) => ({ data: { node: { __typename: 'Document', id: vars.id, insights: { ...figures, viewsPerDay: days } } } }),
    OpenDocument: () => ({ data: { openDocument: { viewUrl: '/files/minted-view', downloadUrl: '/files/minted-download', expiresAt: '2027-03-02T10:15:00Z', errors: [] } } }),
    Activity: () => ({ data: { activity: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }),
  });
  render(<Wrapper client={mock.client} route="/hubs/H1"><Routes><Route path="/hubs/:hubId" element={<HubPage />} /></Routes></Wrapper>);
  return mock;
}

describe('staff hub page', () => {
  it('loads folders with counts, the first folder with documents open, the others on demand', async () => {
    const mock = setup();
    expect(await screen.findByText('Price list 2027', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getAllByTestId('staff-document')).toHaveLength(2);
    expect(screen.getByText('2 documents')).toBeTruthy();
    // Only the opened folder's documents were asked for (neither the empty folder nor the collapsed one).
    expect(mock.callsOf('StaffHubFolderDocuments').map((c) => c.variables.id)).toEqual(['F1']);
    const counts = screen.getByLabelText('Counts for Price list 2027');
    expect(within(counts).getByTitle('Prints').textContent?.trim()).toBe('2');

    const closed = screen.getByRole('region', { name: '2027-03-01 · Rita Rep' });
    const toggle = within(closed).getByRole('button', { expanded: false });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await screen.findByText('Old offer', {}, { timeout: 5000 })).toBeTruthy();
    expect(mock.callsOf('StaffHubFolderDocuments').map((c) => c.variables.id)).toEqual(['F1', 'F2']);
    expect(screen.getAllByTestId('staff-document')).toHaveLength(3);
  });

  it('opens a document: its chart is loaded and its link minted then, not with the page', async () => {
    const mock = setup();
    await screen.findByText('Price list 2027', {}, { timeout: 5000 });
    expect(mock.callsOf('OpenDocument')).toEqual([]);
    expect(mock.callsOf('StaffDocumentInsights')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Insights for Installation guide' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    const link = await within(dialog).findByRole('link', { name: 'Open document' }, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe('/files/minted-view');
    expect(mock.callsOf('OpenDocument')[0].variables).toEqual({ input: { documentId: 'D2' } });
    expect(mock.callsOf('StaffDocumentInsights')[0].variables).toEqual({ id: 'D2' });
    expect(await within(dialog).findByText('Unique viewers', {}, { timeout: 5000 })).toBeTruthy();
  });
});
