import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { AuthLayout } from './AuthLayout';
import { LogInMutation } from './operations';
import { FormErrors, InputField } from '../ui/components';
import { providerError } from './providerError';
import { describeError, splitErrors } from '../lib/errors';
import { useSession } from '../app/session';
import { useTitle } from '../lib/useTitle';

export function safeNext(next: string | null, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

export function LogInPage() {
  useTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { viewer, resetSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [state, logIn] = useMutation(LogInMutation);
  const [errs, setErrs] = useState<ReturnType<typeof splitErrors>>({ byField: {}, general: [] });

  if (viewer?.kind === 'MEMBER') return <Navigate to={safeNext(params.get('next'), '/libraries')} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await logIn({ input: { email, password } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.logIn;
    if (p.errors.length) return setErrs(splitErrors(p.errors, ['email', 'password']));
    navigate(safeNext(params.get('next'), '/libraries'), { replace: true });
    resetSession();
  }

  return (
    <AuthLayout
      title="Sign in to Portico"
      subtitle="Staff sign-in. Customers use the link in their email."
      foot={<>New to Portico? <Link to="/signup">Create an organization</Link></>}
    >
      <form className="stack" onSubmit={submit} noValidate>
        <FormErrors messages={errs.general.length ? errs.general : [providerError(params.get('error'))].filter((m): m is string => !!m)} />
        <InputField label="Email" type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={errs.byField.email} />
        <InputField label="Password" type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errs.byField.password} />
        <button className="btn btn-primary btn-block" type="submit" disabled={state.fetching}>{state.fetching ? 'Signing in…' : 'Sign in'}</button>
        <div className="row between small">
          <Link to="/forgot-password">Forgot password?</Link>
          <Link to="/hub/login">Customer sign-in</Link>
        </div>
      </form>
    </AuthLayout>
  );
}
