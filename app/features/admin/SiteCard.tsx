import type { FormEvent } from 'react';
import type { Site } from '@shared/schemas/site';
import { FieldError } from '../../components/FieldError';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { checkSite, siteInputOf, type SiteInput } from './site-form';
import { SiteFields } from './SiteFields';
import { useEditsOver } from './useEditsOver';
import { useSyncedSave } from './useSyncedSave';

/** One site: its details, edited as a synced write (offline too). */
export function SiteCard({ site, sites }: { site: Site; sites: readonly Site[] }) {
  const { db } = useSession();
  const { shown: input, set, settle } = useEditsOver<SiteInput>(siteInputOf(site));
  const { problems, saved, save } = useSyncedSave();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await save(checkSite(input, site, sites, new Date()), (next) => saveDocument(db, 'sites', next))) settle();
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
