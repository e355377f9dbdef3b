import { ROLES, type Role } from '@shared/schemas/common';
import type { Site } from '@shared/schemas/site';
import { ROLE_LABELS } from '../../components/labels';

type SitePickerProps = { legend: string; sites: readonly Site[]; selected: readonly string[]; onChange: (siteIds: string[]) => void; describedBy?: string };

/** The sites a user works at or manages: one checkbox each, in the sites' order. */
export function SitePicker({ legend, sites, selected, onChange, describedBy }: SitePickerProps) {
  const toggle = (id: string, checked: boolean) => onChange(sites.map((site) => site.id).filter((siteId) => (siteId === id ? checked : selected.includes(siteId))));
  return (
    <fieldset className="site-picker" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {sites.map((site) => (
        <label key={site.id} className="checkbox">
          <input type="checkbox" checked={selected.includes(site.id)} onChange={(event) => toggle(site.id, event.target.checked)} />
          {site.name} <span className="muted">({site.code})</span>
        </label>
      ))}
    </fieldset>
  );
}

/** A user's role, by the words the rest of the app uses for it. */
export function RoleSelect({ value, onChange, disabled = false }: { value: Role; onChange: (role: Role) => void; disabled?: boolean }) {
  return (
    <label>
      Role
      <select value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as Role)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
    </label>
  );
}
