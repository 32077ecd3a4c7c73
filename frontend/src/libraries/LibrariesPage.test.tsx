import { describe, it, expect, vi, afterEach } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { print } from 'graphql';
import { LibrariesPage } from './LibrariesPage';
import { PublicationsQuery } from './operations';
import { SelectionProvider } from './selection';
import { TestSessionProvider, type Viewer } from '../app/session';
import { createMockClient, Wrapper, type Handler } from '../test/mockClient';

const viewer = {
  kind: 'MEMBER',
  member: { id: 'M1', email: 'rita@x.example', firstName: 'Rita', lastName: 'Rep', fullName: 'Rita Rep', role: 'MEMBER', isAccountManager: true, isActive: true, language: 'en', standardMessage: '' },
  contact: null,
  organization: { id: 'O1', name: 'Northwind', languages: ['en'] },
} as Viewer;
const publication = (id: string, title: string) => ({
  id, title, tags: ['sheet'], contentType: 'application/pdf', sizeBytes: 2048, createdAt: '2027-03-01T10:00:00Z', library: { id: 'L1', name: 'Product sheets' },
});

function setup(handlers: Record<string, Handler> = {}) {
  sessionStorage.clear();
  const mock = createMockClient({
    Libraries: () => ({ data: { libraries: [{ id: 'L1', name: 'Product sheets', description: '', publicationCount: 2 }] } }),
    Publications: () => ({ data: { publications: { totalCount: 2, pageInfo: { hasNextPage: false, endCursor: null },
      edges: [{ node: publication('P1', 'Price list 2027') }, { node: publication('P2', 'Installation guide') }] } } }),
    OpenPublication: () => ({ data: { openPublication: { viewUrl: '/files/minted-view', downloadUrl: '/files/minted-download', expiresAt: '2027-03-02T10:15:00Z', errors: [] } } }),
    ...handlers,
  });
  render(<Wrapper client={mock.client}><TestSessionProvider viewer={viewer}><SelectionProvider><LibrariesPage /></SelectionProvider></TestSessionProvider></Wrapper>);
  return mock;
}

function fakeTab() {
  const tab = { opener: {} as unknown, location: { href: '' }, close: vi.fn() };
  vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
  return tab;
}

describe('LibrariesPage preview', () => {
  afterEach(() => { vi.restoreAllMocks(); });

  it('lists publications without links and mints one when a publication is previewed', async () => {
    expect(print(PublicationsQuery)).not.toMatch(/viewUrl|downloadUrl/);
    const mock = setup();
    await screen.findByText('Price list 2027');
    expect(mock.callsOf('OpenPublication')).toEqual([]);
    const tab = fakeTab();
    fireEvent.click(screen.getByRole('button', { name: 'Preview Installation guide' }));
    await vi.waitFor(() => expect(tab.location.href).toBe('/files/minted-view'));
    expect(tab.opener).toBeNull();
    expect(mock.callsOf('OpenPublication').map((c) => c.variables)).toEqual([{ input: { publicationId: 'P2' } }]);
    // Previewing is not picking: the card's checkbox stays as it was.
    expect(screen.getByRole('checkbox', { name: 'Select Installation guide' })).not.toBeChecked();
    expect(screen.queryByTestId('selection-count')).toBeNull();
  });

  it('closes the tab and says why when the publication cannot be opened', async () => {
    setup({ OpenPublication: () => ({ data: { openPublication: { viewUrl: null, downloadUrl: null, expiresAt: null,
      errors: [{ code: 'NOT_FOUND', field: 'publicationId', message: 'Publication not found.' }] } } }) });
    await screen.findByText('Price list 2027');
    const tab = fakeTab();
    fireEvent.click(screen.getByRole('button', { name: 'Preview Price list 2027' }));
    expect(await screen.findByText('Publication not found.')).toBeTruthy();
    expect(tab.close).toHaveBeenCalled();
    expect(tab.location.href).toBe('');
  });
});
