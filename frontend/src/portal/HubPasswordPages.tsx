import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { RequestHubPasswordResetMutation, ResetHubPasswordMutation } from './operations';
import { AuthLayout } from '../auth/AuthLayout';
import { FormErrors, InputField } from '../ui/components';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';
import { useSession } from '../app/session';
import { useTitle } from '../lib/useTitle';

const noErrors: SplitErrors = { byField: {}, general: [] };

/** A customer contact forgot their hub password (staff have their own page, /forgot-password). */
export function HubForgotPasswordPage() {
  useTitle('Forgot your password?');
  const [email, setEmail] = useState('');
  const [done, setDone] = useState(false);
  const [state, request] = useMutation(RequestHubPasswordResetMutation);
  const [errs, setErrs] = useState(noErrors);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await request({ input: { email } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.requestHubPasswordReset;
    if (p.errors.length) return setErrs(splitErrors(p.errors, ['email']));
    setDone(true);
  }

  return (
    <AuthLayout title="Forgot your password?" subtitle="For customers: enter the email address your documents were sent to, and we email you a link to choose a new password." foot={<Link to="/hub/login">Back to sign in</Link>}>
      {done ? (
        <div className="alert alert-success" role="status">If {email} has access to a customer hub, a link to choose a new password is on its way. It is valid for 60 minutes.</div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <FormErrors messages={errs.general} />
          <InputField label="Email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={errs.byField.email} autoComplete="email" />
          <button className="btn btn-primary btn-block" disabled={state.fetching}>{state.fetching ? 'Sending…' : 'Email me a link'}</button>
        </form>
      )}
    </AuthLayout>
  );
}

/** The emailed link: a new password, then the hub. */
export function HubResetPasswordPage() {
  useTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { resetSession } = useSession();
  const [password, setPassword] = useState('');
  const [state, reset] = useMutation(ResetHubPasswordMutation);
  const [errs, setErrs] = useState(noErrors);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await reset({ input: { token, password } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.resetHubPassword;
    if (p.errors.length) return setErrs(splitErrors(p.errors, ['password']));
    navigate('/hub', { replace: true });
    resetSession();
  }

  return (
    <AuthLayout title="Choose a new password" subtitle="For your customer hub." foot={<Link to="/hub/login">Back to sign in</Link>}>
      {!token ? (
        <div className="alert alert-error" role="alert">This link is incomplete. Ask for a new one on <Link to="/hub/forgot-password">the forgot password page</Link>.</div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <FormErrors messages={errs.general} />
          {errs.general.length > 0 && <p className="small"><Link to="/hub/forgot-password">Ask for a new link</Link></p>}
          <InputField label="New password" type="password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errs.byField.password} autoComplete="new-password" hint="At least 10 characters." />
          <button className="btn btn-primary btn-block" disabled={state.fetching}>{state.fetching ? 'Saving…' : 'Save and open my hub'}</button>
        </form>
      )}
    </AuthLayout>
  );
}
