import { useState, type FormEvent } from 'react';
import type { Site } from '@shared/schemas/site';
import { FieldError } from '../../components/FieldError';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { TextField } from './FormFields';
import { checkSite, emptySiteInput, type SiteInput } from './site-form';
import { SiteFields } from './SiteFields';
import { useSyncedSave } from './useSyncedSave';

/**
 * Adds a site on this device, offline too; the sync takes it to the server and to every device
 * (dispatchers can then open tickets there). Its code is checked against the sites on the device.
 */
export function NewSiteForm({ sites }: { sites: readonly Site[] }) {
  const { db } = useSession();
  const [input, setInput] = useState<SiteInput>(() => emptySiteInput());
  const { problems, save } = useSyncedSave();
  const [added, setAdded] = useState<Site>();
  const set = (patch: Partial<SiteInput>) => setInput((current) => ({ ...current, ...patch }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(undefined);
    const site = await save(checkSite(input, undefined, sites, new Date()), (doc) => saveDocument(db, 'sites', doc));
    if (!site) return;
    setAdded(site);
    // The next site is likely in the same zone.
    setInput(emptySiteInput(site.timezone));
  }

  return (
    <form className="card stack" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-site-title">
      <h2 id="new-site-title">Add a site</h2>
      <TextField
        id="new-site-code"
        label="Code (2–20 capitals, digits or -, e.g. LON-CW; it cannot change later)"
        autoComplete="off"
        value={input.code}
        problem={problems.code}
        onChange={(code) => set({ code: code.toUpperCase() })}
      />
      <SiteFields idPrefix="new-site" input={input} problems={problems} onChange={set} />
      <FieldError id="new-site-form-error" message={problems.form} />
      <button type="submit" className="primary">
        Add site
      </button>
      {added && (
        <p role="status" data-testid="site-added">
          Added {added.name} ({added.code}); it syncs to the server and to every device.
        </p>
      )}
    </form>
  );
}
