import { useState, type FormEvent } from 'react';
import type { Site } from '@shared/schemas/site';
import { FieldError } from '../../components/FieldError';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { checkSite, siteInputOf, type SiteInput } from './site-form';
import { editedOver } from './form-edits';
import { SiteFields } from './SiteFields';
import { useSyncedSave } from './useSyncedSave';

/** One site: its details, edited as a synced write (offline too). */
export function SiteCard({ site, sites }: { site: Site; sites: readonly Site[] }) {
  const { db } = useSession();
  const [opened] = useState<SiteInput>(() => siteInputOf(site));
  const [input, setInput] = useState<SiteInput>(opened);
  const { problems, saved, save } = useSyncedSave();
  const set = (patch: Partial<SiteInput>) => setInput((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    return save(checkSite(editedOver(siteInputOf(site), opened, input), site, sites, new Date()), (next) => saveDocument(db, 'sites', next));
  }

  return (
    <details className="card admin-card" data-testid="site-card" data-code={site.code}>
      <summary>
        <strong>{site.name}</strong> <span className="muted">{site.code}</span> · {site.timezone}
      </summary>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <SiteFields idPrefix={site.id} input={input} problems={problems} onChange={set} />
        <FieldError id={`${site.id}-form-error`} message={problems.form} />
        <button type="submit">Save site</button>
        {saved && <p role="status">Saved; it syncs to every device. A new time zone moves the due times of the site’s open tickets.</p>}
      </form>
    </details>
  );
}
