import { describe, it, expect } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { HubWelcomePage } from './HubWelcomePage';
import { HubForgotPasswordPage } from './HubPasswordPages';
import { createMockClient, Wrapper, type Handler } from '../test/mockClient';
import { TestSessionProvider } from '../app/session';


function opened(state: 'SIGNED_IN' | 'VERIFY', extra: Record<string, unknown> = {}) {
  return () => ({ data: { redeemHubLink: { state, needsPassword: false, firstName: 'Mette', organizationName: 'Acme Sales', hasPassword: false, viewer: null, errors: [], ...extra } } });
}

function setup(token: string, handlers: Record<string, Handler>) {
  const mock = createMockClient(handlers);
  render(
    <Wrapper client={mock.client} route={`/hub/welcome?token=${token}`}>
      <TestSessionProvider viewer={null}>
        <Routes>
          <Route path="/hub/welcome" element={<HubWelcomePage />} />
          <Route path="/hub" element={<div>Hub home</div>} />
          <Route path="/hub/login" element={<div>Hub sign-in page</div>} />
          <Route path="/hub/forgot-password" element={<HubForgotPasswordPage />} />
        </Routes>
      </TestSessionProvider>
    </Wrapper>,
  );
  return mock;
}

describe('HubWelcomePage', () => {
  it('opens the hub when the link signs in and a password exists', async () => {
    setup('t-signed', { RedeemHubLink: opened('SIGNED_IN') });
    expect(await screen.findByText('Hub home')).toBeInTheDocument();
  });

  it('suggests a password on the first use, and lets the contact skip it', async () => {
    const user = userEvent.setup();
    setup('t-first', { RedeemHubLink: opened('SIGNED_IN', { needsPassword: true }) });
    expect(await screen.findByRole('heading', { name: 'Welcome, Mette' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Not now, open my hub' }));
    expect(await screen.findByText('Hub home')).toBeInTheDocument();
  });

  it('on a new device offers the password, and signs in with it', async () => {
    const user = userEvent.setup();
    let tries = 0;
    const m = setup('t-verify-pw', {
      RedeemHubLink: opened('VERIFY', { hasPassword: true }),
      HubLinkLogIn: () => (++tries === 1
        ? { data: { hubLinkLogIn: { viewer: null, errors: [{ code: 'INVALID_CREDENTIALS', field: 'password', message: 'The password is wrong.' }] } } }
        : { data: { hubLinkLogIn: { viewer: { kind: 'CONTACT' }, errors: [] } } }),
    });
    expect(await screen.findByRole('heading', { name: 'Welcome back, Mette' })).toBeInTheDocument();
    expect(screen.getByText(/not signed in to the Acme Sales hub/)).toBeInTheDocument();
    expect(screen.queryByText(/no longer works/)).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Password'), 'wrong one');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('The password is wrong.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'the right one');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Hub home')).toBeInTheDocument();
    expect(m.callsOf('HubLinkLogIn')[1]!.variables).toEqual({ input: { token: 't-verify-pw', password: 'the right one' } });
  });

  it('on a new device without a password emails a code and signs in with it', async () => {
    const user = userEvent.setup();
    const m = setup('t-verify-code', {
      RedeemHubLink: opened('VERIFY'),
      RequestHubSignInCode: () => ({ data: { requestHubSignInCode: { sentTo: 'm•••e@fjord.example', errors: [] } } }),
      SignInWithHubCode: () => ({ data: { signInWithHubCode: { viewer: { kind: 'CONTACT' }, errors: [] } } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Email me a sign-in code' }));
    expect(await screen.findByText(/We sent a code to m•••e@fjord.example/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Sign-in code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Hub home')).toBeInTheDocument();
    expect(m.callsOf('SignInWithHubCode')[0]!.variables).toEqual({ input: { token: 't-verify-code', code: '123456' } });
    expect(m.callsOf('RequestHubSignInCode')[0]!.variables).toEqual({ input: { token: 't-verify-code' } });
  });

  it('shows why a code was refused', async () => {
    const user = userEvent.setup();
    setup('t-verify-throttled', {
      RedeemHubLink: opened('VERIFY'),
      RequestHubSignInCode: () => ({ data: { requestHubSignInCode: { sentTo: null, errors: [{ code: 'TOO_MANY_CODES', field: null, message: 'We just sent you a code.' }] } } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Email me a sign-in code' }));
    expect(await screen.findByText('We just sent you a code.')).toBeInTheDocument();
  });

  it('an invalid link is no dead end: sign in or forgot password', async () => {
    const user = userEvent.setup();
    setup('t-invalid', { RedeemHubLink: () => ({ data: { redeemHubLink: { state: null, needsPassword: false, firstName: null, organizationName: null, hasPassword: false, viewer: null, errors: [{ code: 'INVALID_TOKEN', field: 'token', message: 'This link is not valid, or your access to this hub has ended.' }] } } }) });
    expect(await screen.findByText(/your access to this hub has ended/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/hub/login');
    await user.click(screen.getByRole('link', { name: 'Forgot your password?' }));
    expect(await screen.findByRole('heading', { name: 'Forgot your password?' })).toBeInTheDocument();
  });
});

describe('HubForgotPasswordPage', () => {
  it('asks for the email and says the same whatever the answer', async () => {
    const user = userEvent.setup();
    const mock = createMockClient({ RequestHubPasswordReset: () => ({ data: { requestHubPasswordReset: { ok: true, errors: [] } } }) });
    render(<Wrapper client={mock.client}><TestSessionProvider viewer={null}><HubForgotPasswordPage /></TestSessionProvider></Wrapper>);
    await user.type(screen.getByLabelText('Email'), 'mette@fjord.example');
    await user.click(screen.getByRole('button', { name: 'Email me a link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('If mette@fjord.example has access to a customer hub');
    expect(mock.callsOf('RequestHubPasswordReset')[0]!.variables).toEqual({ input: { email: 'mette@fjord.example' } });
  });
});
