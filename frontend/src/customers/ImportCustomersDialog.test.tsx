import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportCustomersDialog } from './ImportCustomersDialog';
import { choose, exportUrl, mappingFor, toInput } from './importMapping';
import { createMockClient, Wrapper } from '../test/mockClient';

vi.mock('../lib/upload', async (orig) => ({
  ...(await orig<typeof import('../lib/upload')>()),
  uploadFile: (_file: File, onProgress: (f: number) => void) => {
    onProgress(0.5);
    return { promise: Promise.resolve({ uploadId: 'U1', name: 'c.csv', sizeBytes: 10, contentType: 'text/csv' }), abort: vi.fn() };
  },
}));

const columns = ['Ref', 'Company', 'Mail'];
const result = (over: Record<string, unknown> = {}) => ({
  dryRun: true, applied: false, columns, rowCount: 2, rowErrorCount: 0,
  mapping: [{ column: 'Ref', field: 'EXTERNAL_REF' }, { column: 'Company', field: 'CUSTOMER_NAME' }],
  customersCreated: 2, customersUpdated: 0, customersUnchanged: 0, contactsCreated: 0, contactsUpdated: 0, contactsUnchanged: 0,
  rowErrors: [], ...over,
});

describe('import mapping helpers', () => {
  it('one field per column; a field chosen again moves', () => {
    const m = mappingFor(columns, [{ column: 'Ref', field: 'EXTERNAL_REF' }]);
    expect(m).toEqual({ Ref: 'EXTERNAL_REF', Company: '', Mail: '' });
    const moved = choose(m, 'Mail', 'EXTERNAL_REF');
    expect(moved).toEqual({ Ref: '', Company: '', Mail: 'EXTERNAL_REF' });
    expect(toInput(moved)).toEqual([{ column: 'Mail', field: 'EXTERNAL_REF' }]);
  });

  it('the export URL carries the list filters', () => {
    expect(exportUrl('xlsx', { search: 'nor', kind: 'COMPANY', hubAccess: false, accountManagerId: 'TWVtYmVyOjE=' }))
      .toBe('/customers/export?format=xlsx&search=nor&kind=COMPANY&hubAccess=false&accountManagerId=TWVtYmVyOjE%3D');
    expect(exportUrl('csv', {})).toBe('/customers/export?format=csv');
  });
});

describe('ImportCustomersDialog', () => {
  it('uploads, shows the dry run errors per row, re-checks a changed mapping, then imports', async () => {
    const user = userEvent.setup();
    const errors = [{ row: 3, column: 'Mail', field: 'CONTACT_EMAIL', code: 'INVALID_EMAIL', message: "'x' is not a valid email address." }];
    let checks = 0;
    const mock = createMockClient({
      CheckCustomerImport: () => {
        checks += 1;
        return { data: { checkCustomerImport: { result: result(checks === 1 ? { rowErrorCount: 1, rowErrors: errors } : {}), errors: [] } } };
      },
      ImportCustomers: () => ({ data: { importCustomers: { result: result({ dryRun: false, applied: true }), errors: [] } } }),
    });
    const onImported = vi.fn();
    render(<Wrapper client={mock.client}><ImportCustomersDialog onClose={vi.fn()} onImported={onImported} /></Wrapper>);

    await user.upload(screen.getByTestId('import-file'), new File(['Ref,Company\nA,B\n'], 'c.csv', { type: 'text/csv' }));

    // the dry run ran without a mapping (suggested from the headers) and its error is listed by row and column
    await screen.findByText('Columns of c.csv');
    expect(mock.callsOf('CheckCustomerImport')[0]!.variables).toEqual({ input: { uploadId: 'U1', mapping: null } });
    const table = screen.getByTestId('row-errors');
    expect(within(table).getByText('3')).toBeInTheDocument();
    expect(within(table).getByText("'x' is not a valid email address.")).toBeInTheDocument();
    expect(screen.getByTestId('confirm-import')).toBeDisabled();

    // changing the mapping asks for a new check before importing
    await user.selectOptions(screen.getByLabelText('Field for column Mail'), 'CONTACT_EMAIL');
    expect(screen.getByTestId('confirm-import')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await screen.findByText('Every row can be imported.');
    expect(mock.callsOf('CheckCustomerImport')[1]!.variables).toEqual({ input: { uploadId: 'U1', mapping: [
      { column: 'Ref', field: 'EXTERNAL_REF' }, { column: 'Company', field: 'CUSTOMER_NAME' }, { column: 'Mail', field: 'CONTACT_EMAIL' }] } });

    await user.click(screen.getByTestId('confirm-import'));
    await screen.findByText(/Imported 2 rows from c.csv/);
    expect(mock.callsOf('ImportCustomers')).toHaveLength(1);
    await waitFor(() => expect(onImported).toHaveBeenCalled());
  });
});
