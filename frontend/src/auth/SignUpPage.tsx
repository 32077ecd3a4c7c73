import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { AuthLayout } from './AuthLayout';
import { SignUpMutation } from './operations';
import { FormErrors, InputField } from '../ui/components';
import { describeError, splitErrors } from '../lib/errors';
import { useSession } from '../app/session';
import { useTitle } from '../lib/useTitle';

const FIELDS = ['organizationName', 'firstName', 'lastName', 'email', 'password'];

export function SignUpPage() {
  useTitle('Create your organization');
  const navigate = useNavigate();
  const { resetSession } = useSession();
  const [form, setForm] = useState({ organizationName: '', firstName: '', lastName: '', email: '', password: '' });
  const [state, signUp] = useMutation(SignUpMutation);
  const [errs, setErrs] = useState<ReturnType<typeof splitErrors>>({ byField: {}, general: [] });
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await signUp({ input: form });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    if (r.data!.signUp.errors.length) return setErrs(splitErrors(r.data!.signUp.errors, FIELDS));
    navigate('/libraries', { replace: true });
    resetSession();
  }

  return (
    <AuthLayout title="Create your organization" subtitle="You will be its first admin." foot={<>Already have an account? <Link to="/login">Sign in</Link></>}>
      <form className="stack" onSubmit={submit} noValidate>
        <FormErrors messages={errs.general} />
        <InputField label="Organization name" required value={form.organizationName} onChange={set('organizationName')} error={errs.byField.organizationName} autoComplete="organization" />
        <div className="form-grid">
          <InputField label="First name" required value={form.firstName} onChange={set('firstName')} error={errs.byField.firstName} autoComplete="given-name" />
          <InputField label="Last name" required value={form.lastName} onChange={set('lastName')} error={errs.byField.lastName} autoComplete="family-name" />
        </div>
        <InputField label="Work email" type="email" required value={form.email} onChange={set('email')} error={errs.byField.email} autoComplete="email" />
        <InputField label="Password" type="password" required value={form.password} onChange={set('password')} error={errs.byField.password} autoComplete="new-password" hint="At least 10 characters." />
        <button className="btn btn-primary btn-block" type="submit" disabled={state.fetching}>{state.fetching ? 'Creating…' : 'Create organization'}</button>
      </form>
    </AuthLayout>
  );
}
