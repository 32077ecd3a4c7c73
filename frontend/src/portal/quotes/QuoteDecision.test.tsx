import { describe, it, expect, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QuoteDecision, isAnswerable, type DecisionActions, type DecisionQuote } from './QuoteDecision';
import { quoteStrings } from './i18n';
import { normalizeCode, isFullName } from './acceptForm';

const t = quoteStrings('en');
const quote = (p: Partial<DecisionQuote> = {}): DecisionQuote => ({ title: 'Fit-out', status: 'OPENED', expiresOn: null, versionNumber: 2, ...p });
const actions = (p: Partial<DecisionActions> = {}): DecisionActions => ({
  requestCode: vi.fn(async () => ({ errors: [], sentTo: 'j***@acme.example' })),
  accept: vi.fn(async () => ({ errors: [] })),
  decline: vi.fn(async () => ({ errors: [] })),
  ...p,
});

describe('acceptForm', () => {
  it('reads a pasted code with spaces or a dash, refuses anything but 6 digits', () => {
    expect(normalizeCode(' 123 456 ')).toBe('123456');
    expect(normalizeCode('123-456')).toBe('123456');
    expect(normalizeCode('12345')).toBeNull();
    expect(normalizeCode('12a456')).toBeNull();
    expect(isFullName(' J ')).toBe(false);
    expect(isFullName('Jane Doe')).toBe(true);
  });
});

describe('QuoteDecision', () => {
  it('contact: emails a code to their own address, then accepts with code and full name', async () => {
    const user = userEvent.setup();
    const a = actions();
    render(<QuoteDecision quote={quote()} actions={a} t={t} />);
    await user.click(screen.getByRole('button', { name: 'Accept quote' }));
    expect(screen.queryByLabelText('Your email')).not.toBeInTheDocument(); // a contact's code goes to their own address
    await user.click(screen.getByRole('button', { name: 'Email me a code' }));
    expect(a.requestCode).toHaveBeenCalledWith({});
    expect(await screen.findByText(/We sent a code to j\*\*\*@acme.example/)).toBeInTheDocument();
    expect(screen.getByText(/version 2/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept quote' }));
    expect(screen.getByText(t.needCode)).toBeInTheDocument();
    expect(screen.getByText(t.needName)).toBeInTheDocument();
    expect(a.accept).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('6-digit code'), '123 456');
    await user.type(screen.getByLabelText('Your full name'), '  Jane   Doe ');
    await user.click(screen.getByRole('button', { name: 'Accept quote' }));
    await waitFor(() => expect(a.accept).toHaveBeenCalledWith({ code: '123456', fullName: 'Jane Doe' }));
  });

  it('visitor: gives name and email first; a wrong code shows on the code field', async () => {
    const user = userEvent.setup();
    const a = actions({ accept: vi.fn(async () => ({ errors: [{ code: 'INVALID_CODE', field: 'code', message: 'That code is not right. 4 attempts left.' }] })) });
    render(<QuoteDecision quote={quote()} actions={a} t={t} visitor />);
    await user.click(screen.getByRole('button', { name: 'Accept quote' }));
    await user.click(screen.getByRole('button', { name: 'Email me a code' }));
    expect(screen.getByText(t.needEmail)).toBeInTheDocument();
    expect(a.requestCode).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Your full name'), 'Vic Visitor');
    await user.type(screen.getByLabelText('Your email'), 'vic@buyer.example');
    await user.click(screen.getByRole('button', { name: 'Email me a code' }));
    expect(a.requestCode).toHaveBeenCalledWith({ email: 'vic@buyer.example', fullName: 'Vic Visitor' });
    await user.type(await screen.findByLabelText('6-digit code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Accept quote' }));
    expect(await screen.findByText('That code is not right. 4 attempts left.')).toBeInTheDocument();
    expect(a.accept).toHaveBeenCalledWith({ code: '000000', fullName: 'Vic Visitor', email: 'vic@buyer.example' });
  });

  it('declines with a reason', async () => {
    const user = userEvent.setup();
    const a = actions();
    render(<QuoteDecision quote={quote()} actions={a} t={t} />);
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    await user.type(screen.getByLabelText('Reason (optional)'), 'Too expensive');
    await user.click(screen.getByRole('button', { name: 'Decline quote' }));
    await waitFor(() => expect(a.decline).toHaveBeenCalledWith('Too expensive'));
  });

  it('offers no answer once accepted, declined or expired; shows the certificate after acceptance', () => {
    const { rerender } = render(<QuoteDecision quote={quote({ status: 'ACCEPTED', acceptance: { fullName: 'Jane Doe', acceptedAt: '2026-12-03T10:00:00Z', certificateUrl: '/files/cert' } })} actions={actions()} t={t} />);
    expect(screen.getByText('Quote accepted')).toBeInTheDocument();
    expect(screen.getByTestId('certificate-link')).toHaveAttribute('href', '/files/cert');
    rerender(<QuoteDecision quote={quote({ status: 'SENT', expiresOn: '2020-01-01' })} actions={actions()} t={t} />);
    expect(screen.getByText(t.expiredBody)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept quote' })).not.toBeInTheDocument();
    rerender(<QuoteDecision quote={quote({ status: 'DECLINED', declinedAt: '2026-12-01T10:00:00Z' })} actions={actions()} t={t} />);
    expect(screen.getByText('Quote declined')).toBeInTheDocument();
  });

  it('opens the step the phone\'s answer bar asks for, and says which step it is in', async () => {
    const steps: string[] = [];
    const { rerender } = render(<QuoteDecision quote={quote()} actions={actions()} t={t} onStepChange={(s) => steps.push(s)} />);
    expect(steps).toEqual(['idle']);
    rerender(<QuoteDecision quote={quote()} actions={actions()} t={t} onStepChange={(s) => steps.push(s)} ask={{ step: 'decline', at: 1 }} />);
    expect(await screen.findByLabelText('Reason (optional)')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Reason (optional)')).toHaveFocus());
    expect(steps).toEqual(['idle', 'decline']);
    rerender(<QuoteDecision quote={quote()} actions={actions()} t={t} visitor onStepChange={(s) => steps.push(s)} ask={{ step: 'identity', at: 2 }} />);
    expect(await screen.findByLabelText('Your full name')).toBeInTheDocument();
    expect(steps.at(-1)).toBe('identity');
  });

  it('knows when the quote can still be answered (the bar shows only then)', () => {
    expect(isAnswerable(quote({ status: 'SENT' }))).toBe(true);
    expect(isAnswerable(quote({ status: 'DOWNLOADED' }))).toBe(true);
    for (const status of ['ACCEPTED', 'DECLINED', 'ARCHIVED', 'EXPIRED']) expect(isAnswerable(quote({ status }))).toBe(false);
    expect(isAnswerable(quote({ status: 'OPENED', expiresOn: '2020-01-01' }))).toBe(false);
  });

  it('speaks Danish and Swedish', () => {
    expect(quoteStrings('da').accept).toBe('Acceptér tilbud');
    expect(quoteStrings('SV').accept).toBe('Acceptera offert');
    expect(quoteStrings('fr').accept).toBe('Accept quote');
  });
});
