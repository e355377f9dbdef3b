import { PRIORITIES, type Priority } from '@shared/schemas/common';
import type { Category, SlaPolicy } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import { DEMO_ACCOUNTS, demoUserId } from './demo-accounts';
import { DAY_MS, stamps } from './seed-context';

/** Reference data is "set up by the admin" a quarter before the base date. */
const SETUP_AGE_MS = 90 * DAY_MS;

/** Real buildings' coordinates and addresses, spread over five time zones so SLA calendars differ. */
const SITES = [
  { key: 'lon', code: 'LON-CW', name: 'London Canary Wharf', address: '1 Canada Square, London E14 5AB, United Kingdom', lat: 51.5049, lng: -0.0195, timezone: 'Europe/London' },
  { key: 'ber', code: 'BER-AP', name: 'Berlin Alexanderplatz', address: 'Alexanderplatz 1, 10178 Berlin, Germany', lat: 52.5219, lng: 13.4132, timezone: 'Europe/Berlin' },
  { key: 'nyc', code: 'NYC-HY', name: 'New York Hudson Yards', address: '20 Hudson Yards, New York, NY 10001, USA', lat: 40.7536, lng: -74.0014, timezone: 'America/New_York' },
  { key: 'chi', code: 'CHI-WK', name: 'Chicago Wacker Drive', address: '233 S Wacker Dr, Chicago, IL 60606, USA', lat: 41.8789, lng: -87.6359, timezone: 'America/Chicago' },
  { key: 'syd', code: 'SYD-MP', name: 'Sydney Macquarie Place', address: '1 Macquarie Place, Sydney NSW 2000, Australia', lat: -33.8627, lng: 151.2111, timezone: 'Australia/Sydney' },
] as const;

export type SiteKey = (typeof SITES)[number]['key'];
export const SITE_KEYS: readonly SiteKey[] = SITES.map((site) => site.key);
export const siteId = (key: SiteKey) => `site-${key}`;

/** Skill names are shared by categories and engineers, so routing a ticket to a skilled engineer works. */
export const CATEGORIES = [
  { key: 'hvac', name: 'HVAC', skill: 'hvac', priority: 'medium', description: 'Heating, ventilation, air conditioning and chillers' },
  { key: 'electrical', name: 'Electrical', skill: 'electrical', priority: 'high', description: 'Power distribution, UPS, generators and lighting' },
  { key: 'plumbing', name: 'Plumbing', skill: 'plumbing', priority: 'medium', description: 'Water supply, drainage, pumps and water heaters' },
  { key: 'fire', name: 'Fire safety', skill: 'fire-safety', priority: 'critical', description: 'Fire alarms, sprinklers, fire pumps and emergency lighting' },
  { key: 'lifts', name: 'Lifts', skill: 'lifts', priority: 'high', description: 'Passenger and goods lifts, escalators' },
  { key: 'it', name: 'IT/Network', skill: 'networking', priority: 'medium', description: 'Switches, wireless, firewalls and rack power' },
  { key: 'security', name: 'Security', skill: 'security', priority: 'medium', description: 'Access control, CCTV and intruder alarms' },
  { key: 'general', name: 'General', skill: 'general', priority: 'low', description: 'Doors, shutters, docks and everything else' },
] as const satisfies readonly { key: string; name: string; skill: string; priority: Priority; description: string }[];

export type CategoryName = (typeof CATEGORIES)[number]['name'];

/** A stored category string as one of ours ('General' for anything unknown). */
export function toCategoryName(name: string): CategoryName {
  return CATEGORIES.find((category) => category.name === name)?.name ?? 'General';
}

export function categoryForSkill(skill: string): CategoryName {
  return CATEGORIES.find((category) => category.skill === skill)?.name ?? 'General';
}

/** Each engineer covers a region (home sites) and a few trades. */
const ENGINEER_PROFILES: Record<string, { sites: SiteKey[]; skills: string[] }> = {
  eng1: { sites: ['lon'], skills: ['hvac', 'electrical', 'general'] },
  eng2: { sites: ['lon', 'ber'], skills: ['electrical', 'fire-safety', 'security'] },
  eng3: { sites: ['nyc'], skills: ['plumbing', 'hvac', 'general'] },
  eng4: { sites: ['nyc', 'chi'], skills: ['lifts', 'electrical', 'hvac'] },
  eng5: { sites: ['chi', 'ber'], skills: ['networking', 'security', 'electrical', 'plumbing'] },
  eng6: { sites: ['syd'], skills: ['fire-safety', 'plumbing', 'general', 'hvac', 'lifts', 'networking', 'security', 'electrical'] },
};

/** Every site has a manager: site1 → 1 site, site2 and site3 → 2 each. */
const MANAGER_SITES: Record<string, SiteKey[]> = {
  site1: ['lon'],
  site2: ['nyc', 'chi'],
  site3: ['ber', 'syd'],
};

export function engineerSites(username: string): SiteKey[] {
  return ENGINEER_PROFILES[username]?.sites ?? [];
}

export function engineerSkills(username: string): string[] {
  return ENGINEER_PROFILES[username]?.skills ?? [];
}

export function managerOf(key: SiteKey): string {
  const entry = Object.entries(MANAGER_SITES).find(([, sites]) => sites.includes(key));
  return demoUserId(entry?.[0] ?? 'dispatch1');
}

export const ENGINEER_USERNAMES = Object.keys(ENGINEER_PROFILES);

export function siteInfo(key: SiteKey) {
  const site = SITES.find((candidate) => candidate.key === key);
  if (!site) throw new Error(`unknown site ${key}`);
  return site;
}

export function buildSites(base: Date): Site[] {
  const created = base.getTime() - SETUP_AGE_MS;
  return SITES.map((site) => ({
    id: siteId(site.key),
    type: 'site',
    code: site.code,
    name: site.name,
    address: site.address,
    location: { lat: site.lat, lng: site.lng },
    timezone: site.timezone,
    ...stamps(created),
  }));
}

export function buildUsers(base: Date): User[] {
  const created = base.getTime() - SETUP_AGE_MS;
  return DEMO_ACCOUNTS.map((account) => {
    const sites = account.role === 'engineer' ? engineerSites(account.username) : (MANAGER_SITES[account.username] ?? []);
    return {
      id: demoUserId(account.username),
      type: 'user',
      username: account.username,
      fullName: account.fullName,
      email: `${account.username}@fieldservice.example`,
      role: account.role,
      siteIds: sites.map(siteId),
      skills: engineerSkills(account.username),
      active: true,
      ...stamps(created),
    };
  });
}

export function buildCategories(base: Date): Category[] {
  const created = base.getTime() - SETUP_AGE_MS;
  return CATEGORIES.map((category) => ({
    id: `cat-${category.key}`,
    type: 'category',
    name: category.name,
    description: category.description,
    skills: [category.skill],
    defaultPriority: category.priority,
    ...stamps(created),
  }));
}

export const POLICY_TARGETS: Record<Priority, { name: string; response: number; resolution: number; businessHoursOnly: boolean }> = {
  critical: { name: 'Critical — 24×7', response: 30, resolution: 240, businessHoursOnly: false },
  high: { name: 'High — 24×7', response: 60, resolution: 480, businessHoursOnly: false },
  medium: { name: 'Medium — business hours', response: 240, resolution: 1440, businessHoursOnly: true },
  low: { name: 'Low — business hours', response: 480, resolution: 4320, businessHoursOnly: true },
};

export const slaPolicyId = (priority: Priority) => `sla-${priority}`;

export function buildSlaPolicies(base: Date): SlaPolicy[] {
  const created = base.getTime() - SETUP_AGE_MS;
  const year = base.getUTCFullYear();
  const holidays = [`${year}-01-01`, `${year}-12-25`, `${year}-12-26`, `${year + 1}-01-01`];
  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
  return PRIORITIES.map((priority) => {
    const target = POLICY_TARGETS[priority];
    return {
      id: slaPolicyId(priority),
      type: 'slaPolicy',
      name: target.name,
      priority,
      responseMinutes: target.response,
      resolutionMinutes: target.resolution,
      // Empty business hours mean the clock runs 24×7 (see SlaPolicySchema).
      businessHours: target.businessHoursOnly ? weekdays : [],
      holidays: target.businessHoursOnly ? holidays : [],
      ...stamps(created),
    };
  });
}
