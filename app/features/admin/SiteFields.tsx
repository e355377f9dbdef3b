import type { FieldProblems } from './field-problems';
import { TextField } from './FormFields';
import type { SiteInput } from './site-form';

/** The page's one list of IANA zones (SitesPage renders it), suggested by every time-zone input. */
export const TIME_ZONE_LIST_ID = 'iana-time-zones';

type Props = { idPrefix: string; input: SiteInput; problems: FieldProblems; onChange: (patch: Partial<SiteInput>) => void };

/** What an admin may set on a site, new or existing (the code is set once, by the new-site form). */
export function SiteFields({ idPrefix, input, problems, onChange }: Props) {
  const id = (field: keyof SiteInput) => `${idPrefix}-${field}`;
  return (
    <>
      <TextField id={id('name')} label="Name" value={input.name} problem={problems.name} onChange={(name) => onChange({ name })} />
      <TextField id={id('address')} label="Address" value={input.address} problem={problems.address} onChange={(address) => onChange({ address })} />
      <div className="coordinates">
        <TextField id={id('lat')} label="Latitude" inputMode="decimal" placeholder="51.5049" value={input.lat} problem={problems.lat} onChange={(lat) => onChange({ lat })} />
        <TextField id={id('lng')} label="Longitude" inputMode="decimal" placeholder="-0.0195" value={input.lng} problem={problems.lng} onChange={(lng) => onChange({ lng })} />
      </div>
      <TextField
        id={id('timezone')}
        label="Time zone (IANA, e.g. Europe/London: business hours and SLA due times run on it)"
        list={TIME_ZONE_LIST_ID}
        autoComplete="off"
        spellCheck={false}
        value={input.timezone}
        problem={problems.timezone}
        onChange={(timezone) => onChange({ timezone })}
      />
    </>
  );
}
