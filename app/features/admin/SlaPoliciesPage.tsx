import { useState, type FormEvent } from 'react';
import { map } from 'rxjs';
import type { SlaPolicy } from '@shared/schemas/misc';
import { FieldError } from '../../components/FieldError';
import { PRIORITY_LABELS } from '../../components/labels';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { TextField } from './FormFields';
import { checkPolicy, policyInputOf, type PolicyInput } from './policy-form';
import { useSyncedSave } from './useSyncedSave';

/**
 * SLA policies and their calendars (business hours, holidays) for admins. A save is a local write
 * that syncs like any other; the server then recomputes the due times of the open tickets under it.
 */
export function SlaPoliciesPage() {
  const policies = useLiveQuery(
    (db) => db.slaPolicies.find().$.pipe(map((docs) => docs.map((doc) => toDomain<SlaPolicy>(doc.toJSON())).sort((a, b) => a.name.localeCompare(b.name)))),
    [],
    [] as SlaPolicy[],
  );
  return (
    <>
      <h1>SLA policies</h1>
      <p className="muted">Targets are business minutes on each site’s time zone. No hours means the clock runs 24×7.</p>
      {policies.map((policy) => (
        <PolicyCard key={policy.id} policy={policy} />
      ))}
    </>
  );
}

function PolicyCard({ policy }: { policy: SlaPolicy }) {
  const { db } = useSession();
  const [input, setInput] = useState<PolicyInput>(() => policyInputOf(policy));
  const { problems, saved, save } = useSyncedSave();
  const id = (field: string) => `${policy.id}-${field}`;
  const set = (patch: Partial<PolicyInput>) => setInput((current) => ({ ...current, ...patch }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await save(checkPolicy(input, policy, new Date()), (doc) => saveDocument(db, 'slaPolicies', doc));
  }

  return (
    <form className="card sla-policy stack" onSubmit={(event) => void submit(event)} noValidate data-testid="sla-policy" data-id={policy.id}>
      <h2>
        {policy.name} <span className="count">· {PRIORITY_LABELS[policy.priority]}</span>
      </h2>
      <TextField id={id('name')} label="Name" value={input.name} problem={problems.name} onChange={(name) => set({ name })} />
      <TextField id={id('response')} label="Response target (business minutes)" inputMode="numeric" value={input.response} problem={problems.responseMinutes} onChange={(response) => set({ response })} />
      <TextField id={id('resolution')} label="Resolution target (business minutes)" inputMode="numeric" value={input.resolution} problem={problems.resolutionMinutes} onChange={(resolution) => set({ resolution })} />
      <TextField
        id={id('hours')}
        label="Business hours, one per line (e.g. Mon 09:00-17:00; an end before the start runs overnight; empty = 24×7)"
        rows={5}
        value={input.hours}
        problem={problems.businessHours}
        onChange={(hours) => set({ hours })}
      />
      <TextField id={id('holidays')} label="Holidays, one date per line (YYYY-MM-DD)" rows={3} value={input.holidays} problem={problems.holidays} onChange={(holidays) => set({ holidays })} />
      <FieldError id={id('form-error')} message={problems.form} />
      <button type="submit">Save policy</button>
      {saved && <p role="status">Saved; it syncs and open tickets are recomputed.</p>}
    </form>
  );
}
