import { BusinessHoursSchema, SlaPolicySchema, type SlaPolicy } from '@shared/schemas/misc';
import { SlaPolicyInputSchema } from '@shared/sync/sla-admin-protocol';
import { toChecked, type Checked, type FieldProblems } from './field-problems';

/** Business hours as an admin types them: one `Mon 09:00-17:00` per line (end before start runs overnight). */
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

type WeeklyHours = SlaPolicy['businessHours'][number];

/** A policy as the admin types it: targets, hours and holidays stay text until checked. */
export type PolicyInput = { name: string; response: string; resolution: string; hours: string; holidays: string };

export function policyInputOf(policy: SlaPolicy): PolicyInput {
  return { name: policy.name, response: String(policy.responseMinutes), resolution: String(policy.resolutionMinutes), hours: formatHours(policy.businessHours), holidays: policy.holidays.join('\n') };
}

export function formatHours(hours: SlaPolicy['businessHours']): string {
  return hours.map((entry) => `${DAYS[entry.weekday - 1] ?? '?'} ${entry.start}-${entry.end}`).join('\n');
}

/**
 * The edited policy, or every problem with it at once: the lines and dates the form cannot read,
 * then the schema the server checks an admin's policy with (targets, and a resolution no shorter
 * than the response), each in words.
 */
export function checkPolicy(input: PolicyInput, base: SlaPolicy, now: Date): Checked<SlaPolicy> {
  const hours = readHours(input.hours);
  const holidays = readHolidays(input.holidays);
  const candidate: SlaPolicy = {
    ...base,
    name: input.name.trim(),
    responseMinutes: readMinutes(input.response),
    resolutionMinutes: readMinutes(input.resolution),
    businessHours: hours.hours,
    holidays: holidays.dates,
    updatedAt: now.toISOString(),
  };
  const earlier: FieldProblems = { businessHours: joined(hours.problems), holidays: joined(holidays.problems) };
  const checked = toChecked(SlaPolicyInputSchema.safeParse(candidate), earlier);
  return checked.ok ? { ok: true, doc: candidate } : checked;
}

/**
 * Each line's hours, and what is wrong with each line that is not hours. Times are checked as the
 * calendar reads them: a start is a time of day, an end may also be 24:00 (the next midnight); the
 * schema's pattern alone lets an end of 24:30 through. A line that starts and ends at the same time
 * would count 24 hours from then, which nobody means by it.
 */
export function readHours(text: string): { hours: WeeklyHours[]; problems: string[] } {
  const hours: WeeklyHours[] = [];
  const problems: string[] = [];
  const lines = text.split('\n').map((line) => line.trim());
  lines.forEach((line, index) => {
    if (!line) return;
    const match = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/i.exec(line);
    const entry = match && { weekday: DAYS.findIndex((day) => day.toLowerCase() === match[1]?.toLowerCase()) + 1, start: padded(match[2]), end: padded(match[3]) };
    const problem = entry ? hoursProblem(entry) : 'write it like "Mon 09:00-17:00"';
    if (problem) problems.push(`Line ${index + 1}: ${problem}.`);
    else if (entry) hours.push(entry);
  });
  return { hours, problems };
}

function hoursProblem({ start, end }: WeeklyHours): string | undefined {
  const wrong = [
    ...(BusinessHoursSchema.shape.start.safeParse(start).success ? [] : [`the start ${start} is not a time from 00:00 to 23:59`]),
    ...(BusinessHoursSchema.shape.end.safeParse(end).success && end <= '24:00' ? [] : [`the end ${end} is not a time from 00:00 to 24:00`]),
  ];
  if (wrong.length > 0) return wrong.join(', and ');
  return start === end ? `it starts and ends at ${start}; a whole day is 00:00-24:00` : undefined;
}

/** Dates separated by spaces, commas or lines, sorted without repeats; each one that is not a date named. */
export function readHolidays(text: string): { dates: string[]; problems: string[] } {
  const items = text.split(/[\s,]+/).filter(Boolean);
  const isDate = (item: string) => SlaPolicySchema.shape.holidays.element.safeParse(item).success;
  const problems = items.filter((item) => !isDate(item)).map((item) => `"${item}" is not a date like 2026-12-25.`);
  return { dates: [...new Set(items.filter(isDate))].sort(), problems };
}

/** Minutes as typed; NaN for blank or text, so the schema says a number is wanted. */
function readMinutes(text: string): number {
  return text.trim() ? Number(text.trim()) : Number.NaN;
}

const padded = (time: string | undefined) => (time ?? '').padStart(5, '0');

const joined = (problems: readonly string[]) => (problems.length > 0 ? problems.join(' ') : undefined);
