import { describe, expect, it } from 'vitest';
import { findHolder } from '@shared/domain/unique-fields';
import { buildCategory, buildSite, buildTicket } from '../../helpers/factories';

describe('unique fields', () => {
  const london = buildSite({ id: 'site-a', code: 'LON-CW' });
  const hvac = buildCategory({ id: 'cat-a', name: 'HVAC' });

  it('finds the other live site holding a code, exactly', () => {
    expect(findHolder('sites', buildSite({ id: 'site-b', code: 'LON-CW' }), [london])).toBe(london);
    expect(findHolder('sites', buildSite({ id: 'site-b', code: 'LON-CX' }), [london])).toBeUndefined();
    // A site keeps its own code; a deleted site frees it; a deletion is never refused.
    expect(findHolder('sites', { ...london, name: 'Renamed' }, [london])).toBeUndefined();
    expect(findHolder('sites', buildSite({ id: 'site-b', code: 'LON-CW' }), [{ ...london, _deleted: true }])).toBeUndefined();
    expect(findHolder('sites', { ...buildSite({ id: 'site-b', code: 'LON-CW' }), _deleted: true }, [london])).toBeUndefined();
  });

  it('compares category names without case or surrounding blanks', () => {
    expect(findHolder('categories', buildCategory({ id: 'cat-b', name: ' hvac ' }), [hvac])).toBe(hvac);
    expect(findHolder('categories', { ...hvac, name: 'Hvac' }, [hvac])).toBeUndefined();
    expect(findHolder('categories', buildCategory({ id: 'cat-b', name: 'HVAC controls' }), [hvac])).toBeUndefined();
  });

  it('leaves collections without a unique field alone', () => {
    const ticket = buildTicket({ id: 't-1' });
    expect(findHolder('tickets', { ...ticket, id: 't-2' }, [ticket])).toBeUndefined();
  });
});
