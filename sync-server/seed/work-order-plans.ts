import type { WorkOrderStatus } from '@shared/schemas/work-order';
import { demoUserId } from './demo-accounts';
import { ENGINEER_USERNAMES, engineerSites, engineerSkills, type SiteKey, siteInfo } from './demo-reference';
import type { Random } from './prng';
import { floorToQuarter, MINUTE_MS, type SeedContext } from './seed-context';
import { isoWeekday, type LocalDay, localDayOf, zonedTime } from './zoned-time';

/** When and where a job happens and how far it has got; assets, kinds and tickets are added later. */
export type WorkOrderPlan = {
  assigneeId: string;
  skills: readonly string[];
  siteKey: SiteKey;
  status: WorkOrderStatus;
  startMs: number;
  endMs: number;
};

type Engineer = Pick<WorkOrderPlan, 'assigneeId' | 'skills'>;

export const WORK_ORDERS_PER_ENGINEER = 20;

/**
 * Each engineer has one job under way right now, so every live status shows up whatever time the
 * demo is started (eng1 in progress, eng2 on site, eng3 en route, eng4 on hold, …).
 */
const ACTIVE_ROTATION: readonly WorkOrderStatus[] = ['in_progress', 'on_site', 'en_route', 'on_hold', 'in_progress', 'on_site'];

/** Today's appointments in the site's local time: [hour, minute, duration in minutes]. */
const TODAY_SLOTS: readonly (readonly [number, number, number])[] = [[8, 0, 90], [10, 0, 90], [12, 30, 90], [14, 30, 90], [16, 30, 90]];
const DAY_SLOT_STARTS: readonly (readonly [number, number])[] = [[8, 0], [9, 30], [11, 0], [13, 0], [14, 30], [16, 0]];

/** Most recent first: yesterday's job is waiting for parts. */
const PAST_STATUSES: readonly WorkOrderStatus[] = [
  'on_hold', 'completed', 'completed', 'cancelled', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed',
];

/** Exactly WORK_ORDERS_PER_ENGINEER plans per engineer, sorted by scheduled start. */
export function planWorkOrders(ctx: SeedContext): WorkOrderPlan[] {
  const plans = ENGINEER_USERNAMES.flatMap((username, index) => planForEngineer(ctx, username, index));
  return plans.sort((a, b) => a.startMs - b.startMs || a.assigneeId.localeCompare(b.assigneeId));
}

function planForEngineer(ctx: SeedContext, username: string, index: number): WorkOrderPlan[] {
  const engineer: Engineer = { assigneeId: demoUserId(username), skills: engineerSkills(username) };
  const homeSites = engineerSites(username);
  const primary = homeSites[0];
  if (!primary) throw new Error(`engineer ${username} has no home site`);
  const active = planActive(ctx.base.getTime(), engineer, primary, ACTIVE_ROTATION[index % ACTIVE_ROTATION.length] ?? 'in_progress');
  const today = planToday(ctx, engineer, primary, active);
  const past = PAST_STATUSES.map((status, n) => planOnDay(ctx.rng, engineer, homeSites, status, -(n * 2 + ctx.rng.int(1, 2)), ctx.base));
  const futureCount = WORK_ORDERS_PER_ENGINEER - 1 - today.length - past.length;
  const future = Array.from({ length: futureCount }, (_, n) => planOnDay(ctx.rng, engineer, homeSites, 'scheduled', n + 1, ctx.base));
  return [active, ...today, ...past, ...future];
}

/** The job under way now, anchored to the base time so its time logs are all in the past. */
function planActive(baseMs: number, engineer: Engineer, siteKey: SiteKey, status: WorkOrderStatus): WorkOrderPlan {
  const offsetMinutes: Partial<Record<WorkOrderStatus, number>> = { in_progress: -60, on_site: -30, en_route: 30, on_hold: -240 };
  const startMs = floorToQuarter(baseMs + (offsetMinutes[status] ?? -60) * MINUTE_MS);
  return { ...engineer, siteKey, status, startMs, endMs: startMs + 120 * MINUTE_MS };
}

/** Today's slots around the active job: finished ones are completed (a few cancelled), later ones scheduled. */
function planToday(ctx: SeedContext, engineer: Engineer, siteKey: SiteKey, active: WorkOrderPlan): WorkOrderPlan[] {
  const zone = siteInfo(siteKey).timezone;
  const today = localDayOf(zone, ctx.base);
  const baseMs = ctx.base.getTime();
  const plans: WorkOrderPlan[] = [];
  for (const [hour, minute, duration] of TODAY_SLOTS) {
    const startMs = zonedTime(zone, today, 0, hour, minute).getTime();
    const endMs = startMs + duration * MINUTE_MS;
    const overlapsActive = startMs < active.endMs && endMs > active.startMs;
    const underWayNow = startMs <= baseMs && endMs > baseMs;
    if (overlapsActive || underWayNow) continue;
    const status: WorkOrderStatus = endMs <= baseMs ? (ctx.rng.chance(0.1) ? 'cancelled' : 'completed') : 'scheduled';
    plans.push({ ...engineer, siteKey, status, startMs, endMs });
  }
  return plans;
}

/** A job on the `businessDays`-th working day from the base date (negative: in the past). */
function planOnDay(rng: Random, engineer: Engineer, homeSites: readonly SiteKey[], status: WorkOrderStatus, businessDays: number, base: Date): WorkOrderPlan {
  const siteKey = rng.pick(homeSites);
  const zone = siteInfo(siteKey).timezone;
  const today = localDayOf(zone, base);
  const dayOffset = businessDayOffset(today, businessDays);
  const [hour, minute] = rng.pick(DAY_SLOT_STARTS);
  const startMs = zonedTime(zone, today, dayOffset, hour, minute).getTime();
  return { ...engineer, siteKey, status, startMs, endMs: startMs + rng.pick([60, 90, 120, 180]) * MINUTE_MS };
}

/** Calendar-day offset of the n-th Monday–Friday day before (n < 0) or after (n > 0) `day`. */
export function businessDayOffset(day: LocalDay, n: number): number {
  const step = n < 0 ? -1 : 1;
  let offset = 0;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    offset += step;
    if (isoWeekday(day, offset) <= 5) remaining--;
  }
  return offset;
}
