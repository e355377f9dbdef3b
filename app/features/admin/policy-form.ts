import type { SlaPolicy } from '@shared/schemas/misc';

/** Business hours as an admin types them: one `Mon 09:00-17:00` per line (end ≤ start runs overnight). */
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export class PolicyFormError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'PolicyFormError';
  }
}

export function formatHours(hours: SlaPolicy['businessHours']): string {
  return hours.map((entry) => `${DAYS[entry.weekday - 1] ?? '?'} ${entry.start}-${entry.end}`).join('\n');
}

export function parseHours(text: string): SlaPolicy['businessHours'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const match = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/i.exec(line);
      if (!match) throw new PolicyFormError(`Line ${index + 1}: write it like "Mon 09:00-17:00"`, 'businessHours');
      const day = DAYS.findIndex((name) => name.toLowerCase() === match[1]?.toLowerCase());
      return { weekday: day + 1, start: match[2] ?? '', end: match[3] ?? '' };
    });
}

export function parseHolidays(text: string): string[] {
  const dates = text.split(/[\s,]+/).map((item) => item.trim()).filter(Boolean);
  const bad = dates.find((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)));
  if (bad) throw new PolicyFormError(`"${bad}" is not a date like 2026-12-25`, 'holidays');
  return [...new Set(dates)].sort();
}

export function parseMinutes(value: string, field: string): number {
  const minutes = Number(value);
  if (!Number.isInteger(minutes) || minutes <= 0) throw new PolicyFormError('Enter a whole number of minutes above 0', field);
  return minutes;
}
