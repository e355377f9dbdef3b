import { describe, expect, it } from 'vitest';
import { slaViewAt } from '@shared/domain/sla/sla-state';
import { formatHours, parseHolidays, parseHours, parseMinutes } from '@app/features/admin/policy-form';
import { buildTicket } from '../../helpers/factories';

describe('SLA badge view', () => {
  const ticket = buildTicket({ status: 'assigned' }); // response due 10:00, resolution 17:00 (factory)
  it('counts down to the response, then to the resolution', () => {
    expect(slaViewAt(ticket, new Date('2026-03-02T09:40:00.000Z'))).toMatchObject({ state: 'ok', target: 'response', leftMs: 20 * 60_000 });
    const responded = { ...ticket, status: 'in_progress' as const, sla: { ...ticket.sla, respondedAt: '2026-03-02T09:30:00.000Z' } };
    expect(slaViewAt(responded, new Date('2026-03-02T16:00:00.000Z'))).toMatchObject({ state: 'ok', target: 'resolution', leftMs: 60 * 60_000 });
  });
  it('shows a breach as soon as the due time passes, before the checker has run', () => {
    expect(slaViewAt(ticket, new Date('2026-03-02T10:00:01.000Z')).state).toBe('breached');
  });
  it('shows the server’s warning, a pause and a met target', () => {
    expect(slaViewAt({ ...ticket, sla: { ...ticket.sla, state: 'warning' } }, new Date('2026-03-02T09:40:00.000Z')).state).toBe('warning');
    expect(slaViewAt({ ...ticket, status: 'on_hold' }, new Date('2026-03-03T09:00:00.000Z')).state).toBe('paused');
    const resolved = { ...ticket, status: 'resolved' as const, sla: { ...ticket.sla, resolvedAt: '2026-03-02T12:00:00.000Z' } };
    expect(slaViewAt(resolved, new Date('2026-03-05T09:00:00.000Z')).state).toBe('met');
    expect(slaViewAt({ ...resolved, sla: { ...resolved.sla, resolvedAt: '2026-03-02T18:00:00.000Z' } }, new Date()).state).toBe('breached');
  });
});

describe('SLA policy form', () => {
  it('reads business hours line by line, overnight shifts included, and writes them back', () => {
    const hours = parseHours('Mon 09:00-17:00\n\ntue 22:00–06:00');
    expect(hours).toEqual([{ weekday: 1, start: '09:00', end: '17:00' }, { weekday: 2, start: '22:00', end: '06:00' }]);
    expect(formatHours(hours)).toBe('Mon 09:00-17:00\nTue 22:00-06:00');
  });
  it('names the field of a bad line, date or number', () => {
    expect(() => parseHours('Monday 9-5')).toThrow(expect.objectContaining({ field: 'businessHours' }));
    expect(() => parseHolidays('2026-12-25 Christmas')).toThrow(expect.objectContaining({ field: 'holidays' }));
    expect(() => parseMinutes('0', 'responseMinutes')).toThrow(expect.objectContaining({ field: 'responseMinutes' }));
    expect(parseHolidays('2026-12-26, 2026-12-25\n2026-12-25')).toEqual(['2026-12-25', '2026-12-26']);
  });
});
