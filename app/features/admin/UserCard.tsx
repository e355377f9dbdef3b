import { useState, type FormEvent } from 'react';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import { USERS_ADMIN_PATH } from '@shared/sync/user-admin-protocol';
import { FieldError } from '../../components/FieldError';
import { ROLE_LABELS } from '../../components/labels';
import { saveDocument } from '../../db/writes';
import { useSession, useSessionApi } from '../../session/SessionContext';
import { editedOver } from './form-edits';
import { parseSkills } from './user-form';
import { RoleSelect, SitePicker } from './UserFields';
import { useSubmitState } from './useSubmitState';

/** One user of the directory: the details (a synced edit, offline too) and a new password (online). */
export function UserCard({ user, sites }: { user: User; sites: readonly Site[] }) {
  const siteNames = user.siteIds.map((id) => sites.find((site) => site.id === id)?.code ?? id).join(', ');
  return (
    <details className="card user-card" data-testid="user-card" data-username={user.username}>
      <summary>
        <strong>{user.fullName}</strong> <span className="muted">{user.username}</span> · {ROLE_LABELS[user.role]}
        {siteNames && <span className="muted"> · {siteNames}</span>}
        {!user.active && <span className="badge"> Deactivated</span>}
      </summary>
      <UserDetailsForm user={user} sites={sites} />
      <PasswordForm user={user} />
    </details>
  );
}

/** The details' inputs that show their own problem (every local-write problem at once). */
const DETAIL_INPUTS = ['fullName', 'email', 'siteIds', 'skills'];

/** What the details form edits, as the user is now. */
function detailsOf(user: User) {
  return { fullName: user.fullName, email: user.email, role: user.role, siteIds: user.siteIds, skills: user.skills.join(', '), active: user.active };
}

function UserDetailsForm({ user, sites }: { user: User; sites: readonly Site[] }) {
  const { db, user: me } = useSession();
  const [opened] = useState(() => detailsOf(user));
  const [form, setForm] = useState(opened);
  const { problems, run } = useSubmitState(DETAIL_INPUTS);
  const [saved, setSaved] = useState(false);
  const isMe = user.id === me.id;
  const errorId = (field: string) => `${user.id}-${field}-error`;
  const errorFor = (field: string) => <FieldError id={errorId(field)} message={problems[field]} />;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    return run(async () => {
      const details = editedOver(detailsOf(user), opened, form);
      await saveDocument(db, 'users', { ...user, ...details, fullName: details.fullName.trim(), email: details.email.trim(), skills: parseSkills(details.skills) });
      setSaved(true);
    });
  }

  return (
    <form className="stack" onSubmit={(event) => void save(event)} noValidate>
      <label>
        Full name
        <input value={form.fullName} onChange={(event) => setForm({ ...form, fullName: event.target.value })} aria-describedby={errorId('fullName')} />
      </label>
      {errorFor('fullName')}
      <label>
        Email
        <input type="email" value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} aria-describedby={errorId('email')} />
      </label>
      {errorFor('email')}
      {/* An admin cannot lock themselves out: their own role and access stay as they are. */}
      <RoleSelect value={form.role} disabled={isMe} onChange={(role) => setForm({ ...form, role })} />
      <SitePicker legend="Sites" sites={sites} selected={form.siteIds} onChange={(siteIds) => setForm({ ...form, siteIds })} />
      {errorFor('siteIds')}
      <label>
        Skills, separated by commas
        <input value={form.skills} onChange={(event) => setForm({ ...form, skills: event.target.value })} />
      </label>
      {errorFor('skills')}
      <label className="checkbox">
        <input type="checkbox" checked={form.active} disabled={isMe} onChange={(event) => setForm({ ...form, active: event.target.checked })} />
        Active (a deactivated user is signed out at once and cannot sign in)
      </label>
      {errorFor('form')}
      <button type="submit">Save details</button>
      {saved && <p role="status">Saved; it syncs to the server and to every device.</p>}
    </form>
  );
}

function PasswordForm({ user }: { user: User }) {
  const { api } = useSessionApi();
  const [password, setPassword] = useState('');
  const { problems, busy, run } = useSubmitState(['password']);
  const problem = problems.password ?? problems.form;
  const [done, setDone] = useState(false);
  const errorId = `${user.id}-password-error`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    return run(async () => {
      await api.request(`${USERS_ADMIN_PATH}/${encodeURIComponent(user.id)}/password`, { method: 'PUT', body: JSON.stringify({ password }) });
      setPassword('');
      setDone(true);
    });
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <label>
        New password (at least 8 characters)
        <input type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={errorId} />
      </label>
      <FieldError id={errorId} message={problem} />
      <button type="submit" disabled={busy || password.length === 0}>
        {busy ? 'Setting…' : 'Set new password'}
      </button>
      {done && <p role="status">New password set; {user.fullName} was signed out on every device.</p>}
    </form>
  );
}
