import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { AuthLayout } from './AuthLayout';
import { AcceptInvitationMutation, RequestPasswordResetMutation, ResetPasswordMutation } from './operations';
import { FormErrors, InputField } from '../ui/components';
import { describeError, splitErrors } from '../lib/errors';
import { useSession } from '../app/session';
import { useTitle } from '../lib/useTitle';

const noErrors = { byField: {} as Record<string, string>, general: [] as string[] };

export function ForgotPasswordPage() {
  useTitle('Reset your password');
  const [email, setEmail] = useState('');
  const [done, setDone] = useState(false);
  const [state, request] = useMutation(RequestPasswordResetMutation);
  const [errs, setErrs] = useState(noErrors);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await request({ input: { email } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    if (r.data!.requestPasswordReset.errors.length) return setErrs(splitErrors(r.data!.requestPasswordReset.errors, ['email']));
    setDone(true);
  }

  return (
    <AuthLayout title="Reset your password" subtitle="We will email you a link to choose a new one." foot={<Link to="/login">Back to sign in</Link>}>
      {done ? (
        <div className="alert alert-success" role="status">If an account exists for {email}, a reset link is on its way.</div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <FormErrors messages={errs.general} />
          <InputField label="Email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={errs.byField.email} autoComplete="email" />
          <button className="btn btn-primary btn-block" disabled={state.fetching}>{state.fetching ? 'Sending…' : 'Send reset link'}</button>
        </form>
      )}
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  useTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { resetSession } = useSession();
  const [password, setPassword] = useState('');
  const [state, reset] = useMutation(ResetPasswordMutation);
  const [errs, setErrs] = useState(noErrors);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await reset({ input: { token, password } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.resetPassword;
    if (p.errors.length) return setErrs(splitErrors(p.errors, ['password']));
    navigate(p.viewer?.kind === 'CONTACT' ? '/hub' : '/libraries', { replace: true });
    resetSession();
  }

  return (
    <AuthLayout title="Choose a new password" foot={<Link to="/login">Back to sign in</Link>}>
      {!token ? (
        <div className="alert alert-error" role="alert">This link is incomplete. Request a new one from <Link to="/forgot-password">the reset page</Link>.</div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <FormErrors messages={errs.general} />
          <InputField label="New password" type="password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errs.byField.password} autoComplete="new-password" hint="At least 10 characters." />
          <button className="btn btn-primary btn-block" disabled={state.fetching}>{state.fetching ? 'Saving…' : 'Save and sign in'}</button>
        </form>
      )}
    </AuthLayout>
  );
}

export function AcceptInvitationPage() {
  useTitle('Join your team');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { resetSession } = useSession();
  const [form, setForm] = useState({ firstName: '', lastName: '', password: '' });
  const [state, accept] = useMutation(AcceptInvitationMutation);
  const [errs, setErrs] = useState(noErrors);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await accept({ input: { token, ...form } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.acceptInvitation;
    if (p.errors.length) return setErrs(splitErrors(p.errors, ['firstName', 'lastName', 'password']));
    navigate('/libraries', { replace: true });
    resetSession();
  }

  return (
    <AuthLayout title="Join your team on Portico" subtitle="Set up your account to accept the invitation.">
      {!token ? (
        <div className="alert alert-error" role="alert">This invitation link is incomplete. Ask your admin to send it again.</div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <FormErrors messages={errs.general} />
          <div className="form-grid">
            <InputField label="First name" required value={form.firstName} onChange={set('firstName')} error={errs.byField.firstName} autoComplete="given-name" />
            <InputField label="Last name" required value={form.lastName} onChange={set('lastName')} error={errs.byField.lastName} autoComplete="family-name" />
          </div>
          <InputField label="Password" type="password" required value={form.password} onChange={set('password')} error={errs.byField.password} autoComplete="new-password" hint="At least 10 characters." />
          <button className="btn btn-primary btn-block" disabled={state.fetching}>{state.fetching ? 'Joining…' : 'Accept invitation'}</button>
        </form>
      )}
    </AuthLayout>
  );
}
