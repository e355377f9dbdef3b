import { describe, expect, it } from 'vitest';
import { checkSite, emptySiteInput, parseCoordinate, siteInputOf, type SiteInput } from '@app/features/admin/site-form';
import { buildSite } from '../../helpers/factories';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const london = buildSite({ id: 'site-lon', code: 'LON-CW', name: 'London Canary Wharf' });
const lisbon: SiteInput = { code: ' lis-av ', name: ' Lisbon Avenida ', address: 'Avenida da Liberdade 2', lat: '38,7205', lng: '-9.1459', timezone: 'Europe/Lisbon' };

describe('the sites screen’s form', () => {
  it('builds a new site: code upper-cased, text trimmed, a decimal comma read', () => {
    const checked = checkSite(lisbon, undefined, [london], NOW, 'site-new');
    expect(checked).toEqual({
      ok: true,
      doc: { id: 'site-new', type: 'site', code: 'LIS-AV', name: 'Lisbon Avenida', address: 'Avenida da Liberdade 2', location: { lat: 38.7205, lng: -9.1459 }, timezone: 'Europe/Lisbon', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), _deleted: false },
    });
  });

  it('names every invalid input at once, in words', () => {
    const checked = checkSite({ code: 'x', name: ' ', address: '', lat: '95', lng: 'west', timezone: 'Mars/Olympus' }, undefined, [], NOW);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.problems).sort()).toEqual(['address', 'code', 'lat', 'lng', 'name', 'timezone']);
    expect(checked.problems).toMatchObject({ name: 'Required.', lat: expect.stringMatching(/latitude between -90 and 90/), lng: expect.stringMatching(/longitude/), timezone: expect.stringMatching(/IANA time zone/) });
  });

  it('refuses a code another site has, naming that site, alongside the other problems', () => {
    const checked = checkSite({ ...lisbon, code: 'lon-cw', name: '' }, undefined, [london], NOW);
    expect(checked).toEqual({ ok: false, problems: { code: expect.stringContaining('London Canary Wharf already has the code LON-CW'), name: 'Required.' } });
  });

  it('edits a site, keeping its id, code and creation time', () => {
    const input = { ...siteInputOf(london), code: 'CHANGED', name: 'London Docklands', timezone: 'Europe/Dublin' };
    const checked = checkSite(input, london, [london], NOW);
    expect(checked).toMatchObject({ ok: true, doc: { id: 'site-lon', code: 'LON-CW', name: 'London Docklands', timezone: 'Europe/Dublin', createdAt: london.createdAt } });
  });

  it('reads coordinates as decimal degrees only', () => {
    expect(parseCoordinate(' -0.0195 ')).toBe(-0.0195);
    expect(parseCoordinate('51,5')).toBe(51.5);
    for (const text of ['', ' ', '51.5N', '1e3', '0x10']) expect(parseCoordinate(text)).toBeNaN();
  });

  it('starts a new site on the given time zone, with nothing else filled in', () => {
    expect(emptySiteInput('Europe/Berlin')).toEqual({ code: '', name: '', address: '', lat: '', lng: '', timezone: 'Europe/Berlin' });
  });
});
