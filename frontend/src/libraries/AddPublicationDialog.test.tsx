import { describe, it, expect, vi, beforeEach } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AddPublicationDialog, parseTags, titleFromFilename } from './AddPublicationDialog';
import { createMockClient, Wrapper } from '../test/mockClient';
import { UploadError } from '../lib/upload';

const uploadAbort = vi.fn();
const uploadCalls: File[] = [];
let progressCb: ((f: number) => void) | null = null;
let resolveUpload: ((r: unknown) => void) | null = null;
let rejectUpload: ((e: unknown) => void) | null = null;
vi.mock('../lib/upload', async (orig) => ({
  ...(await orig<typeof import('../lib/upload')>()),
  uploadFile: (file: File, onProgress: (f: number) => void) => {
    uploadCalls.push(file);
    progressCb = onProgress;
    return {
      promise: new Promise((resolve, reject) => {
        resolveUpload = resolve;
        rejectUpload = reject;
        uploadAbort.mockImplementation(() => reject({ code: 'ABORTED', message: 'Upload cancelled.' }));
      }),
      abort: uploadAbort,
    };
  },
}));

const libraries = [{ id: 'L1', name: 'Product sheets' }, { id: 'L2', name: 'Brochures' }];
const ok = () => ({ data: { addPublication: { publication: { id: 'P9', title: 'Spring catalogue', tags: [], contentType: 'application/pdf', sizeBytes: 5, createdAt: '2026-01-01T00:00:00Z', library: { id: 'L2', name: 'Brochures' } }, errors: [] } } });

function setup(addPublication: (v: Record<string, unknown>) => unknown = ok) {
  const mock = createMockClient({ AddPublication: addPublication });
  const onClose = vi.fn();
  const onAdded = vi.fn();
  render(
    <Wrapper client={mock.client}>
      <AddPublicationDialog libraries={libraries} initialLibraryId="L2" onClose={onClose} onAdded={onAdded} />
    </Wrapper>,
  );
  return { ...mock, onClose, onAdded };
}

const pdf = (name = 'Spring catalogue.pdf') => new File(['%PDF-1.4'], name, { type: 'application/pdf' });

describe('AddPublicationDialog', () => {
  beforeEach(() => { uploadAbort.mockReset(); uploadCalls.length = 0; progressCb = null; resolveUpload = null; rejectUpload = null; });

  it('helpers: title from filename, comma-separated tags', () => {
    expect(titleFromFilename('Spring catalogue.pdf')).toBe('Spring catalogue');
    expect(titleFromFilename('v1.2 report.final.docx')).toBe('v1.2 report.final');
    expect(titleFromFilename('README')).toBe('README');
    expect(parseTags(' pricing, 2026 ,, pricing,EU ')).toEqual(['pricing', '2026', 'EU']);
  });

  it('focuses the library select on open, uploads with progress, then sends the exact addPublication input', async () => {
    const user = userEvent.setup();
    const m = setup();
    const lib = screen.getByLabelText('Library');
    expect(lib).toHaveFocus();
    expect(lib).toHaveValue('L2');
    const submit = screen.getByRole('button', { name: 'Add publication' });
    expect(submit).toBeDisabled();

    await user.upload(screen.getByTestId('file-input'), pdf());
    expect(uploadCalls.map((f) => f.name)).toEqual(['Spring catalogue.pdf']);
    expect(screen.getByLabelText('Title')).toHaveValue('Spring catalogue');
    const bar = await screen.findByRole('progressbar', { name: 'Uploading Spring catalogue.pdf' });
    act(() => { progressCb!(0.5); });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '50'));
    expect(submit).toBeDisabled();

    act(() => { resolveUpload!({ uploadId: 'U7', name: 'Spring catalogue.pdf', sizeBytes: 8, contentType: 'application/pdf' }); });
    await screen.findByText(/Uploaded/);
    await user.type(screen.getByLabelText('Tags'), 'catalogue, 2026 , spring');
    await user.click(submit);

    await waitFor(() => expect(m.onAdded).toHaveBeenCalledWith(expect.objectContaining({ id: 'P9' })));
    const calls = m.callsOf('AddPublication');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.variables.input).toEqual({ libraryId: 'L2', uploadId: 'U7', title: 'Spring catalogue', tags: ['catalogue', '2026', 'spring'] });
  });

  it('shows user errors next to the field they belong to and keeps the dialog open', async () => {
    const user = userEvent.setup();
    const m = setup(() => ({ data: { addPublication: { publication: null, errors: [
      { code: 'DUPLICATE', field: 'title', message: 'A publication with this title already exists in this library.' },
      { code: 'QUOTA_EXCEEDED', field: null, message: 'Storage quota exceeded.' },
    ] } } }));
    await user.selectOptions(screen.getByLabelText('Library'), 'L1');
    await user.upload(screen.getByTestId('file-input'), pdf('Dup.pdf'));
    act(() => { resolveUpload!({ uploadId: 'U1', name: 'Dup.pdf', sizeBytes: 8, contentType: 'application/pdf' }); });
    await screen.findByText(/Uploaded/);
    await user.click(screen.getByRole('button', { name: 'Add publication' }));

    const title = screen.getByLabelText('Title');
    await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'true'));
    expect(title).toHaveAccessibleDescription('A publication with this title already exists in this library.');
    expect(screen.getByRole('alert')).toHaveTextContent('Storage quota exceeded.');
    expect(m.callsOf('AddPublication')[0]!.variables.input).toEqual({ libraryId: 'L1', uploadId: 'U1', title: 'Dup', tags: [] });
    expect(m.onAdded).not.toHaveBeenCalled();
  });

  it('shows an upload refusal from /uploads and does not call the mutation', async () => {
    const user = userEvent.setup();
    const m = setup();
    await user.upload(screen.getByTestId('file-input'), new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' }));
    act(() => { rejectUpload!(new UploadError('REFUSED_TYPE', 'This file type is not allowed.')); });
    expect(await screen.findByRole('alert')).toHaveTextContent('This file type is not allowed.');
    expect(screen.getByRole('button', { name: 'Add publication' })).toBeDisabled();
    expect(m.callsOf('AddPublication')).toHaveLength(0);
  });

  it('cancels an upload in flight', async () => {
    const user = userEvent.setup();
    setup();
    await user.upload(screen.getByTestId('file-input'), pdf('Big.pdf'));
    await user.click(await screen.findByRole('button', { name: 'Cancel upload of Big.pdf' }));
    expect(uploadAbort).toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByText('Big.pdf')).not.toBeInTheDocument());
  });
});
