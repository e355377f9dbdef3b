import { describe, expect, it } from 'vitest';
import { accessChanged } from '@app/session/access-change';

describe('a change of access', () => {
  it('is another role or other sites, in any order', () => {
    const engineer = { role: 'engineer' as const, siteIds: ['site-lon', 'site-ber'] };
    expect(accessChanged(engineer, { role: 'engineer', siteIds: ['site-ber', 'site-lon'] })).toBe(false);
    expect(accessChanged(engineer, { role: 'dispatcher', siteIds: ['site-lon', 'site-ber'] })).toBe(true);
    expect(accessChanged(engineer, { role: 'engineer', siteIds: ['site-lon'] })).toBe(true);
  });
});
