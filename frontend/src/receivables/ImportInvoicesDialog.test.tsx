import { describe, it, expect, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportInvoicesDialog } from './ImportInvoicesDialog';
import { createMockClient, Wrapper, type Handler } from '../test/mockClient';

// The upload itself (XMLHttpRequest to POST /uploads) is the browser's; the dialog's part starts at its answer.
let uploads = 0;
vi.mock('../lib/upload', async (orig) => ({
  ...(await orig<typeof import('../lib/upload')>()),
  uploadFile: (file: File, onProgress: (f: number) => void) => {
    uploads += 1;
    onProgress(0.5);
    return { promise: Promise.resolve({ uploadId: `U${uploads}`, name: file.name, sizeBytes: file.size, contentType: 'text/csv' }), abort: vi.fn() };
  },
}));

const columns = ['Note', 'Invoice no', 'Customer Reference', 'Total', 'CCY', 'Issue Date', 'Due Date'];
const mapping = [
  { column: 'Invoice no', field: 'Invoice Number' }, { column: 'Customer Reference', field: 'Customer Reference' },
  { column: 'Total', field: 'Amount' }, { column: 'CCY', field: 'Currency' },
  { column: 'Issue Date', field: 'Issue Date' }, { column: 'Due Date', field: 'Due Date' },
];
const result = (over: Record<string, unknown> = {}) => ({
  dryRun: true, applied: false, columns, mapping, rowCount: 3, created: 2, updated: 1, unchanged: 0,
  rowErrorCount: 0, rowErrors: [], ...over,
});
const rowErrors = [
  { row: 3, column: 'Total', code: 'INVALID', message: "'12,5x' is not an amount." },
  { row: 4, column: 'Customer Reference', code: 'NOT_FOUND', message: 'No customer with reference ERP-9.' },
];
const csv = (name = 'inv.csv') => new File(['Invoice no,Total\nF-1,10\n'], name, { type: 'text/csv' });

function setup(handlers: Record<string, Handler>) {
  const mock = createMockClient(handlers);
  const onImported = vi.fn();
  const onClose = vi.fn();
  render(<Wrapper client={mock.client}><ImportInvoicesDialog onClose={onClose} onImported={onImported} /></Wrapper>);
  return { mock, onImported, onClose };
}

describe('ImportInvoicesDialog', () => {
  it('checks the upload first: how each column was read, what would change, then imports all of it', async () => {
    const user = userEvent.setup();
    const { mock, onImported } = setup({
      CheckInvoiceImport: () => ({ data: { checkInvoiceImport: { result: result(), errors: [] } } }),
      ImportInvoices: () => ({ data: { importInvoices: { result: result({ dryRun: false, applied: true }), errors: [] } } }),
    });
    const importButton = screen.getByRole('button', { name: 'Import' });
    expect(importButton).toBeDisabled(); // nothing checked yet
    await user.upload(screen.getByLabelText('Invoice file'), csv());

    await screen.findByText('Every row can be imported.');
    expect(mock.callsOf('CheckInvoiceImport')[0]!.variables).toEqual({ input: { uploadId: expect.stringMatching(/^U\d+$/) } });
    // the mapping: every column read, in the file's order, and the one nobody knows is named as ignored
    const read = within(screen.getByRole('list', { name: 'Columns read' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(read).toEqual(['Invoice no → Invoice Number', 'Customer Reference → Customer Reference', 'Total → Amount', 'CCY → Currency', 'Issue Date → Issue Date', 'Due Date → Due Date']);
    expect(screen.getByTestId('invoice-import-mapping')).toHaveTextContent('Ignored: Note');
    const summary = screen.getByTestId('invoice-import-summary');
    expect(within(summary).getByText('Invoices to create').previousSibling).toHaveTextContent('2');
    expect(within(summary).getByText('Invoices to update').previousSibling).toHaveTextContent('1');
    expect(mock.callsOf('ImportInvoices')).toHaveLength(0); // the dry run wrote nothing and imports nothing by itself
    expect(onImported).not.toHaveBeenCalled();

    await user.click(importButton);
    expect(mock.callsOf('ImportInvoices')[0]!.variables).toEqual(mock.callsOf('CheckInvoiceImport')[0]!.variables);
    await screen.findByText(/Imported 3 rows from inv\.csv\./);
    expect(within(summary).getByText('Invoices created')).toBeInTheDocument();
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Done' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Invoice file')).toBeNull();
  });

  it('lists the dry run\'s errors by row and column and imports nothing: a file with any error is refused whole', async () => {
    const user = userEvent.setup();
    let checks = 0;
    const { mock, onImported } = setup({
      CheckInvoiceImport: () => {
        checks += 1;
        return { data: { checkInvoiceImport: { result: checks === 1 ? result({ rowErrorCount: 2, rowErrors }) : result(), errors: [] } } };
      },
      ImportInvoices: () => ({ data: { importInvoices: { result: result({ dryRun: false, applied: true }), errors: [] } } }),
    });
    await user.upload(screen.getByLabelText('Invoice file'), csv('bad.csv'));
    const table = await screen.findByTestId('invoice-row-errors');
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['3', 'Total', "'12,5x' is not an amount."],
      ['4', 'Customer Reference', 'No customer with reference ERP-9.'],
    ]);
    // all or nothing: with errors, the Import button stays off (no partial import of the good rows)
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    expect(screen.queryByText('Every row can be imported.')).toBeNull();

    // a corrected file is checked again from scratch; only then can it be imported
    await user.upload(screen.getByLabelText('Invoice file'), csv('fixed.csv'));
    await screen.findByText('Every row can be imported.');
    expect(screen.queryByTestId('invoice-row-errors')).toBeNull();
    const [first, second] = mock.callsOf('CheckInvoiceImport');
    expect(second!.variables).not.toEqual(first!.variables); // the new upload, not the old one
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(mock.callsOf('ImportInvoices')[0]!.variables).toEqual(second!.variables);
    await screen.findByText(/Imported 3 rows from fixed\.csv\./);
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('shows a refusal of the whole file (missing columns) and an import that the server refused after the check', async () => {
    const user = userEvent.setup();
    const { onImported } = setup({
      CheckInvoiceImport: () => ({ data: { checkInvoiceImport: { result: null, errors: [{ code: 'MISSING_COLUMNS', field: 'uploadId', message: 'The file needs the columns: Due Date.' }] } } }),
    });
    await user.upload(screen.getByLabelText('Invoice file'), csv());
    await screen.findByText('The file needs the columns: Due Date.');
    expect(screen.queryByTestId('invoice-import-summary')).toBeNull();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    expect(onImported).not.toHaveBeenCalled();
  });

  it('a row error found at import time (the data changed since the check) imports nothing and lists it', async () => {
    const user = userEvent.setup();
    const { onImported } = setup({
      CheckInvoiceImport: () => ({ data: { checkInvoiceImport: { result: result(), errors: [] } } }),
      ImportInvoices: () => ({ data: { importInvoices: { result: result({ dryRun: false, applied: false, created: 0, updated: 0, rowErrorCount: 1, rowErrors: rowErrors.slice(1) }), errors: [] } } }),
    });
    await user.upload(screen.getByLabelText('Invoice file'), csv());
    await screen.findByText('Every row can be imported.');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const table = await screen.findByTestId('invoice-row-errors');
    expect(table).toHaveTextContent('No customer with reference ERP-9.');
    expect(onImported).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
  });
});
