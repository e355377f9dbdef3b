import { z } from 'zod';
import { baseDocFields, LatLngSchema, shortText } from './common';

export const SiteSchema = z.object({
  ...baseDocFields,
  type: z.literal('site'),
  code: z.string().regex(/^[A-Z0-9-]{2,20}$/, 'uppercase letters, digits and - (2–20)'),
  name: shortText(120),
  address: shortText(300),
  location: LatLngSchema,
  timezone: z.string().refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/London'),
});
export type Site = z.infer<typeof SiteSchema>;

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
