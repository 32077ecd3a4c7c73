import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ChangeMemberRoleMutation, DeactivateMemberMutation, InviteMemberMutation, MembersQuery } from './operations';
import { ErrorState, FormErrors, InputField, Loading, PageHeader, SelectField } from '../ui/components';
import { describeError, splitErrors, type SplitErrors } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTitle } from '../lib/useTitle';
import { useSession } from '../app/session';
import type { Role } from '../gql/graphql';

const ROLES: Role[] = ['ADMIN', 'MANAGER', 'MEMBER'];
const roleLabel = (r: Role) => r[0] + r.slice(1).toLowerCase();

export function MembersPage() {
  useTitle('Members');
  const { viewer } = useSession();
  const [res, refetch] = useQuery({ query: MembersQuery });
  const [inv, invite] = useMutation(InviteMemberMutation);
  const [, changeRole] = useMutation(ChangeMemberRoleMutation);
  const [, deactivate] = useMutation(DeactivateMemberMutation);
  const [form, setForm] = useState({ email: '', role: 'MEMBER' as Role, isAccountManager: true });
  const [errs, setErrs] = useState<SplitErrors>({ byField: {}, general: [] });
  const [rowError, setRowError] = useState<string[]>([]);
  const [invited, setInvited] = useState('');
  const reload = () => refetch({ requestPolicy: 'network-only' });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setInvited('');
    const r = await invite({ input: { email: form.email.trim(), role: form.role, isAccountManager: form.isAccountManager } });
    if (r.error) return setErrs({ byField: {}, general: [describeError(r.error)] });
    const p = r.data!.inviteMember;
    setErrs(splitErrors(p.errors, ['email', 'role', 'isAccountManager']));
    if (!p.errors.length) { setInvited(form.email); setForm({ ...form, email: '' }); reload(); }
  }

  async function act(p: Promise<{ error?: Parameters<typeof describeError>[0]; data?: Record<string, { errors: { message: string }[] }> }>, key: string) {
    const r = await p;
    if (r.error) return setRowError([describeError(r.error)]);
    setRowError(r.data?.[key]?.errors.map((e) => e.message) ?? []);
    reload();
  }

  const pending = res.data?.invitations.filter((i) => !i.acceptedAt) ?? [];

  return (
    <>
      <PageHeader title="Members" description="Staff of your organization: roles, account managers, invitations." />
      <div className="grid-2">
        <section className="card" aria-labelledby="members-h">
          <div className="card-header"><h2 id="members-h">Team</h2></div>
          <FormErrors messages={rowError} />
          {res.error && !res.data ? <div className="card-body"><ErrorState message={describeError(res.error)} onRetry={reload} /></div> : !res.data ? <Loading /> : (
            <div className="table-wrap">
              <table className="table responsive">
                <thead><tr><th>Name</th><th>Role</th><th>Account manager</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
                <tbody>
                  {res.data.members.edges.map(({ node: m }) => {
                    const self = m.id === viewer?.member?.id;
                    return (
                      <tr key={m.id} style={m.isActive ? undefined : { opacity: 0.55 }}>
                        <td className="primary"><strong>{m.fullName}</strong>{!m.isActive && <> <span className="badge">Deactivated</span></>}<div className="muted small">{m.email}</div></td>
                        <td data-label="Role">
                          <label className="visually-hidden" htmlFor={`role-${m.id}`}>Role of {m.fullName}</label>
                          <select id={`role-${m.id}`} className="select" value={m.role ?? ''} disabled={self || !m.isActive || !m.role} onChange={(e) => act(changeRole({ input: { memberId: m.id, role: e.target.value as Role } }), 'changeMemberRole')}>
                            {ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
                          </select>
                        </td>
                        <td data-label="Account manager">
                          <label className="check">
                            <input type="checkbox" checked={!!m.isAccountManager} disabled={!m.isActive || !m.role} onChange={(e) => m.role && act(changeRole({ input: { memberId: m.id, role: m.role, isAccountManager: e.target.checked } }), 'changeMemberRole')} />
                            <span className="visually-hidden">{m.fullName} is account manager</span>
                            <span aria-hidden="true">{m.isAccountManager ? 'Yes' : 'No'}</span>
                          </label>
                        </td>
                        <td className="num">
                          {!self && m.isActive && (
                            <button type="button" className="btn btn-sm btn-danger" onClick={() => { if (window.confirm(`Deactivate ${m.fullName}? They can no longer sign in.`)) void act(deactivate({ input: { memberId: m.id } }), 'deactivateMember'); }}>Deactivate</button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <div className="stack">
          <form className="card" onSubmit={submit} noValidate aria-labelledby="invite-h">
            <div className="card-header"><h2 id="invite-h">Invite a member</h2></div>
            <div className="card-body stack">
              <FormErrors messages={errs.general} />
              {invited && <div className="alert alert-success" role="status">Invitation sent to {invited}.</div>}
              <InputField label="Email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={errs.byField.email} />
              <SelectField label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })} error={errs.byField.role}>
                {ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
              </SelectField>
              <label className="check"><input type="checkbox" checked={form.isAccountManager} onChange={(e) => setForm({ ...form, isAccountManager: e.target.checked })} /> Account manager</label>
              <div><button type="submit" className="btn btn-primary" disabled={inv.fetching}>{inv.fetching ? 'Sending…' : 'Send invitation'}</button></div>
            </div>
          </form>
          <section className="card" aria-labelledby="pending-h">
            <div className="card-header"><h2 id="pending-h">Pending invitations</h2></div>
            {pending.length === 0 ? <div className="card-body muted">None.</div> : (
              <ul className="list">
                {pending.map((i) => (
                  <li key={i.id}><strong>{i.email}</strong><div className="muted small">{roleLabel(i.role)}{i.isAccountManager ? ' · account manager' : ''} · expires {formatDate(i.expiresAt)}</div></li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
