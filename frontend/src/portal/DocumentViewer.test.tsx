import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DocumentViewer, type ViewerDocument } from './DocumentViewer';
import { createMockClient, Wrapper } from '../test/mockClient';

const renderPage = vi.fn(async () => {});
const loadPdf = vi.fn(async (_data: Uint8Array) => ({ numPages: 3 }));
vi.mock('./pdf', () => ({ loadPdf: (d: Uint8Array) => loadPdf(d), renderPage: (...a: unknown[]) => renderPage(...(a as [])) }));
const printUrl = vi.fn();
vi.mock('./print', () => ({ printUrl: (...a: unknown[]) => printUrl(...a) }));

const pdfDoc: ViewerDocument = { id: 'D1', name: 'Price list.pdf', contentType: 'application/pdf', sizeBytes: 2048, viewUrl: '/files/view-token', downloadUrl: '/files/dl-token' };

function setup(doc: ViewerDocument, handlers: Record<string, (v: Record<string, unknown>) => unknown> = {}) {
  const mock = createMockClient({
    RecordDocumentPrint: () => ({ data: { recordDocumentPrint: { ok: true, errors: [] } } }),
    ShareWithColleague: () => ({ data: { shareWithColleague: { contact: { id: 'K2', fullName: 'Sam Colleague', email: 'sam@acme.example' }, errors: [] } } }),
    ...handlers,
  });
  render(<Wrapper client={mock.client}><DocumentViewer doc={doc} /></Wrapper>);
  return mock;
}

describe('DocumentViewer', () => {
  beforeEach(() => {
    renderPage.mockClear(); loadPdf.mockClear(); printUrl.mockClear();
    vi.stubGlobal('fetch', vi.fn(async () => new Response(new Uint8Array([37, 80, 68, 70]), { status: 200 })));
    URL.createObjectURL = vi.fn(() => 'blob:pdf-bytes');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('renders every PDF page in the page with pdf.js, fetching the view URL once', async () => {
    setup(pdfDoc);
    await waitFor(() => expect(screen.getByTestId('pdf-pages')).toHaveAttribute('data-pages', '3'));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('/files/view-token', expect.objectContaining({ credentials: 'same-origin' }));
    expect(Array.from(loadPdf.mock.calls[0]![0])).toEqual([37, 80, 68, 70]);
    expect(renderPage).toHaveBeenCalledTimes(3);
    expect(screen.getAllByRole('img', { name: /Price list.pdf, page \d of 3/ })).toHaveLength(3);
    expect(screen.getByTestId('pdf-pages')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Price list.pdf' })).toBeInTheDocument();
  });

  it('offers download through the download URL', async () => {
    setup(pdfDoc);
    const a = screen.getByTestId('download');
    expect(a).toHaveAttribute('href', '/files/dl-token');
    expect(a).toHaveAttribute('download', 'Price list.pdf');
  });

  it('records the print, then prints the already fetched PDF', async () => {
    const user = userEvent.setup();
    const m = setup(pdfDoc);
    await waitFor(() => expect(screen.getByTestId('pdf-pages')).toHaveAttribute('data-pages', '3'));
    await user.click(screen.getByRole('button', { name: 'Print' }));
    await waitFor(() => expect(printUrl).toHaveBeenCalledWith('blob:pdf-bytes', 'application/pdf'));
    expect(m.callsOf('RecordDocumentPrint')[0]!.variables).toEqual({ input: { documentId: 'D1' } });
  });

  it('does not print when recording the print fails, and says why', async () => {
    const user = userEvent.setup();
    setup(pdfDoc, { RecordDocumentPrint: () => ({ data: { recordDocumentPrint: { ok: false, errors: [{ code: 'NOT_FOUND', field: null, message: 'Document not found.' }] } } }) });
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Document not found.');
    expect(printUrl).not.toHaveBeenCalled();
  });

  it('shows a load error but keeps download when the file cannot be fetched', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('gone', { status: 410 })));
    setup(pdfDoc);
    expect(await screen.findByRole('alert')).toHaveTextContent(/expired/);
    expect(screen.getByTestId('download')).toBeInTheDocument();
  });

  it('shows images inline without pdf.js', () => {
    setup({ ...pdfDoc, name: 'Plan.png', contentType: 'image/png' });
    expect(screen.getByRole('img', { name: 'Plan.png' })).toHaveAttribute('src', '/files/view-token');
    expect(loadPdf).not.toHaveBeenCalled();
  });

  it('offers other types for download only', () => {
    setup({ ...pdfDoc, name: 'Data.xlsx', contentType: 'application/vnd.ms-excel' });
    expect(screen.getByText('No preview for this file type')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Print' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /Download/ }).every((a) => a.getAttribute('href') === '/files/dl-token')).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shares with a colleague and shows field errors next to the field', async () => {
    const user = userEvent.setup();
    let n = 0;
    const m = setup({ ...pdfDoc, contentType: 'application/zip', name: 'a.zip' }, {
      ShareWithColleague: () => (++n === 1
        ? { data: { shareWithColleague: { contact: null, errors: [{ code: 'INVALID', field: 'email', message: 'Enter a valid email address.' }] } } }
        : { data: { shareWithColleague: { contact: { id: 'K2', fullName: 'Sam C', email: 'sam@acme.example' }, errors: [] } } }),
    });
    await user.click(screen.getByRole('button', { name: 'Share' }));
    const dialog = () => within(screen.getByRole('dialog', { name: 'Share with a colleague' }));
    // The promise matches what the colleague gets: this one document.
    expect(dialog().getByText(/only to this document/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('First name'), 'Sam');
    await user.type(screen.getByLabelText('Last name'), 'C');
    await user.type(screen.getByLabelText('Email'), 'sam@');
    await user.click(dialog().getByRole('button', { name: 'Share' }));
    expect(await screen.findByText('Enter a valid email address.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'sam@acme.example');
    await user.click(dialog().getByRole('button', { name: 'Share' }));
    expect(await screen.findByText(/We emailed sam@acme.example/)).toHaveTextContent('only this one');
    expect(m.callsOf('ShareWithColleague')[1]!.variables).toEqual({ input: { documentId: 'D1', firstName: 'Sam', lastName: 'C', email: 'sam@acme.example' } });
  });
});
