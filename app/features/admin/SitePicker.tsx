import type { Site } from '@shared/schemas/site';

type Props = { legend: string; sites: readonly Site[]; selected: readonly string[]; onChange: (siteIds: string[]) => void; describedBy?: string };

/** The sites a user works at or manages: one checkbox each, in the sites' order. */
export function SitePicker({ legend, sites, selected, onChange, describedBy }: Props) {
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
