import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { HubLogInMutation } from './operations';
import { AuthLayout } from '../auth/AuthLayout';
import { safeNext } from '../auth/LogInPage';
import { providerError } from '../auth/providerError';
import { FormErrors, InputField } from '../ui/components';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';
import { useSession } from '../app/session';
import { useTitle } from '../lib/useTitle';

export function HubLogInPage() {
  useTitle('Sign in to your hub');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { viewer, resetSession } = useSession();
  const [form, setForm] = useState({ email: '', password: '' });
  const [errs, setErrs] = useState<SplitErrors>({ byField: {}, general: [] });
  const [st, hubLogIn] = useMutation(HubLogInMutation);
  const next = safeNext(params.get('next'), '/hub');

  if (viewer?.kind === 'CONTACT') return <Navigate to={next.startsWith('/hub') ? next : '/hub'} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await hubLogIn({ input: form });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.hubLogIn;
    if (p.errors.length) return setErrs(splitErrors(p.errors, ['email', 'password']));
    navigate(next.startsWith('/hub') ? next : '/hub', { replace: true });
    resetSession();
  }

  return (
    <AuthLayout title="Sign in to your hub" subtitle="For customers: use the email your documents were sent to." foot={<>Staff member? <Link to="/login">Staff sign-in</Link></>}>
      <form className="stack" onSubmit={submit} noValidate>
        <FormErrors messages={errs.general.length ? errs.general : [providerError(params.get('error'))].filter((m): m is string => !!m)} />
        <InputField label="Email" type="email" autoComplete="username" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={errs.byField.email} />
        <InputField label="Password" type="password" autoComplete="current-password" required value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} error={errs.byField.password} />
        <button type="submit" className="btn btn-primary btn-block" disabled={st.fetching}>{st.fetching ? 'Signing in…' : 'Sign in'}</button>
        <div className="small"><Link to="/hub/forgot-password">Forgot your password?</Link></div>
      </form>
    </AuthLayout>
  );
}
