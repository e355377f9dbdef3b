import type { Priority } from '../schemas/common';
import type { Category } from '../schemas/misc';
import type { Site } from '../schemas/site';
import type { Ticket } from '../schemas/ticket';
import type { User } from '../schemas/user';
import type { WorkOrder } from '../schemas/work-order';
import { WORK_ORDER_MACHINE } from './state-machine';

/**
 * Ranking engineers for a ticket. The score is out of 100 and has three parts, each explained:
 *
 * - **skills, up to 40**: the share of the ticket category's skills the engineer has
 *   (40 × matched / required). A category with no skills listed asks for its own name as a skill.
 * - **nearness, up to 35**: distance from the engineer's last check-in (or, with none, their first
 *   home site) to the ticket's site, as 35 / (1 + km / 25): 35 on site, 17.5 at 25 km, ~2 at 400 km.
 *   No known position scores 0.
 * - **availability, up to 25**: active work orders weighted by their ticket's priority
 *   (critical 4, high 3, medium 2, low 1; no ticket counts as medium), as 25 × (1 − load / 12),
 *   never below 0: 12 load points (three critical jobs) leaves no availability.
 *
 * Inactive users and non-engineers are not ranked. Ties go to the lower load, then the name.
 */
export const SCORE_WEIGHTS = { skills: 40, nearness: 35, availability: 25 } as const;
export const NEARNESS_HALF_KM = 25;
export const FULL_LOAD = 12;
export const PRIORITY_LOAD: Record<Priority, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export type ScoreReason = { part: keyof typeof SCORE_WEIGHTS; points: number; text: string };
export type EngineerScore = {
  engineer: User;
  score: number;
  load: number;
  activeJobs: number;
  distanceKm?: number;
  reasons: ScoreReason[];
};

export type AssignmentInput = {
  ticket: Pick<Ticket, 'category'>;
  site: Pick<Site, 'id' | 'location'> | undefined;
  engineers: readonly User[];
  workOrders: readonly Pick<WorkOrder, 'assigneeId' | 'status' | 'ticketId' | 'checkIn'>[];
  /** Priority of the tickets behind active work orders, by ticket id. */
  ticketPriorities: ReadonlyMap<string, Priority>;
  categories: readonly Pick<Category, 'name' | 'skills'>[];
  sites: readonly Pick<Site, 'id' | 'location'>[];
};

export function rankEngineers(input: AssignmentInput): EngineerScore[] {
  const required = requiredSkills(input.ticket.category, input.categories);
  return input.engineers
    .filter((user) => user.role === 'engineer' && user.active)
    .map((engineer) => scoreEngineer(engineer, required, input))
    .sort((a, b) => b.score - a.score || a.load - b.load || a.engineer.fullName.localeCompare(b.engineer.fullName));
}

export function requiredSkills(categoryName: string, categories: readonly Pick<Category, 'name' | 'skills'>[]): string[] {
  const category = categories.find((candidate) => candidate.name.toLowerCase() === categoryName.toLowerCase());
  const skills = category?.skills.length ? category.skills : [categoryName];
  return skills.map((skill) => skill.toLowerCase());
}

function scoreEngineer(engineer: User, required: string[], input: AssignmentInput): EngineerScore {
  const skills = skillsPart(engineer, required);
  const position = lastPosition(engineer, input);
  const nearness = nearnessPart(position, input.site);
  const mine = input.workOrders.filter((wo) => wo.assigneeId === engineer.id && !WORK_ORDER_MACHINE.terminal.includes(wo.status));
  const load = mine.reduce((sum, wo) => sum + PRIORITY_LOAD[(wo.ticketId && input.ticketPriorities.get(wo.ticketId)) || 'medium'], 0);
  const availabilityPoints = round1(SCORE_WEIGHTS.availability * Math.max(0, 1 - load / FULL_LOAD));
  const availability: ScoreReason = {
    part: 'availability',
    points: availabilityPoints,
    text: mine.length === 0 ? 'no active work orders' : `${mine.length} active work order${mine.length === 1 ? '' : 's'} (load ${load} of ${FULL_LOAD})`,
  };
  const reasons = [skills, nearness.reason, availability];
  return {
    engineer,
    score: round1(reasons.reduce((sum, reason) => sum + reason.points, 0)),
    load,
    activeJobs: mine.length,
    ...(nearness.km === undefined ? {} : { distanceKm: nearness.km }),
    reasons,
  };
}

function skillsPart(engineer: User, required: string[]): ScoreReason {
  const own = new Set(engineer.skills.map((skill) => skill.toLowerCase()));
  const matched = required.filter((skill) => own.has(skill));
  const points = round1((SCORE_WEIGHTS.skills * matched.length) / Math.max(1, required.length));
  const text = matched.length > 0 ? `has ${matched.join(', ')}` : `lacks ${required.join(', ')}`;
  return { part: 'skills', points, text };
}

type Position = { lat: number; lng: number; source: 'check-in' | 'home site' };

/** The latest check-in on any of the engineer's work orders, else their first home site. */
function lastPosition(engineer: User, input: AssignmentInput): Position | undefined {
  let latest: { lat: number; lng: number; at: string } | undefined;
  for (const wo of input.workOrders) {
    if (wo.assigneeId === engineer.id && wo.checkIn && (!latest || wo.checkIn.at > latest.at)) latest = wo.checkIn;
  }
  if (latest) return { lat: latest.lat, lng: latest.lng, source: 'check-in' };
  const home = input.sites.find((site) => engineer.siteIds.includes(site.id));
  return home ? { ...home.location, source: 'home site' } : undefined;
}

function nearnessPart(position: Position | undefined, site: AssignmentInput['site']): { reason: ScoreReason; km?: number } {
  if (!position || !site) return { reason: { part: 'nearness', points: 0, text: 'position unknown' } };
  const km = distanceKm(position, site.location);
  const points = round1(SCORE_WEIGHTS.nearness / (1 + km / NEARNESS_HALF_KM));
  return { reason: { part: 'nearness', points, text: `${formatKm(km)} from the site (${position.source})` }, km };
}

/** Great-circle distance (haversine) in kilometres. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function formatKm(km: number): string {
  return km < 10 ? `${km.toFixed(1)} km` : `${Math.round(km).toLocaleString('en')} km`;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
