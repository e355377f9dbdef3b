import { useState, type FormEvent } from 'react';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import { USERS_ADMIN_PATH } from '@shared/sync/user-admin-protocol';
import { FieldError } from '../../components/FieldError';
import { useSessionApi } from '../../session/SessionContext';
import { TextField } from './FormFields';
import { checkNewUser, EMPTY_NEW_USER, type NewUserForm as Form } from './user-form';
import { RoleSelect, SitePicker } from './UserFields';
import { useSubmitState } from './useSubmitState';

/** Inputs that show their own problem; the role is a choice among valid ones. */
const INPUTS = ['username', 'fullName', 'email', 'siteIds', 'skills', 'password'];

/**
 * Adds a user with a first password, on the server (passwords never reach a device). The form is
 * checked whole first, so every invalid input is named at once; the server's refusals (a taken
 * username) show under their input too. The new user reaches this list, and every dispatcher's,
 * through the sync.
 */
export function NewUserForm({ sites }: { sites: readonly Site[] }) {
  const { api } = useSessionApi();
  const [form, setForm] = useState<Form>(EMPTY_NEW_USER);
  const { problems, setProblems, busy, run } = useSubmitState(INPUTS);
  const [added, setAdded] = useState<User>();
  const set = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(undefined);
    const checked = checkNewUser(form);
    if (!checked.ok) return setProblems(checked.problems);
    return run(async () => {
      setAdded(await api.request<User>(USERS_ADMIN_PATH, { method: 'POST', body: JSON.stringify(checked.doc) }));
      setForm(EMPTY_NEW_USER);
    });
  }

  return (
    <form className="card stack new-user" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-user-title">
      <h2 id="new-user-title">Add a user</h2>
      <TextField id="new-user-username" label="Username (they sign in with it)" autoComplete="off" value={form.username} problem={problems.username} onChange={(username) => set({ username })} />
      <TextField id="new-user-fullName" label="Full name" value={form.fullName} problem={problems.fullName} onChange={(fullName) => set({ fullName })} />
      <TextField id="new-user-email" label="Email" type="email" value={form.email} problem={problems.email} onChange={(email) => set({ email })} />
      <RoleSelect value={form.role} onChange={(role) => set({ role })} />
      <SitePicker legend="Sites" sites={sites} selected={form.siteIds} onChange={(siteIds) => set({ siteIds })} describedBy={problems.siteIds ? 'new-user-siteIds-error' : undefined} />
      <FieldError id="new-user-siteIds-error" message={problems.siteIds} />
      <TextField id="new-user-skills" label="Skills, separated by commas" value={form.skills} problem={problems.skills} onChange={(skills) => set({ skills })} />
      <TextField
        id="new-user-password"
        label="First password (at least 8 characters; tell them to keep it safe)"
        type="password"
        autoComplete="new-password"
        value={form.password}
        problem={problems.password}
        onChange={(password) => set({ password })}
      />
      <FieldError id="new-user-form-error" message={problems.form} />
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
