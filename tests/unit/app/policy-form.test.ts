import { describe, expect, it } from 'vitest';
import { checkPolicy, formatHours, policyInputOf, readHolidays, readHours, type PolicyInput } from '@app/features/admin/policy-form';
import { SlaPolicyInputSchema } from '@shared/sync/sla-admin-protocol';
import { buildSlaPolicy } from '../../helpers/factories';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const policy = buildSlaPolicy({ id: 'sla-medium', name: 'Medium — business hours', priority: 'medium', responseMinutes: 240, resolutionMinutes: 1440 });
const input: PolicyInput = { ...policyInputOf(policy), hours: 'Mon 09:00-17:00\ntue 22:00–06:00', holidays: '2026-12-26, 2026-12-25\n2026-12-25' };

describe('the SLA policy form', () => {
  it('reads business hours line by line, overnight shifts and a day’s end at 24:00 included, and writes them back', () => {
    const { hours, problems } = readHours('Mon 09:00-17:00\n\ntue 22:00–06:00\nSun 8:30-24:00');
    expect(problems).toEqual([]);
    expect(hours).toEqual([
      { weekday: 1, start: '09:00', end: '17:00' },
      { weekday: 2, start: '22:00', end: '06:00' },
      { weekday: 7, start: '08:30', end: '24:00' },
    ]);
    expect(formatHours(hours)).toBe('Mon 09:00-17:00\nTue 22:00-06:00\nSun 08:30-24:00');
  });

  it('names every bad line, and times that are not times of day', () => {
    const { hours, problems } = readHours('Mon 25:00-99:99\nMonday 9-5\nWed 09:00-17:00\nThu 00:00-24:30\nFri 09:00-09:00');
    expect(hours).toEqual([{ weekday: 3, start: '09:00', end: '17:00' }]);
    expect(problems).toEqual([
      'Line 1: the start 25:00 is not a time from 00:00 to 23:59, and the end 99:99 is not a time from 00:00 to 24:00.',
      'Line 2: write it like "Mon 09:00-17:00".',
      'Line 4: the end 24:30 is not a time from 00:00 to 24:00.',
      'Line 5: it starts and ends at 09:00; a whole day is 00:00-24:00.',
    ]);
  });

  it('names every date that is not one, and sorts the rest without repeats', () => {
    expect(readHolidays('2026-12-26, 2026-12-25\n2026-12-25')).toEqual({ dates: ['2026-12-25', '2026-12-26'], problems: [] });
    expect(readHolidays('2026-12-25 Christmas 2026-02-30')).toEqual({
      dates: ['2026-12-25'],
      problems: ['"Christmas" is not a date like 2026-12-25.', '"2026-02-30" is not a date like 2026-12-25.'],
    });
  });

  it('builds the edited policy', () => {
    const checked = checkPolicy({ ...input, name: ' Medium ', response: ' 120 ', resolution: '960' }, policy, NOW);
    expect(checked).toEqual({
      ok: true,
      doc: { ...policy, name: 'Medium', responseMinutes: 120, resolutionMinutes: 960, businessHours: [{ weekday: 1, start: '09:00', end: '17:00' }, { weekday: 2, start: '22:00', end: '06:00' }], holidays: ['2026-12-25', '2026-12-26'], updatedAt: NOW.toISOString() },
    });
    if (checked.ok) expect(SlaPolicyInputSchema.safeParse(checked.doc).success).toBe(true);
  });

  it('reports every problem at once, in words ending with a full stop', () => {
    const checked = checkPolicy({ name: ' ', response: '1.5', resolution: '', hours: 'Mon 25:00-99:99\nTue 09:00-17:00\nWed 9-5', holidays: 'soon 2026-12-25 later' }, policy, NOW);
    expect(checked).toEqual({
      ok: false,
      problems: {
        name: 'Required.',
        responseMinutes: 'A whole number.',
        resolutionMinutes: 'Enter a number.',
        businessHours: 'Line 1: the start 25:00 is not a time from 00:00 to 23:59, and the end 99:99 is not a time from 00:00 to 24:00. Line 3: write it like "Mon 09:00-17:00".',
        holidays: '"soon" is not a date like 2026-12-25. "later" is not a date like 2026-12-25.',
      },
    });
  });

  it('refuses targets out of range, and a resolution shorter than the response, as the server would', () => {
    expect(checkPolicy({ ...input, response: '0', resolution: '600000' }, policy, NOW)).toEqual({ ok: false, problems: { responseMinutes: 'More than 0.', resolutionMinutes: 'At most 525600.' } });
    expect(checkPolicy({ ...input, response: '120', resolution: '60' }, policy, NOW)).toEqual({ ok: false, problems: { resolutionMinutes: 'Must not be shorter than the response target.' } });
  });
});
