import { describe, it, expect, vi, beforeEach } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SendDialog } from './SendDialog';
import { SelectionProvider, type SelectedPublication } from '../libraries/selection';
import { createMockClient, Wrapper } from '../test/mockClient';

const uploadAbort = vi.fn();
let progressCb: ((f: number) => void) | null = null;
let resolveUpload: ((r: unknown) => void) | null = null;
vi.mock('../lib/upload', () => ({
  uploadFile: (_file: File, onProgress: (f: number) => void) => {
    progressCb = onProgress;
    return {
      promise: new Promise((resolve, reject) => {
        resolveUpload = resolve;
        uploadAbort.mockImplementation(() => reject({ code: 'ABORTED', message: 'Upload cancelled.' }));
      }),
      abort: uploadAbort,
    };
  },
}));

const pubs: SelectedPublication[] = [
  { id: 'P1', title: 'Widget datasheet', contentType: 'application/pdf', sizeBytes: 120_000, libraryName: 'Product sheets' },
  { id: 'P2', title: 'Price list 2026', contentType: 'application/pdf', sizeBytes: 80_000, libraryName: 'Price lists' },
];

function setup(extra: Record<string, (v: Record<string, unknown>) => unknown> = {}) {
  const mock = createMockClient({
    SendDialogData: () => ({
      data: {
        me: { member: { id: 'M1', language: 'da', standardMessage: 'Hi! Here are the documents we talked about.' } },
        organization: { id: 'O1', languages: ['en', 'da'] },
        invitationTemplates: [{ id: 'T1', language: 'en', subject: 'Docs' }, { id: 'T2', language: 'da', subject: 'Dok' }],
      },
    }),
    CustomerPicker: () => ({ data: { customers: { edges: [{ node: { id: 'C1', name: 'Acme Corp', kind: 'COMPANY', hubAccess: true } }] } } }),
    ShareCustomer: () => ({ data: { customer: { id: 'C1', name: 'Acme Corp', kind: 'COMPANY', hubAccess: true, contacts: [] } } }),
    PreviewShare: (v) => {
      const input = v.input as { message: string };
      return { data: { previewShare: { subject: 'Documents from Northwind', html: `<p>${input.message}</p>`, text: input.message } } };
    },
    ShareDocuments: () => ({ data: { shareDocuments: { share: { id: 'S1', createdAt: '2026-01-01T00:00:00Z', documents: [{ id: 'D1', name: 'a' }, { id: 'D2', name: 'b' }], recipients: [{ id: 'K1', fullName: 'Jane Doe', email: 'jane@acme.example' }] }, hub: { id: 'H1' }, errors: [] } } }),
    ...extra,
  });
  const onClose = vi.fn();
  render(
    <Wrapper client={mock.client}>
      <SelectionProvider initial={pubs}>
        <SendDialog onClose={onClose} />
      </SelectionProvider>
    </Wrapper>,
  );
  return { ...mock, onClose };
}

async function chooseCustomerAndRecipient(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Choose Acme Corp' }));
  // A customer without contacts starts with one empty recipient row.
  await user.type(await screen.findByLabelText('First name'), 'Jane');
  await user.type(screen.getByLabelText('Last name'), 'Doe');
  await user.type(screen.getByLabelText('Email'), 'jane@acme.example');
}

describe('SendDialog', () => {
  beforeEach(() => { uploadAbort.mockReset(); progressCb = null; resolveUpload = null; sessionStorage.clear(); });

  it('prefills the standard message and the rep language from the templates', async () => {
    setup();
    const msg = await screen.findByLabelText('Personal message');
    await waitFor(() => expect(msg).toHaveValue('Hi! Here are the documents we talked about.'));
    const lang = screen.getByLabelText('Message language') as HTMLSelectElement;
    expect(lang.value).toBe('da');
    expect(Array.from(lang.options).map((o) => o.value)).toEqual(['en', 'da']);
    const items = screen.getByRole('list', { name: 'Items to send' });
    expect(within(items).getByText('Widget datasheet')).toBeInTheDocument();
    expect(within(items).getByText('Price list 2026')).toBeInTheDocument();
    // Nothing to send yet: no customer, no recipient.
    expect(screen.getByRole('button', { name: /^Send$/ })).toBeDisabled();
  });

  it('shows a debounced live preview of the exact email in a sandboxed iframe', async () => {
    const user = userEvent.setup();
    const m = setup();
    await chooseCustomerAndRecipient(user);
    const msg = screen.getByLabelText('Personal message');
    await user.clear(msg);
    await user.type(msg, 'See you Tuesday');
    const frame = await screen.findByTitle('Email preview', {}, { timeout: 3000 });
    await waitFor(() => expect(frame.getAttribute('srcdoc')).toBe('<p>See you Tuesday</p>'), { timeout: 3000 });
    expect(frame).toHaveAttribute('sandbox', '');
    expect(screen.getByTestId('preview-subject')).toHaveTextContent('Documents from Northwind');
    // Debounced: far fewer preview requests than keystrokes.
    expect(m.callsOf('PreviewShare').length).toBeLessThan(5);
  });

  it('removes an item before sending and sends the exact input', async () => {
    const user = userEvent.setup();
    const m = setup();
    await chooseCustomerAndRecipient(user);
    await user.click(screen.getByRole('button', { name: 'Remove Price list 2026' }));
    expect(screen.queryByText('Price list 2026')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Send$/ }));
    await screen.findByText(/2 documents sent to Acme Corp/);
    const sent = m.callsOf('ShareDocuments');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.variables.input).toEqual({
      customerId: 'C1',
      recipients: [{ firstName: 'Jane', lastName: 'Doe', email: 'jane@acme.example' }],
      language: 'da',
      message: 'Hi! Here are the documents we talked about.',
      publicationIds: ['P1'],
      uploadIds: [],
    });
    expect(screen.getByRole('link', { name: /Open the hub/ })).toHaveAttribute('href', '/hubs/H1');
  });

  it('shows user errors next to the recipient field they belong to', async () => {
    const user = userEvent.setup();
    setup({
      ShareDocuments: () => ({ data: { shareDocuments: { share: null, hub: null, errors: [
        { code: 'INVALID_EMAIL', field: 'recipients.0.email', message: 'Enter a valid email address.' },
        { code: 'QUOTA', field: null, message: 'Storage quota exceeded.' },
      ] } } }),
    });
    await chooseCustomerAndRecipient(user);
    await user.click(screen.getByRole('button', { name: /^Send$/ }));
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Enter a valid email address.');
    expect(screen.getByRole('alert')).toHaveTextContent('Storage quota exceeded.');
  });

  it('uploads files from the device with progress, blocks send meanwhile, and can cancel', async () => {
    const user = userEvent.setup();
    const m = setup();
    await chooseCustomerAndRecipient(user);
    await user.upload(screen.getByTestId('file-input'), new File(['hello'], 'notes.pdf', { type: 'application/pdf' }));
    const bar = await screen.findByRole('progressbar', { name: 'Uploading notes.pdf' });
    progressCb!(0.4);
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    expect(screen.getByRole('button', { name: /^Send$/ })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Cancel upload of notes.pdf' }));
    expect(uploadAbort).toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByText('notes.pdf')).not.toBeInTheDocument());

    await user.upload(screen.getByTestId('file-input'), new File(['x'], 'extra.pdf', { type: 'application/pdf' }));
    await screen.findByRole('progressbar', { name: 'Uploading extra.pdf' });
    resolveUpload!({ uploadId: 'U9', name: 'extra.pdf', sizeBytes: 1, contentType: 'application/pdf' });
    await screen.findByText(/From your device/);
    await user.click(screen.getByRole('button', { name: /^Send$/ }));
    await screen.findByText(/sent to Acme Corp/);
    expect((m.callsOf('ShareDocuments')[0]!.variables.input as { uploadIds: string[] }).uploadIds).toEqual(['U9']);
  });
});
