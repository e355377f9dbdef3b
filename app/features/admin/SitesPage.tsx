import { useMemo } from 'react';
import { Navigate } from 'react-router';
import { map } from 'rxjs';
import type { Site } from '@shared/schemas/site';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { useSession } from '../../session/SessionContext';
import { NewSiteForm } from './NewSiteForm';
import { SiteCard } from './SiteCard';
import { TIME_ZONE_LIST_ID } from './SiteFields';
import { knownTimeZones } from './site-form';
import './admin.css';

/** `/admin/sites`: the places the service works at, for admins: add one, edit its details and time zone. */
export function SitesPage() {
  const { user } = useSession();
  const sites = useLiveQuery((db) => db.sites.find().$.pipe(map((docs) => docs.map((doc) => toDomain<Site>(doc.toJSON())).sort((a, b) => a.name.localeCompare(b.name)))), [], [] as Site[]);
  const timeZones = useMemo(knownTimeZones, []);
  if (user.role !== 'admin') return <Navigate to="/" replace />;

  return (
    <div className="reference-admin">
      <h1>Sites</h1>
      <NewSiteForm sites={sites} />
      <h2>
        All sites <span className="count">({sites.length})</span>
      </h2>
      {sites.map((site) => (
        <SiteCard key={site.id} site={site} sites={sites} />
      ))}
      <datalist id={TIME_ZONE_LIST_ID}>
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </div>
  );
}
