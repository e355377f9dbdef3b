import type { FormEvent } from 'react';
import { Navigate } from 'react-router';
import { map } from 'rxjs';
import type { Category } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import { FieldError } from '../../components/FieldError';
import { formatDay, formatTime } from '../../components/format';
import { useObservable } from '../../components/useObservable';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { useSession } from '../../session/SessionContext';
import { AssignmentRulesSection } from './AssignmentRulesSection';
import { EscalationRulesSection } from './EscalationRulesSection';
import { useRuleSet } from './useRuleSet';
import './admin.css';

const byName = <D extends { name: string }>(a: D, b: D) => a.name.localeCompare(b.name);

/**
 * `/admin/rules`: who the SLA alerts reach, and which engineer a new ticket goes to. The rules are
 * kept on the server only (one settings document; the device's database has no room for another
 * synced collection), so this screen needs a connection: offline it says so and keeps the edits.
 */
export function RulesPage() {
  const session = useSession();
  const online = useObservable(() => session.sync.status$.pipe(map((status) => status.online)), [session], session.sync.status$.getValue().online);
  const { loading, draft, setDraft, problems, stale, savedAt, attempts, busy, save, reload } = useRuleSet(online);
  const people = useLiveQuery((db) => db.users.find().$.pipe(map((docs) => docs.map((doc) => toDomain<User>(doc.toJSON())).sort((a, b) => a.fullName.localeCompare(b.fullName)))), [], [] as User[]);
  const sites = useLiveQuery((db) => db.sites.find().$.pipe(map((docs) => docs.map((doc) => toDomain<Site>(doc.toJSON())).sort(byName))), [], [] as Site[]);
  const categories = useLiveQuery((db) => db.categories.find().$.pipe(map((docs) => docs.map((doc) => toDomain<Category>(doc.toJSON())).sort(byName))), [], [] as Category[]);
  if (session.user.role !== 'admin') return <Navigate to="/" replace />;

  const engineers = people.filter((person) => person.role === 'engineer' && person.active);
  const offline = !online || loading.phase === 'offline';
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save();
  }

  return (
    <div className="rules-admin">
      <h1>Rules</h1>
      {offline && (
        <p className="notice" role="status" data-testid="rules-offline">
          You are offline. The rules are kept on the server only, so this screen needs a connection to load and save them.
          {draft ? ' Your edits stay in this form until you save them.' : ' They load when you are back online.'}
        </p>
      )}
      {loading.phase === 'loading' && <p className="muted">Loading the rules…</p>}
      {loading.phase === 'failed' && (
        <p className="field-error" role="alert">
          The rules could not be loaded: {loading.message}{' '}
          <button type="button" onClick={() => void reload()}>
            Try again
          </button>
        </p>
      )}
      {draft && (
        <form className="stack" onSubmit={submit} noValidate aria-label="Rules" data-save-attempts={attempts}>
          <EscalationRulesSection escalation={draft.escalation} people={people} problems={problems} onChange={(escalation) => setDraft({ ...draft, escalation })} />
          <AssignmentRulesSection rules={draft.assignment} engineers={engineers} sites={sites} categories={categories} problems={problems} onChange={(assignment) => setDraft({ ...draft, assignment })} />
          <div className="card stack rules-admin__save">
            {stale && (
              <p className="field-error" role="alert" data-testid="rules-stale">
                Someone else saved the rules since you opened them, so yours were not saved (theirs would be lost). Your edits are still here.{' '}
                <button type="button" onClick={() => void reload()}>
                  Load their rules (drops your edits)
                </button>
              </p>
            )}
            {offline && <p className="notice">Offline: saving needs a connection. Your edits stay here.</p>}
            <FieldError id="rules-form-error" message={problems.form ?? problems.revision} />
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save rules'}
            </button>
            {savedAt && (
              <p role="status" data-testid="rules-saved">
                Saved at {formatDay(savedAt)} {formatTime(savedAt)}. New tickets and SLA alerts follow these rules from now on.
              </p>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
