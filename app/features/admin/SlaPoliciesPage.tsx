import { useState } from 'react';
import { map } from 'rxjs';
import type { SlaPolicy } from '@shared/schemas/misc';
import { PRIORITY_LABELS } from '../../components/labels';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { LocalValidationError, saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { formatHours, parseHolidays, parseHours, parseMinutes, PolicyFormError } from './policy-form';

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
  const [name, setName] = useState(policy.name);
  const [response, setResponse] = useState(String(policy.responseMinutes));
  const [resolution, setResolution] = useState(String(policy.resolutionMinutes));
  const [hours, setHours] = useState(formatHours(policy.businessHours));
  const [holidays, setHolidays] = useState(policy.holidays.join('\n'));
  const [problem, setProblem] = useState<{ field: string; message: string }>();
  const [saved, setSaved] = useState(false);
  const id = (field: string) => `${policy.id}-${field}`;
  const errorFor = (field: string) => (problem?.field === field ? <p className="field-error" role="alert">{problem.message}</p> : null);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setSaved(false);
    try {
      const next: SlaPolicy = {
        ...policy,
        name: name.trim(),
        responseMinutes: parseMinutes(response, 'responseMinutes'),
        resolutionMinutes: parseMinutes(resolution, 'resolutionMinutes'),
        businessHours: parseHours(hours),
        holidays: parseHolidays(holidays),
      };
      await saveDocument(db, 'slaPolicies', next);
      setSaved(true);
    } catch (error) {
      if (error instanceof PolicyFormError || error instanceof LocalValidationError) setProblem({ field: error.field.split('.')[0] ?? '', message: error.message });
      else setProblem({ field: 'form', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form className="card sla-policy" onSubmit={(event) => void save(event)} data-testid="sla-policy" data-id={policy.id}>
      <h2>
        {policy.name} <span className="count">· {PRIORITY_LABELS[policy.priority]}</span>
      </h2>
      <label htmlFor={id('name')}>Name</label>
      <input id={id('name')} value={name} onChange={(event) => setName(event.target.value)} />
      {errorFor('name')}
      <label htmlFor={id('response')}>Response target (business minutes)</label>
      <input id={id('response')} inputMode="numeric" value={response} onChange={(event) => setResponse(event.target.value)} />
      {errorFor('responseMinutes')}
      <label htmlFor={id('resolution')}>Resolution target (business minutes)</label>
      <input id={id('resolution')} inputMode="numeric" value={resolution} onChange={(event) => setResolution(event.target.value)} />
      {errorFor('resolutionMinutes')}
      <label htmlFor={id('hours')}>Business hours, one per line (e.g. Mon 09:00-17:00; empty = 24×7)</label>
      <textarea id={id('hours')} rows={5} value={hours} onChange={(event) => setHours(event.target.value)} />
      {errorFor('businessHours')}
      <label htmlFor={id('holidays')}>Holidays, one date per line (YYYY-MM-DD)</label>
      <textarea id={id('holidays')} rows={3} value={holidays} onChange={(event) => setHolidays(event.target.value)} />
      {errorFor('holidays')}
      {errorFor('form')}
      <button type="submit">Save policy</button>
      {saved && <p role="status">Saved; it syncs and open tickets are recomputed.</p>}
    </form>
  );
}
