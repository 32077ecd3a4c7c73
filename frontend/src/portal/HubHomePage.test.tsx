import { describe, it, expect } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ApiProvider } from '../app/session';
import type { ApiClient } from '../lib/client';
import { PortalLayout } from './PortalLayout';
import { HubHomePage } from './HubHomePage';
import { createMockClient } from '../test/mockClient';

const me = {
  kind: 'CONTACT', member: null,
  contact: { id: 'K1', firstName: 'Mette', lastName: 'Larsen', fullName: 'Mette Larsen', email: 'mette@fjord.example', hasPassword: true, customer: { id: 'C1', name: 'Fjord Logistics' } },
  organization: { id: 'O1', name: 'Acme Sales', languages: ['en', 'da'] },
};
const doc = (id: string, name: string) => ({ id, name, contentType: 'application/pdf', sizeBytes: 1000, createdAt: '2027-03-01T10:00:00Z', viewUrl: '/files/v', downloadUrl: '/files/d' });
const hub = {
  id: 'H1', modules: ['DOCUMENTS'], customer: { id: 'C1', name: 'Fjord Logistics' },
  folders: [{
    id: 'F1', name: '2027-03-01 · Rita Rep', date: '2027-03-01', kind: 'DATE', sender: { id: 'M1', fullName: 'Rita Rep', email: 'rita@acme.example' },
    documents: { edges: [doc('D1', 'Price list 2027'), doc('D2', 'Installation guide')].map((node) => ({ node })) },
    shares: [
      { id: 'S2', message: '', createdAt: '2027-03-01T11:00:00Z', sender: { id: 'M1', fullName: 'Rita Rep' }, documents: [{ id: 'D2' }] },
      { id: 'S1', message: 'The prices we talked about.', createdAt: '2027-03-01T10:00:00Z', sender: { id: 'M1', fullName: 'Rita Rep' }, documents: [{ id: 'D1' }] },
    ],
  }],
};

const staffFolder = (id: string, name: string, parentId: string | null, canUpload: boolean) => ({
  id, name, kind: 'STAFF', date: null, parentId, clientAccess: canUpload ? 'VIEW_AND_UPLOAD' : 'VIEW', allContacts: true,
  documentCount: 1, canUpload, canManagePermissions: false, sender: null, contacts: [],
});
const myFolders = {
  id: 'H1', permissionContacts: [],
  folders: [staffFolder('F2', 'Contracts', null, false), staffFolder('F3', 'Inbox', 'F2', true), hub.folders[0]],
};

function setup(language: string, logoUrl: string | null, myHub: object = hub, folders: unknown = { id: 'H1', permissionContacts: [], folders: [] }) {
  const mock = createMockClient({
    MyFolders: () => ({ data: { myHub: folders } }),
    FolderDocuments: (vars) => ({ data: { node: { __typename: 'Folder', id: String(vars.id), documentCount: 1, documents: {
      edges: [{ cursor: 'c1', node: { ...doc('D9', `In ${String(vars.id)}`), version: 1, uploadedByCustomer: false, versions: [] } }],
      pageInfo: { hasNextPage: false, endCursor: 'c1' } } } } }),
    Me: () => ({ data: { me } }),
    HubChrome: () => ({ data: { myHub: { id: 'H1', language, branding: { name: 'Acme Sales', logoUrl } } } }),
    MyHub: () => ({ data: { myHub } }),
    OpenHub: () => ({ data: { openHub: { ok: true, errors: [] } } }),
  });
  const api = { client: mock.client, ws: null, dispose: () => {} } as unknown as ApiClient;
  render(
    <ApiProvider factory={() => api}>
      <MemoryRouter initialEntries={['/hub']}>
        <Routes>
          <Route path="/hub" element={<PortalLayout />}><Route index element={<HubHomePage />} /></Route>
        </Routes>
      </MemoryRouter>
    </ApiProvider>,
  );
  return mock;
}

describe('HubHomePage', () => {
  it('shows the staff folders that give the contact access, nested, with upload only where allowed', async () => {
    setup('en', null, hub, myFolders);
    const folders = await screen.findAllByTestId('hub-folder');
    expect(folders.map((f) => f.getAttribute('aria-label'))).toEqual(['Contracts', 'Inbox']);
    expect(within(folders[0]!).queryByText('View and upload')).toBeNull();
    expect(within(folders[1]!).getByText('View and upload')).toBeInTheDocument();
    within(folders[1]!).getByRole('button', { name: /Inbox/ }).click();
    expect(await within(folders[1]!).findByText('In F3')).toBeInTheDocument();
    expect(within(folders[1]!).getByRole('button', { name: /Upload files/ })).toBeInTheDocument();
    // The date folder's shares stay as they were.
    expect(await screen.findAllByTestId('hub-share')).toHaveLength(2);
  });

  it('shows the rep message beside the share it came with, and the organization logo', async () => {
    setup('en', '/branding/logos/abc');
    const [withMessage, without] = await screen.findAllByTestId('hub-share').then((s) => [s[1]!, s[0]!]);
    expect(within(withMessage).getByTestId('share-message')).toHaveTextContent('Message from Rita Rep');
    expect(within(withMessage).getByTestId('share-message')).toHaveTextContent('The prices we talked about.');
    expect(within(withMessage).getByText('Price list 2027')).toBeInTheDocument();
    expect(within(without).queryByTestId('share-message')).toBeNull();
    expect(within(without).getByText('Installation guide')).toBeInTheDocument();
    const brand = screen.getByTestId('hub-brand');
    // The header's branding arrives with its own query, maybe after the documents.
    expect(await within(brand).findByRole('img', { name: 'Acme Sales logo' })).toHaveAttribute('src', '/branding/logos/abc');
    expect(brand).toHaveTextContent('Acme Sales');
  });

  it('speaks the language of the share', async () => {
    setup('da', null);
    await screen.findByRole('heading', { name: 'Hej Mette' });
    expect(screen.getByText(/Dokumenter, som Acme Sales har delt med Fjord Logistics/)).toBeInTheDocument();
    expect(await screen.findByText('Besked fra Rita Rep')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log ud' })).toBeInTheDocument();
    expect(screen.getAllByText('Åbn')).toHaveLength(2);
    expect(document.documentElement.lang).toBe('da');
    expect(within(screen.getByTestId('hub-brand')).queryByRole('img')).toBeNull(); // no logo: the initial
  });

  it('says why there are no documents when the customer\'s Documents module is off', async () => {
    setup('sv', null, { ...hub, modules: ['QUOTES'], folders: [] });
    const off = await screen.findByTestId('documents-off');
    expect(off).toHaveTextContent('Inga dokument i din kundportal');
    expect(off).toHaveTextContent('Acme Sales har inte aktiverat dokument för dig.');
    expect(screen.queryByTestId('hub-share')).toBeNull();
  });
});
