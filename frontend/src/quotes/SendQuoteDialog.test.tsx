import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SendQuoteDialog, type SubmitQuote } from './SendQuoteDialog';
import { createMockClient, Wrapper } from '../test/mockClient';

vi.mock('../lib/upload', () => ({
  uploadFile: (file: File, onProgress: (f: number) => void) => {
    onProgress(1);
    return { promise: Promise.resolve({ uploadId: `U-${file.name}`, name: file.name, sizeBytes: file.size, contentType: file.type }), abort: () => {} };
  },
}));

const customer = (modules: string[]) => ({
  id: 'C1', name: 'Acme Corp', kind: 'COMPANY', hubAccess: true, modules,
  contacts: [
    { id: 'K1', fullName: 'Jane Doe', email: 'jane@acme.example', hubAccess: true, isPrimary: true },
    { id: 'K2', fullName: 'Jon Roe', email: 'jon@acme.example', hubAccess: true, isPrimary: false },
    { id: 'K3', fullName: 'No Access', email: 'na@acme.example', hubAccess: false, isPrimary: false },
  ],
});

function setup(onSubmit: SubmitQuote, modules = ['DOCUMENTS', 'QUOTES']) {
  const mock = createMockClient({ QuoteCustomer: () => ({ data: { customer: customer(modules) } }) });
  const onDone = vi.fn();
  render(<Wrapper client={mock.client}><SendQuoteDialog initialCustomerId="C1" onClose={() => {}} onSubmit={onSubmit} onDone={onDone} /></Wrapper>);
  return { onDone };
}

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByText('Acme Corp');
  await user.type(screen.getByLabelText('Quote number'), 'Q-1001');
  await user.type(screen.getByLabelText('Title'), 'Fit-out, 3rd floor');
  await user.type(screen.getByLabelText('Amount'), '1 250,50');
  await user.upload(screen.getByTestId('quote-pdf-input'), new File(['%PDF-1.4'], 'Q-1001.pdf', { type: 'application/pdf' }));
  await screen.findByText(/^Uploaded ·/);
}

describe('SendQuoteDialog', () => {
  it('says what is missing and sends nothing until the form is complete', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<SubmitQuote>();
    setup(onSubmit);
    await screen.findByText('Acme Corp');
    await user.click(screen.getByRole('button', { name: /Send quote/ }));
    expect(await screen.findByText('Add the quote as a PDF.')).toBeInTheDocument();
    expect(screen.getByText(/Give the quote a number/)).toBeInTheDocument();
    expect(screen.getByText('Give the quote a title.')).toBeInTheDocument();
    expect(screen.getByText('Check the 3 fields marked below.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends to one contact with a reminder, and lists only contacts with hub access', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<SubmitQuote>(async () => ({ errors: [], quoteId: 'Q1' }));
    const { onDone } = setup(onSubmit);
    await fillValid(user);
    await user.click(screen.getByRole('radio', { name: /One contact/ }));
    const select = screen.getByLabelText('Contact') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['', 'K1', 'K2']);
    await user.selectOptions(select, 'K2');
    await user.click(screen.getByLabelText('Remind when not opened after'));
    await user.click(screen.getByRole('button', { name: /Send quote/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Q1'));
    const [input, options] = onSubmit.mock.calls[0]!;
    expect(input).toMatchObject({ customerId: 'C1', number: 'Q-1001', amount: '1250.50', currency: 'EUR', visibility: 'ONE_CONTACT', contactId: 'K2', uploadId: 'U-Q-1001.pdf', remindUnopenedDays: 3, notifyOnPublish: true });
    expect(options).toEqual({ publish: true, link: null });
  });

  it('passes the link password for a public link and saves a draft without publishing', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<SubmitQuote>(async () => ({ errors: [], quoteId: 'Q2' }));
    setup(onSubmit);
    await fillValid(user);
    await user.click(screen.getByRole('radio', { name: /Public link/ }));
    await user.type(screen.getByLabelText('Link password'), 'open sesame 42');
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]![1]).toEqual({ publish: false, link: { password: 'open sesame 42', expiresOn: null } });
    expect(onSubmit.mock.calls[0]![0].notifyOnPublish).toBe(false);
  });

  it("shows the server's errors on their fields", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<SubmitQuote>(async () => ({ errors: [
      { code: 'DUPLICATE', field: 'number', message: 'Quote number Q-1001 is already used.' },
      { code: 'QUOTA', field: null, message: 'Your storage is full.' },
    ] }));
    setup(onSubmit);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: /Send quote/ }));
    expect(await screen.findByText('Quote number Q-1001 is already used.')).toBeInTheDocument();
    expect(screen.getByLabelText('Quote number')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Your storage is full.')).toBeInTheDocument();
    // Editing the field clears its server error.
    await user.type(screen.getByLabelText('Quote number'), 'b');
    expect(screen.queryByText('Quote number Q-1001 is already used.')).not.toBeInTheDocument();
  });

  it('warns when the customer will not see quotes in the hub', async () => {
    setup(vi.fn<SubmitQuote>(), ['DOCUMENTS']);
    expect(await screen.findByText(/Quotes module is off for Acme Corp/)).toBeInTheDocument();
  });
});

describe('SendQuoteDialog after a partial failure', () => {
  it('does not offer to send again once the quote was saved: it leads to the saved quote', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<SubmitQuote>(async () => ({ errors: [{ code: 'X', field: null, message: 'Saved as a draft, but not sent: mail is down.' }], quoteId: 'Q9' }));
    const { onDone } = setup(onSubmit);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: /Send quote/ }));
    expect(await screen.findByText('Saved as a draft, but not sent: mail is down.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Send quote/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open the saved quote' }));
    expect(onDone).toHaveBeenCalledWith('Q9');
  });
});

describe('SendQuoteDialog number suggestion', () => {
  it("prefills the server's next number, and a typed number wins", async () => {
    const mock = createMockClient({
      QuoteCustomer: () => ({ data: { customer: customer(['QUOTES']) } }),
      NextQuoteNumber: () => ({ data: { nextQuoteNumber: 'Q-1042' } }),
    });
    render(<Wrapper client={mock.client}><SendQuoteDialog initialCustomerId="C1" onClose={() => {}} onSubmit={vi.fn<SubmitQuote>()} onDone={() => {}} /></Wrapper>);
    await waitFor(() => expect(screen.getByLabelText('Quote number')).toHaveValue('Q-1042'));
  });
});
