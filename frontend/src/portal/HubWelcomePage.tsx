import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useClient, useMutation } from 'urql';
import { RedeemHubLinkMutation, SetContactPasswordMutation } from './operations';
import { AuthLayout } from '../auth/AuthLayout';
import { FormErrors, InputField, Loading } from '../ui/components';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';
import { useSession } from '../app/session';
import { useTitle } from '../lib/useTitle';

type Redeemed = { ok: true; needsPassword: boolean; firstName: string } | { ok: false; message: string };

// A link token is redeemed once per page load, even if this page re-mounts (StrictMode, session reset).
const redeemed = new Map<string, Promise<Redeemed>>();

/** Landing page of the emailed hub link: redeem the token, optionally set a password, then the hub. */
export function HubWelcomePage() {
  useTitle('Welcome');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const client = useClient();
  const navigate = useNavigate();
  const { resetSession } = useSession();
  const [result, setResult] = useState<Redeemed | null>(null);
  const [password, setPassword] = useState('');
  const [errs, setErrs] = useState<SplitErrors>({ byField: {}, general: [] });
  const [st, setContactPassword] = useMutation(SetContactPasswordMutation);

  useEffect(() => {
    if (!token) return;
    let p = redeemed.get(token);
    if (!p) {
      p = client.mutation(RedeemHubLinkMutation, { input: { token } }).toPromise().then((r): Redeemed => {
        if (r.error) return { ok: false, message: describeError(r.error) };
        const d = r.data!.redeemHubLink;
        if (d.errors.length) return { ok: false, message: d.errors.map((e) => e.message).join(' ') };
        return { ok: true, needsPassword: d.needsPassword, firstName: d.viewer?.contact?.firstName ?? '' };
      });
      redeemed.set(token, p);
    }
    let live = true;
    p.then((r) => {
      if (!live) return;
      if (r.ok && !r.needsPassword) { navigate('/hub', { replace: true }); resetSession(); }
      else setResult(r);
    });
    return () => { live = false; };
  }, [token, client, navigate, resetSession]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await setContactPassword({ input: { password } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.setContactPassword;
    if (p.errors.length) return setErrs(splitErrors(p.errors, ['password']));
    navigate('/hub', { replace: true });
    resetSession();
  }

  if (!token) {
    return <AuthLayout title="Link incomplete"><p>This link is missing its code. Open the link from your email again, or <Link to="/hub/login">sign in</Link>.</p></AuthLayout>;
  }
  if (!result) return <AuthLayout title="Opening your hub…"><Loading label="Checking your link…" /></AuthLayout>;
  if (!result.ok) {
    return (
      <AuthLayout title="This link no longer works">
        <div className="stack">
          <div className="alert alert-error" role="alert">{result.message}</div>
          <p>If you already set a password, <Link to="/hub/login">sign in here</Link>. Otherwise ask the sender for a new link.</p>
        </div>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={`Welcome${result.firstName ? `, ${result.firstName}` : ''}`} subtitle="Choose a password so you can come back to your hub from any device.">
      <form className="stack" onSubmit={submit} noValidate>
        <FormErrors messages={errs.general} />
        <InputField label="Password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errs.byField.password} hint="At least 10 characters." />
        <button type="submit" className="btn btn-primary btn-block" disabled={st.fetching}>{st.fetching ? 'Saving…' : 'Set password and open hub'}</button>
      </form>
    </AuthLayout>
  );
}
