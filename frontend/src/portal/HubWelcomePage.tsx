import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useClient, useMutation } from 'urql';
import { HubLinkLogInMutation, RedeemHubLinkMutation, RequestHubSignInCodeMutation, SetContactPasswordMutation, SignInWithHubCodeMutation } from './operations';
import { AuthLayout } from '../auth/AuthLayout';
import { FormErrors, InputField, Loading } from '../ui/components';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';
import { useSession } from '../app/session';
import { useTitle } from '../lib/useTitle';

/** What opening the personal link said: signed in (maybe still without a password), or "show it is you". */
type Opened =
  | { kind: 'signedIn'; needsPassword: boolean; firstName: string }
  | { kind: 'verify'; firstName: string; organizationName: string; hasPassword: boolean }
  | { kind: 'invalid'; message: string };

// A link is opened once per page load, even if this page re-mounts (StrictMode, session reset): its first use
// signs in, and a second call would answer "verify" instead.
const opened = new Map<string, Promise<Opened>>();

const noErrors: SplitErrors = { byField: {}, general: [] };

/**
 * Landing page of the personal hub link in every share email. It works for as long as the contact has hub access:
 * signed in (or the link's first use) → the hub, after choosing a password if they have none; on a device that is
 * not signed in → their password or a code emailed to them. Never a dead end for a contact who has access.
 */
export function HubWelcomePage() {
  useTitle('Your hub');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const client = useClient();
  const navigate = useNavigate();
  const { resetSession } = useSession();
  const [result, setResult] = useState<Opened | null>(null);

  useEffect(() => {
    if (!token) return;
    let p = opened.get(token);
    if (!p) {
      p = client.mutation(RedeemHubLinkMutation, { input: { token } }).toPromise().then((r): Opened => {
        if (r.error) return { kind: 'invalid', message: describeError(r.error) };
        const d = r.data!.redeemHubLink;
        if (d.errors.length || !d.state) return { kind: 'invalid', message: d.errors.map((e) => e.message).join(' ') };
        if (d.state === 'SIGNED_IN') return { kind: 'signedIn', needsPassword: d.needsPassword, firstName: d.firstName ?? '' };
        return { kind: 'verify', firstName: d.firstName ?? '', organizationName: d.organizationName ?? '', hasPassword: d.hasPassword };
      });
      opened.set(token, p);
    }
    let live = true;
    p.then((r) => {
      if (!live) return;
      if (r.kind === 'signedIn' && !r.needsPassword) { navigate('/hub', { replace: true }); resetSession(); }
      else setResult(r);
    });
    return () => { live = false; };
  }, [token, client, navigate, resetSession]);

  const enterHub = () => { navigate('/hub', { replace: true }); resetSession(); };

  if (!token) {
    return (
      <AuthLayout title="Link incomplete">
        <p>This link is missing its code. Open the link from your email again, or <Link to="/hub/login">sign in</Link>.</p>
      </AuthLayout>
    );
  }
  if (!result) return <AuthLayout title="Opening your hub…"><Loading label="Checking your link…" /></AuthLayout>;
  if (result.kind === 'invalid') return <InvalidLink message={result.message} />;
  if (result.kind === 'signedIn') return <ChoosePassword firstName={result.firstName} onDone={enterHub} />;
  return <Verify token={token} opened={result} onDone={enterHub} />;
}

function InvalidLink({ message }: { message: string }) {
  return (
    <AuthLayout title="We could not open this link" foot={<>Staff member? <Link to="/login">Staff sign-in</Link></>}>
      <div className="stack">
        <div className="alert alert-error" role="alert">{message}</div>
        <p>If you still have access to your hub, sign in with your email address and password, or choose a new password.</p>
        <div className="row">
          <Link className="btn btn-primary" to="/hub/login">Sign in</Link>
          <Link className="btn" to="/hub/forgot-password">Forgot your password?</Link>
        </div>
      </div>
    </AuthLayout>
  );
}

/** First use of the link, no password yet: suggest one, but the link keeps working without it. */
function ChoosePassword({ firstName, onDone }: { firstName: string; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [errs, setErrs] = useState<SplitErrors>(noErrors);
  const [st, setContactPassword] = useMutation(SetContactPasswordMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await setContactPassword({ input: { password } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.setContactPassword;
    if (p.errors.length) return setErrs(splitErrors(p.errors, ['password']));
    onDone();
  }

  return (
    <AuthLayout title={`Welcome${firstName ? `, ${firstName}` : ''}`} subtitle="Choose a password to sign in to your hub from any device. Your link keeps working too: on a new device we email you a sign-in code.">
      <form className="stack" onSubmit={submit} noValidate>
        <FormErrors messages={errs.general} />
        <InputField label="Password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errs.byField.password} hint="At least 10 characters." />
        <button type="submit" className="btn btn-primary btn-block" disabled={st.fetching}>{st.fetching ? 'Saving…' : 'Set password and open hub'}</button>
        <button type="button" className="btn btn-block" onClick={onDone}>Not now, open my hub</button>
      </form>
    </AuthLayout>
  );
}

/** The link was used before, and this device is not signed in: the contact's password, or an emailed code. */
function Verify({ token, opened: o, onDone }: { token: string; opened: Extract<Opened, { kind: 'verify' }>; onDone: () => void }) {
  const [mode, setMode] = useState<'choose' | 'code'>(o.hasPassword ? 'choose' : 'code');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errs, setErrs] = useState<SplitErrors>(noErrors);
  const [logInState, logIn] = useMutation(HubLinkLogInMutation);
  const [codeState, requestCode] = useMutation(RequestHubSignInCodeMutation);
  const [signInState, signInWithCode] = useMutation(SignInWithHubCodeMutation);

  async function sendCode() {
    setErrs(noErrors);
    const r = await requestCode({ input: { token } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.requestHubSignInCode;
    if (p.errors.length) return setErrs(splitErrors(p.errors, []));
    setSentTo(p.sentTo ?? null);
    setMode('code');
  }

  async function submitPassword(e: FormEvent) {
    e.preventDefault();
    const r = await logIn({ input: { token, password } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.hubLinkLogIn;
    if (p.errors.length) return setErrs(splitErrors(p.errors, ['password']));
    onDone();
  }

  async function submitCode(e: FormEvent) {
    e.preventDefault();
    const r = await signInWithCode({ input: { token, code } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.signInWithHubCode;
    if (p.errors.length) return setErrs(splitErrors(p.errors, ['code']));
    onDone();
  }

  const title = `Welcome back${o.firstName ? `, ${o.firstName}` : ''}`;
  const subtitle = `This device is not signed in to ${o.organizationName ? `the ${o.organizationName} hub` : 'your hub'} yet. Show us it is you, once.`;
  return (
    <AuthLayout title={title} subtitle={subtitle} foot={<Link to="/hub/forgot-password">Forgot your password?</Link>}>
      <div className="stack">
        <FormErrors messages={errs.general} />
        {mode === 'choose' && (
          <>
            <form className="stack" onSubmit={submitPassword} noValidate>
              <InputField label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errs.byField.password} />
              <button type="submit" className="btn btn-primary btn-block" disabled={logInState.fetching}>{logInState.fetching ? 'Signing in…' : 'Sign in'}</button>
            </form>
            <div className="or-divider muted small" role="separator">or</div>
            <button type="button" className="btn btn-block" onClick={sendCode} disabled={codeState.fetching}>{codeState.fetching ? 'Sending…' : 'Email me a sign-in code'}</button>
          </>
        )}
        {mode === 'code' && !sentTo && (
          <>
            <p>We will email a 6-digit sign-in code to your address. It is valid for 10 minutes.</p>
            <button type="button" className="btn btn-primary btn-block" onClick={sendCode} disabled={codeState.fetching}>{codeState.fetching ? 'Sending…' : 'Email me a sign-in code'}</button>
          </>
        )}
        {mode === 'code' && sentTo && (
          <form className="stack" onSubmit={submitCode} noValidate>
            <div className="alert alert-success" role="status">We sent a code to {sentTo}. It is valid for 10 minutes.</div>
            <InputField label="Sign-in code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required value={code} onChange={(e) => setCode(e.target.value)} error={errs.byField.code} />
            <button type="submit" className="btn btn-primary btn-block" disabled={signInState.fetching}>{signInState.fetching ? 'Signing in…' : 'Sign in'}</button>
            <button type="button" className="btn btn-block" onClick={sendCode} disabled={codeState.fetching}>Send a new code</button>
          </form>
        )}
        {mode === 'code' && o.hasPassword && (
          <button type="button" className="link-btn small" onClick={() => { setErrs(noErrors); setMode('choose'); }}>Use my password instead</button>
        )}
      </div>
    </AuthLayout>
  );
}
