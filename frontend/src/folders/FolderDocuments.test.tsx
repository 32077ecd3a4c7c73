import { describe, it, expect, vi, beforeEach } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { print } from 'graphql';
import { FolderDocuments } from './FolderDocuments';
import { FolderDocumentsQuery } from './operations';
import { STAFF_LABELS } from './labels';
import { createMockClient, Wrapper, type Handler } from '../test/mockClient';

const downloads: string[] = [];
vi.mock('../lib/openDocument', async (orig) => ({
  ...(await orig<typeof import('../lib/openDocument')>()),
  startDownload: (url: string) => { downloads.push(url); },
}));

const doc = {
  id: 'D1', name: 'Annex A.pdf', contentType: 'application/pdf', sizeBytes: 2048, createdAt: '2027-03-02T10:00:00Z',
  version: 2, uploadedByCustomer: false,
  versions: [{ id: 'V1', number: 1, name: 'Annex A.pdf', sizeBytes: 1024, createdAt: '2027-03-01T10:00:00Z', replacedAt: '2027-03-02T10:00:00Z' }],
};
const minted = (field: string) => () => ({ data: { [field]: { viewUrl: `/files/${field}-view`, downloadUrl: `/files/${field}-download`, expiresAt: '2027-03-02T10:15:00Z', errors: [] } } });

function setup(handlers: Record<string, Handler> = {}) {
  const mock = createMockClient({
    FolderDocuments: (vars) => ({ data: { node: { __typename: 'Folder', id: vars.id, documentCount: 1, documents: {
      edges: [{ cursor: 'c1', node: doc }], pageInfo: { hasNextPage: false, endCursor: 'c1' } } } } }),
    OpenDocument: minted('openDocument'),
    OpenDocumentVersion: minted('openDocumentVersion'),
    ...handlers,
  });
  render(<Wrapper client={mock.client}><FolderDocuments folderId="F1" labels={STAFF_LABELS} staff canUpload={false} version={0} onChanged={() => {}} /></Wrapper>);
  return mock;
}

async function versionsDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'Versions (2)' }));
  return screen.findByRole('dialog');
}

describe('FolderDocuments', () => {
  beforeEach(() => { downloads.length = 0; });

  it('lists versions without links: an earlier version is minted when it is downloaded', async () => {
    expect(print(FolderDocumentsQuery)).not.toMatch(/downloadUrl|viewUrl/);
    const mock = setup();
    const dialog = await versionsDialog();
    expect(mock.callsOf('OpenDocumentVersion')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download Version 1' }));
    await vi.waitFor(() => expect(downloads).toEqual(['/files/openDocumentVersion-download']));
    expect(mock.callsOf('OpenDocumentVersion').map((c) => c.variables)).toEqual([{ input: { versionId: 'V1' } }]);
    expect(mock.callsOf('OpenDocument')).toEqual([]);
    // The current version is the document itself (openDocument).
    fireEvent.click(within(dialog).getAllByRole('button', { name: 'Download' })[0]);
    await vi.waitFor(() => expect(downloads).toEqual(['/files/openDocumentVersion-download', '/files/openDocument-download']));
    expect(mock.callsOf('OpenDocument').map((c) => c.variables)).toEqual([{ input: { documentId: 'D1' } }]);
  });

  it('says so in the dialog when the version cannot be opened', async () => {
    setup({ OpenDocumentVersion: () => ({ data: { openDocumentVersion: { viewUrl: null, downloadUrl: null, expiresAt: null,
      errors: [{ code: 'NOT_FOUND', field: 'versionId', message: 'Document version not found.' }] } } }) });
    const dialog = await versionsDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download Version 1' }));
    expect(await within(dialog).findByText('Document version not found.')).toBeTruthy();
    expect(downloads).toEqual([]);
  });
});
