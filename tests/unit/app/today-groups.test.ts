import { describe, expect, it } from 'vitest';
import { groupTodayWorkOrders } from '@app/features/today/today-groups';
import type { WorkOrderStatus } from '@shared/schemas/work-order';
import { buildWorkOrder } from '../../helpers/factories';

const now = new Date('2026-03-02T12:00:00.000Z');
const wo = (id: string, scheduledStart: string, status: WorkOrderStatus = 'scheduled') =>
  buildWorkOrder({ id, scheduledStart, scheduledEnd: scheduledStart, status });

describe('groupTodayWorkOrders', () => {
  it("splits into today (done ones too), upcoming open and earlier open, each by schedule", () => {
    const list = [
      wo('later-today', '2026-03-02T15:00:00.000Z'),
      wo('done-today', '2026-03-02T08:00:00.000Z', 'completed'),
      wo('tomorrow', '2026-03-03T08:00:00.000Z'),
      wo('tomorrow-cancelled', '2026-03-03T09:00:00.000Z', 'cancelled'),
      wo('yesterday-open', '2026-03-01T09:00:00.000Z', 'on_hold'),
      wo('yesterday-done', '2026-03-01T10:00:00.000Z', 'completed'),
    ];
    const groups = groupTodayWorkOrders(list, now, 'UTC');
    expect(groups.today.map((w) => w.id)).toEqual(['done-today', 'later-today']);
    expect(groups.upcoming.map((w) => w.id)).toEqual(['tomorrow']);
    expect(groups.earlierOpen.map((w) => w.id)).toEqual(['yesterday-open']);
  });

  it('puts a job under way in today, whatever its date (started early, or left running overnight)', () => {
    const groups = groupTodayWorkOrders([wo('started-early', '2026-03-04T08:00:00.000Z', 'in_progress'), wo('on-the-road', '2026-02-27T08:00:00.000Z', 'en_route'), wo('tomorrow', '2026-03-03T08:00:00.000Z')], now, 'UTC');
    expect(groups.today.map((w) => w.id)).toEqual(['on-the-road', 'started-early']);
    expect(groups.upcoming.map((w) => w.id)).toEqual(['tomorrow']);
    expect(groups.earlierOpen).toEqual([]);
  });

  it('lists a completed job on the day it was done: ahead of its date or after it', () => {
    const doneAhead = { ...wo('done-ahead', '2026-03-04T08:00:00.000Z', 'completed'), completedAt: '2026-03-02T10:00:00.000Z' };
    const doneLate = { ...wo('done-late', '2026-02-27T08:00:00.000Z', 'completed'), completedAt: '2026-03-02T09:00:00.000Z' };
    const doneYesterday = { ...wo('done-yesterday', '2026-03-02T08:00:00.000Z', 'completed'), completedAt: '2026-03-01T17:00:00.000Z' };
    const groups = groupTodayWorkOrders([doneAhead, doneLate, doneYesterday, wo('at-nine-thirty', '2026-03-02T09:30:00.000Z')], now, 'UTC');
    // In time order, a completed job at its completion.
    expect(groups.today.map((w) => w.id)).toEqual(['done-late', 'at-nine-thirty', 'done-ahead']);
    expect([...groups.upcoming, ...groups.earlierOpen]).toEqual([]);
  });

  it('"today" is the calendar day in the given time zone', () => {
    const lateEvening = wo('late', '2026-03-02T23:30:00.000Z');
    expect(groupTodayWorkOrders([lateEvening], now, 'UTC').today).toHaveLength(1);
    // In Berlin that is already 00:30 on the next day.
    expect(groupTodayWorkOrders([lateEvening], now, 'Europe/Berlin').upcoming).toHaveLength(1);
  });
});
