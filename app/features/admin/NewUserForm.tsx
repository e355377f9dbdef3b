import { useState, type FormEvent } from 'react';
import type { Role } from '@shared/schemas/common';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import { USERS_ADMIN_PATH, type NewUserInput } from '@shared/sync/user-admin-protocol';
import { FieldError } from '../../components/FieldError';
import { useSessionApi } from '../../session/SessionContext';
import { parseSkills } from './user-form';
import { RoleSelect, SitePicker } from './UserFields';
import { useSubmitState } from './useSubmitState';

type Form = { username: string; fullName: string; email: string; role: Role; siteIds: string[]; skills: string; password: string };
const EMPTY: Form = { username: '', fullName: '', email: '', role: 'engineer', siteIds: [], skills: '', password: '' };

/**
 * Adds a user with a first password, on the server (passwords never reach a device). The new
 * user reaches this list, and every dispatcher's, through the sync.
 */
export function NewUserForm({ sites }: { sites: readonly Site[] }) {
  const { api } = useSessionApi();
  const [form, setForm] = useState<Form>(EMPTY);
  const { problem, busy, run } = useSubmitState();
  const [added, setAdded] = useState<User>();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));
  const errorId = (field: string) => `new-user-${field}-error`;
  const invalid = (field: string) => ({ 'aria-invalid': problem?.field === field || undefined, 'aria-describedby': problem?.field === field ? errorId(field) : undefined });
  const errorFor = (field: string) => <FieldError id={errorId(field)} message={problem?.field === field ? problem.message : undefined} />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(undefined);
    return run(async () => {
      const input: NewUserInput = { ...form, username: form.username.trim().toLowerCase(), fullName: form.fullName.trim(), email: form.email.trim(), skills: parseSkills(form.skills) };
      setAdded(await api.request<User>(USERS_ADMIN_PATH, { method: 'POST', body: JSON.stringify(input) }));
      setForm(EMPTY);
    });
  }

  return (
    <form className="card stack new-user" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-user-title">
      <h2 id="new-user-title">Add a user</h2>
      <label>
        Username (they sign in with it)
        <input value={form.username} autoComplete="off" onChange={(event) => set('username', event.target.value)} {...invalid('username')} />
      </label>
      {errorFor('username')}
      <label>
        Full name
        <input value={form.fullName} onChange={(event) => set('fullName', event.target.value)} {...invalid('fullName')} />
      </label>
      {errorFor('fullName')}
      <label>
        Email
        <input type="email" value={form.email} onChange={(event) => set('email', event.target.value)} {...invalid('email')} />
      </label>
      {errorFor('email')}
      <RoleSelect value={form.role} onChange={(role) => set('role', role)} />
      <SitePicker legend="Sites" sites={sites} selected={form.siteIds} onChange={(siteIds) => set('siteIds', siteIds)} describedBy={problem?.field === 'siteIds' ? errorId('siteIds') : undefined} />
      {errorFor('siteIds')}
      <label>
        Skills, separated by commas
        <input value={form.skills} onChange={(event) => set('skills', event.target.value)} {...invalid('skills')} />
      </label>
      {errorFor('skills')}
      <label>
        First password (at least 8 characters; tell them to keep it safe)
        <input type="password" autoComplete="new-password" value={form.password} onChange={(event) => set('password', event.target.value)} {...invalid('password')} />
      </label>
      {errorFor('password')}
      {errorFor('form')}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Adding…' : 'Add user'}
      </button>
      {added && (
        <p role="status" data-testid="user-added">
          Added {added.fullName}: they can sign in as <strong>{added.username}</strong> now.
        </p>
      )}
    </form>
  );
}
