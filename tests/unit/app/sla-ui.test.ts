import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { slaViewAt } from '@shared/domain/sla/sla-state';
import type { Ticket } from '@shared/schemas/ticket';
import { SlaBadge } from '@app/components/Badges';
import { describeSlaDue, slaBadgeWords } from '@app/components/sla-text';
import { TicketSlaBadge } from '@app/components/TicketSlaBadge';
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

/** The factory's ticket (response due 10:00, resolution 17:00 UTC) as the server would have it at `status`. */
function ticketAt(status: Ticket['status'], sla: Partial<Ticket['sla']> = {}, statusChangedAt?: string): Ticket {
  const ticket = buildTicket({ status, ...(statusChangedAt ? { statusChangedAt } : {}) });
  return { ...ticket, sla: { ...ticket.sla, ...sla } };
}
const at = (time: string) => new Date(`2026-03-02T${time}:00.000Z`);

describe('SLA badge words', () => {
  it('names the response as the breach while the fix is still on time', () => {
    const late = ticketAt('in_progress', { respondedAt: '2026-03-02T10:20:00.000Z', state: 'breached' });
    expect(slaBadgeWords(late, at('11:08'))).toMatchObject({ state: 'breached', label: 'Response late', detail: 'fix due in 5 h 52 min', missed: ['response'] });
    expect(describeSlaDue(late, at('11:08'))).toBe('Resolution due in 5 h 52 min');
  });

  it('says how long a response awaited is overdue; the line below adds when the fix is due', () => {
    const waiting = ticketAt('assigned');
    expect(slaBadgeWords(waiting, at('10:12'))).toEqual({ state: 'breached', label: 'Response overdue', overdue: 'by 12 min', missed: ['response'] });
    expect(describeSlaDue(waiting, at('10:12'))).toBe('Response overdue by 12 min · resolution due in 6 h 48 min');
  });

  it('puts a missed fix first, whether or not anyone responded', () => {
    const responded = ticketAt('in_progress', { respondedAt: '2026-03-02T09:30:00.000Z' });
    expect(slaBadgeWords(responded, at('19:00'))).toMatchObject({ label: 'Fix overdue', overdue: 'by 2 h 00 min', missed: ['resolution'] });
    expect(slaBadgeWords(responded, at('19:00')).detail).toBeUndefined();
    const untouched = ticketAt('new');
    expect(slaBadgeWords(untouched, at('19:00'))).toMatchObject({ label: 'Fix overdue', overdue: 'by 2 h 00 min', missed: ['response', 'resolution'] });
    expect(describeSlaDue(untouched, at('19:00'))).toBe('Resolution overdue by 2 h 00 min');
  });

  it('words a finished ticket by the target it missed', () => {
    const resolved = (resolvedAt: string, respondedAt = '2026-03-02T09:30:00.000Z') => ticketAt('resolved', { respondedAt, resolvedAt });
    expect(slaBadgeWords(resolved('2026-03-02T18:00:00.000Z'), at('20:00')).label).toBe('Fixed late');
    expect(slaBadgeWords(resolved('2026-03-02T12:00:00.000Z', '2026-03-02T10:30:00.000Z'), at('20:00')).label).toBe('Response late');
    expect(slaBadgeWords(resolved('2026-03-02T12:00:00.000Z'), at('20:00'))).toMatchObject({ state: 'met', label: 'SLA met' });
  });

  it('keeps a breach on hold in words, the clock paused', () => {
    const respondedLate = ticketAt('on_hold', { respondedAt: '2026-03-02T10:30:00.000Z' }, '2026-03-02T11:00:00.000Z');
    expect(slaBadgeWords(respondedLate, at('20:00'))).toMatchObject({ state: 'breached', label: 'Response late', detail: 'clock paused' });
    const heldAfterDue = ticketAt('on_hold', { respondedAt: '2026-03-02T09:30:00.000Z' }, '2026-03-02T18:00:00.000Z');
    expect(slaBadgeWords(heldAfterDue, at('20:00'))).toMatchObject({ label: 'Fix overdue', detail: 'clock paused', missed: ['resolution'] });
    const heldInTime = ticketAt('on_hold', { respondedAt: '2026-03-02T09:30:00.000Z' }, '2026-03-02T12:00:00.000Z');
    expect(slaBadgeWords(heldInTime, at('20:00'))).toEqual({ state: 'paused', label: 'SLA paused', missed: [] });
  });

  it('counts a breach the checker recorded, and keeps the server’s word when no due time passed', () => {
    const recorded = ticketAt('in_progress', { respondedAt: '2026-03-02T09:30:00.000Z', crossed: ['response.breach'], state: 'breached' });
    expect(slaBadgeWords(recorded, at('11:00'))).toMatchObject({ label: 'Response late', missed: ['response'] });
    const moved = ticketAt('in_progress', { respondedAt: '2026-03-02T09:30:00.000Z', state: 'breached' });
    expect(slaBadgeWords(moved, at('11:00'))).toMatchObject({ state: 'breached', label: 'SLA breached', detail: 'fix due in 6 h 00 min' });
  });

  it('takes a status changed on this device as meeting its target until the server says when', () => {
    const startedHere = ticketAt('in_progress');
    expect(slaBadgeWords(startedHere, at('10:30'))).toMatchObject({ state: 'ok', label: 'SLA on track', detail: 'fix due in 6 h 30 min', missed: [] });
    expect(describeSlaDue(startedHere, at('10:30'))).toBe('Resolution due in 6 h 30 min');
  });

  it('shows the clock that runs while on track or at risk', () => {
    expect(slaBadgeWords(ticketAt('assigned'), at('09:40'))).toMatchObject({ state: 'ok', label: 'SLA on track', detail: 'response due in 20 min' });
    const atRisk = ticketAt('in_progress', { respondedAt: '2026-03-02T09:30:00.000Z', state: 'warning' });
    expect(slaBadgeWords(atRisk, at('16:00'))).toMatchObject({ state: 'warning', label: 'SLA at risk', detail: 'fix due in 1 h 00 min' });
  });
});

describe('SLA badges', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const late = ticketAt('in_progress', { respondedAt: '2026-03-02T10:20:00.000Z', state: 'breached' });

  it('the headline badge names the missed target in the breach colour', () => {
    const html = renderToStaticMarkup(createElement(SlaBadge, { ticket: late, now: at('11:08') }));
    expect(html).toContain('badge--sla-breached');
    expect(html).toContain('data-missed="response"');
    expect(html).toMatch(/>Response late</);
  });

  it('the countdown badge adds the clock still running', () => {
    vi.useFakeTimers({ now: at('11:08') });
    const text = renderToStaticMarkup(createElement(TicketSlaBadge, { ticket: late })).replace(/<[^>]+>/g, '');
    expect(text).toBe('Response late\u00a0· fix due in 5 h 52 min');
    vi.setSystemTime(at('19:00'));
    expect(renderToStaticMarkup(createElement(TicketSlaBadge, { ticket: late })).replace(/<[^>]+>/g, '')).toBe('Fix overdue by 2 h 00 min');
  });
});
