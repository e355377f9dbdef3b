import { WORK_ORDER_MACHINE, WORK_ORDER_UNDER_WAY } from '@shared/domain/state-machine';
import type { WorkOrder } from '@shared/schemas/work-order';
import { calendarDate } from '../../components/format';
import { listedAtOf } from '../../db/derived-fields';

export type TodayGroups<W> = { today: W[]; upcoming: W[]; earlierOpen: W[] };
type Listed = Pick<WorkOrder, 'id' | 'status' | 'scheduledStart' | 'completedAt' | 'assigneeId'>;

const isOpen = (wo: Pick<WorkOrder, 'status'>) => !WORK_ORDER_MACHINE.terminal.includes(wo.status);

/**
 * Today's list as an engineer reads it: everything scheduled today and every job completed today
 * (so the day's progress shows, jobs done ahead of their date too), every job under way whatever
 * its date, open jobs still ahead, and open jobs left over from earlier days. Other finished or
 * cancelled jobs are not listed. "Today" is the calendar day in `timeZone` (the device's by
 * default). Each group is in listed-time order (`listedAtOf`), as the Today index orders it.
 */
export function groupTodayWorkOrders<W extends Listed>(list: readonly W[], now: Date, timeZone?: string): TodayGroups<W> {
  const today = calendarDate(now, timeZone);
  const groups: TodayGroups<W> = { today: [], upcoming: [], earlierOpen: [] };
  // Parse each start once, not once per comparison: the list can hold thousands of work orders.
  const keyed = list.map((wo) => {
    const listedAt = listedAtOf(wo) as string;
    return { wo, listedAt, start: Date.parse(listedAt) };
  });
  // Ties by id in code-unit order, as the index orders them, so a page cut by a limited query is the grouping's first page too.
  keyed.sort((a, b) => a.start - b.start || (a.wo.id < b.wo.id ? -1 : a.wo.id > b.wo.id ? 1 : 0));
  for (const { wo, listedAt } of keyed) {
    const day = calendarDate(listedAt, timeZone);
    if (day === today || WORK_ORDER_UNDER_WAY.includes(wo.status)) groups.today.push(wo);
    else if (!isOpen(wo)) continue;
    else if (day > today) groups.upcoming.push(wo);
    else groups.earlierOpen.push(wo);
  }
  return groups;
}
