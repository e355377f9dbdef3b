import type { Random } from './prng';

/**
 * Hands out the server-owned number for the index-th ticket or work order of a generated set.
 * Pure by default (`TCK-000001`…); the seeding command passes numbers from the NumberAllocator so
 * the live counter continues after the seed and never repeats a seeded number.
 */
export type NumberFn = (series: 'TCK' | 'WO', index: number) => string;

export const sequentialNumbers: NumberFn = (series, index) => `${series}-${String(index + 1).padStart(6, '0')}`;

/** What every generator needs: the random source, "now" for the data set, and the numbering. */
export type SeedContext = { rng: Random; base: Date; number: NumberFn };

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function iso(ms: number | Date): string {
  return new Date(ms).toISOString();
}

/** The common base fields with both timestamps. */
export function stamps(createdMs: number, updatedMs = createdMs) {
  return { createdAt: iso(createdMs), updatedAt: iso(Math.max(createdMs, updatedMs)), _deleted: false };
}

/** Round down to a quarter hour, as a dispatcher would schedule. */
export function floorToQuarter(ms: number): number {
  return Math.floor(ms / (15 * MINUTE_MS)) * 15 * MINUTE_MS;
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
