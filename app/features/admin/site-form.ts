import { ulid } from 'ulid';
import { findHolder } from '@shared/domain/unique-fields';
import { SiteSchema, type Site } from '@shared/schemas/site';
import { toChecked, type Checked, type FieldProblems } from './field-problems';

/** A site as the admin types it: coordinates stay text until checked. */
export type SiteInput = { code: string; name: string; address: string; lat: string; lng: string; timezone: string };

/** A new site starts on the admin's own time zone: most add sites near where they sit. */
export function emptySiteInput(timezone = Intl.DateTimeFormat().resolvedOptions().timeZone): SiteInput {
  return { code: '', name: '', address: '', lat: '', lng: '', timezone };
}

export function siteInputOf(site: Site): SiteInput {
  return { code: site.code, name: site.name, address: site.address, lat: String(site.location.lat), lng: String(site.location.lng), timezone: site.timezone };
}

/** Every IANA zone this browser knows, for the time-zone input's suggestions. */
export function knownTimeZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}

const COORDINATE_HINTS = { lat: 'Enter a latitude between -90 and 90, e.g. 51.5049.', lng: 'Enter a longitude between -180 and 180, e.g. -0.0195.' } as const;

/**
 * The site the form describes — a new one, or `base` edited — or every problem with it at once:
 * the schema's, and a code another site already has (`sites`: the device's copy). A site keeps its
 * code once added: asset tags and people use it to tell sites apart.
 */
export function checkSite(input: SiteInput, base: Site | undefined, sites: readonly Site[], now: Date, id: string = ulid()): Checked<Site> {
  const stamp = now.toISOString();
  const candidate = {
    id: base?.id ?? id,
    type: 'site',
    code: base?.code ?? input.code.trim().toUpperCase(),
    name: input.name.trim(),
    address: input.address.trim(),
    location: { lat: parseCoordinate(input.lat), lng: parseCoordinate(input.lng) },
    timezone: input.timezone.trim(),
    createdAt: base?.createdAt ?? stamp,
    updatedAt: stamp,
    _deleted: false,
  };
  const earlier: FieldProblems = {};
  const holder = findHolder('sites', candidate, sites);
  if (holder) earlier.code = `${holder.name} already has the code ${candidate.code}; choose another.`;
  const parsed = SiteSchema.safeParse(candidate);
  // The coordinates' own words say which number is wanted, whatever the schema found wrong.
  const checked = toChecked(parsed, earlier, siteInputField);
  if (checked.ok) return checked;
  const hints = (['lat', 'lng'] as const).filter((field) => checked.problems[field]).map((field) => [field, COORDINATE_HINTS[field]]);
  return { ok: false, problems: { ...checked.problems, ...Object.fromEntries(hints) } };
}

/** Decimal degrees, with a comma or a point; NaN for anything else (the schema then refuses it). */
export function parseCoordinate(text: string): number {
  const normalized = text.trim().replace(',', '.');
  return /^[-+]?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : Number.NaN;
}

/** `location.lat` is the latitude input; every other path names its input by its first part. */
function siteInputField(path: readonly PropertyKey[]): string {
  return path[0] === 'location' ? String(path[1] ?? 'lat') : String(path[0] ?? 'form');
}
